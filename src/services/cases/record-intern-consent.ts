import { z } from "zod";
import { cleanText } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { editorOf, lockCase } from "./case-access.ts";

const yesNo = z.enum(["yes", "no"], { error: "errors.chooseOne" });
const schema = z.object({
  named: yesNo,
  shown: yesNo,
  note: z.string().optional().default("").transform(cleanText).pipe(z.string().max(500)),
});

/**
 * Records whether the intern agreed to be named and to be shown in photos,
 * and how (a note: "signed form of 2027-12-20"). Kept outside the revisions:
 * restoring old text never restores a consent that was withdrawn since. Who
 * recorded it and when is kept, and every change is in the audit log.
 */
export async function recordInternConsent(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  const form = parseInput(schema, input.form);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    const editor = await editorOf(trx, actor, row);
    const after = { consent_named: form.named === "yes", consent_shown: form.shown === "yes", consent_note: form.note || null };
    const now = ctx.clock();
    await trx
      .updateTable("case_studies")
      .set({ ...after, consent_recorded_at: now, consent_recorded_by: editor.actor.userId, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await writeAudit(trx, editor.actor, {
      action: "case.consent",
      entityType: "case_study",
      entityId: row.id,
      before: { consent_named: row.consent_named, consent_shown: row.consent_shown, consent_note: row.consent_note },
      after,
    });
  });
}
