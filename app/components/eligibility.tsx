import type { EligibilityResult, Unmet } from "#src/domain/eligibility.ts";
import { countryName } from "../lib/countries.ts";
import { type I18n, formatDate, useI18n } from "../lib/i18n.tsx";

/** One unmet eligibility rule as a sentence in the page's language. */
export function describeUnmet(u: Unmet, { t, locale }: I18n): string {
  switch (u.code) {
    case "not_on_dac_list":
    case "excluded":
      return t(`eligibility.${u.rule}.${u.code}`, { country: countryName(u.country, locale) });
    case "too_young":
    case "too_old":
      return t(`eligibility.age.${u.code}`, { min: u.min, max: u.max, age: u.age, date: formatDate(u.referenceDate, locale) });
    case "insufficient":
      return t("eligibility.language.insufficient", { minJlpt: u.minJlpt });
    default:
      return t(`eligibility.${u.rule}.${u.code}`);
  }
}

/** The live eligibility summary: what is met, what is still to do. */
export function EligibilitySummary({ eligibility, overridden }: { eligibility: EligibilityResult; overridden: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t("application.eligibilityTitle")}</h2>
      {eligibility.eligible ? (
        <p className="notice">{t("application.eligibilityOk")}</p>
      ) : (
        <>
          <p>{t("application.eligibilityRemaining")}</p>
          <ul data-testid="eligibility-unmet">
            {eligibility.unmet.map((u) => (
              <li key={`${u.rule}-${u.code}`}>{describeUnmet(u, i18n)}</li>
            ))}
          </ul>
        </>
      )}
      {overridden.length > 0 ? <p>{t("application.eligibilityOverridden", { rules: overridden.map((r) => t(`eligibility.rules.${r}`)).join(", ") })}</p> : null}
    </section>
  );
}
