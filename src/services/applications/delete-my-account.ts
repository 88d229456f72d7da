import { z } from "zod";
import { auditIpCutoff } from "../../domain/retention.ts";
import { sealAuditEntries, writeAudit } from "../audit/write-audit.ts";
import { clearedSessionCookies } from "../auth/session-policy.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { ValidationError } from "../errors.ts";
import { adminCount } from "../hosts/membership.ts";
import { eraseApplications, eraseAuditIpsOf, eraseMessageDeliveries, eraseRegistrations, registrationIdsOf } from "../privacy/personal-records.ts";
import { promoteWaitlisted } from "../sessions/waiting-list.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({
  password: z.string().min(1, { error: "errors.required" }),
  confirm: z.literal("on", { error: "errors.consentRequired" }),
});

/**
 * An applicant or a host member deletes their account (issue 19 item 7). Personal data is erased:
 * names, date of birth, contact details, answers in their own words, documents (files too),
 * information-session registrations, group messages and e-mails sent to them, host memberships and
 * the invitations they sent or received, sessions and the account itself. The IP addresses of their
 * audit entries older than the retention period are erased now; younger ones when they reach it (the
 * retention job). What remains of each application is an anonymous record for the program's
 * statistics: round, nationality, language levels and eligibility. The last admin of an organization
 * that has other members hands the role on first. Returns the cookies that clear the session.
 */
export async function deleteMyAccount(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ setCookies: string[] }> {
  const who = authorize(actor, "account.own_data");
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
  const now = ctx.clock();
  const keys = await ctx.db.transaction().execute(async (trx) => {
    const memberships = await trx.selectFrom("host_memberships").select(["organization_id", "org_role"]).where("user_id", "=", who.userId).execute();
    for (const m of memberships) {
      if (m.org_role !== "admin" || (await adminCount(trx, m.organization_id)) > 1) continue;
      const others = await trx
        .selectFrom("host_memberships")
        .select("user_id")
        .where("organization_id", "=", m.organization_id)
        .where("user_id", "<>", who.userId)
        .execute();
      if (others.length > 0) throw new ValidationError({}, [{ key: "rights.errors.lastAdmin" }]);
    }
    const ids = (await trx.selectFrom("applications").select("id").where("applicant_user_id", "=", who.userId).execute()).map((a) => a.id);
    const keys = await eraseApplications(trx, ids, now, { anonymize: true });
    const registrationIds = await registrationIdsOf(trx, { userId: who.userId, email: who.email });
    const { freedSessions } = await eraseRegistrations(trx, registrationIds, now);
    for (const sessionId of freedSessions) await ctx.mailer.queueAll(await promoteWaitlisted(ctx, trx, sessionId), trx);
    await eraseMessageDeliveries(trx, { userId: who.userId, email: who.email });
    await trx
      .deleteFrom("outbound_emails")
      .where((eb) => sameEmail(eb, "to_address", who.email))
      .execute();
    await trx
      .deleteFrom("login_attempts")
      .where((eb) => sameEmail(eb, "email", who.email))
      .execute();
    await trx
      .deleteFrom("login_throttle")
      .where((eb) => sameEmail(eb, "email", who.email))
      .execute();
    await trx
      .deleteFrom("host_invitations")
      .where((eb) => eb.or([eb("invited_by", "=", who.userId), sameEmail(eb, "email", who.email)]))
      .execute();
    const ipsErased = await eraseAuditIpsOf(trx, who.userId, auditIpCutoff(now));
    // Audit entries stay (who did what, when) but lose the personal values they carried; those this transaction
    // wrote are chained into audit_log first (ADR 0051).
    await sealAuditEntries(trx);
    await trx.updateTable("audit_log").set({ before: null, after: null }).where("entity_type", "=", "user").where("entity_id", "=", who.userId).execute();
    await trx.deleteFrom("user").where("id", "=", who.userId).execute();
    await writeAudit(trx, null, {
      action: "user.delete",
      entityType: "user",
      entityId: who.userId,
      after: {
        anonymizedApplications: ids.length,
        erasedRegistrations: registrationIds.length,
        auditIpsErased: ipsErased,
        organizationsLeft: memberships.length,
      },
    });
    return keys;
  });
  for (const key of keys) await ctx.files.remove(key);
  return { setCookies: await clearedSessionCookies(ctx) };
}
