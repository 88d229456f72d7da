import { useLoaderData, useLocation } from "react-router";
import { countFailedEmails } from "#src/services/mail/count-failed-emails.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { countCasesByRound } from "#src/services/cases/list-cases.ts";
import { CaseCounts } from "../../components/cases/case-counts.tsx";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Pager } from "../../components/pager.tsx";
import { formatNumber, useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/dashboard";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const page = pageRequestFrom(new URL(request.url).searchParams);
  return run(request, locale, async () => ({
    rounds: await listRounds(rt, actor, page),
    canManage: actor?.role === "operator",
    failedEmails: await countFailedEmails(rt, actor),
    caseCounts: await countCasesByRound(rt, actor),
  }));
}

export default function OperatorDashboard() {
  const { t, locale } = useI18n();
  const { rounds, canManage, failedEmails, caseCounts } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageTitle title={t("operator.roundsTitle")} />
      <h1>{t("operator.roundsTitle")}</h1>
      {failedEmails ? (
        <p className="notice" data-testid="failed-emails">
          {t("outbox.failedCount", { count: failedEmails })} <a href={`/${locale}/operator/outbox?status=failed`}>{t("outbox.showFailed")}</a>
        </p>
      ) : null}
      {canManage ? (
        <p>
          <a className="button" href={`/${locale}/operator/rounds/new`}>
            {t("operator.newRound")}
          </a>
        </p>
      ) : null}
      {rounds.items.length === 0 ? (
        <p>{t("operator.noRounds")}</p>
      ) : (
        <table>
          <caption>{t("operator.roundsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("round.fiscalYear")}</th>
              <th scope="col">{t("round.name")}</th>
              <th scope="col">{t("round.phase")}</th>
              <th scope="col">{t("round.submittedApplications")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.items.map((r) => (
              <tr key={r.id}>
                <td>{t("round.fyValue", { year: r.fiscalYear })}</td>
                <td>
                  <a href={`/${locale}/operator/rounds/${r.id}`}>{locale === "ja" ? r.nameJa : r.nameEn}</a>
                </td>
                <td>{t(`phases.${r.phase}`)}</td>
                <td>{formatNumber(r.submittedApplications, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={rounds.page} pages={rounds.pages} total={rounds.total} search={search} />
      <CaseCounts counts={caseCounts} />
    </>
  );
}
