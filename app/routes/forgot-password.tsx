import { Form, redirect, useSearchParams } from "react-router";
import { requestPasswordReset } from "#src/services/auth/request-password-reset.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { clientIp, readForm, requestContext, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/forgot-password";
import { PageTitle } from "../components/page-title.tsx";

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => requestPasswordReset(rt, readForm(form), locale, clientIp(request)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/forgot-password?sent=1`);
}

export default function ForgotPassword() {
  const { t } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  return (
    <>
      <PageTitle title={t("auth.forgotTitle")} />
      <h1>{t("auth.forgotTitle")}</h1>
      {search.get("sent") ? (
        <p className="notice" role="status">
          {t("auth.resetSent")}
        </p>
      ) : null}
      <p>{t("auth.forgotLead")}</p>
      <ErrorSummary state={formState} labels={{ email: t("auth.email") }} />
      <Form method="post" noValidate>
        <Field name="email" label={t("auth.email")} type="email" state={formState} required autoComplete="email" />
        <button type="submit">{t("auth.sendResetLink")}</button>
      </Form>
    </>
  );
}
