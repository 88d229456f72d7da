import { Form, useSearchParams } from "react-router";
import { signIn } from "#src/services/auth/sign-in.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { clientIp, readForm, redirectWithCookies, requestContext, runForm, safeNext } from "../lib/request.server.ts";
import type { Route } from "./+types/sign-in";

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => signIn(rt, readForm(form), clientIp(request)));
  if (!out.ok) return out.response;
  const next = safeNext(String(form.get("next") ?? ""), locale);
  if (out.result.kind === "twoFactor") {
    const q = next ? `?next=${encodeURIComponent(next)}` : "";
    return redirectWithCookies(`/${locale}/sign-in/two-factor${q}`, out.result.setCookies);
  }
  // Each role lands where its work is; staff pass through two-factor enrolment first.
  const home: Record<string, string> = { applicant: "application", operator: "operator", ministry: "operator", host: "host", reviewer: "reviewer" };
  const landing = `/${locale}/${home[out.result.role ?? ""] ?? "account"}`;
  return redirectWithCookies(next ?? landing, out.result.setCookies);
}

export default function SignIn() {
  const { t, locale } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  const labels = { email: t("auth.email"), password: t("auth.password") };
  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      {search.get("verified") ? <p className="notice">{t("auth.emailVerified")}</p> : null}
      {search.get("reset") ? <p className="notice">{t("auth.passwordWasReset")}</p> : null}
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={search.get("next") ?? ""} />
        <Field name="email" label={labels.email} type="email" state={formState} required autoComplete="username" />
        <Field name="password" label={labels.password} type="password" state={formState} required autoComplete="current-password" />
        <button type="submit">{t("auth.signInSubmit")}</button>
      </Form>
      <p>
        <a href={`/${locale}/forgot-password`}>{t("auth.forgotPassword")}</a>
      </p>
      <p>
        <a href={`/${locale}/sign-up`}>{t("auth.noAccount")}</a>
      </p>
    </>
  );
}
