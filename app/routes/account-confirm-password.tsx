/**
 * Re-authentication before a sensitive staff action (issue 11 item 5): the
 * password again, then back to the page the action was on. The request glue
 * sends staff here when a use case throws ReauthenticationRequiredError.
 */
import { Form, redirect, useSearchParams } from "react-router";
import { confirmPassword } from "#src/services/auth/session-policy.ts";
import { UnauthenticatedError } from "#src/services/errors.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { requestContext, runForm, safeNext, toResponse } from "../lib/request.server.ts";
import type { Route } from "./+types/account-confirm-password";
import { PageTitle } from "../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  if (!actor) toResponse(new UnauthenticatedError(), request, locale);
  return { email: actor.email };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => confirmPassword(rt, actor, request.headers, { password: form.get("password") }));
  if (!out.ok) return out.response;
  return redirect(safeNext(String(form.get("next") ?? ""), locale) ?? `/${locale}/account`);
}

export default function ConfirmPassword() {
  const { t } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  return (
    <>
      <PageTitle title={t("staff.reauth.title")} />
      <h1>{t("staff.reauth.title")}</h1>
      <p>{t("staff.reauth.lead")}</p>
      <ErrorSummary state={formState} labels={{ password: t("auth.password") }} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={search.get("next") ?? ""} />
        <Field name="password" label={t("auth.password")} type="password" state={formState} required autoComplete="current-password" />
        <button type="submit">{t("staff.reauth.submit")}</button>
      </Form>
    </>
  );
}
