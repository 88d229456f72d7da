/**
 * A host member records that the interview with a shortlisted candidate took place (or that the
 * candidate did not come), once it has started (ADR 0037). The booking's status becomes `done` or
 * `no_show`; nothing else follows from it (the host's rank list stays the host's choice). Audited.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { requireMyPosition, shortlistOf } from "./host-access.ts";
import { matchingInterviewOf } from "./matching-interview-record.ts";

const schema = z.object({ outcome: z.enum(["done", "no_show"], { error: "errors.required" }) });

export async function recordMatchingInterviewHeld(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { positionId: string; applicationId: string; form: unknown },
): Promise<{ status: "done" | "no_show" }> {
  const mine = await requireMyPosition(ctx.db, actor, input.positionId);
  const { outcome } = parseInput(schema, input.form);
  if (!(await shortlistOf(ctx.db, mine.roundId, mine.positionId)).includes(input.applicationId)) throw new NotFoundError("interview");
  return ctx.db.transaction().execute(async (trx) => {
    const interview = await matchingInterviewOf(trx, input.applicationId, mine.positionId);
    if (!interview) throw new NotFoundError("interview");
    // The status as it is once the row is locked: of two members recording at once, the second sees the first's answer.
    const locked = await trx.selectFrom("interviews").select("status").where("id", "=", interview.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== "scheduled") throw new RefusedError("matchingShortlistStaff.refusals", [{ code: "already_recorded" }]);
    if (interview.startsAt.getTime() > ctx.clock().getTime())
      throw new RefusedError("matchingShortlistStaff.refusals", [{ code: "not_started", at: interview.startsAt }]);
    await trx.updateTable("interviews").set({ status: outcome }).where("id", "=", interview.id).execute();
    await writeAudit(trx, mine.actor, {
      action: "matching.interview_held",
      entityType: "interview",
      entityId: interview.id,
      before: { status: "scheduled" },
      after: { status: outcome },
    });
    return { status: outcome };
  });
}
