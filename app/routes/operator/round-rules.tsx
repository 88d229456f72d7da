import { Form, redirect, useLoaderData } from "react-router";
import { JLPT_LEVELS } from "#src/domain/languages.ts";
import { getRoundSettings } from "#src/services/rounds/get-round-settings.ts";
import { updateRoundRules } from "#src/services/rounds/update-round-rules.ts";
import { Checkbox, CheckboxGroup, ErrorSummary, Field, Fieldset, RadioGroup, Select, typedValue, useFormState } from "../../components/forms/index.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/round-rules";
import { PageTitle } from "../../components/page-title.tsx";

/** The operator edits every eligibility rule of a round (until the first application is submitted). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getRoundSettings(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => updateRoundRules(rt, actor, params.roundId, readForm(form, { multi: ["excludedCountries"] })));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/rounds/${params.roundId}?saved=rules`);
}

export default function RoundRulesPage() {
  const { t, locale } = useI18n();
  const s = useLoaderData<typeof loader>();
  const formState = useFormState();
  const r = s.rules;
  const yesNo = [
    { value: "yes", label: t("roundEdit.yes") },
    { value: "no", label: t("roundEdit.no") },
  ];
  const labels: Record<string, string> = {
    eligibilityReferenceDate: t("round.eligibilityReferenceDate"),
    ageMin: t("round.ageMin"),
    ageMax: t("round.ageMax"),
    dacListVersion: t("round.dacListVersion"),
    excludedCountries: t("roundEdit.excludedCountries"),
    minJlptLevel: t("roundEdit.minJlptLevel"),
    selfDeclaredEnglishAccepted: t("roundEdit.selfDeclaredEnglishAccepted"),
    residenceInJapanAllowed: t("roundEdit.residenceInJapanAllowed"),
    priorParticipantsAllowed: t("roundEdit.priorParticipantsAllowed"),
    ...Object.fromEntries(s.englishTests.map((e) => [`englishTests.${e.code}.min`, t("roundEdit.testMinimum", { test: e.name })])),
  };
  const accepted = new Map(r.englishTests.map((e) => [e.test, e.min]));
  const submittedTests = formState?.values
    ? new Set(s.englishTests.filter((e) => typedValue(formState, `englishTests.${e.code}.accepted`)).map((e) => e.code))
    : null;
  return (
    <>
      <PageTitle title={t("roundEdit.rulesTitle", { round: locale === "ja" ? s.nameJa : s.nameEn })} />
      <h1>{t("roundEdit.rulesTitle", { round: locale === "ja" ? s.nameJa : s.nameEn })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${s.id}`}>{t("roundEdit.backToRound")}</a>
      </p>
      <Refusal title={t("roundEdit.refusedTitle")} />
      {s.rulesLocked ? (
        <p className="notice" role="status" data-testid="rules-locked">
          {t("roundEdit.locked", { n: s.submittedApplications })}
        </p>
      ) : null}
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <fieldset disabled={s.rulesLocked}>
          <legend className="visually-hidden">{t("roundEdit.rulesTitle", { round: locale === "ja" ? s.nameJa : s.nameEn })}</legend>
          <Field
            name="eligibilityReferenceDate"
            label={labels.eligibilityReferenceDate!}
            hint={t("round.eligibilityReferenceDateHint")}
            type="date"
            state={formState}
            required
            defaultValue={r.eligibilityReferenceDate}
          />
          <Field name="ageMin" label={labels.ageMin!} state={formState} required type="number" width="short" defaultValue={r.ageMin} />
          <Field name="ageMax" label={labels.ageMax!} state={formState} required type="number" width="short" defaultValue={r.ageMax} />
          <Select
            name="dacListVersion"
            label={labels.dacListVersion!}
            state={formState}
            required
            defaultValue={r.dacListVersion}
            options={s.dacListVersions.map((v) => ({ value: v.version, label: t("roundEdit.dacVersionOption", { version: v.version, n: v.entries }) }))}
          />
          <CheckboxGroup
            name="excludedCountries"
            legend={labels.excludedCountries!}
            hint={t("roundEdit.excludedCountriesHint")}
            state={formState}
            inline
            checked={r.excludedCountries}
            options={s.dacCountries.map((c) => ({ value: c.code, label: locale === "ja" ? c.nameJa : c.nameEn }))}
          />
          <Select
            name="minJlptLevel"
            label={labels.minJlptLevel!}
            state={formState}
            required
            defaultValue={r.minJlptLevel}
            options={JLPT_LEVELS.map((l) => ({ value: l, label: t("roundEdit.jlptOrHigher", { level: l }) }))}
          />
          <Fieldset legend={t("roundEdit.englishTestsLegend")} hint={t("roundEdit.englishTestsHint")}>
            {s.englishTests.map((e) => (
              <div key={e.code} className="test-rule">
                <Checkbox
                  name={`englishTests.${e.code}.accepted`}
                  value="yes"
                  label={t("roundEdit.testAccepted", { test: e.name })}
                  state={formState}
                  checked={submittedTests ? submittedTests.has(e.code) : accepted.has(e.code)}
                />
                <Field
                  name={`englishTests.${e.code}.min`}
                  label={labels[`englishTests.${e.code}.min`]!}
                  hint={t("roundEdit.testScale", { min: e.minScore, max: e.maxScore })}
                  state={formState}
                  width="short"
                  inputMode="decimal"
                  defaultValue={accepted.get(e.code) ?? ""}
                />
              </div>
            ))}
          </Fieldset>
          <RadioGroup
            name="selfDeclaredEnglishAccepted"
            legend={labels.selfDeclaredEnglishAccepted!}
            state={formState}
            inline
            required
            options={yesNo}
            defaultValue={r.selfDeclaredEnglishAccepted ? "yes" : "no"}
          />
          <RadioGroup
            name="residenceInJapanAllowed"
            legend={labels.residenceInJapanAllowed!}
            state={formState}
            inline
            required
            options={yesNo}
            defaultValue={r.residenceInJapanAllowed ? "yes" : "no"}
          />
          <RadioGroup
            name="priorParticipantsAllowed"
            legend={labels.priorParticipantsAllowed!}
            hint={t("roundEdit.priorParticipantsHint")}
            state={formState}
            inline
            required
            options={yesNo}
            defaultValue={r.priorParticipantsAllowed ? "yes" : "no"}
          />
          <button type="submit">{t("roundEdit.saveRules")}</button>
        </fieldset>
      </Form>
    </>
  );
}
