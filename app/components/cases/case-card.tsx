import type { CaseCard } from "#src/services/cases/public-cases.ts";
import { countryName } from "../../lib/countries.ts";
import { PROGRAM_TIME_ZONE, useI18n } from "../../lib/i18n.tsx";
import { formatDay } from "#src/i18n/format.ts";
import { caseImageUrl } from "./text.tsx";

/** One case in the library or in "latest case studies": its image (lazy), title, summary and facts, in the case's own language. */
export function CaseCardView({ c, headingLevel = 2 }: { c: CaseCard; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const H = headingLevel === 2 ? "h2" : "h3";
  const facts = [
    t(`cases.themes.${c.theme}`),
    c.industry ? t(`jsic.${c.industry}`) : null,
    c.region ? t(`cases.regions.${c.region}`) : null,
    c.nationality ? countryName(c.nationality, locale) : null,
  ].filter(Boolean);
  return (
    <article className="case-card" aria-labelledby={`case-${c.number}`}>
      {c.image ? (
        <img
          src={caseImageUrl(c.image.id, "small")}
          alt={c.image.alt}
          width={c.image.smallWidth}
          height={c.image.smallHeight}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <div>
        <H id={`case-${c.number}`} lang={c.language}>
          <a href={`/${locale}/cases/${c.number}`}>{c.title}</a>
        </H>
        {c.inTranslation ? <p className="case-translation">{t(c.language === "ja" ? "cases.inTranslation" : "cases.inTranslationJa")}</p> : null}
        <p lang={c.language}>{c.summary}</p>
        <p className="case-facts">
          {facts.join(" · ")} · {t("cases.published", { date: formatDay(c.publishedAt, locale, PROGRAM_TIME_ZONE) })}
        </p>
      </div>
    </article>
  );
}
