import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { answerMails } from "./offer-mail.ts";
import { answerOffer, answerSchema, lockOffer } from "./offer-record.ts";

/** The applicant accepts or declines their offer (`answer`: accepted | declined); refused once settled or past its deadline. */
export async function answerOfferAsApplicant(ctx: ServiceContext, actor: Actor | null, input: { offerId: string; form: unknown }): Promise<{ status: string }> {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  if (!mine) throw new NotFoundError("offer");
  return ctx.db.transaction().execute(async (trx) => {
    const offer = await lockOffer(trx, input.offerId);
    if (offer.application_id !== mine.applicationId) throw new NotFoundError("offer");
    const out = await answerOffer(trx, mine.actor, offer, "applicant", input.form, ctx.clock(), "matching.refusals");
    const { answer } = answerSchema.parse(input.form);
    await ctx.mailer.queueAll(
      await answerMails(trx, ctx, { applicationId: offer.application_id, positionId: offer.position_id }, "applicant", answer, out.status),
      trx,
    );
    return out;
  });
}
