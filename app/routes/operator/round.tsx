import { Form, data, useActionData, useLoaderData } from "react-router";
import type { Refusal } from "#src/domain/round-phases.ts";
import { RefusedError, ValidationError } from "#src/services/errors.ts";
import { MAX_PAGE_SIZE } from "#src/services/paging.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { listOperatorSessions } from "#src/services/sessions/session-queries.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { Instant } from "../../components/instant.tsx";
import { type I18n, formatInstant, formatNumber, PROGRAM_TIME_ZONE, useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import { HostCountsSection } from "./hosts/host-counts.tsx";
import type { Route } from "./+types/round";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({
    round: await getRoundDashboard(rt, actor, params.roundId),
    sessions: await listOperatorSessions(rt, actor, locale, { roundId: params.roundId }, { page: 1, size: MAX_PAGE_SIZE }),
    canManage: actor?.role === "operator",
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  try {
    const moved = await run(request, locale, () => transitionRoundPhase(rt, actor, { roundId: params.roundId, to: String(form.get("to") ?? "") }));
    return { ok: true as const, moved };
  } catch (err) {
    if (err instanceof RefusedError) return data({ ok: false as const, refusals: err.refusals as Refusal[] }, { status: 409 });
    // Only a forged form names a phase that does not exist.
    if (err instanceof ValidationError) throw data({ status: 400 }, { status: 400 });
    throw err;
  }
}

/** One refusal as a sentence in the page's language. */
export function describeRefusal(r: Refusal, i18n: I18n): string {
  const { t, locale } = i18n;
  switch (r.code) {
    case "not_next_phase":
      return t("refusals.not_next_phase", { from: t(`phases.${r.from}`), to: t(`phases.${r.to}`), next: r.next ? t(`phases.${r.next}`) : "—" });
    case "deadline_missing":
      return t("refusals.deadline_missing", { deadline: t(`deadlines.${r.deadline}`) });
    case "deadline_not_passed":
    case "deadline_passed":
      return t(`refusals.${r.code}`, { deadline: t(`deadlines.${r.deadline}`), at: formatInstant(r.at, locale, PROGRAM_TIME_ZONE) });
    default:
      return t(`refusals.${r.code}`);
  }
}

export default function RoundPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { round, sessions, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const name = locale === "ja" ? round.nameJa : round.nameEn;
  return (
    <>
      <h1>{name}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {t("round.moved", { from: t(`phases.${result.moved.from}`), to: t(`phases.${result.moved.to}`) })}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="error-summary" role="alert" aria-labelledby="refused-title">
          <h2 id="refused-title">{t("round.refusedTitle")}</h2>
          <ul>
            {result.refusals.map((r, i) => (
              <li key={i}>{describeRefusal(r, i18n)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t("round.phaseTitle")}</h2>
      <ol className="phase-steps">
        {(["draft", "information_sessions", "recruitment", "screening", "selection", "matching", "internship", "reporting", "closed"] as const).map((p) => (
          <li key={p} aria-current={p === round.phase ? "step" : undefined} className={p === round.phase ? "current" : undefined}>
            {t(`phases.${p}`)}
          </li>
        ))}
      </ol>
      <p>
        {t("round.currentPhase")}: <strong data-testid="round-phase">{t(`phases.${round.phase}`)}</strong>
      </p>
      {canManage && round.next ? (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("round.nextTitle", { phase: t(`phases.${round.next.phase}`) })}</h2>
          {round.next.refusals.length > 0 ? (
            <>
              <p>{t("round.nextBlocked")}</p>
              <ul>
                {round.next.refusals.map((r, i) => (
                  <li key={i}>{describeRefusal(r, i18n)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("round.nextReady")}</p>
          )}
          <Form method="post">
            <input type="hidden" name="to" value={round.next.phase} />
            <button type="submit">{t("round.moveTo", { phase: t(`phases.${round.next.phase}`) })}</button>
          </Form>
        </section>
      ) : null}
      <h2>{t("round.deadlinesTitle")}</h2>
      <table>
        <caption>{t("round.deadlinesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("round.deadline")}</th>
            <th scope="col">{t("round.dueAt")}</th>
          </tr>
        </thead>
        <tbody>
          {round.deadlines.map((d) => (
            <tr key={d.kind}>
              <th scope="row">{t(`deadlines.${d.kind}`)}</th>
              <td>{d.dueAt ? <Instant at={d.dueAt} /> : t("round.notSet")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("round.countsTitle")}</h2>
      <dl className="summary-list">
        <dt>{t("round.applicationsTotal")}</dt>
        <dd data-testid="count-applications">
          {formatNumber(
            Object.values(round.applicationsByStatus).reduce((a, b) => a + b, 0),
            locale,
          )}
        </dd>
        {Object.entries(round.applicationsByStatus).map(([status, n]) => (
          <div key={status} className="sub">
            <dt>{t(`applicationStatus.${status}`)}</dt>
            <dd>{formatNumber(n, locale)}</dd>
          </div>
        ))}
        <dt>{t("round.hostApplicationsTotal")}</dt>
        <dd>
          {formatNumber(
            Object.values(round.hostApplicationsByStatus).reduce((a, b) => a + b, 0),
            locale,
          )}
        </dd>
        <dt>{t("round.informationSessions")}</dt>
        <dd>{formatNumber(round.informationSessions, locale)}</dd>
      </dl>
      <HostCountsSection roundId={round.id} counts={round.hostCounts} />
      {sessions.total > 0 ? (
        <table>
          <caption>{t("round.sessionsFunnel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessionsStaff.session")}</th>
              <th scope="col">{t("sessionsStaff.registered")}</th>
              <th scope="col">{t("sessionsStaff.attended")}</th>
              <th scope="col">{t("sessionsStaff.applications")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.items.map((s) => (
              <tr key={s.id} data-testid="round-session-row">
                <th scope="row">
                  <a href={`/${locale}/operator/sessions/${s.id}`}>{s.title}</a>
                </th>
                <td>{formatNumber(s.registered, locale)}</td>
                <td>{formatNumber(s.attended, locale)}</td>
                <td>{formatNumber(s.applications, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {sessions.total > sessions.items.length ? (
        <p>
          <a href={`/${locale}/operator/sessions?round=${round.id}`}>{t("sessionsStaff.allOfRound", { total: sessions.total })}</a>
        </p>
      ) : null}
      <h2>{t("round.parametersTitle")}</h2>
      <dl className="summary-list">
        <dt>{t("round.fiscalYear")}</dt>
        <dd>{t("round.fyValue", { year: round.fiscalYear })}</dd>
        <dt>{t("round.eligibilityReferenceDate")}</dt>
        <dd>{round.eligibilityReferenceDate}</dd>
        <dt>{t("round.ageRange")}</dt>
        <dd>{t("round.ageRangeValue", { min: round.ageMin, max: round.ageMax })}</dd>
        <dt>{t("round.dacListVersion")}</dt>
        <dd>{round.dacListVersion}</dd>
        <dt>{t("round.internCapacity")}</dt>
        <dd>{formatNumber(round.internCapacity, locale)}</dd>
      </dl>
      <p>
        <a href={`/${locale}/operator/audit?entityType=round&entityId=${round.id}`}>{t("round.auditLink")}</a>
      </p>
    </>
  );
}
