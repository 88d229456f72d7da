import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { loadApplication } from "./application-record.ts";

/** Everything the platform holds about the signed-in applicant, as one JSON document (APPI disclosure). Audited, like every export of personal data. */
export async function exportMyData(ctx: ServiceContext, actor: Actor | null): Promise<Record<string, unknown>> {
  const who = authorize(actor, "application.manage");
  const [user, apps, emails] = await Promise.all([
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
  await writeAudit(ctx.db, who, { action: "user.export_data", entityType: "user", entityId: who.userId, after: { applications: applications.length } });
  return { exportedAt: ctx.clock().toISOString(), account: user, applications, emailsSent: emails };
}
