import { APPLICATION_PHASE } from "../../domain/round-phases.ts";
import type { ServiceContext } from "../context.ts";
import { type RoundRulesView, rulesOf } from "../rounds/round-rules-record.ts";

export interface OpenRound {
  id: string;
  phase: string;
  fiscalYear: number;
  nameJa: string;
  nameEn: string;
  ageMin: number;
  ageMax: number;
  referenceDate: string;
  applicationClose: Date | null;
  deadlines: { kind: string; dueAt: Date }[];
  /** Every eligibility rule, for the public "who may apply" text. */
  rules: RoundRulesView;
  /** Display names of the English tests the round accepts. */
  englishTestNames: Record<string, string>;
}

/** The round currently taking applications (phase recruitment, newest first), for the public program page. */
export async function getOpenRound(ctx: Pick<ServiceContext, "db">): Promise<OpenRound | null> {
  const round = await ctx.db
    .selectFrom("rounds")
    .selectAll()
    .where("phase", "=", APPLICATION_PHASE)
    .orderBy("fiscal_year", "desc")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (!round) return null;
  const [deadlines, tests] = await Promise.all([
    ctx.db.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", round.id).orderBy("due_at").execute(),
    ctx.db.selectFrom("english_tests").select(["code", "name"]).execute(),
  ]);
  return {
    id: round.id,
    phase: round.phase,
    fiscalYear: round.fiscal_year,
    nameJa: round.name_ja,
    nameEn: round.name_en,
    ageMin: round.age_min,
    ageMax: round.age_max,
    referenceDate: round.eligibility_reference_date,
    applicationClose: deadlines.find((d) => d.kind === "application_close")?.due_at ?? null,
    deadlines: deadlines.map((d) => ({ kind: d.kind, dueAt: d.due_at })),
    rules: rulesOf(round),
    englishTestNames: Object.fromEntries(tests.map((t) => [t.code, t.name])),
  };
}
