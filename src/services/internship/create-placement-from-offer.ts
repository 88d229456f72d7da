import { z } from "zod";
import { dayNumber } from "../../domain/internship/calendar.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { isoDate, optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { changeApplicationStatus } from "./placement-access.ts";

const schema = z.object({
  offerId: requiredText(64),
  cohort: requiredText(20, { markup: false }),
  startsOn: isoDate,
  endsOn: isoDate,
  mode: z.enum(["in_person", "online"], { error: "errors.chooseOne" }).optional(),
  supervisorUserId: optionalText(64),
});

/**
 * The operator turns an offer accepted by both sides (matching, #15) into a
 * placement: its cohort, first and last day, mode (the position's unless
 * given) and optionally its supervisor (a member of the host organization).
 * The application becomes `placed`, with its status history, in the same
 * transaction. One placement per offer.
 */
export async function createPlacementFromOffer(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  if (dayNumber(input.endsOn)! < dayNumber(input.startsOn)!) throw new ValidationError({ endsOn: [{ key: "internshipStaff.errors.endsBeforeStart" }] });
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const offer = await trx
      .selectFrom("offers")
      .innerJoin("applications", "applications.id", "offers.application_id")
      .innerJoin("positions", "positions.id", "offers.position_id")
      .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
      .select([
        "offers.id",
        "offers.status",
        "offers.application_id",
        "offers.position_id",
        "applications.status as application_status",
        "applications.round_id",
        "positions.mode",
        "host_applications.organization_id",
      ])
      .where("offers.id", "=", input.offerId)
      .forUpdate()
      .executeTakeFirst();
    if (!offer) throw new NotFoundError("offer");
    const reasons = [];
    if (offer.status !== "accepted") reasons.push({ code: "offer_not_accepted", status: offer.status });
    const existing = await trx.selectFrom("placements").select("id").where("offer_id", "=", offer.id).executeTakeFirst();
    if (existing) reasons.push({ code: "already_placed" });
    else if (offer.application_status !== "matched") reasons.push({ code: "application_not_matched", status: offer.application_status });
    if (reasons.length > 0) throw new RefusedError("internshipStaff.refusals", reasons);
    if (input.supervisorUserId) {
      const member = await trx
        .selectFrom("host_memberships")
        .select("user_id")
        .where("organization_id", "=", offer.organization_id)
        .where("user_id", "=", input.supervisorUserId)
        .executeTakeFirst();
      if (!member) throw new ValidationError({ supervisorUserId: [{ key: "errors.chooseOne" }] });
    }
    const id = crypto.randomUUID();
    const mode = input.mode ?? (offer.mode as "in_person" | "online");
    await trx
      .insertInto("placements")
      .values({
        id,
        round_id: offer.round_id,
        application_id: offer.application_id,
        position_id: offer.position_id,
        offer_id: offer.id,
        cohort: input.cohort,
        mode,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        supervisor_user_id: input.supervisorUserId,
        status: "active",
        created_at: now,
      })
      .execute();
    await changeApplicationStatus(trx, who, offer.application_id, offer.application_status, "placed", now);
    await writeAudit(trx, who, {
      action: "placement.create",
      entityType: "placement",
      entityId: id,
      after: { offerId: offer.id, applicationId: offer.application_id, cohort: input.cohort, mode, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return { id };
  });
}
