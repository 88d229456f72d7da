/**
 * A host organization's application for a round, as the host use cases read
 * it: the round and its host deadline, positions, the support plan, and the
 * application that may still be edited (hostApplicationEditable). Internal to
 * the host application use cases.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, HostApplicationsTable } from "../../db/schema.ts";
import { hostApplicationEditable } from "../../domain/host-organization.ts";
import { HOST_APPLICATION_PHASES, inHostApplicationPhase } from "../../domain/round-phases.ts";
import type { ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { positionSchema } from "./host-schemas.ts";
import { type Membership } from "./membership.ts";

export interface HostRoundSummary {
  id: string;
  nameJa: string;
  nameEn: string;
  closesAt: Date | null;
}

/** Rounds that take host applications now or took them (to show a status). */
export async function listHostRounds(db: Kysely<Database>): Promise<HostRoundSummary[]> {
  const rows = await db
    .selectFrom("rounds")
    .leftJoin("round_deadlines", (j) => j.onRef("round_deadlines.round_id", "=", "rounds.id").on("round_deadlines.kind", "=", "host_application_close"))
    .select(["rounds.id", "rounds.name_ja", "rounds.name_en", "rounds.phase", "round_deadlines.due_at"])
    .where("rounds.phase", "in", HOST_APPLICATION_PHASES)
    .orderBy("rounds.fiscal_year", "desc")
    .orderBy("rounds.name_ja")
    .execute();
  return rows.map((r) => ({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en, closesAt: r.due_at ?? null }));
}

export async function loadRound(db: Kysely<Database>, roundId: string) {
  const round = await db
    .selectFrom("rounds")
    .leftJoin("round_deadlines", (j) => j.onRef("round_deadlines.round_id", "=", "rounds.id").on("round_deadlines.kind", "=", "host_application_close"))
    .select(["rounds.id", "rounds.name_ja", "rounds.name_en", "rounds.phase", "rounds.fiscal_year", "round_deadlines.due_at"])
    .where("rounds.id", "=", roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  return round;
}

export interface PositionView {
  id: string;
  title: string;
  description: string;
  department: string | null;
  prefectureCode: string;
  capacity: number;
  periodStart: string | null;
  periodEnd: string | null;
  language: string;
  /** in_person or online (POSITION_MODES). */
  mode: string;
  fields: string[];
}

function toDateString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

export async function loadPositions(db: Kysely<Database>, applicationId: string): Promise<PositionView[]> {
  const rows = await db.selectFrom("positions").selectAll().where("host_application_id", "=", applicationId).orderBy("title").orderBy("id").execute();
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    department: p.department,
    prefectureCode: p.prefecture_code,
    capacity: p.capacity,
    periodStart: toDateString(p.period_start),
    periodEnd: toDateString(p.period_end),
    language: p.english_required ? "english" : (p.required_jlpt_level ?? "english"),
    mode: p.mode,
    fields: p.fields,
  }));
}

/** Refuses a change once the deadline has passed (the message shows the deadline), or when the application is decided. */
export async function editableApplication(trx: Kysely<Database>, ctx: ServiceContext, m: Membership, roundId: string, create: boolean) {
  const round = await loadRound(trx, roundId);
  if (!inHostApplicationPhase(round.phase)) throw new NotFoundError("round");
  let app = await trx
    .selectFrom("host_applications")
    .select(["id", "status"])
    .where("round_id", "=", roundId)
    .where("organization_id", "=", m.organizationId)
    .executeTakeFirst();
  const closesAt = round.due_at ?? null;
  if (!hostApplicationEditable(app?.status ?? "draft", { phase: round.phase, hostApplicationClose: closesAt }, ctx.clock())) {
    if (app && app.status !== "draft" && app.status !== "submitted") throw new RefusedError("hostApplication.refusals", [{ code: "decided" }]);
    throw new RefusedError("hostApplication.refusals", [{ code: "closed", at: closesAt }]);
  }
  if (!app) {
    if (!create) throw new RefusedError("hostApplication.refusals", [{ code: "save_first" }]);
    const id = crypto.randomUUID();
    await trx
      .insertInto("host_applications")
      .values({ id, round_id: roundId, organization_id: m.organizationId, created_at: ctx.clock(), updated_at: ctx.clock() })
      .execute();
    app = { id, status: "draft" };
  }
  return app;
}

export function positionRow(input: ReturnType<typeof positionSchema.parse>) {
  return {
    title: input.title,
    description: input.description,
    department: input.department,
    prefecture_code: input.prefectureCode,
    capacity: input.capacity,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    required_jlpt_level: input.language === "english" ? null : input.language,
    english_required: input.language === "english",
    mode: input.mode,
    fields: input.fields,
  };
}

export type SupportPlan = ReturnType<typeof supportPlanOf>;

/** The host's goals and support plan, as the pages and the operator's detail show them. */
export function supportPlanOf(
  app: Pick<
    Selectable<HostApplicationsTable>,
    "goals" | "goals_description" | "supervisor_name" | "work_guidance" | "housing_support" | "commuting_support" | "insurance_support" | "arrival_support"
  >,
) {
  return {
    goals: app.goals,
    goalsDescription: app.goals_description,
    supervisorName: app.supervisor_name,
    workGuidance: app.work_guidance,
    housingSupport: app.housing_support,
    commutingSupport: app.commuting_support,
    insuranceSupport: app.insurance_support,
    arrivalSupport: app.arrival_support,
  };
}
