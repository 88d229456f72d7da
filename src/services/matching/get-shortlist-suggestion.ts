/**
 * The suggestion a shortlist starts from (issue 15 item 1, ADR 0034): a position of a round and
 * the round's selected applicants not yet matched, ranked on fit (src/domain/matching/fit.ts) with
 * the criteria each meets and misses, and whether they already listed the position. For the
 * operator and the ministry; applicants appear by receipt number and nationality only.
 */
import { type Fit, type FitCandidate, rankByFit } from "../../domain/matching/fit.ts";
import { JLPT_LEVELS } from "../../domain/languages.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type MatchingMode, prefilledShortlist } from "../../domain/matching/shortlist.ts";
import { listedBy, officeShortlistOf } from "./host-access.ts";
import { findRound, positionsOfRound } from "./matching-record.ts";

export interface ShortlistSuggestion {
  roundId: string;
  roundJa: string;
  roundEn: string;
  position: {
    id: string;
    title: string;
    organizationJa: string;
    organizationEn: string | null;
    regionJa: string;
    regionEn: string;
    capacity: number;
    fields: string[];
    requiredJlptLevel: string | null;
    englishRequired: boolean;
    targetCountries: string[];
  };
  candidates: (Fit & { nationality: string | null; listed: boolean })[];
  /** office-shortlist mode (ADR 0037): the saved shortlist, the ids the form ticks, whether the operator may save it now */
  shortlist: { mode: MatchingMode; saved: string[]; prefilled: string[]; canEdit: boolean };
}

export async function getShortlistSuggestion(ctx: ServiceContext, actor: Actor | null, positionId: string): Promise<ShortlistSuggestion> {
  const who = authorize(actor, "round.read");
  if (!/^[0-9a-f-]{36}$/.test(positionId)) throw new NotFoundError("position");
  const p = await ctx.db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
    .select(["p.id", "p.required_jlpt_level", "p.english_required", "ha.round_id", "ha.status", "o.jsic_division", "o.overseas_countries"])
    .where("p.id", "=", positionId)
    .executeTakeFirst();
  if (!p || p.status !== "accepted") throw new NotFoundError("position");
  const round = await findRound(ctx.db, p.round_id);
  const info = (await positionsOfRound(ctx.db, round.id)).find((x) => x.id === p.id);
  if (!info) throw new NotFoundError("position");
  const apps = await ctx.db
    .selectFrom("applications")
    .select(["id", "receipt_number", "nationality", "preferred_fields", "preferred_regions", "preferred_jsic", "english_self_level"])
    .where("round_id", "=", round.id)
    .where("status", "=", "selected")
    .execute();
  const languages =
    apps.length === 0
      ? []
      : await ctx.db
          .selectFrom("application_languages")
          .select(["application_id", "kind", "jlpt_level"])
          .where(
            "application_id",
            "in",
            apps.map((a) => a.id),
          )
          .execute();
  const bestJlpt = new Map<string, string>();
  const englishTest = new Set<string>();
  for (const l of languages) {
    if (l.kind === "jlpt" && l.jlpt_level) {
      const current = bestJlpt.get(l.application_id);
      const rank = (x: string) => JLPT_LEVELS.indexOf(x as (typeof JLPT_LEVELS)[number]);
      if (!current || rank(l.jlpt_level) < rank(current)) bestJlpt.set(l.application_id, l.jlpt_level);
    } else if (l.kind !== "jlpt") englishTest.add(l.application_id);
  }
  const candidates: FitCandidate[] = apps.map((a) => ({
    id: a.id,
    code: a.receipt_number ?? a.id.slice(0, 8),
    nationality: a.nationality,
    preferredFields: a.preferred_fields,
    preferredRegions: a.preferred_regions,
    preferredIndustries: a.preferred_jsic,
    jlptLevel: bestJlpt.get(a.id) ?? null,
    englishSelfLevel: a.english_self_level,
    hasEnglishTest: englishTest.has(a.id),
  }));
  const targetCountries = p.overseas_countries;
  const ranked = rankByFit(
    {
      fields: info.fields,
      regionCode: info.regionCode,
      jsicDivision: p.jsic_division,
      requiredJlptLevel: p.required_jlpt_level,
      englishRequired: p.english_required,
      targetCountries,
    },
    candidates,
  );
  const listed = new Set(await listedBy(ctx.db, round.id, p.id));
  const saved = round.matchingMode === "office_shortlist" ? await officeShortlistOf(ctx.db, p.id) : [];
  const now = ctx.clock();
  const rankingOpen = round.phase === "matching" && (!round.matchingClose || now < round.matchingClose);
  const nationality = new Map(apps.map((a) => [a.id, a.nationality]));
  return {
    roundId: round.id,
    roundJa: round.nameJa,
    roundEn: round.nameEn,
    position: {
      id: info.id,
      title: info.title,
      organizationJa: info.organizationJa,
      organizationEn: info.organizationEn,
      regionJa: info.regionJa,
      regionEn: info.regionEn,
      capacity: info.capacity,
      fields: info.fields,
      requiredJlptLevel: p.required_jlpt_level,
      englishRequired: p.english_required,
      targetCountries,
    },
    candidates: ranked.map((f) => ({ ...f, nationality: nationality.get(f.id) ?? null, listed: listed.has(f.id) })),
    shortlist: {
      mode: round.matchingMode,
      saved,
      prefilled: prefilledShortlist(ranked, saved, info.capacity),
      canEdit: who.role === "operator" && round.matchingMode === "office_shortlist" && rankingOpen,
    },
  };
}
