/**
 * The operator sets a round's matching mode (ADR 0037): open ranking (the default) or the
 * program office's shortlists. Locked once any rank list of the round is saved, and after the
 * matching phase. Audited.
 */
import { z } from "zod";
import { MATCHING_MODES, modeLock } from "../../domain/matching/shortlist.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { findRound } from "./matching-record.ts";

const schema = z.object({ mode: z.enum(MATCHING_MODES, { error: "errors.required" }) });

export async function setMatchingMode(ctx: ServiceContext, actor: Actor | null, input: { roundId: string; form: unknown }): Promise<{ changed: boolean }> {
  const who = authorize(actor, "round.manage");
  const { mode } = parseInput(schema, input.form);
  const round = await findRound(ctx.db, input.roundId);
  return ctx.db.transaction().execute(async (trx) => {
    // the round row is locked so two mode changes are one after the other
    const locked = await trx.selectFrom("rounds").select(["phase", "matching_mode"]).where("id", "=", round.id).forUpdate().executeTakeFirstOrThrow();
    const { n } = await trx
      .selectFrom("rank_lists")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow();
    const lock = modeLock({ phase: locked.phase, rankListsSaved: Number(n) });
    if (lock) throw new RefusedError("matchingShortlistStaff.refusals", [{ ...lock }]);
    if (locked.matching_mode === mode) return { changed: false };
    await trx.updateTable("rounds").set({ matching_mode: mode }).where("id", "=", round.id).execute();
    await writeAudit(trx, who, {
      action: "matching.mode_set",
      entityType: "round",
      entityId: round.id,
      before: { mode: locked.matching_mode },
      after: { mode },
    });
    return { changed: true };
  });
}
