import type { Updateable } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { cleanText } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { addCaseEvent, lockCase } from "./case-access.ts";
import { queueCaseMail } from "./case-mail.ts";

/** The reason the operator gives when sending a case back or withdrawing it: required, at most `max` characters. */
export function caseReasonSchema(max: number) {
  return z.object({
    body: z
      .string()
      .optional()
      .default("")
      .transform(cleanText)
      .pipe(z.string().min(1, { error: "errors.reasonRequired" }).max(max)),
  });
}

interface CaseMove {
  /** The workflow rule (src/domain/cases/workflow.ts) that says whether the case may move from its status. */
  mayMove: (status: string) => boolean;
  to: "approved" | "changes_requested" | "withdrawn";
  event: "approved" | "returned" | "withdrawn";
  action: string;
  reason: string;
  /** Other columns the move sets (e.g. when it was withdrawn). */
  set?: (now: Date) => Updateable<Database["case_studies"]>;
}

/**
 * An operator's move of a case in its workflow: refused unless the workflow allows it from the case's status; the
 * status change, the conversation entry, the audit entry and the e-mail to the host's members commit together.
 */
export async function moveCase(ctx: ServiceContext, actor: Actor | null, caseId: string, move: CaseMove): Promise<void> {
  const who = authorize(actor, "case.edit");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (!move.mayMove(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "wrong_status", status: row.status }]);
    const now = ctx.clock();
    await trx
      .updateTable("case_studies")
      .set({ ...move.set?.(now), status: move.to, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await addCaseEvent(trx, who, row, move.event, move.reason, now);
    await writeAudit(trx, who, {
      action: move.action,
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status },
      after: move.reason ? { status: move.to, reason: move.reason } : { status: move.to },
    });
    await queueCaseMail(ctx, trx, row, move.event, move.reason);
  });
}
