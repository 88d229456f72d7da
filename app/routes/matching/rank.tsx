import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getMyRankList } from "#src/services/matching/get-my-rank-list.ts";
import { saveMyRankList } from "#src/services/matching/save-my-rank-list.ts";
import { ErrorSummary, Field, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { formatDate, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/rank";
import { PageTitle } from "../../components/page-title.tsx";

/** The selected applicant's rank order list of the round's positions (all six languages; works without JavaScript). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return { view: await run(request, locale, () => getMyRankList(rt, actor)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => saveMyRankList(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/matching?done=${out.result.submitted ? "submitted" : "saved"}`);
}

export default function RankPage() {
  const { t, locale } = useI18n();
  const { view } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  if (!view) {
    return (
      <>
        <PageTitle title={t("matching.title")} />
        <h1>{t("matching.title")}</h1>
        <p>{t("matching.none")}</p>
      </>
    );
  }
  const max = view.positions.length;
  const labels = Object.fromEntries(view.positions.map((p) => [`rank.${p.id}`, t("matching.rankFor", { title: p.title })]));
  const byRank = [...view.positions].sort((a, b) => (view.ranks[a.id] ?? 1e9) - (view.ranks[b.id] ?? 1e9));
  return (
    <>
      <PageTitle title={t("matching.title")} />
      <h1>{t("matching.title")}</h1>
      <p>{t("matching.round", { name: locale === "ja" ? view.round.nameJa : view.round.nameEn })}</p>
      {done === "saved" || done === "submitted" ? (
        <p className="notice" role="status">
          {t(done === "saved" ? "matching.saved" : "matching.submitted")}
        </p>
      ) : null}
      {view.round.matchingClose ? (
        <p>
          {t("matching.deadline")} <Instant at={view.round.matchingClose} />
        </p>
      ) : (
        <p>{t("matching.noDeadline")}</p>
      )}
      <p data-testid="rank-list-status">
        {view.submittedAt ? t("matching.submittedAt", { at: formatDate(view.submittedAt.toISOString().slice(0, 10), locale) }) : t("matching.notSubmitted")}
      </p>
      {view.round.matchingPublished ? (
        <p>
          <a href={`/${locale}/matching/result`}>{t("matching.resultLink")}</a>
        </p>
      ) : null}
      {view.round.matchingMode === "office_shortlist" ? (
        <section aria-labelledby="shortlist-mode">
          <h2 id="shortlist-mode">{t("matchingShortlist.rank.title")}</h2>
          <p data-testid="shortlist-mode">{view.positions.length === 0 ? t("matchingShortlist.rank.none") : t("matchingShortlist.rank.lead")}</p>
          <p>
            <a href={`/${locale}/matching/interviews`}>{t("matchingShortlist.rank.interviewsLink")}</a>
          </p>
        </section>
      ) : null}
      <Refusal />
      {view.open ? (
        <>
          <p className="lead">{t("matching.lead")}</p>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <h2>{t("matching.positionsTitle")}</h2>
            {view.positions.map((p) => (
              <section key={p.id} className="card" aria-labelledby={`pos-${p.id}`}>
                <h3 id={`pos-${p.id}`}>{p.title}</h3>
                <p>
                  {t("matching.company")}: {locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)} · {t("matching.location")}:{" "}
                  {locale === "ja" ? `${p.prefectureJa}（${p.regionJa}）` : `${p.prefectureEn} (${p.regionEn})`} · {t("matching.places", { count: p.capacity })}
                </p>
                <p>{p.description}</p>
                <Field
                  name={`rank.${p.id}`}
                  label={t("matching.rankFor", { title: p.title })}
                  hint={t("matching.rankHint", { max })}
                  type="number"
                  width="short"
                  state={state}
                  defaultValue={view.ranks[p.id] ?? ""}
                />
              </section>
            ))}
            <div className="button-row">
              <button type="submit" name="intent" value="submit">
                {t("matching.submit")}
              </button>{" "}
              <button type="submit" name="intent" value="save" className="secondary">
                {t("matching.save")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p>{t("matching.closed")}</p>
          <ol data-testid="rank-list">
            {byRank
              .filter((p) => view.ranks[p.id])
              .map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
          </ol>
        </>
      )}
    </>
  );
}
