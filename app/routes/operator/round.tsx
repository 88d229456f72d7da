import { Form, useActionData, useLoaderData } from "react-router";
import { PHASES, isWaivable } from "#src/domain/round-phases.ts";
import { MAX_PAGE_SIZE } from "#src/services/paging.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { getRoundSettings } from "#src/services/rounds/get-round-settings.ts";
import { listOperatorSessions } from "#src/services/sessions/list-operator-sessions.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { formatNumber, useI18n } from "../../lib/i18n.tsx";
import { describeRefusal } from "../../lib/refusals.ts";
import { requestContext, run, runForm } from "../../lib/request.server.ts";
import { HostCountsSection } from "./hosts/host-counts.tsx";
import { RoundRulesList } from "./round-rules-list.tsx";
import { WhoMayApply } from "../../components/who-may-apply.tsx";
import type { Route } from "./+types/round";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({
    round: await getRoundDashboard(rt, actor, params.roundId),
    settings: await getRoundSettings(rt, actor, params.roundId),
    saved: new URL(request.url).searchParams.get("saved") === "rules",
    sessions: await listOperatorSessions(rt, actor, locale, { roundId: params.roundId }, { page: 1, size: MAX_PAGE_SIZE }),
    canManage: actor?.role === "operator",
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () =>
    transitionRoundPhase(rt, actor, {
      roundId: params.roundId,
      to: String(form.get("to") ?? ""),
      overrideReason: String(form.get("overrideReason") ?? ""),
    }),
  );
  if (!out.ok) return out.response;
  return { ok: true as const, moved: out.result };
}

export default function RoundPage() {
  const { t, locale } = useI18n();
  const { round, settings, saved, sessions, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formState = useFormState();
  const name = locale === "ja" ? round.nameJa : round.nameEn;
  return (
    <>
      <PageTitle title={name} />
      <h1>{name}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {t("round.moved", { from: t(`phases.${result.moved.from}`), to: t(`phases.${result.moved.to}`) })}
        </p>
      ) : null}
      {saved ? (
        <p className="notice" role="status">
          {t("roundEdit.rulesSaved")}
        </p>
      ) : null}
      <Refusal title={t("round.refusedTitle")} />
      {canManage && ["screening", "selection"].includes(round.phase) ? (
        <p>
          <a href={`/${locale}/operator/rounds/${round.id}/screening`}>{t("screening.board.link")}</a>
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/interviews`}>{t("interviewsStaff.roundLink")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/selection`}>{t("selection.roundLink")}</a>
      </p>
      <h2>{t("round.phaseTitle")}</h2>
      <ol className="phase-steps">
        {PHASES.map((p) => (
          <li key={p} aria-current={p === round.phase ? "step" : undefined} className={p === round.phase ? "current" : undefined}>
            {t(`phases.${p}`)}
          </li>
        ))}
      </ol>
      <p>
        {t("round.currentPhase")}: <strong data-testid="round-phase">{t(`phases.${round.phase}`)}</strong>
      </p>
      <section aria-labelledby="pending-work-title">
        <h2 id="pending-work-title">{t("roundWork.title")}</h2>
        {round.pendingWork.length === 0 ? (
          <p>{t("roundWork.none")}</p>
        ) : (
          <ul data-testid="pending-work">
            {round.pendingWork.map((w) => (
              <li key={w.kind}>{t(`roundWork.kinds.${w.kind}`, { count: w.count })}</li>
            ))}
          </ul>
        )}
      </section>
      {round.phase === "matching" || round.phase === "internship" ? (
        <p>
          <a href={`/${locale}/operator/rounds/${round.id}/matching`}>{t("matchingStaff.operator.link")}</a>
        </p>
      ) : null}
      {canManage && round.next ? (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("round.nextTitle", { phase: t(`phases.${round.next.phase}`) })}</h2>
          {round.next.refusals.length > 0 ? (
            <>
              <p>{t("round.nextBlocked")}</p>
              <ul>
                {round.next.refusals.map((r, i) => (
                  <li key={i}>{describeRefusal(r, "refusals", t, locale)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("round.nextReady")}</p>
          )}
          <Form method="post">
            <input type="hidden" name="to" value={round.next.phase} />
            {round.next.refusals.some(isWaivable) ? (
              <TextArea name="overrideReason" label={t("screeningOps.override.reason")} hint={t("screeningOps.override.hint")} state={formState} rows={3} />
            ) : null}
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
      {canManage ? (
        <p>
          <a href={`/${locale}/operator/rounds/${round.id}/deadlines`}>{t("roundEdit.editDeadlines")}</a>
          {" · "}
          <a href={`/${locale}/operator/rounds/${round.id}/retention`}>{t("rights.retention.link")}</a>
        </p>
      ) : null}
      <h2>{t("round.countsTitle")}</h2>
      <SummaryList
        rows={[
          {
            key: "applications",
            label: t("round.applicationsTotal"),
            value: formatNumber(
              Object.values(round.applicationsByStatus).reduce((a, b) => a + b, 0),
              locale,
            ),
            testId: "count-applications",
          },
          ...Object.entries(round.applicationsByStatus).map(([status, n]) => ({
            key: `status-${status}`,
            label: t(`applicationStatus.${status}`),
            value: formatNumber(n, locale),
            sub: true,
          })),
          {
            key: "hostApplications",
            label: t("round.hostApplicationsTotal"),
            value: formatNumber(
              Object.values(round.hostApplicationsByStatus).reduce((a, b) => a + b, 0),
              locale,
            ),
          },
          { key: "sessions", label: t("round.informationSessions"), value: formatNumber(round.informationSessions, locale) },
        ]}
      />
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
      <SummaryList
        rows={[
          { key: "fiscalYear", label: t("round.fiscalYear"), value: t("round.fyValue", { year: round.fiscalYear }) },
          { key: "internCapacity", label: t("round.internCapacity"), value: formatNumber(round.internCapacity, locale) },
        ]}
      />
      <h2>{t("roundEdit.rulesHeading")}</h2>
      <RoundRulesList rules={settings.rules} englishTests={settings.englishTests} countries={settings.dacCountries} />
      {/* The public "who may apply" text as applicants read it, written from these rules (issue 19 item 1). */}
      <h3>{t("program.whoTitle")}</h3>
      <WhoMayApply rules={settings.rules} testNames={Object.fromEntries(settings.englishTests.map((e) => [e.code, e.name]))} />
      {canManage ? (
        <p>
          {settings.rulesLocked ? (
            t("roundEdit.locked", { n: settings.submittedApplications })
          ) : (
            <a href={`/${locale}/operator/rounds/${round.id}/rules`}>{t("roundEdit.editRules")}</a>
          )}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/allowances`}>{t("internshipStaff.nav.allowances")}</a>
      </p>
      <p>
        <a href={`/${locale}/operator/audit?entityType=round&entityId=${round.id}`}>{t("round.auditLink")}</a>
      </p>
    </>
  );
}
