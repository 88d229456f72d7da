import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requireMyPosition, shortlistOf } from "./host-access.ts";
import { refuseOutsideShortlist } from "./shortlist-record.ts";
import { findRound, rankedFromForm, requireRankingOpen, writeRankList } from "./matching-record.ts";

/**
 * A host member saves or submits the rank list of one of their positions, over its shortlist
 * only (a candidate not on it is refused); refused after the ranking deadline.
 */
export async function savePositionRankList(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { positionId: string; form: unknown },
): Promise<{ submitted: boolean }> {
  const mine = await requireMyPosition(ctx.db, actor, input.positionId);
  const round = await findRound(ctx.db, mine.roundId);
  const now = ctx.clock();
  requireRankingOpen(round, now, "matchingStaff.refusals");
  const shortlist = await shortlistOf(ctx.db, round.id, mine.positionId);
  // office-shortlist mode (ADR 0037): an entry off the office's shortlist is refused as such
  if (round.matchingMode === "office_shortlist") refuseOutsideShortlist(input.form, shortlist, "matchingShortlistStaff.refusals", "not_on_shortlist");
  const ranked = rankedFromForm(input.form, shortlist, "matchingStaff.refusals");
  const submit = (input.form as { intent?: unknown } | null)?.intent === "submit";
  if (submit && ranked.length === 0) throw new RefusedError("matchingStaff.refusals", [{ code: "empty_list" }]);
  await ctx.db.transaction().execute(async (trx) => {
    const { id, before } = await writeRankList(trx, round.id, { positionId: mine.positionId }, ranked, { submit, now });
    await writeAudit(trx, mine.actor, {
      action: submit ? "rank_list.submit" : "rank_list.save",
      entityType: "rank_list",
      entityId: id,
      before: { ranked: before },
      after: { ranked },
    });
  });
  return { submitted: submit };
}
