/**
 * Check-ins scheduled ahead (issue 16 item 8, ADR 0039): the operator puts
 * the mid-term interview or another check-in of a planned or active
 * placement on a day from today to its last day; the intern and the host see
 * the upcoming ones (kind and day only: notes and follow-ups stay with the
 * operator). Audited.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { instantToTokyoLocal, tokyoLocalToInstant } from "../../domain/time.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { isoDate, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { CHECK_IN_KINDS } from "./check-ins.ts";
import { findPlacement, hostPlacement, myPlacement, placementQuery, tokyoToday, toPlacementRow } from "./placement-access.ts";

export interface UpcomingCheckIn {
  id: string;
  kind: string;
  /** YYYY-MM-DD, Japan */
  day: string;
}

const schema = z.object({
  placementId: requiredText(64),
  kind: z.enum(CHECK_IN_KINDS, { error: "errors.chooseOne" }),
  day: isoDate,
});

/** The operator schedules a check-in of a planned or active placement, from today to its last day. */
export async function scheduleCheckIn(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const placement = await findPlacement(ctx.db, input.placementId);
  if (placement.status !== "active" && placement.status !== "planned") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
  const today = tokyoToday(ctx.clock());
  const last = placement.terminatedOn ?? placement.endsOn;
  const first = placement.startsOn > today ? placement.startsOn : today;
  if (input.day < first || input.day > last) {
    throw new RefusedError("internshipOutcomes.refusals", [{ code: "schedule_outside", day: input.day, first, last }]);
  }
  const id = crypto.randomUUID();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("check_ins")
      .values({
        id,
        placement_id: placement.id,
        kind: input.kind,
        held_at: tokyoLocalToInstant(`${input.day}T12:00`)!,
        recorded_by: who.userId,
        recorded_at: now,
      })
      .execute();
    await writeAudit(trx, who, {
      action: "check_in.schedule",
      entityType: "placement",
      entityId: placement.id,
      after: { id, kind: input.kind, day: input.day },
    });
  });
  return { id };
}

/** A placement's check-ins from today on, soonest first. */
export async function upcomingCheckIns(db: Kysely<Database>, placementId: string, now: Date): Promise<UpcomingCheckIn[]> {
  const from = tokyoLocalToInstant(`${tokyoToday(now)}T00:00`)!;
  const rows = await db
    .selectFrom("check_ins")
    .select(["id", "kind", "held_at"])
    .where("placement_id", "=", placementId)
    .where("held_at", ">=", from)
    .orderBy("held_at")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, day: instantToTokyoLocal(r.held_at).slice(0, 10) }));
}

/** The intern's upcoming check-ins (their current placement). */
export async function myUpcomingCheckIns(ctx: ServiceContext, actor: Actor | null): Promise<UpcomingCheckIn[]> {
  const { placement } = await myPlacement(ctx.db, actor);
  return placement ? upcomingCheckIns(ctx.db, placement.id, ctx.clock()) : [];
}

/** A host member's upcoming check-ins of one placement of their organization. */
export async function hostUpcomingCheckIns(ctx: ServiceContext, actor: Actor | null, placementId: string): Promise<UpcomingCheckIn[]> {
  const { placement } = await hostPlacement(ctx.db, actor, placementId);
  return upcomingCheckIns(ctx.db, placement.id, ctx.clock());
}

/** The operator's scheduling page: the round's planned and active placements and their check-ins from today on. */
export async function listScheduledCheckIns(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const placements = (
    await placementQuery(ctx.db).where("placements.round_id", "=", round.id).where("placements.status", "in", ["planned", "active"]).execute()
  )
    .map(toPlacementRow)
    .sort((a, b) => a.internName.localeCompare(b.internName));
  const upcoming: (UpcomingCheckIn & { internName: string })[] = [];
  for (const p of placements) for (const c of await upcomingCheckIns(ctx.db, p.id, ctx.clock())) upcoming.push({ ...c, internName: p.internName });
  upcoming.sort((a, b) => a.day.localeCompare(b.day) || a.internName.localeCompare(b.internName));
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en },
    placements: placements.map((p) => ({ id: p.id, internName: p.internName })),
    upcoming,
  };
}
