/**
 * A placement's final-presentation slides on the host's and the operator's pages (ADR 0038): a download link only
 * when the slides may be served, and where their malware check stands (ADR 0028), worded as the operator's
 * application page words it for documents — being checked (no link), malware found (no link, the file was deleted),
 * or not scanned because no scanner is configured (next to the link).
 */
import { isServable } from "#src/domain/malware/clamd-protocol.ts";
import type { PresentationView } from "#src/services/internship/final-presentations.ts";
import { useI18n } from "../lib/i18n.tsx";

export function PresentationSlidesStatus({ placementId, slides }: { placementId: string; slides: NonNullable<PresentationView["slides"]> }) {
  const { t } = useI18n();
  return (
    <span data-testid="slides-status" data-scan={slides.scanStatus}>
      {isServable(slides.scanStatus) ? (
        <a href={`/presentation-slides/${placementId}`}>{t("hostTraining.presentations.download", { file: slides.fileName })}</a>
      ) : (
        slides.fileName
      )}
      {slides.scanStatus === "pending" ? ` — ${t("malwareScanStaff.pending")}` : null}
      {slides.scanStatus === "infected" ? ` — ${t("malwareScanStaff.infected", { signature: slides.signature ?? "" })}` : null}
      {slides.scanStatus === "not_scanned" ? ` — ${t("malwareScanStaff.notScanned")}` : null}
    </span>
  );
}
