import { useI18n } from "../lib/i18n.tsx";

/** The program's front page (the full public pages come with the applicant journey). */
export default function Home() {
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.goalsTitle")}</h2>
      <ul>
        <li>{t("home.goal1")}</li>
        <li>{t("home.goal2")}</li>
        <li>{t("home.goal3")}</li>
      </ul>
      <h2>{t("home.whoTitle")}</h2>
      <p>{t("home.who")}</p>
      <p>
        <a className="button" href={`/${locale}/apply`}>
          {t("home.createAccount")}
        </a>{" "}
        <a href={`/${locale}/sign-in`}>{t("home.signIn")}</a>
      </p>
      <h2>{t("homeHosts.title")}</h2>
      <p>{t("homeHosts.lead")}</p>
      <p>
        <a href={`/${locale === "ja" ? "ja" : "en"}/host/sign-up`}>{t("homeHosts.link")}</a>
      </p>
    </>
  );
}
