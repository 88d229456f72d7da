/**
 * A host organization's application for a round: agreement, goals, support
 * plan and positions; editable until the round's host_application_close
 * deadline, then read-only; submitted once with a receipt number.
 */
import { type Kysely, sql } from "kysely";
import { parseInput } from "../validation.ts";
import type { Database } from "../../db/schema.ts";
import { hostApplicationEditable } from "../../domain/host-organization.ts";
import { hostApplicationReceiptNumber } from "../../domain/receipt-number.ts";
import { HOST_APPLICATION_PHASES, inHostApplicationPhase } from "../../domain/round-phases.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, type Refusal, RefusedError } from "../errors.ts";
import { hostApplicationSchema, positionSchema } from "./host-schemas.ts";
import { type Membership, requireMembership } from "./membership.ts";

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

async function loadRound(db: Kysely<Database>, roundId: string) {
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
  fields: string[];
}

export interface HostApplicationView {
  round: HostRoundSummary & { fiscalYear: number };
  organizationName: string;
  editable: boolean;
  application: {
    id: string;
    status: string;
    receiptNumber: string | null;
    agreesWithPurpose: boolean;
    goals: string[];
    goalsDescription: string | null;
    supervisorName: string | null;
    workGuidance: string | null;
    housingSupport: string | null;
    commutingSupport: string | null;
    insuranceSupport: string | null;
    arrivalSupport: string | null;
    decisionReason: string | null;
    decidedAt: Date | null;
    submittedAt: Date | null;
  } | null;
  positions: PositionView[];
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
    fields: p.fields,
  }));
}

export async function getMyHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<HostApplicationView> {
  const m = await requireMembership(ctx.db, actor);
  const round = await loadRound(ctx.db, roundId);
  const org = await ctx.db.selectFrom("host_organizations").select("name_ja").where("id", "=", m.organizationId).executeTakeFirstOrThrow();
  const app = await ctx.db
    .selectFrom("host_applications")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("organization_id", "=", m.organizationId)
    .executeTakeFirst();
  if (!app && !inHostApplicationPhase(round.phase)) throw new NotFoundError("round");
  const closesAt = round.due_at ?? null;
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, closesAt, fiscalYear: round.fiscal_year },
    organizationName: org.name_ja,
    editable: hostApplicationEditable(app?.status ?? "draft", { phase: round.phase, hostApplicationClose: closesAt }, ctx.clock()),
    application: app
      ? {
          id: app.id,
          status: app.status,
          receiptNumber: app.receipt_number,
          agreesWithPurpose: app.agrees_with_purpose,
          ...supportPlanOf(app),
          decisionReason: app.decision_reason,
          decidedAt: app.decided_at,
          submittedAt: app.submitted_at,
        }
      : null,
    positions: app ? await loadPositions(ctx.db, app.id) : [],
  };
}

/** Refuses a change once the deadline has passed (the message shows the deadline), or when the application is decided. */
async function editableApplication(trx: Kysely<Database>, ctx: ServiceContext, m: Membership, roundId: string, create: boolean) {
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

export async function saveHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ id: string }> {
  const m = await requireMembership(ctx.db, actor);
  const input = parseInput(hostApplicationSchema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, true);
    const after = {
      agrees_with_purpose: true,
      goals: input.goals,
      goals_description: input.goalsDescription,
      supervisor_name: input.supervisorName,
      work_guidance: input.workGuidance,
      housing_support: input.housingSupport,
      commuting_support: input.commutingSupport,
      insurance_support: input.insuranceSupport,
      arrival_support: input.arrivalSupport,
    };
    await trx
      .updateTable("host_applications")
      .set({ ...after, updated_at: ctx.clock() })
      .where("id", "=", app.id)
      .execute();
    await writeAudit(trx, m.actor, { action: "host_application.save", entityType: "host_application", entityId: app.id, after });
    return { id: app.id };
  });
}

function positionRow(input: ReturnType<typeof positionSchema.parse>) {
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
    fields: input.fields,
  };
}

/** Adds a position (positionId null) or changes one of this organization's positions. */
export async function savePosition(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  positionId: string | null,
  raw: unknown,
): Promise<{ id: string }> {
  const m = await requireMembership(ctx.db, actor);
  const input = parseInput(positionSchema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const row = positionRow(input);
    if (positionId === null) {
      const id = crypto.randomUUID();
      await trx
        .insertInto("positions")
        .values({ id, host_application_id: app.id, ...row })
        .execute();
      await writeAudit(trx, m.actor, { action: "position.create", entityType: "position", entityId: id, after: row });
      return { id };
    }
    const before = await trx.selectFrom("positions").selectAll().where("id", "=", positionId).where("host_application_id", "=", app.id).executeTakeFirst();
    if (!before) throw new NotFoundError("position");
    await trx.updateTable("positions").set(row).where("id", "=", positionId).execute();
    await writeAudit(trx, m.actor, { action: "position.update", entityType: "position", entityId: positionId, before, after: row });
    return { id: positionId };
  });
}

export async function removePosition(ctx: ServiceContext, actor: Actor | null, roundId: string, positionId: string): Promise<void> {
  const m = await requireMembership(ctx.db, actor);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const before = await trx.selectFrom("positions").selectAll().where("id", "=", positionId).where("host_application_id", "=", app.id).executeTakeFirst();
    if (!before) throw new NotFoundError("position");
    await trx.deleteFrom("positions").where("id", "=", positionId).execute();
    await writeAudit(trx, m.actor, { action: "position.remove", entityType: "position", entityId: positionId, before });
  });
}

export async function getMyPosition(ctx: ServiceContext, actor: Actor | null, roundId: string, positionId: string): Promise<PositionView> {
  const view = await getMyHostApplication(ctx, actor, roundId);
  const p = view.positions.find((x) => x.id === positionId);
  if (!p) throw new NotFoundError("position");
  return p;
}

/** Submits the application: complete plan and at least one position; a receipt number on first submission. */
export async function submitHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ receiptNumber: string }> {
  const m = await requireMembership(ctx.db, actor);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const full = await trx.selectFrom("host_applications").selectAll().where("id", "=", app.id).executeTakeFirstOrThrow();
    const problems: Refusal[] = [];
    if (!full.agrees_with_purpose || !full.supervisor_name) problems.push({ code: "plan_missing" });
    const n = await trx
      .selectFrom("positions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("host_application_id", "=", app.id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) === 0) problems.push({ code: "no_positions" });
    if (problems.length) throw new RefusedError("hostApplication.refusals", problems);
    if (full.status === "submitted") return { receiptNumber: full.receipt_number!, mail: false };
    const round = await loadRound(trx, roundId);
    let receipt = full.receipt_number;
    if (!receipt) {
      const seq = await sql<{ n: string }>`select nextval('host_application_receipt_seq') as n`.execute(trx);
      receipt = hostApplicationReceiptNumber(round.fiscal_year, seq.rows[0]!.n);
    }
    await trx
      .updateTable("host_applications")
      .set({ status: "submitted", receipt_number: receipt, submitted_at: ctx.clock(), updated_at: ctx.clock() })
      .where("id", "=", app.id)
      .execute();
    await writeAudit(trx, m.actor, {
      action: "host_application.submit",
      entityType: "host_application",
      entityId: app.id,
      before: { status: full.status },
      after: { status: "submitted", receiptNumber: receipt },
    });
    return { receiptNumber: receipt, mail: true };
  });
  return { receiptNumber: result.receiptNumber };
}

/** The host's goals and support plan, as the pages and the operator's detail show them. */
export function supportPlanOf(app: {
  goals: string[];
  goals_description: string | null;
  supervisor_name: string | null;
  work_guidance: string | null;
  housing_support: string | null;
  commuting_support: string | null;
  insurance_support: string | null;
  arrival_support: string | null;
}) {
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
