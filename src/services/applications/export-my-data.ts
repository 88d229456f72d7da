import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { messagesForExport, registrationsForExport } from "../privacy/personal-records.ts";
import { loadApplication } from "./application-record.ts";

/**
 * Everything the platform holds about the signed-in person, as one JSON document (APPI disclosure):
 * the account, applications, information-session registrations, group messages received, e-mails
 * sent, and a host member's organizations. Applicants and host members (issue 19 item 7). Audited,
 * like every export of personal data.
 */
export async function exportMyData(ctx: ServiceContext, actor: Actor | null): Promise<Record<string, unknown>> {
  const who = authorize(actor, "account.own_data");
  const person = { userId: who.userId, email: who.email };
  const [user, apps, emails, registrations, messages, memberships] = await Promise.all([
    ctx.db
      .selectFrom("user")
      .select(["id", "name", "email", "emailVerified", "locale", "timeZone", "createdAt"])
      .where("id", "=", who.userId)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom("applications").select("id").where("applicant_user_id", "=", who.userId).execute(),
    ctx.db
      .selectFrom("outbound_emails")
      .select(["subject", "template", "locale", "created_at"])
      .where((eb) => sameEmail(eb, "to_address", who.email))
      .orderBy("created_at")
      .execute(),
    registrationsForExport(ctx.db, person, who.locale),
    messagesForExport(ctx.db, person),
    ctx.db
      .selectFrom("host_memberships as m")
      .innerJoin("host_organizations as o", "o.id", "m.organization_id")
      .select(["o.name_ja as organization", "o.corporate_number as corporateNumber", "m.org_role as role", "m.created_at as since"])
      .where("m.user_id", "=", who.userId)
      .execute(),
  ]);
  const applications = [];
  for (const { id } of apps) {
    const app = await loadApplication(ctx.db, id);
    const history = await ctx.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status", "reason", "changed_at"])
      .where("application_id", "=", id)
      .execute();
    applications.push({ ...app, statusHistory: history });
  }
  await writeAudit(ctx.db, who, {
    action: "user.export_data",
    entityType: "user",
    entityId: who.userId,
    after: { applications: applications.length, registrations: registrations.length, messages: messages.length },
  });
  return {
    exportedAt: ctx.clock().toISOString(),
    account: user,
    applications,
    sessionRegistrations: registrations,
    messagesReceived: messages,
    hostOrganizations: memberships,
    emailsSent: emails,
  };
}
