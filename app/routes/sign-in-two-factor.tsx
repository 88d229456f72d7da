import { Form, useSearchParams } from "react-router";
import { verifyTwoFactorCode } from "#src/services/auth/verify-two-factor-code.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, redirectWithCookies, requestContext, runForm, safeNext } from "../lib/request.server.ts";
import type { Route } from "./+types/sign-in-two-factor";

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => verifyTwoFactorCode(rt, actor, request.headers, readForm(form)));
  if (!out.ok) return out.response;
  return redirectWithCookies(
    safeNext(String(form.get("next") ?? ""), locale) ?? `/${locale}/${actor?.role === "reviewer" ? "reviewer" : "operator"}`,
    out.result.setCookies,
  );
}

export default function SignInTwoFactor() {
  const { t } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  return (
    <>
      <h1>{t("twoFactor.challengeTitle")}</h1>
      <p>{t("twoFactor.challengeLead")}</p>
      <ErrorSummary state={formState} labels={{ code: t("twoFactor.code") }} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={search.get("next") ?? ""} />
        <Field
          name="code"
          label={t("twoFactor.code")}
          hint={t("twoFactor.codeHint")}
          state={formState}
          required
          autoComplete="one-time-code"
          inputMode="numeric"
        />
        <button type="submit">{t("twoFactor.verify")}</button>
      </Form>
    </>
  );
}
