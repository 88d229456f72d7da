import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requireMembership } from "../hosts/membership.ts";
import { answerMails } from "./offer-mail.ts";
import { answerOffer, answerSchema, lockOffer } from "./offer-record.ts";

/** A host member confirms (accepted) or declines an offer for one of their organization's positions. */
export async function answerOfferAsHost(ctx: ServiceContext, actor: Actor | null, input: { offerId: string; form: unknown }): Promise<{ status: string }> {
  const m = await requireMembership(ctx.db, actor);
  return ctx.db.transaction().execute(async (trx) => {
    const offer = await lockOffer(trx, input.offerId);
    const owner = await trx
      .selectFrom("positions as p")
      .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
      .select("ha.organization_id")
      .where("p.id", "=", offer.position_id)
      .executeTakeFirst();
    if (owner?.organization_id !== m.organizationId) throw new NotFoundError("offer");
    const out = await answerOffer(trx, m.actor, offer, "host", input.form, ctx.clock(), "matchingStaff.refusals");
    const { answer } = answerSchema.parse(input.form);
    await ctx.mailer.queueAll(
      await answerMails(trx, ctx, { applicationId: offer.application_id, positionId: offer.position_id }, "host", answer, out.status),
      trx,
    );
    return out;
  });
}
