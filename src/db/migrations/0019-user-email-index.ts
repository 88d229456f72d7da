/**
 * Accounts are looked up by e-mail without regard to case (src/services/email-address.ts:
 * `lower(email) = lower($1)`) at every sign-up, sign-in and invitation; without an index on
 * that expression each lookup read the whole user table (issue #20 item 4: 44–67 ms at 100,000 users).
 * Unique: two accounts must not differ only in the case of their address.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create unique index user_email_lower_idx on "user" (lower(email));
`,
  );
}
