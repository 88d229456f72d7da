import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { closeScreening } from "#src/services/screening/close-screening.ts";
import { computeScreeningRanking } from "#src/services/screening/compute-screening-ranking.ts";
import { getScreeningRanking } from "#src/services/screening/get-screening-ranking.ts";
import { ErrorSummary, Field, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/ranking";
import { PageTitle } from "../../../components/page-title.tsx";
import { translator } from "#src/i18n/translator.ts";

/** The normalized ranking of a round's screening, each reviewer's statistics, and closing screening (top N to interview). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const t = translator(locale);
  const chartText = {
    title: t("screeningOps.chart.title"),
    describe: (name: string, count: number, mean: number) => t("screeningOps.chart.describe", { name, count, mean }),
    scoreAxis: t("screeningOps.chart.scoreAxis"),
    readsLegend: t("screeningOps.chart.reads"),
    meanLegend: t("screeningOps.chart.mean"),
  };
  return run(request, locale, async () => ({ ranking: await getScreeningRanking(rt, actor, params.roundId, chartText) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const base = `/${locale}/operator/rounds/${params.roundId}/screening/ranking`;
  if (form.get("_form") === "close") {
    const out = await runForm(request, locale, form, () => closeScreening(rt, actor, params.roundId, readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`${base}?closed=${out.result.toInterview}`);
  }
  const out = await runForm(request, locale, form, () => computeScreeningRanking(rt, actor, params.roundId));
  if (!out.ok) return out.response;
  const { ranked, flagged, extraReadsAssigned, extraReadsWaiting } = out.result;
  return redirect(`${base}?ranked=${ranked}${flagged > 0 ? `&extra=${extraReadsAssigned}&waiting=${extraReadsWaiting}` : ""}`);
}

export default function ScreeningRanking() {
  const { t, locale } = useI18n();
  const { ranking } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const n = (x: number) => formatNumber(x, locale);
  const score = (x: number | null) => (x === null ? "—" : formatNumber(Math.round(x * 100) / 100, locale));
  const closed = ranking.settings.closedAt !== null;
  return (
    <>
      <PageTitle title={t("screening.ranking.title", { round: locale === "ja" ? ranking.round.nameJa : ranking.round.nameEn })} />
      <h1>{t("screening.ranking.title", { round: locale === "ja" ? ranking.round.nameJa : ranking.round.nameEn })}</h1>
      {search.get("ranked") ? (
        <p className="notice" role="status">
          {t("screening.ranking.ranked", { count: Number(search.get("ranked")) })}
          {search.get("extra") !== null ? (
            <>
              {" "}
              <span data-testid="extra-reads-notice">
                {t("screeningOps.extraReads.notice", { assigned: Number(search.get("extra")), waiting: Number(search.get("waiting") ?? 0) })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {search.get("closed") ? (
        <p className="notice" role="status" data-testid="closed-notice">
          {t("screening.ranking.closedNotice", { count: Number(search.get("closed")) })}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/operator/rounds/${ranking.round.id}/screening`}>{t("screening.ranking.backToBoard")}</a>
      </p>
      <Refusal title={t("screening.refusedTitle")} />
      <ErrorSummary state={formState} labels={{ interviewCount: t("screening.ranking.interviewCount") }} />
      {!closed ? (
        <Form method="post" noValidate>
          <input type="hidden" name="_form" value="rank" />
          <button type="submit">{t("screening.ranking.compute")}</button>
        </Form>
      ) : null}
      <p>
        {ranking.computedAt ? t("screening.ranking.computedAt") : t("screening.ranking.notComputed")}{" "}
        {ranking.computedAt ? <Instant at={ranking.computedAt} /> : null}
      </p>
      <h2>{t("screening.ranking.reviewersTitle")}</h2>
      <p>{t("screening.ranking.severityLead")}</p>
      {ranking.reviewers.length === 0 ? (
        <p>{t("screening.ranking.noScores")}</p>
      ) : (
        <>
          {ranking.chart ? (
            <figure className="report-chart" data-testid="reviewer-chart">
              <div dangerouslySetInnerHTML={{ __html: ranking.chart }} />
              <figcaption>{t("screeningOps.chart.caption")}</figcaption>
            </figure>
          ) : null}
          <table>
            <caption>{t("screening.ranking.reviewersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("screening.board.reviewer")}</th>
                <th scope="col">{t("screening.ranking.count")}</th>
                <th scope="col">{t("screening.ranking.mean")}</th>
                <th scope="col">{t("screening.ranking.sd")}</th>
                <th scope="col">{t("screening.ranking.severity")}</th>
                <th scope="col">{t("screening.ranking.standardError")}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.reviewers.map((r) => (
                <tr key={r.reviewer} data-testid="reviewer-stats">
                  <th scope="row">{r.name}</th>
                  <td>{n(r.count)}</td>
                  <td>{score(r.mean)}</td>
                  <td>{score(r.sd)}</td>
                  <td>{r.estimable ? score(r.severity) : t("screening.ranking.notEstimable")}</td>
                  <td>{score(r.standardError)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t("screening.ranking.rankingTitle")}</h2>
      {ranking.ranks.length === 0 ? null : (
        <table>
          <caption>{t("screening.ranking.rankingCaption", { min: ranking.scale.min, max: ranking.scale.max })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("screening.ranking.rank")}</th>
              <th scope="col">{t("screening.receiptNumber")}</th>
              <th scope="col">{t("screening.ranking.applicant")}</th>
              <th scope="col">{t("screening.ranking.normalized")}</th>
              <th scope="col">{t("screening.ranking.rawMean")}</th>
              <th scope="col">{t("screening.ranking.reads")}</th>
              <th scope="col">{t("screening.ranking.disagreement")}</th>
              <th scope="col">{t("screening.state")}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.ranks.map((r) => (
              <tr key={r.applicationId} data-testid="rank-row">
                <td>{n(r.rank)}</td>
                <th scope="row">
                  <a href={`/${locale}/operator/applications/${r.applicationId}`}>{r.receiptNumber ?? r.applicationId}</a>
                </th>
                <td>{r.name}</td>
                <td>{score(r.normalizedScore)}</td>
                <td>{score(r.rawMean)}</td>
                <td>{n(r.reads)}</td>
                <td>{r.flagged ? t("screening.ranking.flagged") : "—"}</td>
                <td>{t(`applicationStatus.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("screening.ranking.closeTitle")}</h2>
      {closed ? (
        <p data-testid="screening-closed">
          {t("screening.ranking.alreadyClosed", { count: ranking.settings.interviewCount ?? 0 })} <Instant at={ranking.settings.closedAt!} />
        </p>
      ) : (
        <>
          <p>{t("screening.ranking.closeLead")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="_form" value="close" />
            <Field name="interviewCount" label={t("screening.ranking.interviewCount")} type="number" width="short" state={formState} required />
            <button type="submit">{t("screening.ranking.close")}</button>
          </Form>
        </>
      )}
    </>
  );
}
