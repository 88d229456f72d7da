import { isPhase, type Phase, DEADLINE_KINDS } from "../../domain/round-phases.ts";
import { rulesLocked } from "../../domain/round-rules.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type RoundRulesView, rulesOf } from "./round-rules-record.ts";

export interface RoundSettings {
  id: string;
  nameJa: string;
  nameEn: string;
  phase: Phase;
  rules: RoundRulesView;
  /** Applications ever submitted: the rules are locked from the first one on. */
  submittedApplications: number;
  rulesLocked: boolean;
  deadlines: { kind: string; dueAt: Date | null }[];
  /** Choices for the edit form. */
  dacListVersions: { version: string; effectiveFrom: string; entries: number }[];
  /** Countries on any DAC list version (candidates for exclusion). */
  dacCountries: { code: string; nameJa: string; nameEn: string }[];
  englishTests: { code: string; name: string; minScore: number; maxScore: number }[];
}

/** A round's eligibility rules and deadlines, with what the edit forms offer (operators and the ministry read it). */
export async function getRoundSettings(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RoundSettings> {
  authorize(actor, "round.read");
  const round = await ctx.db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round || !isPhase(round.phase)) throw new NotFoundError("round");
  const [submitted, deadlines, versions, countries, tests] = await Promise.all([
    ctx.db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", roundId)
      .where("submitted_at", "is not", null)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", roundId).execute(),
    ctx.db
      .selectFrom("dac_list_versions")
      .leftJoin("dac_list_entries", "dac_list_entries.version", "dac_list_versions.version")
      .select((eb) => ["dac_list_versions.version", "dac_list_versions.effective_from", eb.fn.count<string>("dac_list_entries.country_code").as("n")])
      .groupBy(["dac_list_versions.version", "dac_list_versions.effective_from"])
      .orderBy("dac_list_versions.effective_from", "desc")
      .execute(),
    ctx.db
      .selectFrom("countries")
      .select(["code", "name_ja", "name_en"])
      .where("code", "in", (eb) => eb.selectFrom("dac_list_entries").select("country_code"))
      .orderBy("name_en")
      .execute(),
    ctx.db.selectFrom("english_tests").select(["code", "name", "min_score", "max_score"]).where("code", "!=", "other").orderBy("code").execute(),
  ]);
  const byKind = new Map(deadlines.map((d) => [d.kind, d.due_at]));
  const n = Number(submitted.n);
  return {
    id: round.id,
    nameJa: round.name_ja,
    nameEn: round.name_en,
    phase: round.phase,
    rules: rulesOf(round),
    submittedApplications: n,
    rulesLocked: rulesLocked(n),
    deadlines: DEADLINE_KINDS.map((kind) => ({ kind, dueAt: byKind.get(kind) ?? null })),
    dacListVersions: versions.map((v) => ({ version: v.version, effectiveFrom: String(v.effective_from), entries: Number(v.n) })),
    dacCountries: countries.map((c) => ({ code: c.code, nameJa: c.name_ja, nameEn: c.name_en })),
    englishTests: tests.map((t) => ({ code: t.code, name: t.name, minScore: Number(t.min_score), maxScore: Number(t.max_score) })),
  };
}
