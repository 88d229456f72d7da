/**
 * A round's cohorts (issue 16, ADR 0035): arrival groups with their arrival
 * and departure dates. Placements keep the cohort's code; the operator
 * defines cohorts, moves a placement from one to another and records an
 * early termination with its last day and reason. All audited.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { isoDate, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { type PlacementRow, findPlacement, placementQuery, toPlacementRow } from "./placement-access.ts";

export interface CohortView {
  code: string;
  arrivesOn: string | null;
  departsOn: string | null;
  /** placements of the cohort that are not replaced */
  placements: number;
  /** a code placements use that was never defined as a cohort */
  undefined: boolean;
}

export interface RoundCohorts {
  round: { id: string; nameJa: string; nameEn: string };
  cohorts: CohortView[];
  placements: PlacementRow[];
}

/** The round's cohorts (and codes placements use without a cohort), with their placements. */
export async function listCohorts(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RoundCohorts> {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const defined = await ctx.db.selectFrom("cohorts").select(["code", "arrives_on", "departs_on"]).where("round_id", "=", round.id).orderBy("code").execute();
  const placements = (await placementQuery(ctx.db).where("placements.round_id", "=", round.id).where("placements.status", "!=", "replaced").execute())
    .map(toPlacementRow)
    .sort((a, b) => (a.cohort ?? "").localeCompare(b.cohort ?? "") || a.internName.localeCompare(b.internName));
  const count = (code: string) => placements.filter((p) => p.cohort === code).length;
  const cohorts: CohortView[] = defined.map((c) => ({
    code: c.code,
    arrivesOn: c.arrives_on,
    departsOn: c.departs_on,
    placements: count(c.code),
    undefined: false,
  }));
  for (const code of new Set(placements.map((p) => p.cohort).filter((c): c is string => c !== null))) {
    if (!cohorts.some((c) => c.code === code)) cohorts.push({ code, arrivesOn: null, departsOn: null, placements: count(code), undefined: true });
  }
  cohorts.sort((a, b) => a.code.localeCompare(b.code));
  return { round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en }, cohorts, placements };
}

const cohortSchema = z.object({
  roundId: requiredText(64),
  code: z
    .string()
    .trim()
    .min(1, { error: "errors.required" })
    .refine((v) => /^[A-Za-z0-9-]{1,16}$/.test(v), { error: "internshipPeriodStaff.errors.cohortCode" }),
  arrivesOn: isoDate,
  departsOn: isoDate,
});

/** Creates a cohort of the round, or changes an existing cohort's dates. */
export async function saveCohort(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ created: boolean }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(cohortSchema, raw);
  if (input.departsOn < input.arrivesOn) throw new ValidationError({ departsOn: [{ key: "internshipPeriodStaff.errors.departsBeforeArrival" }] });
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select("id").where("id", "=", input.roundId).executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const before = await trx
      .selectFrom("cohorts")
      .select(["arrives_on", "departs_on"])
      .where("round_id", "=", round.id)
      .where("code", "=", input.code)
      .forUpdate()
      .executeTakeFirst();
    if (before) {
      await trx
        .updateTable("cohorts")
        .set({ arrives_on: input.arrivesOn, departs_on: input.departsOn })
        .where("round_id", "=", round.id)
        .where("code", "=", input.code)
        .execute();
    } else {
      await trx.insertInto("cohorts").values({ round_id: round.id, code: input.code, arrives_on: input.arrivesOn, departs_on: input.departsOn }).execute();
    }
    await writeAudit(trx, who, {
      action: "cohort.save",
      entityType: "round",
      entityId: round.id,
      before: before ? { code: input.code, arrivesOn: before.arrives_on, departsOn: before.departs_on } : undefined,
      after: { code: input.code, arrivesOn: input.arrivesOn, departsOn: input.departsOn },
    });
    return { created: !before };
  });
}

const moveSchema = z.object({ placementId: requiredText(64), cohort: requiredText(16) });

/** Moves a placement (planned or in progress) to another cohort of its round. */
export async function movePlacement(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(moveSchema, raw);
  const placement = await findPlacement(ctx.db, input.placementId);
  if (placement.status !== "active" && placement.status !== "planned") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
  await ctx.db.transaction().execute(async (trx) => {
    const cohort = await trx.selectFrom("cohorts").select("code").where("round_id", "=", placement.roundId).where("code", "=", input.cohort).executeTakeFirst();
    if (!cohort) throw new ValidationError({ cohort: [{ key: "errors.chooseOne" }] });
    if (cohort.code === placement.cohort) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "same_cohort", cohort: cohort.code }]);
    await trx.updateTable("placements").set({ cohort: cohort.code }).where("id", "=", placement.id).execute();
    await writeAudit(trx, who, {
      action: "placement.move",
      entityType: "placement",
      entityId: placement.id,
      before: { cohort: placement.cohort },
      after: { cohort: cohort.code },
    });
  });
}

const terminateSchema = z.object({ placementId: requiredText(64), lastDay: isoDate, reason: requiredText(2000) });

/**
 * Records that a placement in progress ended early: its last day (within the
 * placement; the ledger pays no day after it) and the reason. Refused while
 * attendance is recorded after that day.
 */
export async function terminatePlacement(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(terminateSchema, raw);
  const placement = await findPlacement(ctx.db, input.placementId);
  if (placement.status !== "active") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
  if (input.lastDay < placement.startsOn || input.lastDay > placement.endsOn) {
    throw new RefusedError("internshipPeriodStaff.refusals", [
      { code: "last_day_outside", lastDay: input.lastDay, startsOn: placement.startsOn, endsOn: placement.endsOn },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("placements").select("status").where("id", "=", placement.id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== "active") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
    const after = await trx
      .selectFrom("attendance_days")
      .select(trx.fn.countAll<string>().as("n"))
      .where("placement_id", "=", placement.id)
      .where("day", ">", input.lastDay)
      .executeTakeFirstOrThrow();
    if (Number(after.n) > 0)
      throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "attendance_after", days: Number(after.n), lastDay: input.lastDay }]);
    await trx
      .updateTable("placements")
      .set({ status: "terminated", terminated_on: input.lastDay, termination_reason: input.reason })
      .where("id", "=", placement.id)
      .execute();
    await writeAudit(trx, who, {
      action: "placement.terminate",
      entityType: "placement",
      entityId: placement.id,
      before: { status: "active" },
      after: { status: "terminated", lastDay: input.lastDay, reason: input.reason },
    });
  });
}
