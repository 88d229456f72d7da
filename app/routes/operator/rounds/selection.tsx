import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { applySelectionSuggestion } from "#src/services/selection/apply-selection-suggestion.ts";
import { decideSelection } from "#src/services/selection/decide-selection.ts";
import { finalizeSelection } from "#src/services/selection/finalize-selection.ts";
import { getSelectionBoard } from "#src/services/selection/get-selection-board.ts";
import { updateSelectionOfferDays } from "#src/services/selection/update-selection-offer-days.ts";
import { updateSelectionSettings } from "#src/services/selection/update-selection-settings.ts";
import { ErrorSummary, Field, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Refusal } from "../../../components/refusal.tsx";
import type { Translate } from "#src/i18n/translator.ts";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/selection";
import { PageTitle } from "../../../components/page-title.tsx";

/** The committee's selection (issue 14): ranking, quotas, suggestion with reasons, decisions, final results. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getSelectionBoard(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = (done: string) => redirect(`/${locale}/operator/rounds/${params.roundId}/selection?done=${done}`);
  const input = readForm(form);
  const out = await runForm(request, locale, form, async () => {
    if (intent === "offerDays") return updateSelectionOfferDays(rt, actor, params.roundId, input);
    if (intent === "settings") return updateSelectionSettings(rt, actor, params.roundId, input);
    if (intent === "suggestion") return applySelectionSuggestion(rt, actor, params.roundId, input);
    if (intent === "finalize") return finalizeSelection(rt, actor, params.roundId);
    return decideSelection(rt, actor, params.roundId, input);
  });
  if (!out.ok) return out.response;
  return back(intent || "decided");
}

interface Reason {
  code: string;
  places?: number;
  count?: number;
  placesLeft?: number;
  quota?: { attribute: string; values: readonly string[]; limit: number; kind: string };
}

function skipText(t: Translate, r: Reason): string {
  if (r.code === "max_quota_full" && r.quota)
    return t("selection.skip.max_quota_full", { attribute: r.quota.attribute, values: r.quota.values.join(", "), count: r.count ?? 0, limit: r.quota.limit });
  if (r.code === "places_filled") return t("selection.skip.places_filled", { places: r.places ?? 0 });
  return t("selection.skip.reserved_for_minimums", { placesLeft: r.placesLeft ?? 0 });
}

export default function Selection() {
  const { t, locale } = useI18n();
  const board = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const r = board.round;
  const labels = {
    places: t("selection.places"),
    documentWeight: t("selection.documentWeight"),
    interviewWeight: t("selection.interviewWeight"),
    quotas: t("selection.quotas"),
    waitlistLength: t("selection.waitlistLength"),
    reason: t("selection.reason"),
    decision: t("selection.decision"),
    offerDays: t("selectionOffersStaff.board.offerDays"),
  };
  const tokyo = (at: Date | string | null) => (at ? formatInstant(at, locale, PROGRAM_TIME_ZONE) : "—");
  const fmt = (n: number | null, digits = 2) => (n === null ? "—" : n.toFixed(digits));
  return (
    <>
      <PageTitle title={t("selection.title", { round: locale === "ja" ? r.nameJa : r.nameEn })} />
      <h1>{t("selection.title", { round: locale === "ja" ? r.nameJa : r.nameEn })}</h1>
      {done ? (
        <p className="notice" role="status">
          {t("selection.done")}
        </p>
      ) : null}
      {r.final ? (
        <p className="notice" data-testid="selection-final">
          {t("selection.finalNotice")}
        </p>
      ) : null}
      <Refusal />
      <ErrorSummary state={state} labels={labels} />

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("selection.settingsTitle")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <Field name="places" type="number" label={labels.places} state={state} defaultValue={r.places} width="short" required />
          <Field name="documentWeight" type="number" label={labels.documentWeight} state={state} defaultValue={r.documentWeight} width="short" required />
          <Field name="interviewWeight" type="number" label={labels.interviewWeight} state={state} defaultValue={r.interviewWeight} width="short" required />
          <TextArea name="quotas" label={labels.quotas} hint={t("selection.quotasHint")} state={state} defaultValue={r.quotasText} rows={4} />
          <button type="submit" disabled={r.final}>
            {t("selection.saveSettings")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t("selectionOffersStaff.board.title")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="offerDays" />
          <Field
            name="offerDays"
            type="number"
            label={labels.offerDays}
            hint={t("selectionOffersStaff.board.offerDaysHint")}
            state={state}
            defaultValue={r.offerDays}
            width="short"
            required
          />
          <button type="submit">{t("selectionOffersStaff.board.saveOfferDays")}</button>
        </Form>
        {board.offers.length === 0 ? (
          <p data-testid="selection-offers-none">{t("selectionOffersStaff.board.none")}</p>
        ) : (
          <table data-testid="selection-offers">
            <caption>{t("selectionOffersStaff.board.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("selection.applicant")}</th>
                <th scope="col">{t("selectionOffersStaff.board.position")}</th>
                <th scope="col">{t("selectionOffersStaff.board.freedBy")}</th>
                <th scope="col">{t("selectionOffersStaff.board.offeredAt")}</th>
                <th scope="col">{t("selectionOffersStaff.board.deadline")}</th>
                <th scope="col">{t("selectionOffersStaff.board.state")}</th>
              </tr>
            </thead>
            <tbody>
              {board.offers.map((o) => (
                <tr key={o.id} data-testid={`offer-${o.receiptNumber}`}>
                  <td>
                    {o.name} ({o.receiptNumber ?? "—"})
                  </td>
                  <td>{o.waitlistPosition ?? "—"}</td>
                  <td>{o.freedByReceiptNumber ?? "—"}</td>
                  <td>{tokyo(o.offeredAt)}</td>
                  <td>{tokyo(o.expiresAt)}</td>
                  <td>
                    {t(`selectionOffersStaff.board.states.${o.state}`)}
                    {o.respondedAt && o.state !== "open" ? ` (${tokyo(o.respondedAt)})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {board.quotas.length > 0 ? (
        <section aria-labelledby="quotas-title">
          <h2 id="quotas-title">{t("selection.quotaOutcomeTitle")}</h2>
          <ul data-testid="quota-outcomes">
            {board.quotas.map((q, i) => (
              <li key={i}>
                {t("selection.quotaOutcome", { kind: q.kind, attribute: q.attribute, values: q.values.join(", "), count: q.count, limit: q.limit })}
              </li>
            ))}
          </ul>
          {board.shortfalls.map((s, i) => (
            <p key={i} className="warning">
              {t("selection.shortfall", { attribute: s.attribute, values: s.values.join(", "), limit: s.limit, short: s.short })}
            </p>
          ))}
        </section>
      ) : null}
      {board.issues.length > 0 ? <p className="warning">{t("selection.quotaIssues", { codes: board.issues.join(", ") })}</p> : null}

      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t("selection.rankingTitle")}</h2>
        {!r.final ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="suggestion" />
            <Field name="waitlistLength" type="number" label={labels.waitlistLength} state={state} defaultValue="10" width="short" required />
            <button type="submit">{t("selection.applySuggestion")}</button>
          </Form>
        ) : null}
        <table data-testid="ranking">
          <caption>{t("selection.rankingCaption", { places: r.places })}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("selection.applicant")}</th>
              <th scope="col">{t("selection.nationality")}</th>
              <th scope="col">{t("selection.document")}</th>
              <th scope="col">{t("selection.interview")}</th>
              <th scope="col">{t("selection.score")}</th>
              <th scope="col">{t("selection.suggestion")}</th>
              <th scope="col">{t("selection.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.id} data-testid={`row-${row.receiptNumber}`}>
                <td>{row.position}</td>
                <td>
                  {row.name} ({row.receiptNumber ?? "—"})
                </td>
                <td>{row.nationality}</td>
                <td>{fmt(row.document, 1)}</td>
                <td>{fmt(row.interview)}</td>
                <td>{fmt(row.score)}</td>
                <td>
                  {row.suggestion === "selected" ? t("selection.suggestSelected") : t("selection.suggestNot")}
                  {row.skipReasons.map((reason, i) => (
                    <div key={i} className="hint">
                      {skipText(t, reason)}
                    </div>
                  ))}
                </td>
                <td>
                  {row.decision ? (
                    <p>
                      <strong>{t(`selection.decisions.${row.decision}`)}</strong>
                      {row.decision === "waitlisted" && row.waitlistRank ? ` (${t("selection.waitlistPosition", { position: row.waitlistRank })})` : ""}
                      {row.reason ? ` — ${row.reason}` : ""}
                    </p>
                  ) : null}
                  {!r.final && row.status === "interview" ? (
                    <Form method="post" aria-label={t("selection.decideFor", { name: row.name })}>
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="applicationId" value={row.id} />
                      <label htmlFor={`decision-${row.id}`}>{labels.decision}</label>{" "}
                      <select
                        id={`decision-${row.id}`}
                        name="decision"
                        defaultValue={row.decision ?? (row.suggestion === "selected" ? "selected" : "waitlisted")}
                      >
                        {(["selected", "waitlisted", "rejected"] as const).map((d) => (
                          <option key={d} value={d}>
                            {t(`selection.decisions.${d}`)}
                          </option>
                        ))}
                      </select>{" "}
                      <label htmlFor={`reason-${row.id}`}>{labels.reason}</label>{" "}
                      <input id={`reason-${row.id}`} name="reason" defaultValue={row.reason ?? ""} /> <button type="submit">{t("selection.decide")}</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {board.excluded.length > 0 ? (
          <p>{t("selection.excluded", { names: board.excluded.map((e) => `${e.name} (${e.receiptNumber ?? "—"})`).join(", ") })}</p>
        ) : null}
      </section>

      {!r.final ? (
        <section aria-labelledby="final-title">
          <h2 id="final-title">{t("selection.finalTitle")}</h2>
          <p>{t("selection.finalLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="finalize" />
            <button type="submit">{t("selection.finalize")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
