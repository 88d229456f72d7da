import { Form, redirect } from "react-router";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { clientIp, readForm, requestContext, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/sign-up";
import { PageTitle } from "../components/page-title.tsx";

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => signUpApplicant(rt, readForm(form), locale, clientIp(request)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/check-email`);
}

export default function SignUp() {
  const { t } = useI18n();
  const formState = useFormState();
  const labels = {
    name: t("auth.name"),
    email: t("auth.email"),
    password: t("auth.password"),
    passwordConfirm: t("auth.passwordConfirm"),
  };
  return (
    <>
      <PageTitle title={t("auth.signUpTitle")} />
      <h1>{t("auth.signUpTitle")}</h1>
      <p>{t("auth.signUpLead")}</p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="name" label={labels.name} hint={t("auth.nameHint")} state={formState} required autoComplete="name" />
        <Field name="email" label={labels.email} type="email" state={formState} required autoComplete="email" />
        <Field name="password" label={labels.password} hint={t("auth.passwordHint")} type="password" state={formState} required autoComplete="new-password" />
        <Field name="passwordConfirm" label={labels.passwordConfirm} type="password" state={formState} required autoComplete="new-password" />
        <button type="submit">{t("auth.signUpSubmit")}</button>
      </Form>
    </>
  );
}
