import { readContent } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { checkBaseRevision, lockCase, writeRevision } from "./case-access.ts";
import { contentFromForm } from "./case-form.ts";

/**
 * An operator edits a case in any state: both languages side by side, as a
 * new revision (who, when, which fields). A published case keeps showing
 * its published copy until the operator publishes again.
 */
export async function editCase(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { caseId: string; form: unknown; baseRevision?: unknown },
): Promise<{ revision: number; changed: string[] }> {
  const who = authorize(actor, "case.edit");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    checkBaseRevision(row, input.baseRevision);
    const content = contentFromForm(input.form, readContent(row.content));
    const out = await writeRevision(trx, who, row, content, ctx.clock());
    if (out.changed.length > 0) {
      await writeAudit(trx, who, { action: "case.edit", entityType: "case_study", entityId: row.id, after: { revision: out.revision, changed: out.changed } });
    }
    return out;
  });
}
