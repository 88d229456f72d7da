import { Form, redirect } from "react-router";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { exportMyData } from "#src/services/applications/export-my-data.ts";
import { AUDIT_IP_RETENTION_DAYS } from "#src/domain/retention.ts";
import { Checkbox, ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/account-data";
import { PageTitle } from "../components/page-title.tsx";

/**
 * Data rights: the page links to the JSON export (account/data.json, a resource route; the old address
 * ?download=1 leads there), and the form deletes the account.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  if (new URL(request.url).searchParams.get("download")) throw redirect(`/${locale}/account/data.json`);
  await run(request, locale, () => exportMyData(rt, actor));
  return null;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => deleteMyAccount(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  const headers = new Headers();
  for (const cookie of out.result.setCookies) headers.append("Set-Cookie", cookie);
  return redirect(`/${locale}/?deleted=1`, { headers });
}

export default function AccountData() {
  const { t, locale } = useI18n();
  const state = useFormState();
  return (
    <>
      <PageTitle title={t("dataRights.title")} />
      <h1>{t("dataRights.title")}</h1>
      <h2>{t("dataRights.downloadTitle")}</h2>
      <p>{t("dataRights.downloadLead")}</p>
      <p>
        <a className="button" href={`/${locale}/account/data.json`} download>
          {t("dataRights.download")}
        </a>
      </p>
      <h2>{t("dataRights.deleteTitle")}</h2>
      <p>{t("dataRights.deleteLead")}</p>
      <p>{t("rights.alsoErased", { days: AUDIT_IP_RETENTION_DAYS })}</p>
      <ErrorSummary state={state} labels={{ password: t("auth.password"), confirm: t("dataRights.confirm") }} />
      <Form method="post" noValidate>
        <Field name="password" label={t("auth.password")} type="password" state={state} required autoComplete="current-password" />
        <Checkbox name="confirm" label={t("dataRights.confirm")} state={state} />
        <button type="submit" className="danger">
          {t("dataRights.delete")}
        </button>
      </Form>
    </>
  );
}
