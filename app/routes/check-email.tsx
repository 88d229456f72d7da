import { useI18n } from "../lib/i18n.tsx";

export default function CheckEmail() {
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t("auth.checkEmailTitle")}</h1>
      <p>{t("auth.checkEmailBody")}</p>
      <p>
        <a href={`/${locale}/sign-in`}>{t("auth.goToSignIn")}</a>
      </p>
    </>
  );
}
