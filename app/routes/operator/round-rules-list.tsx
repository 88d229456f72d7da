import type { RoundRulesView } from "#src/services/rounds/round-rules-record.ts";
import { SummaryList } from "../../components/forms/index.ts";
import { formatDate, useI18n } from "../../lib/i18n.tsx";

/** Every eligibility rule of a round, as labels in the operator's language (never stored codes). */
export function RoundRulesList({
  rules,
  englishTests,
  countries,
}: {
  rules: RoundRulesView;
  englishTests: readonly { code: string; name: string }[];
  countries: readonly { code: string; nameJa: string; nameEn: string }[];
}) {
  const { t, locale } = useI18n();
  const countryName = (code: string) => {
    const c = countries.find((x) => x.code === code);
    return c ? (locale === "ja" ? c.nameJa : c.nameEn) : code;
  };
  const testName = (code: string) => englishTests.find((e) => e.code === code)?.name ?? code;
  const yesNo = (v: boolean) => (v ? t("roundEdit.yes") : t("roundEdit.no"));
  return (
    <SummaryList
      rows={[
        { key: "referenceDate", label: t("round.eligibilityReferenceDate"), value: formatDate(rules.eligibilityReferenceDate, locale) },
        { key: "ageRange", label: t("round.ageRange"), value: t("round.ageRangeValue", { min: rules.ageMin, max: rules.ageMax }) },
        { key: "dacListVersion", label: t("round.dacListVersion"), value: rules.dacListVersion, testId: "rule-dac" },
        {
          key: "excluded",
          label: t("roundEdit.excludedCountries"),
          value: rules.excludedCountries.length ? rules.excludedCountries.map(countryName).join(locale === "ja" ? "、" : ", ") : t("roundEdit.none"),
          testId: "rule-excluded",
        },
        { key: "jlpt", label: t("roundEdit.minJlptLevel"), value: t("roundEdit.jlptOrHigher", { level: rules.minJlptLevel }) },
        {
          key: "english",
          label: t("roundEdit.englishTestsLegend"),
          value: rules.englishTests.length
            ? rules.englishTests.map((e) => t("roundEdit.testAtLeast", { test: testName(e.test), min: e.min })).join(locale === "ja" ? "、" : "; ")
            : t("roundEdit.anyTest"),
          testId: "rule-english",
        },
        { key: "self", label: t("roundEdit.selfDeclaredEnglishAccepted"), value: yesNo(rules.selfDeclaredEnglishAccepted) },
        { key: "residence", label: t("roundEdit.residenceInJapanAllowed"), value: yesNo(rules.residenceInJapanAllowed) },
        { key: "prior", label: t("roundEdit.priorParticipantsAllowed"), value: yesNo(rules.priorParticipantsAllowed) },
      ]}
    />
  );
}
