import { useLoaderData, useLocation } from "react-router";
import { roleGrants } from "#src/domain/roles.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { SESSION_STATUS_FILTERS, type SessionStatusFilter, listOperatorSessions } from "#src/services/sessions/list-operator-sessions.ts";
import { Select } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Pager } from "../../../components/pager.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

/** ?round= and ?status= leniently: an unknown status means no status filter. */
function filterFrom(sp: URLSearchParams): { roundId: string | undefined; status: SessionStatusFilter | undefined } {
  const round = sp.get("round")?.trim() || undefined;
  const status = sp.get("status")?.trim();
  return { roundId: round, status: SESSION_STATUS_FILTERS.find((s) => s === status) };
}

/** Every information session with its funnel: registered, waiting, attended, applications it brought. Paged on the server. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const filter = filterFrom(sp);
  return run(request, locale, async () => ({
    sessions: await listOperatorSessions(rt, actor, locale, filter, pageRequestFrom(sp)),
    rounds: (await listRounds(rt, actor, { page: 1, size: 100 })).items.map((r) => ({ id: r.id, name: locale === "ja" ? r.nameJa : r.nameEn })),
    round: filter.roundId ?? "",
    status: filter.status ?? "",
    canManage: actor ? roleGrants(actor.role, "round.manage") : false,
  }));
}

export default function OperatorSessions() {
  const { t, locale } = useI18n();
  const { sessions, rounds, round, status, canManage } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const statusLabels: Record<SessionStatusFilter, string> = {
    upcoming: t("sessionsStaff.statusFilter.upcoming"),
    past: t("sessionsStaff.statusFilter.past"),
    cancelled: t("sessionsStaff.statusFilter.cancelled"),
  };
  return (
    <>
      <PageTitle title={t("sessionsStaff.title")} />
      <h1>{t("sessionsStaff.title")}</h1>
      {canManage ? (
        <p>
          <a className="button" href={`/${locale}/operator/sessions/new${round ? `?round=${round}` : ""}`}>
            {t("sessionsStaff.newTitle")}
          </a>
        </p>
      ) : null}
      <form method="get" className="filters">
        <Select
          name="round"
          id="filter-round"
          label={t("sessionsStaff.round")}
          placeholder={t("sessionsStaff.allRounds")}
          options={rounds.map((r) => ({ value: r.id, label: r.name }))}
          defaultValue={round}
        />
        <Select
          name="status"
          id="filter-status"
          label={t("sessionsStaff.status")}
          placeholder={t("sessionsStaff.statusFilter.any")}
          options={SESSION_STATUS_FILTERS.map((s) => ({ value: s, label: statusLabels[s] }))}
          defaultValue={status}
        />
        <button type="submit">{t("sessionsStaff.show")}</button>
      </form>
      {sessions.total === 0 ? (
        <p>{round || status ? t("sessionsStaff.noneMatching") : t("sessionsStaff.none")}</p>
      ) : (
        <>
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
              {sessions.items.map((s) => (
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
          <Pager page={sessions.page} pages={sessions.pages} total={sessions.total} search={search} />
        </>
      )}
    </>
  );
}
