/**
 * The audit log becomes tamper-evident (issue 11 item 11, ADR 0026): each
 * entry carries the hash of the entry before it, its own hash and the hashes
 * of its personal values; `audit_chain_head` holds the last entry's hash (its
 * one row is what writers lock, so the chain never forks). Entries already
 * there are chained here, oldest first.
 */
import { type Kysely, sql } from "kysely";
import { GENESIS_HASH, entryHash, fieldHashes, type StoredEntry } from "../../services/audit/audit-chain.ts";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table audit_log add column prev_hash text;
alter table audit_log add column hash text;
alter table audit_log add column field_hashes jsonb;
create table audit_chain_head (
  id integer primary key check (id = 1),
  last_id bigint,
  last_hash text not null
);
`,
  );
  let prev = GENESIS_HASH;
  let lastId: string | null = null;
  const rows = await sql<StoredEntry>`select * from audit_log order by id`.execute(db);
  for (const e of rows.rows) {
    const hashes = fieldHashes(e);
    const hash = entryHash(prev, { ...e, at: new Date(e.at) }, hashes);
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash}, field_hashes = ${JSON.stringify(hashes)}::jsonb where id = ${e.id}`.execute(db);
    prev = hash;
    lastId = String(e.id);
  }
  await sql`insert into audit_chain_head (id, last_id, last_hash) values (1, ${lastId}, ${prev})`.execute(db);
}
