/**
 * Appends an audit entry. Always called with the transaction of the change it
 * records, so the entry and the change commit or roll back together (called
 * outside a transaction, it opens one of its own). Each entry is chained to the
 * one before it (./audit-chain.ts, ADR 0026) when its transaction commits
 * (ADR 0051): the entry waits in `audit_pending` with the two halves of the
 * text its hash is taken over, and a deferred trigger (migration 0040) takes
 * the chain head at the commit, hashes the entry over the head's hash into
 * `audit_log` and moves the head. Entries are chained and numbered in commit
 * order, two writers at once never fork the chain, and the head is held only
 * while PostgreSQL commits.
 *
 * Until its transaction commits an entry is not in `audit_log`: a use case
 * that changes `audit_log` after writing entries in the same transaction (the
 * erasures) calls `sealAuditEntries` first.
 */
import { randomBytes } from "node:crypto";
import { type Insertable, type Kysely, sql } from "kysely";
import type { AuditPendingTable, Database } from "../../db/schema.ts";
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

/**
 * The `audit_pending` row of an entry, with its field hashes and the two halves of the text its chain hash is
 * taken over: `writeAudit` inserts it; a use case that writes its change in one statement inserts it in that
 * statement (the submission at the deadline rush, issue #20 item 2). Either way it is chained at the commit.
 */
export function auditRowOf(actor: Actor | null, entry: AuditEntry): Insertable<AuditPendingTable> {
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
  return {
    ...row,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
    field_hashes: JSON.stringify(hashes),
    seal_before: text.before,
    seal_after: text.after,
  };
}

export async function writeAudit(trx: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  if (!trx.isTransaction) return trx.transaction().execute((t) => writeAudit(t, actor, entry));
  // No lock here: the entry is chained at the commit (migration 0040), so every audited change of the
  // deadline rush no longer holds the chain head across its last round trips (issue #20 item 2, ADR 0051).
  await trx.insertInto("audit_pending").values(auditRowOf(actor, entry)).execute();
}

/**
 * Chains the entries this transaction wrote so far into `audit_log` now instead of at the commit (and any it
 * writes later, as it writes them): for a use case that changes `audit_log` after writing entries in the same
 * transaction, which must see them there (an erasure nulls the personal values of every entry about a person).
 */
export async function sealAuditEntries(trx: Kysely<Database>): Promise<void> {
  await sql`set constraints audit_pending_seal immediate`.execute(trx);
}
