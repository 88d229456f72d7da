/**
 * Every e-mail goes through one queue (issue 7, part 8; ADR 0008): a use case
 * only writes an outbound_emails row (status pending), in its own transaction
 * where it has one; the delivery job sends it, retries a failure with
 * back-off, and records the outcome. Group-message deliveries point at their
 * e-mail instead of keeping a second copy of the delivery state: existing
 * deliveries are turned into e-mails here (the {name} placeholder filled in,
 * status, attempts and failure carried over), then their own columns dropped.
 * Also indexes for the reminder job, which now runs every few seconds.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table outbound_emails alter column status set default 'pending';
alter table outbound_emails add column attachments jsonb;
alter table outbound_emails add column attempts integer not null default 0;
alter table outbound_emails add column next_attempt_at timestamptz;
alter table outbound_emails add column claimed_at timestamptz;
alter table outbound_emails add column sent_at timestamptz;
update outbound_emails set sent_at = created_at where status = 'sent';
create index outbound_emails_due_idx on outbound_emails (created_at) where status <> 'sent';

alter table message_deliveries add column email_id text;
update message_deliveries set email_id = gen_random_uuid()::text;
insert into outbound_emails (id, to_address, subject, body_text, template, locale, status, error, attempts, next_attempt_at, sent_at, created_at)
select d.email_id, d.recipient_email,
       replace(coalesce(m.subject ->> d.locale, m.subject ->> 'en', ''), '{name}', d.recipient_name),
       replace(coalesce(m.body ->> d.locale, m.body ->> 'en', ''), '{name}', d.recipient_name),
       'groupMessage', d.locale, d.status, d.failure_reason, d.attempts, d.next_attempt_at, d.sent_at, m.created_at
from message_deliveries d join messages m on m.id = d.message_id;
alter table message_deliveries add constraint message_deliveries_email_fk foreign key (email_id) references outbound_emails(id) on delete set null;
create index message_deliveries_email_idx on message_deliveries (email_id);
drop index if exists message_deliveries_due_idx;
alter table message_deliveries drop column status;
alter table message_deliveries drop column failure_reason;
alter table message_deliveries drop column attempts;
alter table message_deliveries drop column next_attempt_at;
alter table message_deliveries drop column claimed_at;
alter table message_deliveries drop column sent_at;

-- The reminder job runs every few seconds: finding what is due must stay cheap.
create index information_sessions_starts_idx on information_sessions (starts_at) where cancelled_at is null;
create index session_registrations_reminder_idx on session_registrations (session_id) where reminder_sent_at is null and status = 'registered';
`,
  );
}
