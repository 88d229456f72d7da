import { Form, redirect, useLoaderData } from "react-router";
import { CASE_THEMES } from "#src/domain/cases/content.ts";
import { createCase } from "#src/services/cases/create-case.ts";
import { getNewCaseOptions } from "#src/services/cases/list-cases.ts";
import { ErrorSummary, RadioGroup, Select, errorTitle, useFormState } from "../../../components/forms/index.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/new";
import { PageTitle } from "../../../components/page-title.tsx";

/** A host member starts a case study: its theme, and the internship (or round) it tells about. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getNewCaseOptions(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => createCase(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/host/cases/${out.result.id}`) : out.response;
}

export default function NewCase() {
  const { t, locale } = useI18n();
  const options = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <>
      <PageTitle title={t("casesStaff.new.title")} />
      <h1>{errorTitle(t, t("casesStaff.new.title"), state)}</h1>
      <p className="lead">{t("casesStaff.new.lead")}</p>
      <ErrorSummary
        state={state}
        labels={{ theme: t("casesStaff.new.theme"), placementId: t("casesStaff.new.placement"), roundId: t("casesStaff.new.round") }}
      />
      <Form method="post" noValidate>
        <RadioGroup
          name="theme"
          legend={t("casesStaff.new.theme")}
          state={state}
          required
          options={CASE_THEMES.map((th) => ({ value: th, label: t(`cases.themes.${th}`), hint: t(`casesStaff.new.themeHints.${th}`) }))}
        />
        <Select
          name="placementId"
          label={t("casesStaff.new.placement")}
          hint={t("casesStaff.new.placementHint")}
          state={state}
          placeholder={t("casesStaff.new.noPlacement")}
          options={options.placements.map((p) => ({ value: p.id, label: p.label }))}
        />
        <Select
          name="roundId"
          label={t("casesStaff.new.round")}
          hint={t("casesStaff.new.roundHint")}
          state={state}
          placeholder={t("casesStaff.new.noRound")}
          options={options.rounds.map((r) => ({ value: r.id, label: locale === "ja" ? r.nameJa : r.nameEn }))}
        />
        <button type="submit">{t("casesStaff.new.create")}</button>
      </Form>
    </>
  );
}
