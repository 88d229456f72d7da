import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { LOCALES, LOCALE_NAMES } from "#src/i18n/locales.ts";
import { updatePreferences } from "#src/services/auth/update-preferences.ts";
import { signedIn } from "#src/services/authorize.ts";
import { ErrorSummary, Select, SummaryList, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/account";
import { PageTitle } from "../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  const who = await run(request, locale, async () => signedIn(actor));
  return {
    email: who.email,
    name: who.name,
    role: who.role,
    locale: who.locale,
    timeZone: who.timeZone ?? "",
    twoFactorEnabled: who.twoFactorEnabled,
    timeZones: Intl.supportedValuesOf("timeZone"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => updatePreferences(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/account?saved=1`);
}

export default function Account() {
  const { t, locale } = useI18n();
  const account = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const labels = { locale: t("account.language"), timeZone: t("account.timeZone") };
  return (
    <>
      <PageTitle title={t("account.title")} />
      <h1>{t("account.title")}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status">
          {t("account.saved")}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "name", label: t("auth.name"), value: account.name },
          { key: "email", label: t("auth.email"), value: account.email },
          { key: "role", label: t("account.role"), value: t(`roles.${account.role}`) },
          {
            key: "twoFactor",
            label: t("account.twoFactor"),
            value: account.twoFactorEnabled ? t("account.twoFactorOn") : t("account.twoFactorOff"),
            action: account.twoFactorEnabled ? null : <a href={`/${locale}/account/two-factor`}>{t("account.enrolTwoFactor")}</a>,
          },
        ]}
      />
      {account.role === "applicant" || account.role === "host" ? (
        <p>
          <a href={`/${locale}/account/data`}>{t("dataRights.link")}</a>
        </p>
      ) : null}
      <h2>{t("account.preferences")}</h2>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Select
          name="locale"
          label={labels.locale}
          state={formState}
          defaultValue={account.locale}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
        <Select
          name="timeZone"
          label={labels.timeZone}
          state={formState}
          defaultValue={account.timeZone}
          options={[{ value: "", label: t("account.timeZoneBrowser") }, ...account.timeZones.map((z) => ({ value: z, label: z }))]}
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}
