import { useLoaderData } from "react-router";
import { privacyContact } from "#src/config.ts";
import { PageTitle } from "../components/page-title.tsx";
import { useI18n } from "../lib/i18n.tsx";

const PURPOSES = ["eligibility", "matching", "contact", "report", "security"] as const;
const RECIPIENTS = ["operator", "meti", "committee", "hosts"] as const;
const RIGHTS = ["access", "correct", "delete", "stop"] as const;

/** The privacy notice under Japan's APPI (issue 19 item 6): purposes, recipients, retention, rights, contact; in six languages. */
export function loader() {
  return { contact: privacyContact() };
}

export default function Privacy() {
  const { t, locale } = useI18n();
  const { contact } = useLoaderData<typeof loader>();
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
