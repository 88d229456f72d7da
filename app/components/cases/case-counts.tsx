import type { RoundCaseCounts } from "#src/services/cases/list-cases.ts";
import { formatNumber, useI18n } from "../../lib/i18n.tsx";

/** The operator dashboard's table: case studies being written, in review and published, per round. */
export function CaseCounts({ counts, headingLevel = 2 }: { counts: RoundCaseCounts[]; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const H = headingLevel === 2 ? "h2" : "h3";
  const link = (roundId: string | null, status: string) =>
    `/${locale}/operator/cases?${new URLSearchParams({ ...(roundId ? { round: roundId } : {}), status })}`;
  return (
    <section aria-labelledby="case-counts">
      <H id="case-counts">{t("casesStaff.dashboard.title")}</H>
      {counts.length === 0 ? (
        <p>{t("casesStaff.dashboard.none")}</p>
      ) : (
        <table data-testid="case-counts">
          <caption>{t("casesStaff.dashboard.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("casesStaff.dashboard.round")}</th>
              <th scope="col">{t("casesStaff.dashboard.draft")}</th>
              <th scope="col">{t("casesStaff.dashboard.inReview")}</th>
              <th scope="col">{t("casesStaff.dashboard.published")}</th>
              <th scope="col">{t("casesStaff.dashboard.withdrawn")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.roundId ?? "none"}>
                <th scope="row">{c.roundId ? (locale === "ja" ? c.nameJa : c.nameEn) : t("casesStaff.dashboard.noRound")}</th>
                <td>{formatNumber(c.draft, locale)}</td>
                <td>{c.roundId ? <a href={link(c.roundId, "in_review")}>{formatNumber(c.inReview, locale)}</a> : formatNumber(c.inReview, locale)}</td>
                <td>{formatNumber(c.published, locale)}</td>
                <td>{formatNumber(c.withdrawn, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/${locale}/operator/cases`}>{t("casesStaff.dashboard.list")}</a>
      </p>
    </section>
  );
}
