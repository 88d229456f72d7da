import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getMatchingOverview } from "#src/services/matching/get-matching-overview.ts";
import { moveWaitingListIntoMatching } from "#src/services/matching/move-waiting-list-into-matching.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";
import { setMatchingMode } from "#src/services/matching/set-matching-mode.ts";
import { ErrorSummary, Field, RadioGroup, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/round";
import { PageTitle } from "../../../components/page-title.tsx";

/**
 * A round's matching for the operator (and the ministry, read only): inputs, regional caps and
 * floors, run, the runs so far, offers; replacement from the selection's waiting list (ADR 0034).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getMatchingOverview(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  if (form.get("intent") === "mode") {
    const set = await runForm(request, locale, form, () => setMatchingMode(rt, actor, { roundId: params.roundId, form: readForm(form) }));
    if (!set.ok) return set.response;
    return redirect(`/${locale}/operator/rounds/${params.roundId}/matching?mode=saved#mode`);
  }
  if (form.get("intent") === "move") {
    const moved = await runForm(request, locale, form, () => moveWaitingListIntoMatching(rt, actor, { roundId: params.roundId, form: readForm(form) }));
    if (!moved.ok) return moved.response;
    return redirect(`/${locale}/operator/rounds/${params.roundId}/matching?moved=${moved.result.moved.length}`);
  }
  const out = await runForm(request, locale, form, () => runMatching(rt, actor, { roundId: params.roundId, form: readForm(form) }));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/matching/runs/${out.result.runId}?done=ran`);
}

export default function OperatorMatchingRound() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const moved = search.get("moved");
  const M = (k: string, p?: Record<string, string | number>) => t(`matchingShortlistStaff.mode.${k}`, p);
  const W = (k: string, p?: Record<string, string | number>) => t(`matchingOffersStaff.waiting.${k}`, p);
  const O = (k: string, p?: Record<string, string | number>) => t(`matchingStaff.operator.${k}`, p);
  const regionName = (r: { nameJa: string; nameEn: string }) => (locale === "ja" ? r.nameJa : r.nameEn);
  const capsText = (caps: Record<string, number>) =>
    Object.keys(caps).length === 0
      ? O("noCaps")
      : Object.entries(caps)
          .map(([code, n]) => `${regionName(view.regions.find((r) => r.code === code) ?? { nameJa: code, nameEn: code })} ${n}`)
          .join(", ");
  const labels: Record<string, string> = {
    ...Object.fromEntries(view.regions.map((r) => [`cap.${r.code}`, O("capFor", { region: regionName(r), seats: r.seats })])),
    ...Object.fromEntries(view.regions.map((r) => [`floor.${r.code}`, t("matchingOffersStaff.floors.floorFor", { region: regionName(r) })])),
    count: W("count"),
  };
  return (
    <>
      <PageTitle title={O("title", { round: locale === "ja" ? view.round.nameJa : view.round.nameEn })} />
      <h1>{O("title", { round: locale === "ja" ? view.round.nameJa : view.round.nameEn })}</h1>
      {view.round.phase !== "matching" ? <p className="notice">{O("phaseNotice", { phase: t(`phases.${view.round.phase}`) })}</p> : null}
      {moved ? (
        <p className="notice" role="status">
          {W("done", { count: Number(moved) })}
        </p>
      ) : null}
      <Refusal />
      <section aria-labelledby="mode">
        <h2 id="mode">{M("title")}</h2>
        {search.get("mode") === "saved" ? (
          <p className="notice" role="status">
            {M("saved")}
          </p>
        ) : null}
        <p data-testid="matching-mode">{M("current", { mode: M(`modes.${view.mode.mode}`) })}</p>
        {view.mode.canSet ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="mode" />
            <RadioGroup
              name="mode"
              legend={M("legend")}
              hint={M("hint")}
              state={state}
              defaultValue={view.mode.mode}
              options={(["open_ranking", "office_shortlist"] as const).map((m) => ({ value: m, label: M(`modes.${m}`), hint: M(`hints.${m}`) }))}
            />
            <button type="submit">{M("save")}</button>
          </Form>
        ) : view.mode.lock ? (
          <p>{M(`locks.${view.mode.lock.code}`, { rankLists: "rankLists" in view.mode.lock ? view.mode.lock.rankLists : 0 })}</p>
        ) : null}
      </section>
      <section aria-labelledby="inputs">
        <h2 id="inputs">{O("inputsTitle")}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt>{O("selected")}</dt>
            <dd>{view.selected}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{O("applicantLists")}</dt>
            <dd data-testid="applicant-lists">{view.applicantListsSubmitted}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{O("positions")}</dt>
            <dd>
              {view.positions} ({O("seats")}: {view.seats})
            </dd>
          </div>
          <div className="summary-list-row">
            <dt>{O("positionLists")}</dt>
            <dd>{view.positionListsSubmitted}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{O("offersTitle")}</dt>
            <dd>{O("offerCounts", view.offers)}</dd>
          </div>
        </dl>
        {view.round.matchingClose ? (
          <p>
            {t("deadlines.matching_close")}: <Instant at={view.round.matchingClose} />
          </p>
        ) : null}
      </section>
      {view.canRun ? (
        <section aria-labelledby="next">
          <h2 id="next">{O("nextTitle")}</h2>
          <p data-testid="next-run">
            {O("nextStage", { stage: view.next.stage, applicants: view.next.applicants, positions: view.next.positions, seats: view.next.seats })}
          </p>
          <p>
            {O("inputHash")}: <code className="hash">{view.next.hash}</code>
          </p>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <fieldset>
              <legend>{O("capsTitle")}</legend>
              <p className="hint">{O("capsLead")}</p>
              {view.regions.map((r) => (
                <Field key={r.code} name={`cap.${r.code}`} label={labels[`cap.${r.code}`]} type="number" width="short" state={state} />
              ))}
            </fieldset>
            <fieldset>
              <legend>{t("matchingOffersStaff.floors.title")}</legend>
              <p className="hint">{t("matchingOffersStaff.floors.lead")}</p>
              {view.regions.map((r) => (
                <Field key={r.code} name={`floor.${r.code}`} label={labels[`floor.${r.code}`]} type="number" width="short" state={state} />
              ))}
            </fieldset>
            <button type="submit">{O("run")}</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="suggestions">
        <h2 id="suggestions">{t("matchingOffersStaff.suggestion.listTitle")}</h2>
        <p>{t("matchingOffersStaff.suggestion.listLead")}</p>
        <ul>
          {view.positionList.map((p) => (
            <li key={p.id}>
              <a href={`/${locale}/operator/matching/positions/${p.id}`}>
                {p.title} ({locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)})
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="waiting">
        <h2 id="waiting">{W("title")}</h2>
        <p>{W("lead")}</p>
        <p data-testid="free-places">{W("free", { free: view.next.seats })}</p>
        {view.waitingList.length === 0 ? (
          <p>{W("none")}</p>
        ) : (
          <table>
            <caption>{W("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{W("place")}</th>
                <th scope="col">{W("code")}</th>
              </tr>
            </thead>
            <tbody>
              {view.waitingList.map((w, i) => (
                <tr key={w.id} data-testid="waiting-row">
                  <td>{w.rank ?? i + 1}</td>
                  <td>{w.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.canMoveWaitingList ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="move" />
            <Field
              name="count"
              label={labels.count}
              hint={W("countHint")}
              type="number"
              width="short"
              required
              defaultValue={Math.min(view.next.seats, view.waitingList.length)}
              state={state}
            />
            <button type="submit">{W("submit")}</button>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">{O("runsTitle")}</h2>
        {view.runs.length === 0 ? (
          <p>{O("noRuns")}</p>
        ) : (
          <table>
            <caption>{O("runsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{O("created")}</th>
                <th scope="col">{O("stage")}</th>
                <th scope="col">{O("status")}</th>
                <th scope="col">{O("caps")}</th>
                <th scope="col">{O("matched")}</th>
                <th scope="col">{O("verified")}</th>
              </tr>
            </thead>
            <tbody>
              {view.runs.map((r) => (
                <tr key={r.id} data-testid="run-row">
                  <td>
                    <a href={`/${locale}/operator/matching/runs/${r.id}`}>{formatInstant(r.createdAt, locale, PROGRAM_TIME_ZONE)}</a>
                  </td>
                  <td>{r.stage}</td>
                  <td>{t(`matchingStaff.runStatuses.${r.status}`)}</td>
                  <td>{capsText(r.caps)}</td>
                  <td>
                    {r.matched} / {r.applicants}
                  </td>
                  <td>{r.stable ? O("stable") : O("notStable")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
