/**
 * One reminder per outcome milestone (ADR 0039, amended): a host that has not answered 14 days after it was
 * asked is reminded once. The outcome job claims the reminder on the milestone's row (`reminded_at`, set only
 * while it is null and the milestone unanswered) in the transaction that queues the e-mail.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `alter table outcome_followups add column reminded_at timestamptz;
alter table outcome_followups add column reminder_email_id text references outbound_emails(id) on delete set null;`,
  );
}
