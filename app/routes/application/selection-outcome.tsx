import { useI18n } from "../../lib/i18n.tsx";

export interface SelectionOutcomeData {
  outcome: "selected" | "waitlisted" | "rejected" | "withdrawn";
  waitlistPosition: number | null;
  promoted: boolean;
  canDecline: boolean;
  /** a place offered from the waiting list (ADR 0033) */
  offer?: { status: "open" | "accepted" | "declined" | "expired"; expiresAt: Date | string } | null;
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
      {outcome.offer?.status === "open" ? (
        <p data-testid="selection-offer">
          <strong>{t("selectionOffers.outcome.open")}</strong> <a href={`/${locale}/application/offer`}>{t("selectionOffers.outcome.answerLink")}</a>
        </p>
      ) : outcome.offer?.status === "expired" && outcome.outcome === "waitlisted" ? (
        <p data-testid="selection-offer">{t("selectionOffers.outcome.expired")}</p>
      ) : null}
      {outcome.canDecline ? (
        <p>
          <a href={`/${locale}/application/decline-place`}>{t("interviews.outcome.declineLink")}</a>
        </p>
      ) : null}
    </section>
  );
}
