import type { Unmet } from "#src/domain/eligibility.ts";
import { useI18n } from "../lib/i18n.tsx";
import { describeUnmet } from "./eligibility.tsx";

/**
 * Told plainly, right after the step that decides it: a rule the applicant
 * cannot change (age, nationality, past participation) is not met, so this
 * round cannot take their application (issue 19 item 4).
 */
export function BlockingEligibility({ blocking }: { blocking: readonly Unmet[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (blocking.length === 0) return null;
  return (
    <section className="refusal" role="alert" aria-labelledby="blocking-title" data-testid="blocking-eligibility">
      <h2 id="blocking-title">{t("earlyEligibility.title")}</h2>
      <ul>
        {blocking.map((u) => (
          <li key={`${u.rule}-${u.code}`}>{describeUnmet(u, i18n)}</li>
        ))}
      </ul>
      <p>{t("earlyEligibility.body")}</p>
    </section>
  );
}
