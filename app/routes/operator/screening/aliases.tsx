import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { deleteAffiliationAlias } from "#src/services/screening/delete-affiliation-alias.ts";
import { listAffiliationAliases } from "#src/services/screening/list-affiliation-aliases.ts";
import { saveAffiliationAlias } from "#src/services/screening/save-affiliation-alias.ts";
import { ErrorSummary, Field, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/aliases";

/** The operator's alias table: other names of one university or employer, used by every conflict check. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ aliases: await listAffiliationAliases(rt, actor) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const here = `/${locale}/operator/screening/aliases`;
  if (form.get("_form") === "delete") {
    const out = await runForm(request, locale, form, () => deleteAffiliationAlias(rt, actor, String(form.get("id") ?? "")));
    if (!out.ok) return out.response;
    return redirect(`${here}?deleted=1`);
  }
  const out = await runForm(request, locale, form, () => saveAffiliationAlias(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`${here}?saved=1`);
}

export default function AffiliationAliases() {
  const { t } = useI18n();
  const { aliases } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  return (
    <>
      <PageTitle title={t("screeningOps.aliases.title")} />
      <h1>{t("screeningOps.aliases.title")}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status">
          {t("screeningOps.aliases.saved")}
        </p>
      ) : null}
      {search.get("deleted") ? (
        <p className="notice" role="status">
          {t("screeningOps.aliases.deleted")}
        </p>
      ) : null}
      <p>{t("screeningOps.aliases.lead")}</p>
      <Refusal title={t("screeningOps.refusedTitle")} />
      <ErrorSummary state={formState} labels={{ canonical: t("screeningOps.aliases.canonical"), aliases: t("screeningOps.aliases.aliases") }} />
      {aliases.length === 0 ? (
        <p>{t("screeningOps.aliases.none")}</p>
      ) : (
        <table>
          <caption>{t("screeningOps.aliases.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("screeningOps.aliases.canonical")}</th>
              <th scope="col">{t("screeningOps.aliases.aliases")}</th>
              <th scope="col">{t("screeningOps.aliases.updatedAt")}</th>
              <th scope="col">{t("screeningOps.aliases.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {aliases.map((a) => (
              <tr key={a.id} data-testid="alias-row">
                <th scope="row">{a.canonical}</th>
                <td>{a.aliases.join("; ")}</td>
                <td>
                  <Instant at={a.updatedAt} />
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="_form" value="delete" />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="secondary" aria-label={t("screeningOps.aliases.deleteNamed", { name: a.canonical })}>
                      {t("screeningOps.aliases.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("screeningOps.aliases.addTitle")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="_form" value="save" />
        <Field name="canonical" label={t("screeningOps.aliases.canonical")} state={formState} required />
        <TextArea name="aliases" label={t("screeningOps.aliases.aliases")} hint={t("screeningOps.aliases.aliasesHint")} state={formState} rows={4} required />
        <button type="submit">{t("screeningOps.aliases.add")}</button>
      </Form>
    </>
  );
}
