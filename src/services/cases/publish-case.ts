import { z } from "zod";
import { CASE_LANGUAGES, type CaseLanguage, publishRefusals, readContent, versionText } from "../../domain/cases/content.ts";
import { documentTokens, foldForSearch } from "../../domain/cases/search.ts";
import { operatorMayPublish } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { addCaseEvent, lockCase } from "./case-access.ts";
import { knownInternNames, resolveCaseFacts } from "./case-facts.ts";
import { queueCaseMail } from "./case-mail.ts";

const schema = z.object({ languages: z.array(z.enum(CASE_LANGUAGES)).default([]) });

/**
 * Publishes the case's current revision in the chosen languages (a language
 * not chosen shows as "in translation"). Refused when a chosen language is
 * incomplete, or when the text names the intern, or a photo shows them,
 * without their recorded consent. The first publication freezes the filter
 * facts from the internship's records (case-facts.ts); every publication
 * rebuilds the search text from the published languages. Publishing again
 * (after edits, or to add the translation, or after a withdrawal) keeps the
 * same address.
 */
export async function publishCase(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { caseId: string; form: unknown },
): Promise<{ number: number; languages: CaseLanguage[] }> {
  const who = authorize(actor, "case.edit");
  const { languages: chosen } = parseInput(schema, input.form);
  const languages = CASE_LANGUAGES.filter((l) => chosen.includes(l));
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    if (!operatorMayPublish(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "wrong_status", status: row.status }]);
    const content = readContent(row.content);
    const refusals = publishRefusals(content, languages, { named: row.consent_named, shown: row.consent_shown }, await knownInternNames(trx, row.placement_id));
    if (refusals.length > 0)
      throw new RefusedError(
        "casesStaff.refusals",
        refusals.map((r) => (r.code === "language_incomplete" ? { code: r.code, language: r.language, missing: r.missing.length } : r)),
      );
    const now = ctx.clock();
    const first = row.published_at === null;
    const facts = first ? await resolveCaseFacts(trx, row, content.internNationality) : null;
    const text = languages.map((l) => [versionText(content[l]), ...content.images.map((i) => i.alt[l])].join("\n")).join("\n");
    await trx
      .updateTable("case_studies")
      .set({
        status: "published",
        published_content: JSON.stringify(content),
        published_revision: row.revision,
        published_languages: languages,
        republished_at: now,
        withdrawn_at: null,
        updated_at: now,
        fact_theme: content.theme,
        search_text: foldForSearch(text),
        search_tokens: documentTokens(text),
        ...(facts
          ? {
              published_at: now,
              fact_jsic_division: facts.jsicDivision,
              fact_region: facts.region,
              fact_prefecture_code: facts.prefectureCode,
              fact_size_class: facts.sizeClass,
              fact_intern_nationality: facts.internNationality,
              fact_fiscal_year: facts.fiscalYear,
            }
          : {}),
      })
      .where("id", "=", row.id)
      .execute();
    await addCaseEvent(trx, who, row, "published", languages.join(", "), now);
    await writeAudit(trx, who, {
      action: "case.publish",
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status, revision: row.published_revision, languages: row.published_languages },
      after: { status: "published", revision: row.revision, languages, ...(facts ? { facts } : {}) },
    });
    if (first) await queueCaseMail(ctx, trx, row, "published", "");
    return { number: row.number, languages };
  });
}
