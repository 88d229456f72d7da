import { z } from "zod";
import { normalizeAffiliation } from "../../domain/screening/affiliation-normalize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({
  id: z.string().trim().optional(),
  canonical: requiredText(300, { lines: false, markup: false }),
  aliases: requiredText(3000, { markup: false }),
});

/** Other names, one per line (or separated by semicolons), trimmed, without duplicates by normalized form. */
function splitAliases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n;]+/)) {
    const name = part.trim();
    const key = normalizeAffiliation(name);
    if (name === "" || key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * The operator adds or edits one entry of the alias table: an organization's
 * name and its other names (abbreviations, other languages, former names).
 * Every later assignment run and reassignment treats them as one
 * organization when checking reviewers' affiliations against applicants'
 * universities and employers. Audited with the names before and after.
 */
export async function saveAffiliationAlias(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  const aliases = splitAliases(input.aliases);
  if (aliases.length === 0 || aliases.length > 50) throw new ValidationError({ aliases: [{ key: "screeningOps.aliases.errors.count" }] });
  if (normalizeAffiliation(input.canonical) === "") throw new ValidationError({ canonical: [{ key: "errors.invalid" }] });
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    if (input.id) {
      const before = await trx.selectFrom("affiliation_aliases").select(["canonical", "aliases"]).where("id", "=", input.id).forUpdate().executeTakeFirst();
      if (!before) throw new NotFoundError("affiliation_alias");
      await trx.updateTable("affiliation_aliases").set({ canonical: input.canonical, aliases, updated_at: now }).where("id", "=", input.id).execute();
      await writeAudit(trx, who, {
        action: "screening.alias",
        entityType: "affiliation_alias",
        entityId: input.id,
        before,
        after: { canonical: input.canonical, aliases },
      });
      return { id: input.id };
    }
    const id = crypto.randomUUID();
    await trx.insertInto("affiliation_aliases").values({ id, canonical: input.canonical, aliases, created_by: who.userId, updated_at: now }).execute();
    await writeAudit(trx, who, { action: "screening.alias", entityType: "affiliation_alias", entityId: id, after: { canonical: input.canonical, aliases } });
    return { id };
  });
}
