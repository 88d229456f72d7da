import { useLoaderData } from "react-router";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/allowances";
import { PageTitle } from "../../../components/page-title.tsx";

/** The round's allowance ledger for a month: each intern's allowance and each host company's subsidy in exact yen, with derivations; the CSV statement. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const month = new URL(request.url).searchParams.get("month") ?? undefined;
  return run(request, locale, () => computeAllowanceLedger(rt, actor, { roundId: params.roundId, month }));
}

export default function Allowances() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const yen = (n: number | null) => (n === null ? t("internshipStaff.ledger.noRate") : `¥${formatNumber(n, locale)}`);
  const roundName = locale === "ja" ? view.round.nameJa : view.round.nameEn;
  return (
    <>
      <PageTitle title={t("internshipStaff.ledger.title", { round: roundName })} />
      <h1>{t("internshipStaff.ledger.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipStaff.ledger.lead")}</p>
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
                <td>{t(`internshipStaff.payees.${r.party}`)}</td>
                <td>{r.item === "intern_allowance" || r.item === "host_subsidy" ? t(`internshipStaff.items.${r.item}`) : r.item}</td>
                <td data-testid="ledger-amount">{yen(r.amountYen)}</td>
                <td>
                  {(locale === "ja" ? r.derivation.ja : r.derivation.en).map((d) => (
                    <div key={d}>{d}</div>
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
      <p>
        <a href={`/${locale}/operator/rounds/${view.round.id}/allowances.csv?month=${view.month}`}>{t("internshipStaff.ledger.csv")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${view.round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
    </>
  );
}
