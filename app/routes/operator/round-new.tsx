import { Form, redirect } from "react-router";
import { DEADLINE_KINDS } from "#src/domain/round-phases.ts";
import { authorize } from "#src/services/authorize.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { ErrorSummary, Field, Fieldset, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/round-new";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  await run(request, locale, async () => authorize(actor, "round.manage"));
  return null;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => createRound(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/rounds/${out.result.id}`);
}

export default function RoundNew() {
  const { t } = useI18n();
  const formState = useFormState();
  const labels: Record<string, string> = {
    fiscalYear: t("round.fiscalYear"),
    nameJa: t("round.nameJa"),
    nameEn: t("round.nameEn"),
    eligibilityReferenceDate: t("round.eligibilityReferenceDate"),
    dacListVersion: t("round.dacListVersion"),
    ageMin: t("round.ageMin"),
    ageMax: t("round.ageMax"),
    internCapacity: t("round.internCapacity"),
    ...Object.fromEntries(DEADLINE_KINDS.map((k) => [`deadlines.${k}`, t(`deadlines.${k}`)])),
  };
  return (
    <>
      <PageTitle title={t("operator.newRound")} />
      <h1>{t("operator.newRound")}</h1>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="fiscalYear" label={labels.fiscalYear!} state={formState} required type="number" width="short" defaultValue="2027" />
        <Field name="nameJa" label={labels.nameJa!} state={formState} required />
        <Field name="nameEn" label={labels.nameEn!} state={formState} required />
        <Field
          name="eligibilityReferenceDate"
          label={labels.eligibilityReferenceDate!}
          hint={t("round.eligibilityReferenceDateHint")}
          type="date"
          state={formState}
          required
        />
        <Field name="dacListVersion" label={labels.dacListVersion!} hint={t("round.dacListVersionHint")} state={formState} required defaultValue="2024-2025" />
        <Field name="ageMin" label={labels.ageMin!} state={formState} required type="number" width="short" defaultValue="20" />
        <Field name="ageMax" label={labels.ageMax!} state={formState} required type="number" width="short" defaultValue="40" />
        <Field name="internCapacity" label={labels.internCapacity!} state={formState} required type="number" width="short" defaultValue="200" />
        <Fieldset legend={t("round.deadlinesLegend")} hint={t("round.deadlinesHint")}>
          {DEADLINE_KINDS.map((k) => (
            <Field key={k} name={`deadlines.${k}`} label={labels[`deadlines.${k}`]!} type="datetime-local" state={formState} />
          ))}
        </Fieldset>
        <button type="submit">{t("operator.createRound")}</button>
      </Form>
    </>
  );
}
