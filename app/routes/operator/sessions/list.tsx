import { useLoaderData } from "react-router";
import { roleGrants } from "../../../../src/domain/roles.ts";
import { listOperatorSessions } from "../../../../src/services/sessions/session-queries.ts";
import { Instant } from "../../../components/instant.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";

/** Every information session with its funnel: registered, waiting, attended, applications it brought. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({
    sessions: await listOperatorSessions(rt, actor, locale),
    canManage: actor ? roleGrants(actor.role, "round.manage") : false,
  }));
}

export default function OperatorSessions() {
  const { t, locale } = useI18n();
  const { sessions, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("sessionsStaff.title")}</h1>
      {canManage ? (
        <p>
          <a className="button" href={`/${locale}/operator/sessions/new`}>
            {t("sessionsStaff.newTitle")}
          </a>
        </p>
      ) : null}
      {sessions.length === 0 ? (
        <p>{t("sessionsStaff.none")}</p>
      ) : (
        <table>
            <caption>{t("sessionsStaff.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sessionsStaff.session")}</th>
                <th scope="col">{t("sessionsStaff.round")}</th>
                <th scope="col">{t("sessionsStaff.startsAt")}</th>
                <th scope="col">{t("sessionsStaff.capacity")}</th>
                <th scope="col">{t("sessionsStaff.registered")}</th>
                <th scope="col">{t("sessionsStaff.waitlisted")}</th>
                <th scope="col">{t("sessionsStaff.attended")}</th>
                <th scope="col">{t("sessionsStaff.applications")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-testid={`session-row-${s.id}`}>
                  <th scope="row">
                    <a href={`/${locale}/operator/sessions/${s.id}`}>{s.title}</a>
                    {s.cancelled ? ` (${t("sessionsStaff.cancelled")})` : ""}
                  </th>
                  <td>{s.roundName}</td>
                  <td>
                    <Instant at={s.startsAt} />
                  </td>
                  <td>{formatNumber(s.capacity, locale)}</td>
                  <td data-testid="count-registered">{formatNumber(s.registered, locale)}</td>
                  <td data-testid="count-waitlisted">{formatNumber(s.waitlisted, locale)}</td>
                  <td data-testid="count-attended">{formatNumber(s.attended, locale)}</td>
                  <td data-testid="count-applications">{formatNumber(s.applications, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
      )}
    </>
  );
}
