/**
 * Security hardening (issue 11, items 1–5; docs/security.md, ADR 0017):
 * - outbound_emails.secret_body: the e-mail as sent, sealed (AES-256-GCM) when
 *   it carries an authentication secret (reset, verification, invitation,
 *   cancel link); body_text keeps the copy staff may read, with the link hidden.
 *   The sealed copy is erased once the e-mail is sent.
 * - login_throttle: the sign-in limiter's counters, one row per account and
 *   client (and one per client across accounts), reserved atomically by an
 *   upsert before the password is checked.
 * - session.last_seen_at / reauthenticated_at: staff sessions end after 30
 *   minutes idle; sensitive staff actions need a password entered recently.
 * - totp_used_codes: a TOTP code is accepted once per account.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table outbound_emails add column secret_body text;

create table login_throttle (
  email text not null,
  ip text not null,
  failures integer not null,
  last_failure_at timestamptz not null,
  primary key (email, ip)
);

alter table "session" add column last_seen_at timestamptz;
alter table "session" add column reauthenticated_at timestamptz;

create table totp_used_codes (
  user_id text not null references "user" ("id") on delete cascade,
  code text not null,
  used_at timestamptz not null,
  primary key (user_id, code)
);
`,
  );
}
