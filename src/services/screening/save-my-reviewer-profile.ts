import { z } from "zod";
import { REVIEW_LANGUAGES } from "../../domain/screening/recommendation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { stringList, typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";

/** One entry per line (or comma for fields), trimmed, empty lines dropped, at most 20 of 200 characters. */
const lines = (separator: RegExp) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((v) => v.length <= 20, { error: "errors.invalid" })
    .refine((v) => v.every((s) => s.length <= 200), { error: "errors.invalid" });

const schema = z.object({
  languages: stringList
    .refine((v) => v.every((l) => (REVIEW_LANGUAGES as readonly string[]).includes(l)), { error: "errors.invalid" })
    .refine((v) => v.length > 0, { error: "errors.chooseOne" }),
  fields: lines(/[\n,、]/),
  capacity: typedWholeNumber(0, 2000),
  affiliations: lines(/\n/),
});

/**
 * A reviewer keeps their profile: the languages they read, fields of
 * expertise, capacity (the most applications they take) and affiliations
 * (universities, employers, organizations) used for conflict checks.
 */
export async function saveMyReviewerProfile(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "review.score");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("reviewers").selectAll().where("user_id", "=", who.userId).forUpdate().executeTakeFirst();
    const values = {
      languages: [...new Set(input.languages)],
      expertise: input.fields,
      max_load: input.capacity,
      affiliations: input.affiliations,
      updated_at: now,
    };
    await trx
      .insertInto("reviewers")
      .values({ user_id: who.userId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    await writeAudit(trx, who, {
      action: "screening.reviewer_profile",
      entityType: "user",
      entityId: who.userId,
      before: before ? { languages: before.languages, fields: before.expertise, capacity: before.max_load, affiliations: before.affiliations } : undefined,
      after: { languages: values.languages, fields: values.expertise, capacity: values.max_load, affiliations: values.affiliations },
    });
  });
}
