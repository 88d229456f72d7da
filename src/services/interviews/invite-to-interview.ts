/**
 * The operator invites applicants to an interview stage (issue 14): every
 * application of the round in status "interview" (screening passed) not yet
 * invited to the stage, or the ones listed. Each invitee receives an e-mail in
 * their language with the link to the booking page.
 */
import { SELECTION_STAGES, type SelectionStage } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { applicantsOf, interviewPageUrl } from "./interview-mail.ts";

export async function inviteToInterview(ctx: ServiceContext, actor: Actor | null, roundId: string, stage: string): Promise<{ invited: number }> {
  const who = authorize(actor, "interview.manage");
  if (!(SELECTION_STAGES as readonly string[]).includes(stage)) throw new ValidationError({ stage: [{ key: "errors.required" }] });
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select(["id", "phase"]).where("id", "=", roundId).forUpdate().executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const ids = await trx
      .selectFrom("applications as a")
      .select("a.id")
      .where("a.round_id", "=", roundId)
      .where("a.status", "=", "interview")
      .where("a.applicant_user_id", "is not", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("interview_invitations as i").select("i.application_id").whereRef("i.application_id", "=", "a.id").where("i.stage", "=", stage),
          ),
        ),
      )
      .orderBy("a.id")
      .execute();
    if (ids.length === 0) throw new RefusedError("interviewsStaff.refusals", [{ code: "nobody_to_invite" }]);
    await trx
      .insertInto("interview_invitations")
      .values(ids.map((r) => ({ application_id: r.id, round_id: roundId, stage: stage as SelectionStage, invited_by: who.userId, invited_at: ctx.clock() })))
      .execute();
    const people = await applicantsOf(
      trx,
      ids.map((r) => r.id),
    );
    const mails = ids
      .map((r) => people.get(r.id))
      .filter((p) => p !== undefined)
      .map((person) => ({
        to: person.email,
        template: "interviewInvitation" as const,
        locale: person.locale,
        params: { name: person.name, url: interviewPageUrl(ctx, person.locale) },
      }));
    await ctx.mailer.queueAll(mails, trx);
    await writeAudit(trx, who, { action: "interview.invited", entityType: "round", entityId: roundId, after: { stage, count: ids.length } });
    return { invited: ids.length };
  });
}
