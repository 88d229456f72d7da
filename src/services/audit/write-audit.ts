/**
 * Appends an audit entry. Always called with the transaction of the change it
 * records, so the entry and the change commit or roll back together (called
 * outside a transaction, it opens one of its own). Each entry is chained to the
 * one before it (./audit-chain.ts, ADR 0026): the chain head's row is locked
 * until the transaction ends, so entries are chained in commit order and two
 * writers at once never fork the chain.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../context.ts";
import { entryHash, fieldHashes } from "./audit-chain.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** A value as it will read back from jsonb (dates as text, undefined dropped), or null. */
function asStored(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

export async function writeAudit(trx: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  if (!trx.isTransaction) return trx.transaction().execute((t) => writeAudit(t, actor, entry));
  const head = await trx.selectFrom("audit_chain_head").select("last_hash").where("id", "=", 1).forUpdate().executeTakeFirstOrThrow();
  const row = {
    at: new Date(),
    actor_user_id: actor?.userId ?? null,
    actor_role: actor?.role ?? "system",
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: asStored(entry.before),
    after: asStored(entry.after),
    ip: actor?.ip ?? null,
    ip_salt: actor?.ip ? randomBytes(16).toString("hex") : null,
  };
  const hashes = fieldHashes(row);
  const hash = entryHash(head.last_hash, row, hashes);
  const { id } = await trx
    .insertInto("audit_log")
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      prev_hash: head.last_hash,
      hash,
      field_hashes: JSON.stringify(hashes),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("audit_chain_head").set({ last_hash: hash, last_id: id }).where("id", "=", 1).execute();
}
