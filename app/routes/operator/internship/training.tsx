import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { TRAINING_SESSION_KINDS } from "#src/domain/internship/training.ts";
import { getRoundTraining, recordTrainingAttendance, scheduleTrainingSession, setTrainingRequirement } from "#src/services/host-training/round-training.ts";
import { CheckboxGroup, ErrorSummary, Field, RadioGroup, Select, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import { tokyoWhen } from "../../../lib/training-format.ts";
import type { Route } from "./+types/training";

const INTENTS = ["setting", "session", "attendance"] as const;

/** The operator's host training of a round (ADR 0038): the setting, sessions and attendance, members' completion, placements not ready. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getRoundTraining(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? "session";
  const out = await runForm(request, locale, form, async () => {
    if (intent === "setting") return setTrainingRequirement(rt, actor, params.roundId, readForm(form));
    if (intent === "attendance") {
      // each session's checkboxes have their own name, so several attendance forms on the page keep distinct ids
      const sessionId = String(form.get("sessionId") ?? "");
      return recordTrainingAttendance(rt, actor, params.roundId, { sessionId, attendees: form.getAll(`attendees_${sessionId}`).map(String) });
    }
    return scheduleTrainingSession(rt, actor, params.roundId, readForm(form));
  });
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/training?saved=${intent}`) : out.response;
}

export default function RoundTraining() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const round = data.round;
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const intent = state?.values?.intent;
  const stateFor = (i: string) => (intent === i ? state : undefined);
  const saved = search.get("saved");
  const notices: Record<string, string> = {
    setting: t("hostTraining.operator.settingSaved"),
    session: t("hostTraining.operator.scheduled"),
    attendance: t("hostTraining.operator.attendanceSaved"),
  };
  const orgName = (ja: string, en: string | null) => (locale === "ja" ? ja : (en ?? ja));
  const moduleList = (codes: readonly string[]) => codes.map((c) => t(`hostTraining.modules.${c}.title`)).join(", ");
  const scheduleLabels = {
    kind: t("hostTraining.kind"),
    startsAt: t("hostTraining.operator.startsAt"),
    place: t("hostTraining.operator.place"),
    onlineUrl: t("hostTraining.operator.onlineUrl"),
  };
  return (
    <>
      <PageTitle title={t("hostTraining.operator.title", { round: roundName })} />
      <h1>{t("hostTraining.operator.title", { round: roundName })}</h1>
      <Notice text={saved ? (notices[saved] ?? null) : null} />
      <Refusal />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/presentations`}>{t("hostTraining.presentations.link")}</a>
      </p>

      <section aria-labelledby="setting-title">
        <h2 id="setting-title">{t("hostTraining.operator.settingTitle")}</h2>
        <p data-testid="training-setting">{round.trainingBeforeStart ? t("hostTraining.operator.settingOn") : t("hostTraining.operator.settingOff")}</p>
        <ErrorSummary state={stateFor("setting")} labels={{ required: t("hostTraining.operator.settingLegend") }} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="setting" />
          <RadioGroup
            name="required"
            legend={t("hostTraining.operator.settingLegend")}
            state={stateFor("setting")}
            required
            defaultValue={round.trainingBeforeStart ? "yes" : "no"}
            options={[
              { value: "yes", label: t("hostTraining.operator.settingYes") },
              { value: "no", label: t("hostTraining.operator.settingNo") },
            ]}
          />
          <button type="submit">{t("hostTraining.operator.settingSave")}</button>
        </Form>
      </section>

      <section aria-labelledby="unready-title">
        <h2 id="unready-title">{t("hostTraining.operator.unreadyTitle")}</h2>
        <p>{t("hostTraining.operator.unreadyLead")}</p>
        {data.unready.length === 0 ? (
          <p>{t("hostTraining.operator.unreadyNone")}</p>
        ) : (
          <table>
            <caption>{t("hostTraining.operator.unreadyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hostTraining.operator.intern")}</th>
                <th scope="col">{t("hostTraining.operator.host")}</th>
                <th scope="col">{t("hostTraining.operator.supervisor")}</th>
                <th scope="col">{t("hostTraining.operator.startsOn")}</th>
                <th scope="col">{t("hostTraining.operator.missing")}</th>
                <th scope="col">{t("hostTraining.operator.state")}</th>
              </tr>
            </thead>
            <tbody>
              {data.unready.map((p) => (
                <tr key={p.id} data-testid="unready-placement">
                  <th scope="row">{p.internName}</th>
                  <td>{orgName(p.organizationNameJa, p.organizationNameEn)}</td>
                  <td>{p.supervisorName ?? "—"}</td>
                  <td>{formatDate(p.startsOn, locale)}</td>
                  <td>
                    <ul>
                      {p.issues.map((i) => (
                        <li key={i.code}>
                          {i.code === "modules_missing"
                            ? t("hostTraining.operator.issues.modules_missing", { modules: moduleList(i.modules) })
                            : t(`hostTraining.operator.issues.${i.code}`)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t(`hostTraining.operator.blocks.${p.block}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("hostTraining.sessionsTitle")}</h2>
        <ErrorSummary state={stateFor("attendance")} labels={{ attendees: t("hostTraining.operator.attendanceLegend") }} />
        {data.sessions.map((s) => (
          <article key={s.id} aria-labelledby={`session-${s.id}`} data-testid="operator-session">
            <h3 id={`session-${s.id}`}>
              {t("hostTraining.operator.sessionHeading", {
                kind: t(`hostTraining.kinds.${s.kind === "kick_off" ? "kick_off" : "follow_up"}`),
                when: tokyoWhen(s.startsAt, locale),
              })}
            </h3>
            <p>
              {s.place ?? ""}
              {s.place && s.onlineUrl ? " · " : ""}
              {s.onlineUrl ? <a href={s.onlineUrl}>{s.onlineUrl}</a> : null}
            </p>
            {data.members.length === 0 ? (
              <p>{t("hostTraining.operator.noMembers")}</p>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="attendance" />
                <input type="hidden" name="sessionId" value={s.id} />
                <CheckboxGroup
                  name={`attendees_${s.id}`}
                  legend={t("hostTraining.operator.attendanceLegend")}
                  checked={s.attendees}
                  options={data.members.map((m) => ({ value: m.userId, label: `${m.name} (${orgName(m.organizationNameJa, m.organizationNameEn)})` }))}
                />
                <button type="submit">{t("hostTraining.operator.attendanceSave")}</button>
              </Form>
            )}
          </article>
        ))}
        <h3 id="schedule-title">{t("hostTraining.operator.scheduleTitle")}</h3>
        <ErrorSummary state={stateFor("session")} labels={scheduleLabels} />
        <Form method="post" noValidate aria-labelledby="schedule-title">
          <input type="hidden" name="intent" value="session" />
          <Select
            name="kind"
            label={scheduleLabels.kind}
            state={stateFor("session")}
            required
            options={TRAINING_SESSION_KINDS.map((k) => ({ value: k, label: t(`hostTraining.kinds.${k}`) }))}
          />
          <Field
            name="startsAt"
            label={scheduleLabels.startsAt}
            hint={t("hostTraining.operator.startsAtHint")}
            type="datetime-local"
            state={stateFor("session")}
            required
          />
          <Field name="place" label={scheduleLabels.place} state={stateFor("session")} />
          <Field name="onlineUrl" label={scheduleLabels.onlineUrl} hint={t("hostTraining.operator.onlineUrlHint")} type="url" state={stateFor("session")} />
          <button type="submit">{t("hostTraining.operator.schedule")}</button>
        </Form>
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("hostTraining.operator.membersTitle")}</h2>
        {data.members.length === 0 ? (
          <p>{t("hostTraining.operator.noMembers")}</p>
        ) : (
          <table>
            <caption>{t("hostTraining.operator.membersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hostTraining.member")}</th>
                <th scope="col">{t("hostTraining.operator.organization")}</th>
                <th scope="col">{t("hostTraining.operator.missing")}</th>
                <th scope="col">{t("hostTraining.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.userId} data-testid="round-member-training">
                  <th scope="row">{m.name}</th>
                  <td>{orgName(m.organizationNameJa, m.organizationNameEn)}</td>
                  <td>
                    {[
                      m.missingModules.length > 0 ? t("hostTraining.operator.issues.modules_missing", { modules: moduleList(m.missingModules) }) : null,
                      m.kickOffMissing ? t("hostTraining.operator.issues.kick_off_missing") : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                  <td>{m.complete ? t("hostTraining.complete") : t("hostTraining.incomplete")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
