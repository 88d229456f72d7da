/**
 * The public case library (no sign-in): the list with its filters and
 * search, one case's page, the latest cases for the program pages, and the
 * images. Only what was published is read (published_content, the frozen
 * facts); a case's language is the page's when published in it, else English
 * for the other languages' pages, else the one it has ("in translation").
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { CASE_LANGUAGES, CASE_THEMES, type CaseContent, type CaseLanguage, type CaseVersion, isCaseTheme, readContent } from "../../domain/cases/content.ts";
import { likeContains, parseSearchQuery } from "../../domain/cases/search.ts";
import { JSIC_DIVISIONS, SIZE_CLASSES } from "../../domain/host-organization.ts";
import { REGIONS } from "../../domain/regions.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
import { readerOf } from "./case-access.ts";

export const LIBRARY_PAGE_SIZE = 12;

export interface LibraryFilters {
  theme?: string | undefined;
  industry?: string | undefined;
  region?: string | undefined;
  size?: string | undefined;
  nationality?: string | undefined;
  q?: string | undefined;
}

/** The filters as the address gives them, each kept only when it is a known value. */
export function libraryFiltersFrom(params: URLSearchParams): LibraryFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const v = params.get(name) ?? "";
    return (allowed as readonly string[]).includes(v) ? v : undefined;
  };
  const nationality = (params.get("nationality") ?? "").toUpperCase();
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  return {
    theme: pick("theme", CASE_THEMES),
    industry: pick("industry", JSIC_DIVISIONS),
    region: pick("region", REGIONS),
    size: pick("size", SIZE_CLASSES),
    nationality: /^[A-Z]{2}$/.test(nationality) ? nationality : undefined,
    q: q || undefined,
  };
}

export function displayLanguage(published: readonly string[], locale: string): CaseLanguage {
  const langs = CASE_LANGUAGES.filter((l) => published.includes(l));
  if ((locale === "ja" || locale === "en") && langs.includes(locale)) return locale;
  if (locale !== "ja" && langs.includes("en")) return "en";
  return langs[0] ?? "ja";
}

export interface PublicImage {
  id: string;
  alt: string;
  width: number;
  height: number;
  smallWidth: number;
  smallHeight: number;
}

export interface CaseCard {
  number: number;
  language: CaseLanguage;
  /** The page's own language (ja or en) is not published yet. */
  inTranslation: boolean;
  title: string;
  summary: string;
  theme: string;
  industry: string | null;
  region: string | null;
  sizeClass: string | null;
  nationality: string | null;
  fiscalYear: number | null;
  publishedAt: Date;
  image: PublicImage | null;
}

type ImageDims = { id: string; large_width: number; large_height: number; small_width: number; small_height: number };

async function imageDims(db: Kysely<Database>, ids: string[]): Promise<Map<string, ImageDims>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("case_study_images")
    .select(["id", "large_width", "large_height", "small_width", "small_height"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function publicImage(ref: CaseContent["images"][number], lang: CaseLanguage, dims: Map<string, ImageDims>): PublicImage | null {
  const d = dims.get(ref.id);
  return d ? { id: ref.id, alt: ref.alt[lang], width: d.large_width, height: d.large_height, smallWidth: d.small_width, smallHeight: d.small_height } : null;
}

const PUBLIC_COLUMNS = [
  "number",
  "published_content",
  "published_languages",
  "fact_theme",
  "fact_jsic_division",
  "fact_region",
  "fact_size_class",
  "fact_intern_nationality",
  "fact_fiscal_year",
  "published_at",
] as const;

type PublicRow = {
  number: number;
  published_content: unknown;
  published_languages: string[];
  fact_theme: string | null;
  fact_jsic_division: string | null;
  fact_region: string | null;
  fact_size_class: string | null;
  fact_intern_nationality: string | null;
  fact_fiscal_year: number | null;
  published_at: Date | null;
};

function toCard(r: PublicRow, locale: string, dims: Map<string, ImageDims>): CaseCard {
  const content = readContent(r.published_content);
  const language = displayLanguage(r.published_languages, locale);
  const v = content[language];
  const first = content.images[0];
  return {
    number: r.number,
    language,
    inTranslation: (locale === "ja" || locale === "en") && language !== locale,
    title: v.title,
    summary: v.summary,
    theme: r.fact_theme ?? content.theme,
    industry: r.fact_jsic_division,
    region: r.fact_region,
    sizeClass: r.fact_size_class,
    nationality: r.fact_intern_nationality,
    fiscalYear: r.fact_fiscal_year,
    publishedAt: r.published_at!,
    image: first ? publicImage(first, language, dims) : null,
  };
}

export interface Library {
  cases: Page<CaseCard>;
  filters: LibraryFilters;
  /** The values that occur among published cases (for the industry and nationality choices). */
  industries: string[];
  nationalities: string[];
}

/**
 * The public library: published cases, filtered and searched, newest first,
 * one page at a time (the total from the same query, count(*) over ()).
 * With filters and a search, the filters run first on their own
 * (a subquery kept apart by "offset 0"), so the search tokens and text are
 * read only for the cases the filters keep: a common word would otherwise
 * make PostgreSQL read every case's text (bench/cases: 136 ms → see ADR 0024).
 */
export async function listPublishedCases(ctx: ServiceContext, locale: string, filters: LibraryFilters, page: PageRequest): Promise<Library> {
  const facets: RawBuilder<unknown>[] = [sql`status = 'published'`];
  if (filters.theme) facets.push(sql`fact_theme = ${filters.theme}`);
  if (filters.industry) facets.push(sql`fact_jsic_division = ${filters.industry}`);
  if (filters.region) facets.push(sql`fact_region = ${filters.region}`);
  if (filters.size) facets.push(sql`fact_size_class = ${filters.size}`);
  if (filters.nationality) facets.push(sql`fact_intern_nationality = ${filters.nationality}`);
  const search = filters.q ? parseSearchQuery(filters.q) : null;
  const matching: RawBuilder<unknown>[] = [];
  if (search) {
    if (search.tokens.length > 0) matching.push(sql`search_tokens @> ${sql.val(search.tokens)}::text[]`);
    for (const phrase of search.phrases) matching.push(sql`search_text like ${likeContains(phrase)} escape '\\'`);
  }
  const filtersFirst = facets.length > 1 && matching.length > 0;
  const source = filtersFirst ? sql`(select * from case_studies where ${sql.join(facets, sql` and `)} offset 0) as c` : sql`case_studies as c`;
  const conditions = filtersFirst ? matching : [...facets, ...matching];
  const columns = sql.join(PUBLIC_COLUMNS.map((col) => sql.ref(`c.${col}`)));
  const [{ rows }, industries, nationalities] = await Promise.all([
    sql<PublicRow & { total: string }>`select ${columns}, count(*) over () as total from ${source} where ${sql.join(conditions, sql` and `)}
      order by c.published_at desc, c.id desc limit ${page.size} offset ${(page.page - 1) * page.size}`.execute(ctx.db),
    distinctFacts(ctx.db, "fact_jsic_division"),
    distinctFacts(ctx.db, "fact_intern_nationality"),
  ]);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page.page > 1) {
    // Past the last page: the window saw no row, so count on its own.
    const counted = await sql<{ n: string }>`select count(*) as n from ${source} where ${sql.join(conditions, sql` and `)}`.execute(ctx.db);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  const firstImages = rows.map((r) => readContent(r.published_content).images[0]?.id).filter((id): id is string => Boolean(id));
  const dims = await imageDims(ctx.db, firstImages);
  return {
    cases: pageOf(
      rows.map((r) => toCard(r, locale, dims)),
      total,
      page,
    ),
    filters,
    industries,
    nationalities,
  };
}

async function distinctFacts(db: Kysely<Database>, column: "fact_jsic_division" | "fact_intern_nationality"): Promise<string[]> {
  const rows = await db.selectFrom("case_studies").select(column).distinct().where("status", "=", "published").where(column, "is not", null).execute();
  return rows.map((r) => r[column] as string).sort();
}

/** The newest published cases (the program pages for hosts show a few). */
export async function listLatestCases(ctx: ServiceContext, locale: string, limit = 3): Promise<CaseCard[]> {
  const rows = await ctx.db
    .selectFrom("case_studies")
    .select([...PUBLIC_COLUMNS])
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.min(Math.max(limit, 1), 12))
    .execute();
  const dims = await imageDims(
    ctx.db,
    rows.map((r) => readContent(r.published_content).images[0]?.id).filter((id): id is string => Boolean(id)),
  );
  return rows.map((r) => toCard(r, locale, dims));
}

export type PublicCase =
  | { state: "withdrawn"; number: number; withdrawnAt: Date | null }
  | {
      state: "published";
      number: number;
      language: CaseLanguage;
      inTranslation: boolean;
      languages: CaseLanguage[];
      theme: string;
      version: CaseVersion;
      internName: string;
      organizationName: string;
      industry: string | null;
      region: string | null;
      prefectureCode: string | null;
      sizeClass: string | null;
      nationality: string | null;
      fiscalYear: number | null;
      images: PublicImage[];
      publishedAt: Date;
      modifiedAt: Date;
    };

/** One case's public page: the published copy, or "withdrawn" (410) for a case that was public once. Never-published cases are 404. */
export async function getPublishedCase(ctx: ServiceContext, locale: string, numberParam: string): Promise<PublicCase> {
  if (!/^[1-9][0-9]{0,8}$/.test(numberParam)) throw new NotFoundError("case_study");
  const row = await ctx.db
    .selectFrom("case_studies as c")
    .innerJoin("host_organizations as o", "o.id", "c.organization_id")
    .select([
      "c.status",
      "c.withdrawn_at",
      "c.republished_at",
      "c.fact_prefecture_code",
      ...PUBLIC_COLUMNS.map((col) => `c.${col}` as const),
      "o.name_ja",
      "o.name_en",
    ])
    .where("c.number", "=", Number(numberParam))
    .executeTakeFirst();
  if (!row || row.published_at === null) throw new NotFoundError("case_study");
  if (row.status !== "published") return { state: "withdrawn", number: row.number, withdrawnAt: row.withdrawn_at };
  const content = readContent(row.published_content);
  const language = displayLanguage(row.published_languages, locale);
  const dims = await imageDims(
    ctx.db,
    content.images.map((i) => i.id),
  );
  return {
    state: "published",
    number: row.number,
    language,
    inTranslation: (locale === "ja" || locale === "en") && language !== locale,
    languages: CASE_LANGUAGES.filter((l) => row.published_languages.includes(l)),
    theme: isCaseTheme(row.fact_theme) ? row.fact_theme : content.theme,
    version: content[language],
    internName: content.internName,
    organizationName: language === "ja" ? row.name_ja : (row.name_en ?? row.name_ja),
    industry: row.fact_jsic_division,
    region: row.fact_region,
    prefectureCode: row.fact_prefecture_code,
    sizeClass: row.fact_size_class,
    nationality: row.fact_intern_nationality,
    fiscalYear: row.fact_fiscal_year,
    images: content.images.map((i) => publicImage(i, language, dims)).filter((i): i is PublicImage => i !== null),
    publishedAt: row.published_at,
    modifiedAt: row.republished_at ?? row.published_at,
  };
}

/**
 * An image's bytes. Public (cacheable) when it belongs to the published copy
 * of a published case; otherwise only for the case's editors and readers.
 */
export async function getCaseImage(
  ctx: ServiceContext,
  actor: Actor | null,
  imageId: string,
  size: string,
): Promise<{ bytes: Uint8Array; contentType: string; public: boolean }> {
  if (!/^[0-9a-f-]{36}$/.test(imageId) || (size !== "large" && size !== "small")) throw new NotFoundError("case_study_image");
  const img = await ctx.db
    .selectFrom("case_study_images as i")
    .innerJoin("case_studies as c", "c.id", "i.case_id")
    .select(["i.large_key", "i.small_key", "i.content_type", "c.status", "c.published_content", "c.organization_id"])
    .where("i.id", "=", imageId)
    .executeTakeFirst();
  if (!img) throw new NotFoundError("case_study_image");
  const isPublic = img.status === "published" && readContent(img.published_content).images.some((i) => i.id === imageId);
  if (!isPublic) {
    if (!actor) throw new NotFoundError("case_study_image");
    await readerOf(ctx.db, actor, img);
  }
  const bytes = await ctx.files.get(size === "large" ? img.large_key : img.small_key);
  return { bytes, contentType: img.content_type, public: isPublic };
}
