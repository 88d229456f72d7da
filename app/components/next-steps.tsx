import type { NextStep } from "#src/domain/next-steps.ts";
import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../lib/i18n.tsx";

/** What comes next for the applicant and by when (the round's deadline, in Japan time), on the receipt and status pages. */
export function NextSteps({ next }: { next: NextStep | null }) {
  const { t, locale } = useI18n();
  if (!next) return null;
  const at = next.at ? formatInstant(next.at, locale, PROGRAM_TIME_ZONE) : "";
  return (
    <section aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title">{t("nextSteps.title")}</h2>
      <p>{t(`nextSteps.${next.code}`, { dated: next.at ? "yes" : "no", at })}</p>
    </section>
  );
}
