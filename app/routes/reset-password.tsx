import { Form, redirect, useSearchParams } from "react-router";
import { resetPassword } from "#src/services/auth/reset-password.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, requestContext, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/reset-password";
import { PageTitle } from "../components/page-title.tsx";

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => resetPassword(rt, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/sign-in?reset=1`);
}

export default function ResetPassword() {
  const { t } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  const token = search.get("token") ?? formState?.values?.token ?? "";
  const labels = { password: t("auth.newPassword"), passwordConfirm: t("auth.passwordConfirm") };
  if (!token || search.get("error")) {
    return (
      <>
        <PageTitle title={t("auth.resetTitle")} />
        <h1>{t("auth.resetTitle")}</h1>
        <p>{t("errors.resetLinkInvalid")}</p>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t("auth.resetTitle")} />
      <h1>{t("auth.resetTitle")}</h1>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={token} />
        <Field name="password" label={labels.password} hint={t("auth.passwordHint")} type="password" state={formState} required autoComplete="new-password" />
        <Field name="passwordConfirm" label={labels.passwordConfirm} type="password" state={formState} required autoComplete="new-password" />
        <button type="submit">{t("auth.resetSubmit")}</button>
      </Form>
    </>
  );
}
