/**
 * Audit entries are chained when their transaction commits, not when they are written (issue #20 item 2,
 * ADR 0051). `writeAudit` inserts the entry into `audit_pending` with the two halves of the text its hash is
 * taken over (audit-chain.ts `entryHashText`); a deferred constraint trigger, run by PostgreSQL at the commit,
 * takes the chain head, moves the entry into `audit_log` hashed over the head's hash, moves the head and
 * deletes the pending row. The head is held from the commit's start to its end only: no longer across the
 * round trips between the entry and the commit, through the client's busy event loop, which every audited
 * change at the deadline waited for. Entries are still chained, and numbered (`audit_log.id`), in commit order.
 * The account of an entry's actor is linked only if it still exists at the commit (as `on delete set null`
 * would have left it). (One line per statement: run-sql.ts splits at a semicolon that ends a line.)
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table audit_pending (
  id bigserial primary key,
  at timestamptz not null,
  actor_user_id text,
  actor_role text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  ip_salt text,
  field_hashes jsonb not null,
  seal_before text not null,
  seal_after text not null
);
create or replace function seal_audit_entry() returns trigger language plpgsql as $$ declare head_hash text; entry_id bigint; entry_hash text; begin select last_hash into head_hash from audit_chain_head where id = 1 for update; insert into audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, before, after, ip, ip_salt, prev_hash, hash, field_hashes) select p.at, (select u.id from "user" u where u.id = p.actor_user_id), p.actor_role, p.action, p.entity_type, p.entity_id, p.before, p.after, p.ip, p.ip_salt, head_hash, encode(sha256(convert_to(p.seal_before || head_hash || p.seal_after, 'UTF8')), 'hex'), p.field_hashes from audit_pending p where p.id = NEW.id returning id, hash into entry_id, entry_hash; update audit_chain_head set last_hash = entry_hash, last_id = entry_id where id = 1; delete from audit_pending where id = NEW.id; return null; end $$;
create constraint trigger audit_pending_seal after insert on audit_pending deferrable initially deferred for each row execute function seal_audit_entry();
`,
  );
}
