/**
 * Why an applicant did not get each choice ranked above their result, as sentences in the
 * reader's language. Only positions are named, never another person (issue 15).
 */
import type { ApplicantExplanation } from "#src/domain/matching/index.ts";
import { useI18n } from "../../lib/i18n.tsx";

export interface PositionLabel {
  title: string;
  regionJa: string;
  regionEn: string;
}

export function ApplicantReasons({ explanation, positions }: { explanation: ApplicantExplanation; positions: Record<string, PositionLabel | undefined> }) {
  const { t, locale } = useI18n();
  if (explanation.higherChoices.length === 0) return null;
  return (
    <ul className="reasons">
      {explanation.higherChoices.map((c) => {
        const p = positions[c.host];
        const params: Record<string, string | number> = { rank: c.applicantRankOfHost, title: p?.title ?? "—" };
        if (c.code === "HOST_FULL_WITH_HIGHER_RANKED") params.capacity = c.capacity;
        if (c.code === "REGION_CAP_REACHED") {
          params.region = p ? (locale === "ja" ? p.regionJa : p.regionEn) : c.region;
          params.cap = c.regionCap;
        }
        return <li key={c.host}>{t(`matching.reasons.${c.code}`, params)}</li>;
      })}
    </ul>
  );
}
