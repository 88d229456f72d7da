import QRCode from "qrcode";
import { Form, data, useActionData, useLoaderData } from "react-router";
import { startTwoFactorEnrolment } from "#src/services/auth/start-two-factor-enrolment.ts";
import { verifyTwoFactorCode } from "#src/services/auth/verify-two-factor-code.ts";
import { signedIn } from "#src/services/authorize.ts";
import { ErrorSummary, Field, type FormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, redirectWithCookies, requestContext, run, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/account-two-factor";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  const who = await run(request, locale, async () => signedIn(actor));
  return { enabled: who.twoFactorEnabled, role: who.role };
}

type EnrolState =
  | { ok: true; step: "scan"; secret: string; qrSvg: string; backupCodes: string[] }
  | (FormState & { ok: false; step: "password" | "scan"; secret?: string; qrSvg?: string; backupCodes?: string[] });

/**
 * Enrolment without JavaScript: (1) confirm the password → the secret, a QR
 * code and backup codes are shown; (2) type a code from the app → enabled.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  if (form.get("intent") === "start") {
    const out = await runForm(request, locale, form, () => startTwoFactorEnrolment(rt, actor, request.headers, String(form.get("password") ?? "")));
    if (!out.ok) return data({ ...out.response.data, step: "password" as const }, out.response.init ?? undefined);
    const qrSvg = await QRCode.toString(out.result.totpURI, { type: "svg", margin: 1 });
    return { ok: true, step: "scan", secret: out.result.secret, qrSvg, backupCodes: out.result.backupCodes } satisfies EnrolState;
  }
  const out = await runForm(request, locale, form, () => verifyTwoFactorCode(rt, actor, request.headers, readForm(form)));
  if (out.ok) {
    const home =
      actor?.role === "operator" || actor?.role === "ministry"
        ? `/${locale}/operator`
        : actor?.role === "reviewer"
          ? `/${locale}/reviewer`
          : `/${locale}/account`;
    return redirectWithCookies(home, out.result.setCookies);
  }
  // A wrong code: the same secret and QR code again, so the app that scanned it keeps working.
  const secret = String(form.get("secret") ?? "");
  const keep =
    actor && /^[A-Z2-7]+=*$/.test(secret) ? { secret, qrSvg: await QRCode.toString(otpauthUri(secret, actor.email), { type: "svg", margin: 1 }) } : {};
  return data({ ...out.response.data, ...keep, step: "scan" as const }, out.response.init ?? undefined);
}

/** The same otpauth URI better-auth issued, rebuilt from the secret to show the QR code again. */
function otpauthUri(secret: string, email: string): string {
  return `otpauth://totp/${encodeURIComponent(`JIP Platform:${email}`)}?secret=${secret}&issuer=${encodeURIComponent("JIP Platform")}&digits=6&period=30`;
}

export default function AccountTwoFactor() {
  const { t } = useI18n();
  const { enabled } = useLoaderData<typeof loader>();
  const state = useActionData() as EnrolState | undefined;
  const formState = state && state.ok === false ? state : undefined;
  if (enabled) {
    return (
      <>
        <h1>{t("twoFactor.enrolTitle")}</h1>
        <p className="notice">{t("twoFactor.alreadyEnabled")}</p>
      </>
    );
  }
  const scanning = state?.step === "scan" && state.secret;
  return (
    <>
      <h1>{t("twoFactor.enrolTitle")}</h1>
      <p>{t("twoFactor.enrolLead")}</p>
      {scanning ? (
        <>
          <h2>{t("twoFactor.scanTitle")}</h2>
          <div className="qr" role="img" aria-label={t("twoFactor.qrLabel")} dangerouslySetInnerHTML={{ __html: state.qrSvg ?? "" }} />
          <p>
            {t("twoFactor.manualKey")} <code data-testid="totp-secret">{state.secret}</code>
          </p>
          {state.backupCodes?.length ? (
            <>
              <h2>{t("twoFactor.backupTitle")}</h2>
              <p>{t("twoFactor.backupLead")}</p>
              <ul className="backup-codes">
                {state.backupCodes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ErrorSummary state={formState} labels={{ code: t("twoFactor.code") }} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="secret" value={state.secret} />
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
      ) : (
        <>
          <ErrorSummary state={formState} labels={{ password: t("auth.password") }} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="start" />
            <Field name="password" label={t("auth.password")} type="password" state={formState} required autoComplete="current-password" />
            <button type="submit">{t("twoFactor.start")}</button>
          </Form>
        </>
      )}
    </>
  );
}
