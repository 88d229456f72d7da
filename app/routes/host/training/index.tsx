import { useLoaderData } from "react-router";
import { getMyTraining } from "#src/services/host-training/get-my-training.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import { tokyoWhen } from "../../../lib/training-format.ts";
import type { Route } from "./+types/index";

/** A host member's training (ADR 0038): e-learning modules, kick-off and follow-up sessions, and for the admin every member's completion. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getMyTraining(rt, actor));
}

export default function HostTraining() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("hostTraining.title")} />
      <h1>{t("hostTraining.title")}</h1>
      <p className="lead">{t("hostTraining.lead")}</p>
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t("hostTraining.modulesTitle")}</h2>
        <table>
          <caption>{t("hostTraining.modulesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hostTraining.module")}</th>
              <th scope="col">{t("hostTraining.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.modules.map((m) => (
              <tr key={m.code} data-testid={`module-${m.code}`}>
                <th scope="row">
                  <a href={`/${locale}/host/training/${m.code}`}>{t(`hostTraining.modules.${m.code}.title`)}</a>
                  <br />
                  <span className="hint">{t(`hostTraining.modules.${m.code}.summary`)}</span>
                </th>
                <td>{m.completedAt ? t("hostTraining.completedOn", { date: formatDate(m.completedAt, locale) }) : t("hostTraining.notCompleted")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("hostTraining.sessionsTitle")}</h2>
        {data.sessions.length === 0 ? (
          <p>{t("hostTraining.sessionsNone")}</p>
        ) : (
          <table>
            <caption>{t("hostTraining.sessionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hostTraining.when")}</th>
                <th scope="col">{t("hostTraining.kind")}</th>
                <th scope="col">{t("hostTraining.round")}</th>
                <th scope="col">{t("hostTraining.where")}</th>
                <th scope="col">{t("hostTraining.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.id} data-testid="training-session">
                  <td>{tokyoWhen(s.startsAt, locale)}</td>
                  <th scope="row">{t(`hostTraining.kinds.${s.kind === "kick_off" ? "kick_off" : "follow_up"}`)}</th>
                  <td>{locale === "ja" ? s.roundNameJa : s.roundNameEn}</td>
                  <td>
                    {s.place ?? ""}
                    {s.place && s.onlineUrl ? " · " : ""}
                    {s.onlineUrl ? <a href={s.onlineUrl}>{s.onlineUrl}</a> : null}
                  </td>
                  <td>{s.attended ? t("hostTraining.yes") : t("hostTraining.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {data.isAdmin ? (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t("hostTraining.membersTitle")}</h2>
          <p>{t("hostTraining.membersLead")}</p>
          <table>
            <caption>{t("hostTraining.membersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hostTraining.member")}</th>
                {data.modules.map((m) => (
                  <th scope="col" key={m.code}>
                    {t(`hostTraining.modules.${m.code}.title`)}
                  </th>
                ))}
                <th scope="col">{t("hostTraining.kickOff")}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.userId} data-testid="member-training">
                  <th scope="row">{m.name}</th>
                  {data.modules.map((mod) => (
                    <td key={mod.code}>{m.passed.includes(mod.code) ? t("hostTraining.complete") : t("hostTraining.incomplete")}</td>
                  ))}
                  <td>{m.kickOffAttended ? t("hostTraining.yes") : t("hostTraining.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <p>
        <a href={`/${locale}/host`}>{t("hostNav.host")}</a>
      </p>
    </>
  );
}
