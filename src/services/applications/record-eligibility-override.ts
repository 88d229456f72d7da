import { z } from "zod";
import { OVERRIDABLE_RULES } from "../../domain/eligibility.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { refreshEligibility } from "./application-record.ts";

const schema = z.object({
  rule: z.enum(OVERRIDABLE_RULES, { error: "errors.chooseOne" }),
  reason: z.string().trim().min(10, { error: "errors.overrideReason" }).max(2000, { error: "errors.tooLong" }),
});

/**
 * An operator lets an application pass one eligibility rule, with a written
 * reason (at least 10 characters). Consents cannot be overridden: only the
 * applicant can give them.
 */
export async function recordEligibilityOverride(ctx: ServiceContext, actor: Actor | null, applicationId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "application.override");
  const input = parseInput(schema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx.selectFrom("applications").select("id").where("id", "=", applicationId).forUpdate().executeTakeFirst();
    if (!app) throw new NotFoundError("application");
    await trx
      .updateTable("eligibility_overrides")
      .set({ revoked_at: ctx.clock() })
      .where("application_id", "=", applicationId)
      .where("rule", "=", input.rule)
      .where("revoked_at", "is", null)
      .execute();
    const id = crypto.randomUUID();
    await trx
      .insertInto("eligibility_overrides")
      .values({ id, application_id: applicationId, rule: input.rule, reason: input.reason, decided_by: who.userId, decided_at: ctx.clock() })
      .execute();
    await refreshEligibility(trx, applicationId);
    await writeAudit(trx, who, {
      action: "application.eligibility_override",
      entityType: "application",
      entityId: applicationId,
      after: { override: id, rule: input.rule, reason: input.reason },
    });
  });
}
