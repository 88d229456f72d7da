import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { positionsShortlistedFor } from "./host-access.ts";
import { refuseOutsideShortlist } from "./shortlist-record.ts";
import { findRound, positionsOfRound, rankedFromForm, requireRankingOpen, writeRankList } from "./matching-record.ts";

/**
 * The applicant saves (intent "save") or submits (intent "submit") their rank list of the round's
 * positions: position numbers, blank for a position they do not want. Refused after the ranking
 * deadline (with the deadline), outside the matching phase, and for a position not in the round.
 */
export async function saveMyRankList(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ submitted: boolean }> {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  if (!mine || mine.status !== "selected") throw new RefusedError("matching.refusals", [{ code: "not_selected" }]);
  const round = await findRound(ctx.db, mine.roundId);
  const now = ctx.clock();
  requireRankingOpen(round, now, "matching.refusals");
  let allowed = (await positionsOfRound(ctx.db, round.id)).map((p) => p.id);
  // office-shortlist mode (ADR 0037): only the positions the office shortlisted them for
  if (round.matchingMode === "office_shortlist") {
    const shortlisted = new Set(await positionsShortlistedFor(ctx.db, mine.applicationId));
    allowed = allowed.filter((id) => shortlisted.has(id));
    refuseOutsideShortlist(raw, allowed, "matchingShortlist.refusals", "not_shortlisted");
  }
  const ranked = rankedFromForm(raw, allowed, "matching.refusals");
  const submit = (raw as { intent?: unknown } | null)?.intent === "submit";
  if (submit && ranked.length === 0) throw new RefusedError("matching.refusals", [{ code: "empty_list" }]);
  await ctx.db.transaction().execute(async (trx) => {
    const { id, before } = await writeRankList(trx, round.id, { applicationId: mine.applicationId }, ranked, { submit, now });
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
