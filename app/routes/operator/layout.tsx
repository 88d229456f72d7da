import { Outlet, useLoaderData } from "react-router";
import { roleGrants } from "#src/domain/roles.ts";
import { authorize } from "#src/services/authorize.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/layout";

/** Staff area: operators and ministry viewers (read-only), two-factor required for operators. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  const who = await run(request, locale, async () => authorize(actor, "dashboard.read"));
  return { role: who.role };
}

export default function OperatorLayout() {
  const { t, locale } = useI18n();
  const { role } = useLoaderData<typeof loader>();
  return (
    <div className="staff-area">
      <nav aria-label={t("operator.navLabel")} className="sub-nav">
        <ul>
          <li>
            <a href={`/${locale}/operator`}>{t("operator.rounds")}</a>
          </li>
          {roleGrants(role, "application.read") ? (
            <li>
              <a href={`/${locale}/operator/applications`}>{t("applications.title")}</a>
            </li>
          ) : null}
          {roleGrants(role, "hosts.read") ? (
            <li>
              <a href={`/${locale}/operator/hosts`}>{t("hostScreening.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "hosts.decide") ? (
            <li>
              <a href={`/${locale}/operator/organizations`}>{t("orgVerify.title")}</a>
            </li>
          ) : null}
          {roleGrants(role, "round.read") ? (
            <li>
              <a href={`/${locale}/operator/sessions`}>{t("sessionsStaff.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "round.manage") ? (
            <li>
              <a href={`/${locale}/operator/messages`}>{t("messagesStaff.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "round.manage") ? (
            <li>
              <a href={`/${locale}/operator/dac-lists`}>{t("dacLists.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "case.read") ? (
            <li>
              <a href={`/${locale}/operator/cases`}>{t("casesStaff.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "report.read") ? (
            <li>
              <a href={`/${locale}/operator/reports`}>{t("reportPage.nav")}</a>
            </li>
          ) : null}
          {roleGrants(role, "audit.read") ? (
            <li>
              <a href={`/${locale}/operator/audit`}>{t("operator.audit")}</a>
            </li>
          ) : null}
          {roleGrants(role, "outbox.read") ? (
            <li>
              <a href={`/${locale}/operator/outbox`}>{t("operator.outbox")}</a>
            </li>
          ) : null}
          {roleGrants(role, "staff.invite") ? (
            <li>
              <a href={`/${locale}/operator/staff`}>{t("operator.staff")}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
