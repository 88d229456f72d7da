import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getMatchingRun } from "#src/services/matching/get-matching-run.ts";
import { approveMatchingRun } from "#src/services/matching/approve-matching-run.ts";
import { publishMatchingRun } from "#src/services/matching/publish-matching-run.ts";
import { ErrorSummary, Field, useFormState } from "../../../components/forms/index.ts";
import { ApplicantReasons } from "../../../components/matching/applicant-reasons.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/run";
import { PageTitle } from "../../../components/page-title.tsx";

/**
 * One matching run (operator; ministry read only): the verification certificate, interns per
 * region against caps (and floors' distance), what-if comparison with another run of the same
 * stage, every applicant's result and why, every position's; record the committee's approval
 * (ADR 0034), then publish.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const compare = new URL(request.url).searchParams.get("compare");
  return run(request, locale, () => getMatchingRun(rt, actor, params.runId, compare));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  if (form.get("intent") === "approve") {
    const approved = await runForm(request, locale, form, () => approveMatchingRun(rt, actor, { runId: params.runId, form: readForm(form) }));
    if (!approved.ok) return approved.response;
    return redirect(`/${locale}/operator/matching/runs/${params.runId}?done=approved`);
  }
  const out = await runForm(request, locale, form, () => publishMatchingRun(rt, actor, params.runId));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/matching/runs/${params.runId}?done=published`);
}

export default function OperatorMatchingRun() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const R = (k: string, p?: Record<string, string | number>) => t(`matchingStaff.run.${k}`, p);
  const A = (k: string, p?: Record<string, string | number>) => t(`matchingOffersStaff.approval.${k}`, p);
  const approvalLabels = { approvedOn: A("approvedOn"), reference: A("reference") };
  const regionName = (code: string) => {
    const r = view.regions.find((x) => x.code === code);
    return r ? (locale === "ja" ? r.nameJa : r.nameEn) : code;
  };
  const capsText = (caps: Record<string, number>) =>
    Object.keys(caps).length === 0
      ? t("matchingStaff.operator.noCaps")
      : Object.entries(caps)
          .map(([code, n]) => `${regionName(code)} ${n}`)
          .join(", ");
  const positionLabel = (id: string | null) => {
    if (!id) return R("unmatched");
    const p = view.positions[id];
    return p ? `${p.title} (${locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)})` : id;
  };
  const reasonPositions = Object.fromEntries(
    Object.entries(view.positions).map(([id, p]) => {
      const region = view.regions.find((r) => r.code === p.regionCode);
      return [id, { title: p.title, regionJa: region?.nameJa ?? p.regionCode, regionEn: region?.nameEn ?? p.regionCode }];
    }),
  );
  const v = view.verification;
  return (
    <>
      <PageTitle title={R("title", { stage: view.stage })} />
      <h1>{R("title", { stage: view.stage })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${view.roundId}/matching`}>{R("back")}</a>
      </p>
      {done ? (
        <p className="notice" role="status">
          {done === "published" ? R("published") : done === "approved" ? A("done") : t("matchingStaff.operator.ran")}
        </p>
      ) : null}
      <Refusal />
      <section aria-labelledby="summary">
        <h2 id="summary">{R("summary")}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt>{R("status")}</dt>
            <dd data-testid="run-status">{t(`matchingStaff.runStatuses.${view.status}`)}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t("matchingStaff.operator.caps")}</dt>
            <dd>{capsText(view.caps)}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{R("matched")}</dt>
            <dd data-testid="run-matched">
              {view.matched} / {view.applicants} ({R("seats")}: {view.seats})
            </dd>
          </div>
          <div className="summary-list-row">
            <dt>{R("createdAt")}</dt>
            <dd>{formatInstant(view.createdAt, locale, PROGRAM_TIME_ZONE)}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{A("title")}</dt>
            <dd data-testid="committee-approval">
              {view.review
                ? A("recorded", {
                    date: view.review.approvedOn,
                    reference: view.review.reference,
                    at: formatInstant(view.review.reviewedAt, locale, PROGRAM_TIME_ZONE),
                  })
                : A("pending")}
            </dd>
          </div>
          {view.publishedAt ? (
            <div className="summary-list-row">
              <dt>{R("publishedAt")}</dt>
              <dd>{formatInstant(view.publishedAt, locale, PROGRAM_TIME_ZONE)}</dd>
            </div>
          ) : null}
        </dl>
        {view.canApprove ? (
          <>
            <h3>{A("title")}</h3>
            <p>{A("lead")}</p>
            <ErrorSummary state={state} labels={approvalLabels} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="approve" />
              <Field name="approvedOn" label={approvalLabels.approvedOn} hint={A("approvedOnHint")} type="date" width="medium" required state={state} />
              <Field name="reference" label={approvalLabels.reference} hint={A("referenceHint")} width="medium" required state={state} />
              <button type="submit">{A("submit")}</button>
            </Form>
          </>
        ) : null}
        {view.canPublish ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="publish" />
            <button type="submit">{R("publish")}</button>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="certificate">
        <h2 id="certificate">{R("certificateTitle")}</h2>
        {v ? (
          <dl className="summary-list">
            <div className="summary-list-row">
              <dt>{R("notion")}</dt>
              <dd>{t(`matchingStaff.run.notions.${v.notion}`)}</dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("feasible")}</dt>
              <dd>{v.feasible ? R("yes") : R("no")}</dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("blockingPairs")}</dt>
              <dd data-testid="blocking-pairs">{v.blockingPairs.length}</dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("violations")}</dt>
              <dd>{v.violations.length}</dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("engine")}</dt>
              <dd>{view.engineVersion}</dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("inputHash")}</dt>
              <dd>
                <code className="hash">{view.inputHash}</code>
              </dd>
            </div>
            <div className="summary-list-row">
              <dt>{R("verifiedAt")}</dt>
              <dd>{formatInstant(v.verifiedAt, locale, PROGRAM_TIME_ZONE)}</dd>
            </div>
          </dl>
        ) : null}
        <p>
          <a href={`/${locale}/operator/matching/runs/${view.id}/instance.json`} download>
            {R("download")}
          </a>
        </p>
      </section>
      <section aria-labelledby="regions">
        <h2 id="regions">{R("regionsTitle")}</h2>
        <table>
          <caption>{R("regionsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{R("region")}</th>
              <th scope="col">{R("regionSeats")}</th>
              <th scope="col">{R("regionMatched")}</th>
              <th scope="col">{R("regionCap")}</th>
              <th scope="col">{t("matchingOffersStaff.floors.floor")}</th>
              <th scope="col">{t("matchingOffersStaff.floors.short")}</th>
              {view.comparison ? <th scope="col">{R("otherRun")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.regions.map((r) => (
              <tr key={r.code} data-testid={`region-${r.code}`}>
                <th scope="row">{locale === "ja" ? r.nameJa : r.nameEn}</th>
                <td>{r.seats}</td>
                <td>{r.matched}</td>
                <td>{r.cap ?? R("uncapped")}</td>
                <td>{r.floor ?? t("matchingOffersStaff.floors.none")}</td>
                <td data-testid={`below-floor-${r.code}`}>{r.floor === null ? t("matchingOffersStaff.floors.none") : r.belowFloor}</td>
                {view.comparison ? <td>{view.comparison.regions[r.code] ?? 0}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {view.variants.length > 0 ? (
        <section aria-labelledby="compare">
          <h2 id="compare">{R("compareTitle")}</h2>
          <Form method="get">
            <label htmlFor="compare-with">{R("compareWith")}</label>
            <select id="compare-with" name="compare" defaultValue={view.comparison?.id ?? view.variants[0]!.id}>
              {view.variants.map((x) => (
                <option key={x.id} value={x.id}>
                  {R("variant", { matched: x.matched, caps: capsText(x.caps) })} — {t(`matchingStaff.runStatuses.${x.status}`)}
                </option>
              ))}
            </select>{" "}
            <button type="submit" className="secondary">
              {R("compare")}
            </button>
          </Form>
          {view.comparison ? (
            <>
              <h3>{R("comparisonTitle")}</h3>
              <p data-testid="comparison">
                {R("thisRun")}: {view.matched} ({capsText(view.caps)}) · {R("otherRun")}: {view.comparison.matched} ({capsText(view.comparison.caps)})
              </p>
              {view.comparison.differences.length === 0 ? (
                <p>{R("noDifferences")}</p>
              ) : (
                <table>
                  <caption>{R("differencesCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{R("applicant")}</th>
                      <th scope="col">{R("thisRun")}</th>
                      <th scope="col">{R("otherRun")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.comparison.differences.map((d) => (
                      <tr key={d.code}>
                        <th scope="row">{d.code}</th>
                        <td>{d.here ?? R("unmatched")}</td>
                        <td>{d.there ?? R("unmatched")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="results">
        <h2 id="results">{R("resultsTitle")}</h2>
        <table>
          <caption>{R("resultsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{R("applicant")}</th>
              <th scope="col">{R("position")}</th>
              <th scope="col">{R("choice")}</th>
              <th scope="col">{R("why")}</th>
            </tr>
          </thead>
          <tbody>
            {view.results.map((r) => (
              <tr key={r.applicationId}>
                <th scope="row">{r.code}</th>
                <td>{positionLabel(r.positionId)}</td>
                <td>{r.explanation.rank ?? "—"}</td>
                <td>
                  <ApplicantReasons explanation={r.explanation} positions={reasonPositions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="hosts">
        <h2 id="hosts">{R("hostsTitle")}</h2>
        <table>
          <caption>{R("hostsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{R("position")}</th>
              <th scope="col">{R("filled")}</th>
              <th scope="col">{R("why")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(view.hosts).map(([id, h]) => (
              <tr key={id}>
                <th scope="row">{positionLabel(id)}</th>
                <td>
                  {h.filled} / {h.capacity}
                </td>
                <td>
                  <ul className="reasons">
                    {h.higherRankedNotAdmitted.map((x) => (
                      <li key={x.applicant}>
                        {t(`matchingStaff.hostReasons.${x.code}`, {
                          code: view.codes[x.applicant] ?? "—",
                          rank: x.hostRankOfApplicant,
                          region: "region" in x ? regionName(x.region) : "",
                          cap: "regionCap" in x ? x.regionCap : 0,
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
