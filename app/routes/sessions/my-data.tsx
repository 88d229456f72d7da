import { Form, useActionData, useLoaderData, useParams } from "react-router";
import { deleteRegistrantData, getRegistrantIdentity } from "#src/services/privacy/registrant-data.ts";
import { Checkbox, ErrorSummary, useFormState } from "../../components/forms/index.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/my-data";

/**
 * Data rights of someone who registered for an information session without an account (issue 19
 * item 7): the link from their e-mail leads here; they download their data or erase it.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return run(request, locale, () => getRegistrantIdentity(rt, params.token));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => deleteRegistrantData(rt, params.token, readForm(form)));
  if (!out.ok) return out.response;
  return { done: true as const };
}

export default function RegistrantData() {
  const { t, locale } = useI18n();
  const { email } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const state = useFormState();
  const { token } = useParams();
  return (
    <>
      <PageTitle title={t("rights.registrant.title")} />
      <h1>{t("rights.registrant.title")}</h1>
      {(done && "done" in done) || email === null ? (
        <p className="notice" role="status">
          {t("rights.registrant.done")}
        </p>
      ) : (
        <>
          <p>{t("rights.registrant.lead", { email })}</p>
          <h2>{t("rights.registrant.downloadTitle")}</h2>
          <p>
            <a className="button" href={`/${locale}/sessions/my-data/${token}/data.json`} download>
              {t("rights.registrant.download")}
            </a>
          </p>
          <h2>{t("rights.registrant.deleteTitle")}</h2>
          <p>{t("rights.registrant.deleteLead")}</p>
          <ErrorSummary state={state} labels={{ confirm: t("rights.registrant.confirm") }} />
          <Form method="post" noValidate>
            <Checkbox name="confirm" label={t("rights.registrant.confirm")} state={state} />
            <button type="submit" className="danger">
              {t("rights.registrant.delete")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
