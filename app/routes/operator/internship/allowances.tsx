import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { confirmAllowanceMonth } from "#src/services/internship/confirm-allowance-month.ts";
import { correctAllowanceMonth } from "#src/services/internship/correct-allowance-month.ts";
import { recordRoundRate } from "#src/services/internship/record-round-rate.ts";
import { addAllowanceCorrection } from "#src/services/internship/add-allowance-correction.ts";
import { allowanceItemLabelKey } from "#src/services/internship/allowance-labels.ts";
import { DAILY_ITEMS, RATE_ITEMS } from "#src/domain/internship/rules.ts";
import { ErrorSummary, Field, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { PROGRAM_TIME_ZONE, formatDate, formatInstant, formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/allowances";
import { PageTitle } from "../../../components/page-title.tsx";

/** The round's allowance ledger for a month: each intern's allowance and each host company's subsidy in exact yen, with derivations; the CSV statement. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const month = new URL(request.url).searchParams.get("month") ?? undefined;
  return run(request, locale, () => computeAllowanceLedger(rt, actor, { roundId: params.roundId, month }));
}

/** Recording a rate change, confirming the month, correcting a confirmed month (ADR 0035), adding an operator's correction (ADR 0040). */
export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = form.get("intent");
  const month = String(form.get("month") ?? "");
  let done = "";
  const out = await runForm(request, locale, form, async () => {
    const input = { ...readForm(form), roundId: params.roundId };
    if (intent === "rate") {
      const kept = await recordRoundRate(rt, actor, input);
      done = `rate&kept=${kept.keptDays}`;
    } else if (intent === "confirm") {
      await confirmAllowanceMonth(rt, actor, input);
      done = "confirmed";
    } else if (intent === "manual") {
      await addAllowanceCorrection(rt, actor, input);
      done = "manual";
    } else {
      await correctAllowanceMonth(rt, actor, input);
      done = "corrected";
    }
  });
  const back = `/${locale}/operator/rounds/${params.roundId}/allowances?month=${encodeURIComponent(month)}&done=${done}`;
  return out.ok ? redirect(back) : out.response;
}

export default function Allowances() {
  const { t, locale, timeZone } = useI18n();
  const view = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const labels = {
    item: t("internshipPeriodStaff.rates.item"),
    effectiveFrom: t("internshipPeriodStaff.rates.effectiveFrom"),
    amountYen: t("internshipPeriodStaff.rates.amount"),
    reason: t("internshipPeriodStaff.month.reason"),
    line: t("allowanceLedger.manual.line"),
    correctionYen: t("allowanceLedger.manual.amount"),
    correctionReason: t("allowanceLedger.manual.reason"),
  };
  const payee = (party: string) => t(`internshipStaff.payees.${party}`);
  const itemLabel = (item: string) => t(allowanceItemLabelKey(item));
  const rateItemLabel = (item: string) =>
    (DAILY_ITEMS as readonly string[]).includes(item) ? t(`internshipPeriodStaff.rateItems.${item}`) : t(`allowanceLedger.rateItems.${item}`);
  const notice =
    done === "rate"
      ? t("internshipPeriodStaff.rates.recorded", { kept: Number(search.get("kept") ?? 0) })
      : done === "confirmed"
        ? t("internshipPeriodStaff.month.confirmedNotice", { month: view.month })
        : done === "corrected"
          ? t("internshipPeriodStaff.month.correctedNotice", { month: view.month })
          : done === "manual"
            ? t("allowanceLedger.manual.done", { month: view.month })
            : null;
  const yen = (n: number | null) => (n === null ? t("internshipStaff.ledger.noRate") : `¥${formatNumber(n, locale)}`);
  const roundName = locale === "ja" ? view.round.nameJa : view.round.nameEn;
  return (
    <>
      <PageTitle title={t("internshipStaff.ledger.title", { round: roundName })} />
      <h1>{t("internshipStaff.ledger.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipStaff.ledger.lead")}</p>
      <Notice text={notice} />
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      <p>
        {t("internshipStaff.ledger.rates", {
          inPerson: yen(view.rates.internInPerson),
          online: yen(view.rates.internOnline),
          host: yen(view.rates.hostSubsidy),
        })}
      </p>
      <form method="get">
        <label htmlFor="month">{t("internshipStaff.ledger.month")}</label>
        <select id="month" name="month" defaultValue={view.month}>
          {view.months.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <button type="submit">{t("internshipStaff.ledger.show")}</button>
      </form>
      <section aria-labelledby="month-status">
        <h2 id="month-status">{t("internshipPeriodStaff.month.title", { month: view.month })}</h2>
        {view.confirmedAt ? (
          <p data-testid="month-status">
            {t("internshipPeriodStaff.month.confirmed", { at: formatInstant(view.confirmedAt, locale, timeZone ?? PROGRAM_TIME_ZONE) })}
          </p>
        ) : (
          <p data-testid="month-status">{view.canConfirm ? t("internshipPeriodStaff.month.open") : t("internshipPeriodStaff.month.notOver")}</p>
        )}
        {view.canConfirm ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="month" value={view.month} />
            <button type="submit">{t("internshipPeriodStaff.month.confirm", { month: view.month })}</button>
          </Form>
        ) : null}
        {view.confirmedAt && view.pendingCorrections.lines > 0 ? (
          <>
            <p data-testid="pending-corrections">
              {t("internshipPeriodStaff.month.pending", { lines: view.pendingCorrections.lines, delta: yen(view.pendingCorrections.deltaYen) })}
            </p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="correct" />
              <input type="hidden" name="month" value={view.month} />
              <TextArea name="reason" label={labels.reason} hint={t("internshipPeriodStaff.month.reasonHint")} state={state} required rows={2} />
              <button type="submit">{t("internshipPeriodStaff.month.correct")}</button>
            </Form>
          </>
        ) : null}
        {view.confirmedAt && view.correctionLines.length > 0 ? (
          <section aria-labelledby="manual-correction">
            <h3 id="manual-correction">{t("allowanceLedger.manual.title")}</h3>
            <p>{t("allowanceLedger.manual.lead")}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="manual" />
              <input type="hidden" name="month" value={view.month} />
              <Select
                name="line"
                label={labels.line}
                state={state}
                required
                placeholder={t("allowanceLedger.manual.choose")}
                options={view.correctionLines.map((l) => ({
                  value: l.value,
                  label: t("allowanceLedger.manual.lineOption", {
                    intern: l.internName,
                    host: locale === "ja" ? l.organizationNameJa : (l.organizationNameEn ?? l.organizationNameJa),
                    item: itemLabel(l.item),
                    payee: payee(l.party),
                  }),
                }))}
              />
              <Field name="correctionYen" label={labels.correctionYen} hint={t("allowanceLedger.manual.amountHint")} width="short" state={state} required />
              <TextArea name="correctionReason" label={labels.correctionReason} hint={t("allowanceLedger.manual.reasonHint")} state={state} required rows={2} />
              <button type="submit">{t("allowanceLedger.manual.submit")}</button>
            </Form>
          </section>
        ) : null}
      </section>
      {view.unconfirmedDays > 0 ? <p>{t("internshipStaff.ledger.unconfirmed", { days: view.unconfirmedDays })}</p> : null}
      {view.issues.length > 0 ? <p>{t("internshipStaff.ledger.issues", { count: view.issues.length })}</p> : null}
      {view.rows.length === 0 ? (
        <p>{t("internshipStaff.ledger.none")}</p>
      ) : (
        <table>
          <caption>{t("internshipStaff.ledger.caption", { month: view.month })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("internshipStaff.columns.cohort")}</th>
              <th scope="col">{t("internshipStaff.columns.intern")}</th>
              <th scope="col">{t("internshipStaff.columns.host")}</th>
              <th scope="col">{t("internshipStaff.ledger.payee")}</th>
              <th scope="col">{t("internshipStaff.ledger.item")}</th>
              <th scope="col">{t("internshipStaff.ledger.amount")}</th>
              <th scope="col">{t("internshipStaff.ledger.derivation")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={`${r.placementId}-${r.party}-${r.item}`}>
                <td>{r.cohort ?? "—"}</td>
                <td>{r.internName}</td>
                <td>{locale === "ja" ? r.organizationNameJa : (r.organizationNameEn ?? r.organizationNameJa)}</td>
                <td>{payee(r.party)}</td>
                <td>{itemLabel(r.item)}</td>
                <td data-testid="ledger-amount">{yen(r.amountYen)}</td>
                <td>
                  {(locale === "ja" ? r.derivation.ja : r.derivation.en).map((d) => (
                    <div key={d}>{d}</div>
                  ))}
                  {r.corrections.map((c) => (
                    <div key={`${c.recordedAt.toString()}-${c.amountYen}`}>
                      {t("internshipPeriodStaff.month.correctionLine", {
                        amount: yen(c.amountYen),
                        reason: c.reason,
                        at: formatInstant(c.recordedAt, locale, timeZone ?? PROGRAM_TIME_ZONE),
                      })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t("internshipStaff.ledger.internTotal")}
              </th>
              <td data-testid="intern-total">{yen(view.internTotalYen)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={5}>
                {t("internshipStaff.ledger.hostTotal")}
              </th>
              <td data-testid="host-total">{yen(view.hostTotalYen)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <section aria-labelledby="rates-title">
        <h2 id="rates-title">{t("internshipPeriodStaff.rates.title")}</h2>
        <p>{t("internshipPeriodStaff.rates.lead")}</p>
        {view.rateChanges.length === 0 ? (
          <p>{t("internshipPeriodStaff.rates.none")}</p>
        ) : (
          <table>
            <caption>{t("internshipPeriodStaff.rates.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.item}</th>
                <th scope="col">{labels.effectiveFrom}</th>
                <th scope="col">{labels.amountYen}</th>
                <th scope="col">{t("internshipPeriodStaff.rates.recordedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {view.rateChanges.map((c) => (
                <tr key={`${c.item}-${c.effectiveFrom}-${c.recordedAt.toString()}`}>
                  <td>{rateItemLabel(c.item)}</td>
                  <td>{formatDate(c.effectiveFrom, locale)}</td>
                  <td>{yen(c.amountYen)}</td>
                  <td>{formatInstant(c.recordedAt, locale, timeZone ?? PROGRAM_TIME_ZONE)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rate" />
          <input type="hidden" name="month" value={view.month} />
          <Select name="item" label={labels.item} state={state} required options={RATE_ITEMS.map((i) => ({ value: i, label: rateItemLabel(i) }))} />
          <Field
            name="effectiveFrom"
            label={labels.effectiveFrom}
            hint={t("internshipStaff.create.dateHint")}
            type="date"
            width="medium"
            state={state}
            required
          />
          <Field
            name="amountYen"
            label={labels.amountYen}
            hint={t("internshipPeriodStaff.rates.amountHint")}
            type="number"
            width="short"
            state={state}
            required
          />
          <button type="submit">{t("internshipPeriodStaff.rates.submit")}</button>
        </Form>
      </section>
      <p>
        <a href={`/${locale}/operator/rounds/${view.round.id}/allowances.csv?month=${view.month}`}>{t("internshipStaff.ledger.csv")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${view.round.id}/allowances.xlsx?month=${view.month}`}>{t("allowanceLedger.xlsx")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${view.round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
    </>
  );
}
