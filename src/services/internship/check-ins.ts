/**
 * Check-ins (issue 16, ADR 0035): the mid-term interview and other check-ins
 * with an intern, recorded by the operator with the day, notes and the
 * follow-up agreed. Audited.
 */
import { z } from "zod";
import { instantToTokyoLocal, tokyoLocalToInstant } from "../../domain/time.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { isoDate, optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { findPlacement, placementQuery, toPlacementRow } from "./placement-access.ts";

export const CHECK_IN_KINDS = ["mid_term_interview", "check_in"] as const;

export interface CheckInRow {
  id: string;
  placementId: string;
  internName: string;
  kind: string;
  /** YYYY-MM-DD, Japan */
  day: string;
  notes: string | null;
  followUp: string | null;
}

/** The round's check-ins (latest first) and the placements one can be recorded for. */
export async function listCheckIns(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const placements = (await placementQuery(ctx.db).where("placements.round_id", "=", round.id).where("placements.status", "!=", "replaced").execute())
    .map(toPlacementRow)
    .sort((a, b) => a.internName.localeCompare(b.internName));
  const ids = placements.map((p) => p.id);
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom("check_ins")
          .select(["id", "placement_id", "kind", "held_at", "notes", "follow_up"])
          .where("placement_id", "in", ids)
          .orderBy("held_at", "desc")
          .execute();
  const name = new Map(placements.map((p) => [p.id, p.internName]));
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en },
    placements: placements.filter((p) => p.status === "active").map((p) => ({ id: p.id, internName: p.internName })),
    checkIns: rows.map((r): CheckInRow => ({
      id: r.id,
      placementId: r.placement_id,
      internName: name.get(r.placement_id) ?? "",
      kind: r.kind,
      day: instantToTokyoLocal(r.held_at).slice(0, 10),
      notes: r.notes,
      followUp: r.follow_up,
    })),
  };
}

const schema = z.object({
  placementId: requiredText(64),
  kind: z.enum(CHECK_IN_KINDS, { error: "errors.chooseOne" }),
  day: isoDate,
  notes: optionalText(4000),
  followUp: optionalText(2000),
});

/** The operator records a check-in of a placement in progress, on a day of the placement. */
export async function recordCheckIn(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const placement = await findPlacement(ctx.db, input.placementId);
  if (placement.status !== "active") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
  const last = placement.terminatedOn ?? placement.endsOn;
  if (input.day < placement.startsOn || input.day > last) {
    throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "last_day_outside", lastDay: input.day, startsOn: placement.startsOn, endsOn: last }]);
  }
  const id = crypto.randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("check_ins")
      .values({
        id,
        placement_id: placement.id,
        kind: input.kind,
        held_at: tokyoLocalToInstant(`${input.day}T12:00`)!,
        notes: input.notes,
        follow_up: input.followUp,
        recorded_by: who.userId,
        recorded_at: ctx.clock(),
      })
      .execute();
    await writeAudit(trx, who, {
      action: "check_in.record",
      entityType: "placement",
      entityId: placement.id,
      after: { id, kind: input.kind, day: input.day, followUp: input.followUp !== null },
    });
  });
  return { id };
}
