/**
 * Words of the report in one language: figure titles and descriptions, row
 * labels (i18n namespace `report`; JSIC names from `jsic` (reference feature); country
 * names from the CLDR data in Node's ICU, as countries.json; industry group
 * names from the grouping data), notes and numbers as shown.
 */
import type { FigureId, FigureRow, OpenFigureRow, ReportConfig } from "../domain/report/index.ts";
import { formatCount, formatOpenCount, formatOpenPercent } from "../domain/report/index.ts";
import type { Locale } from "../i18n/locales.ts";
import { translator } from "../i18n/translator.ts";

export type ReportLocale = Extract<Locale, "ja" | "en">;

export interface ReportLabels {
  locale: Locale;
  /** report.* message */
  t: (key: string, params?: Record<string, string | number>) => string;
  figureTitle(id: FigureId): string;
  figureDescription(id: FigureId): string;
  rowLabel(id: FigureId, row: Pick<FigureRow | OpenFigureRow, "key" | "label">): string;
  fiscalYear(year: number): string;
  note(key: string): string;
  count(row: Pick<OpenFigureRow, "count" | "suppressed">): string;
  percent(row: Pick<OpenFigureRow, "percent" | "suppressed">): string;
  number(n: number | null): string;
}

const ROW_GROUP: Partial<Record<FigureId, string>> = {
  internJapaneseLevel: "japanese",
  internEnglishLevel: "english",
  hostsBySize: "size",
  hostsByOverseasStatus: "overseas",
  hostsByRegion: "region",
};

/**
 * `namespace`: the catalogue the words come from — `report` (staff pages, ja/en)
 * or `openStatistics` (the public page, six languages; same keys, plus
 * `industryGroup.<code>` for group names). Keys under `report.` (the notes the
 * domain puts on figures) are read from the namespace given.
 */
export function reportLabels(locale: Locale, config: ReportConfig, namespace: "report" | "openStatistics" = "report"): ReportLabels {
  const translate = translator(locale);
  const rename = (key: string) => (namespace !== "report" && key.startsWith("report.") ? `${namespace}.${key.slice("report.".length)}` : key);
  const t = (key: string, params?: Record<string, string | number>) => translate(rename(key), params);
  /** A message that may be missing (e.g. a world region an operator added): the fallback instead of the key. */
  const maybe = (key: string, fallback: string) => {
    const s = translate(rename(key));
    return s === rename(key) ? fallback : s;
  };
  const countries = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const groups = new Map(
    config.industryGroups.map((g) => [g.code, locale === "ja" ? g.nameJa : locale === "en" ? g.nameEn : maybe(`report.industryGroup.${g.code}`, g.nameEn)]),
  );

  const rowLabel = (id: FigureId, row: Pick<FigureRow, "key" | "label">): string => {
    if (row.label) return locale === "ja" ? row.label.ja : row.label.en;
    const { key } = row;
    const [kind, code] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [key, ""];
    switch (kind) {
      case "country":
        return countries.of(code) ?? code;
      case "worldRegion":
        return maybe(`report.worldRegion.${code}`, code);
      case "group":
        return groups.get(code) ?? code;
      case "jsic":
        return t("report.rows.jsic", { code, name: maybe(`jsic.${code}`, "") }).trim();
      case "published":
        return maybe(`report.rows.${code}`, code);
      case "total":
      case "match_fit":
      case "overall_satisfaction":
        return t(`report.rows.${kind}`);
    }
    const group = ROW_GROUP[id];
    return group ? maybe(`report.rows.${group}.${key}`, key) : key;
  };

  return {
    locale,
    t,
    figureTitle: (id) => t(`report.figures.${id}.title`),
    figureDescription: (id) => t(`report.figures.${id}.description`),
    rowLabel,
    fiscalYear: (year) => t("report.fiscalYear", { year: String(year) }),
    note: (key) => t(key),
    count: (row) => formatOpenCount(row),
    percent: (row) => formatOpenPercent(row),
    number: (n) => (n === null ? "" : formatCount(n)),
  };
}
