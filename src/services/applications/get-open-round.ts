import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
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

/** The id of the round currently taking applications (phase recruitment, newest first), as a subquery. */
export function openRoundIdQuery(db: Kysely<Database>) {
  return db
    .selectFrom("rounds as o")
    .select("o.id")
    .where("o.phase", "=", APPLICATION_PHASE)
    .orderBy("o.fiscal_year", "desc")
    .orderBy("o.created_at", "desc")
    .limit(1);
}

/** The round currently taking applications (phase recruitment, newest first), for the public program page. */
export async function getOpenRound(ctx: Pick<ServiceContext, "db">): Promise<OpenRound | null> {
  const round = await ctx.db.selectFrom("rounds").selectAll().where("id", "=", openRoundIdQuery(ctx.db)).executeTakeFirst();
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
