import { isCalendarDate } from "../../domain/time.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { type Page, type PageRequest, fetchPage, inPage } from "../paging.ts";

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorEmail?: string | undefined;
  /** inclusive, ISO date YYYY-MM-DD (UTC day bounds) */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The audit log, newest first, filtered and paged on the server. Operators only. */
export async function listAuditLog(ctx: ServiceContext, actor: Actor | null, filter: AuditFilter, page: PageRequest): Promise<Page<AuditRow>> {
  authorize(actor, "audit.read");
  let q = ctx.db.selectFrom("audit_log").leftJoin("user", "user.id", "audit_log.actor_user_id");
  if (filter.action) q = q.where("audit_log.action", "like", `${filter.action.replace(/[%_\\]/g, "\\$&")}%`);
  if (filter.entityType) q = q.where("audit_log.entity_type", "=", filter.entityType);
  if (filter.entityId) q = q.where("audit_log.entity_id", "=", filter.entityId);
  const actorEmail = filter.actorEmail;
  if (actorEmail) q = q.where((eb) => sameEmail(eb, "user.email", actorEmail));
  // A date that does not exist (2027-13-45) filters nothing rather than failing the page.
  if (filter.from && isCalendarDate(filter.from)) q = q.where("audit_log.at", ">=", new Date(`${filter.from}T00:00:00Z`));
  if (filter.to && isCalendarDate(filter.to)) q = q.where("audit_log.at", "<", new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  return fetchPage(page, {
    total: q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    items: q
      .select([
        "audit_log.id",
        "audit_log.at",
        "user.email",
        "audit_log.actor_role",
        "audit_log.action",
        "audit_log.entity_type",
        "audit_log.entity_id",
        "audit_log.before",
        "audit_log.after",
      ])
      .orderBy("audit_log.id", "desc")
      .$call(inPage(page))
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorEmail: r.email,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
        })),
      ),
  });
}
