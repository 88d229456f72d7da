import { readContent } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { lockCase, writeRevision } from "./case-access.ts";

/** Makes an old revision's text current again, as a new revision that says where it came from (history is never rewritten). */
export async function restoreCaseRevision(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; number: unknown }): Promise<{ revision: number }> {
  const who = authorize(actor, "case.edit");
  const number = Number(input.number);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    // Only a revision the case has: a number beyond it (e.g. 99999999999999999999, more than the column holds) is simply not found.
    const old =
      Number.isInteger(number) && number >= 1 && number <= row.revision
        ? await trx.selectFrom("case_study_revisions").select(["content"]).where("case_id", "=", row.id).where("number", "=", number).executeTakeFirst()
        : undefined;
    if (!old) throw new NotFoundError("case_study_revision");
    const { revision, changed } = await writeRevision(trx, who, row, readContent(old.content), ctx.clock(), { restoredFrom: number });
    await writeAudit(trx, who, { action: "case.restore", entityType: "case_study", entityId: row.id, after: { restoredFrom: number, revision, changed } });
    return { revision };
  });
}
