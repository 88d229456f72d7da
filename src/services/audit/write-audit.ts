/**
 * Appends an audit entry. Always called with the transaction of the change it
 * records, so the entry and the change commit or roll back together.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../context.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(trx: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_user_id: actor?.userId ?? null,
      actor_role: actor?.role ?? "system",
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: actor?.ip ?? null,
    })
    .execute();
}
