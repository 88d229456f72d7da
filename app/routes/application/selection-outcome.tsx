import { useI18n } from "../../lib/i18n.tsx";

export interface SelectionOutcomeData {
  outcome: "selected" | "waitlisted" | "rejected" | "withdrawn";
  waitlistPosition: number | null;
  promoted: boolean;
  canDecline: boolean;
}

/** The selection's result on the applicant's status page (issue 14), once final. */
export function SelectionOutcome({ outcome }: { outcome: SelectionOutcomeData | null }) {
  const { t, locale } = useI18n();
  if (!outcome) return null;
  return (
    <section aria-labelledby="selection-title" data-testid="selection-outcome">
      <h2 id="selection-title">{t("interviews.outcome.title")}</h2>
      <p>
        {outcome.outcome === "waitlisted"
          ? t("interviews.outcome.waitlisted", { position: outcome.waitlistPosition ?? 0 })
          : outcome.promoted && outcome.outcome === "selected"
            ? t("interviews.outcome.promoted")
            : t(`interviews.outcome.${outcome.outcome}`)}
      </p>
      {outcome.canDecline ? (
        <p>
          <a href={`/${locale}/application/decline-place`}>{t("interviews.outcome.declineLink")}</a>
        </p>
      ) : null}
    </section>
  );
}
