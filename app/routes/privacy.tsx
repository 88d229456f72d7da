import { useLoaderData } from "react-router";
import { privacyContact } from "#src/config.ts";
import { AUDIT_IP_RETENTION_DAYS } from "#src/domain/retention.ts";
import { listRetentionSchedules } from "#src/services/privacy/round-retention.ts";
import { Instant } from "../components/instant.tsx";
import { requestContext } from "../lib/request.server.ts";
import type { Route } from "./+types/privacy";
import { PageTitle } from "../components/page-title.tsx";
import { useI18n } from "../lib/i18n.tsx";

const PURPOSES = ["eligibility", "matching", "contact", "report", "security"] as const;
const RECIPIENTS = ["operator", "meti", "committee", "hosts"] as const;
const RIGHTS = ["access", "correct", "delete", "stop"] as const;

/** The privacy notice under Japan's APPI (issue 19 item 6): purposes, recipients, retention, rights, contact; in six languages. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt } = await requestContext(request, params);
  // Data rights (issue 19 item 7): each public round's retention schedule, as the notice promises.
  return { contact: privacyContact(), schedules: await listRetentionSchedules(rt) };
}

export default function Privacy() {
  const { t, locale } = useI18n();
  const { contact, schedules } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("privacy.title")} />
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      <h2>{t("privacy.controllerTitle")}</h2>
      <p>{t("privacy.controller")}</p>
      <h2>{t("privacy.dataTitle")}</h2>
      <p>{t("privacy.data")}</p>
      <h2>{t("privacy.purposesTitle")}</h2>
      <ul>
        {PURPOSES.map((p) => (
          <li key={p}>{t(`privacy.purposes.${p}`)}</li>
        ))}
      </ul>
      <h2>{t("privacy.recipientsTitle")}</h2>
      <ul>
        {RECIPIENTS.map((r) => (
          <li key={r}>{t(`privacy.recipients.${r}`)}</li>
        ))}
      </ul>
      <p>{t("privacy.recipientsNote")}</p>
      <h2>{t("privacy.retentionTitle")}</h2>
      <p>{t("privacy.retention")}</p>
      <h3>{t("rights.privacy.scheduleTitle")}</h3>
      {schedules.length === 0 ? (
        <p>{t("rights.privacy.none")}</p>
      ) : (
        <table className="stack-narrow">
          <thead>
            <tr>
              <th scope="col">{t("rights.privacy.round")}</th>
              <th scope="col">{t("rights.privacy.closesAt")}</th>
              <th scope="col">{t("rights.privacy.unselected")}</th>
              <th scope="col">{t("rights.privacy.participants")}</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.roundId}>
                <td data-label={t("rights.privacy.round")}>{locale === "ja" ? s.nameJa : s.nameEn}</td>
                <td data-label={t("rights.privacy.closesAt")}>{s.closesAt ? <Instant at={s.closesAt} /> : "—"}</td>
                <td data-label={t("rights.privacy.unselected")}>{t("rights.privacy.months", { count: s.unselectedMonths })}</td>
                <td data-label={t("rights.privacy.participants")}>{t("rights.privacy.months", { count: s.participantsMonths })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t("rights.privacy.registrants")}</p>
      <p>{t("rights.privacy.ipDays", { days: AUDIT_IP_RETENTION_DAYS })}</p>
      <h2>{t("privacy.rightsTitle")}</h2>
      <ul>
        {RIGHTS.map((r) => (
          <li key={r}>{t(`privacy.rights.${r}`)}</li>
        ))}
      </ul>
      <p>
        {t("privacy.rightsHow")} <a href={`/${locale}/account/data`}>{t("privacy.rightsLink")}</a>
      </p>
      <h2>{t("privacy.contactTitle")}</h2>
      <p>{t("privacy.contact", { email: contact })}</p>
    </>
  );
}
