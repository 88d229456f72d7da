/**
 * What an invitation would do, before anything is sent (issue 14, ADR 0033):
 * how many applicants the choice reaches, who they are (the first 50, in
 * ranking order), how many were invited to the stage already, and which
 * receipt numbers of a hand-picked list match nobody. Changes nothing.
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { readInviteeChoice, selectInvitees } from "./interview-invitees.ts";

export const PREVIEW_NAMES = 50;

export async function previewInterviewInvitations(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown) {
  authorize(actor, "interview.manage");
  const { stage, choice } = readInviteeChoice(raw);
  const round = await ctx.db.selectFrom("rounds").select("id").where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const out = await selectInvitees(ctx.db, roundId, stage, choice);
  return {
    stage,
    choice,
    count: out.chosen.length,
    alreadyInvited: out.alreadyInvited.length,
    unknown: out.unknown,
    first: out.chosen.slice(0, PREVIEW_NAMES).map((c) => ({ receiptNumber: c.receiptNumber, name: c.name, documentScore: c.documentScore })),
  };
}
