/**
 * Messages to groups (issue 7, part 7): what the operator chose (audience and
 * round/session, kept as the filter), each recipient's name for {name}, and
 * the delivery job's bookkeeping: attempts, when the next attempt is due after
 * a failure (exponential back-off), and the claim of a run in progress.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table message_deliveries add column recipient_name text not null default '';
alter table message_deliveries add column attempts integer not null default 0;
alter table message_deliveries add column next_attempt_at timestamptz;
alter table message_deliveries add column claimed_at timestamptz;
create index message_deliveries_due_idx on message_deliveries (next_attempt_at) where status <> 'sent' and claimed_at is null;
create index message_deliveries_recipient_idx on message_deliveries (recipient_user_id);
create index messages_created_idx on messages (created_at desc);
`,
  );
}
