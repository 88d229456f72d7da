/**
 * Appends an audit entry. Always called with the transaction of the change it
 * records, so the entry and the change commit or roll back together (called
 * outside a transaction, it opens one of its own). Each entry is chained to the
 * one before it (./audit-chain.ts, ADR 0026): the chain head's row is locked
 * until the transaction ends, so entries are chained in commit order and two
 * writers at once never fork the chain.
 */
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../context.ts";
import { entryHashText, fieldHashes } from "./audit-chain.ts";

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
  const text = entryHashText(row, hashes);
  // One statement takes the chain head, appends the entry hashed over the head's hash and moves the
  // head to it: the head stays locked from here to the commit, one round trip fewer than reading the
  // head first and then writing twice (every audited change waits for it: issue #20 item 2, ADR 0049).
  // sha256 over exactly the text entryHash hashes (audit-chain.ts), the head's hash spliced in.
  await sql`
    with head as (select last_hash from audit_chain_head where id = 1 for update),
    entry as (
      insert into audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, before, after, ip, ip_salt, prev_hash, hash, field_hashes)
      select ${row.at}::timestamptz, ${row.actor_user_id}, ${row.actor_role}, ${row.action}, ${row.entity_type}, ${row.entity_id},
        ${row.before === null ? null : JSON.stringify(row.before)}::jsonb, ${row.after === null ? null : JSON.stringify(row.after)}::jsonb,
        ${row.ip}, ${row.ip_salt}, head.last_hash,
        encode(sha256(convert_to(${text.before}::text || head.last_hash || ${text.after}::text, 'UTF8')), 'hex'),
        ${JSON.stringify(hashes)}::jsonb
      from head
      returning id, hash)
    update audit_chain_head set last_hash = entry.hash, last_id = entry.id from entry where audit_chain_head.id = 1`.execute(trx);
}
