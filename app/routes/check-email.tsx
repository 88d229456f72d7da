import { useI18n } from "../lib/i18n.tsx";
import { PageTitle } from "../components/page-title.tsx";

export default function CheckEmail() {
  const { t, locale } = useI18n();
  return (
    <>
      <PageTitle title={t("auth.checkEmailTitle")} />
      <h1>{t("auth.checkEmailTitle")}</h1>
      <p>{t("auth.checkEmailBody")}</p>
      <p>
        <a href={`/${locale}/sign-in`}>{t("auth.goToSignIn")}</a>
      </p>
    </>
  );
}
