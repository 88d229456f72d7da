/**
 * The operator invites applicants to an interview stage (issue 14, ADR 0033):
 * every application of the round in status "interview" (screening passed) not
 * yet invited to the stage, the top N of the screening ranking, or a
 * hand-picked list of receipt numbers (src/domain/interviews/invitees.ts).
 * Nobody is invited twice. Each invitee receives an e-mail in their language
 * with the link to the booking page. The preview
 * (preview-interview-invitations.ts) shows the count first.
 */
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { readInviteeChoice, selectInvitees } from "./interview-invitees.ts";
import { applicantsOf, interviewPageUrl } from "./interview-mail.ts";

/** `choice`: the form's { mode: all | top | list, top, receiptNumbers }; without it, everyone not invited yet. */
export async function inviteToInterview(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  stage: string,
  choice: Record<string, unknown> = {},
): Promise<{ invited: number }> {
  const who = authorize(actor, "interview.manage");
  const read = readInviteeChoice({ ...choice, stage });
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select(["id", "phase"]).where("id", "=", roundId).forUpdate().executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const out = await selectInvitees(trx, roundId, read.stage, read.choice);
    if (out.unknown.length > 0) throw new RefusedError("selectionOffersStaff.refusals", [{ code: "unknown_receipt_numbers", numbers: out.unknown.join(", ") }]);
    const ids = out.chosen.map((c) => c.id);
    if (ids.length === 0) throw new RefusedError("interviewsStaff.refusals", [{ code: "nobody_to_invite" }]);
    await trx
      .insertInto("interview_invitations")
      .values(ids.map((id) => ({ application_id: id, round_id: roundId, stage: read.stage, invited_by: who.userId, invited_at: ctx.clock() })))
      .onConflict((oc) => oc.columns(["application_id", "stage"]).doNothing())
      .execute();
    const people = await applicantsOf(trx, ids);
    const mails = ids
      .map((id) => people.get(id))
      .filter((p) => p !== undefined)
      .map((person) => ({
        to: person.email,
        template: "interviewInvitation" as const,
        locale: person.locale,
        params: { name: person.name, url: interviewPageUrl(ctx, person.locale) },
      }));
    await ctx.mailer.queueAll(mails, trx);
    await writeAudit(trx, who, {
      action: "interview.invited",
      entityType: "round",
      entityId: roundId,
      after: {
        stage: read.stage,
        count: ids.length,
        choice:
          read.choice.mode === "top"
            ? { mode: "top", top: read.choice.count }
            : read.choice.mode === "list"
              ? { mode: "list", receiptNumbers: read.choice.receiptNumbers }
              : { mode: "all" },
        alreadyInvited: out.alreadyInvited.length,
      },
    });
    return { invited: ids.length };
  });
}
