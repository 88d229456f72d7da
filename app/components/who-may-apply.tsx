import type { RoundRulesView } from "#src/services/rounds/round-rules-record.ts";
import { countryName } from "../lib/countries.ts";
import { formatDate, useI18n } from "../lib/i18n.tsx";

/**
 * The public "who may apply" list, written from the round's own rules (issue 19):
 * change a rule on the operator's page and this text changes in all six languages.
 */
export function WhoMayApply({ rules, testNames }: { rules: RoundRulesView; testNames: Record<string, string> }) {
  const { t, locale } = useI18n();
  const separator = locale === "ja" || locale === "zh" ? "、" : ", ";
  const excluded = rules.excludedCountries.map((c) => countryName(c, locale)).join(separator);
  return (
    <ul data-testid="who-may-apply">
      <li>
        {excluded
          ? t("whoMayApply.nationalityExcept", { version: rules.dacListVersion, countries: excluded })
          : t("whoMayApply.nationality", { version: rules.dacListVersion })}
      </li>
      <li>{t("whoMayApply.age", { min: rules.ageMin, max: rules.ageMax, date: formatDate(rules.eligibilityReferenceDate, locale) })}</li>
      <li>
        {t("whoMayApply.languageLead")}
        <ul>
          <li>{t("whoMayApply.jlpt", { level: rules.minJlptLevel })}</li>
          {rules.englishTests.length === 0 ? (
            <li>{t("whoMayApply.englishAnyTest")}</li>
          ) : (
            rules.englishTests.map((e) => <li key={e.test}>{t("whoMayApply.englishTest", { test: testNames[e.test] ?? e.test, min: e.min })}</li>)
          )}
          {rules.selfDeclaredEnglishAccepted ? <li>{t("whoMayApply.selfDeclared")}</li> : null}
        </ul>
      </li>
      <li>{t("program.whoDocument")}</li>
      {rules.residenceInJapanAllowed ? null : <li>{t("whoMayApply.residence")}</li>}
      {rules.priorParticipantsAllowed ? null : <li>{t("whoMayApply.prior")}</li>}
    </ul>
  );
}
