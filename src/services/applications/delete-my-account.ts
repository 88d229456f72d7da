import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { clearedSessionCookies } from "../auth/session-policy.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({
  password: z.string().min(1, { error: "errors.required" }),
  confirm: z.literal("on", { error: "errors.consentRequired" }),
});

/**
 * The applicant deletes their account. Personal data is erased: names, date
 * of birth, contact details, answers in their own words, documents (files
 * too), e-mails sent to them, sessions and the account itself. What remains
 * of each application is an anonymous record for the program's statistics:
 * round, nationality, status, language levels and eligibility. Returns the
 * cookies that clear the session under the names in use (https or not).
 */
export async function deleteMyAccount(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ setCookies: string[] }> {
  const who = authorize(actor, "application.manage");
  const input = parseInput(schema, raw);
  const c = await ctx.auth.$context;
  const account = await ctx.db
    .selectFrom("account")
    .select("password")
    .where("userId", "=", who.userId)
    .where("providerId", "=", "credential")
    .executeTakeFirst();
  if (!account?.password || !(await c.password.verify({ hash: account.password, password: input.password }))) {
    throw new ValidationError({ password: [{ key: "errors.wrongPassword" }] });
  }
  const storageKeys = await ctx.db.transaction().execute(async (trx) => {
    const apps = await trx.selectFrom("applications").select("id").where("applicant_user_id", "=", who.userId).execute();
    const ids = apps.map((a) => a.id);
    let keys: string[] = [];
    if (ids.length > 0) {
      keys = (await trx.deleteFrom("application_documents").where("application_id", "in", ids).returning("storage_key").execute()).map((d) => d.storage_key);
      await trx.deleteFrom("application_education").where("application_id", "in", ids).execute();
      await trx.deleteFrom("application_employment").where("application_id", "in", ids).execute();
      await trx.deleteFrom("application_consents").where("application_id", "in", ids).execute();
      await trx.updateTable("application_status_history").set({ reason: null }).where("application_id", "in", ids).execute();
      await trx
        .updateTable("applications")
        .set({
          applicant_user_id: null,
          status: "anonymized",
          family_name: null,
          given_name: null,
          date_of_birth: null,
          gender: null,
          residence_country: null,
          phone: null,
          contact_email: null,
          address: null,
          motivation_learn: null,
          motivation_use: null,
          preferred_fields: [],
          withdrawn_reason: null,
          heard_about: null,
          submission_key: null,
          updated_at: ctx.clock(),
        })
        .where("id", "in", ids)
        .execute();
    }
    await trx
      .deleteFrom("outbound_emails")
      .where((eb) => sameEmail(eb, "to_address", who.email))
      .execute();
    await trx
      .deleteFrom("login_attempts")
      .where((eb) => sameEmail(eb, "email", who.email))
      .execute();
    // Audit entries stay (who did what, when) but lose the personal values they carried.
    await trx.updateTable("audit_log").set({ before: null, after: null }).where("entity_type", "=", "user").where("entity_id", "=", who.userId).execute();
    await trx.deleteFrom("user").where("id", "=", who.userId).execute();
    await writeAudit(trx, null, { action: "user.delete", entityType: "user", entityId: who.userId, after: { anonymizedApplications: ids.length } });
    return keys;
  });
  for (const key of storageKeys) await ctx.files.remove(key);
  return { setCookies: await clearedSessionCookies(ctx) };
}
