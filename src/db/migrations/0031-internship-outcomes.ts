/**
 * Outcomes, incidents and check-ins (issue 16 items 5 and 8, ADR 0039):
 * - outcome_followups (0002): one row per placement and milestone (6 or 12
 *   months after its last day). The outcome job claims the row when it
 *   queues the e-mail to the host (insert … on conflict do nothing), so a
 *   milestone is asked once; the host's answers are recorded on it with
 *   the instant and the member who answered.
 * - incident_actions: the operator's follow-up actions on an incident, each
 *   with a due date and when it was done.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table outcome_followups add column due_on date;
alter table outcome_followups add column requested_at timestamptz;
alter table outcome_followups add column email_id text references outbound_emails(id) on delete set null;
alter table outcome_followups add column answered_at timestamptz;
alter table outcome_followups add column answered_by text references "user"(id) on delete set null;

create table incident_actions (
  id text primary key,
  incident_id text not null references incidents(id) on delete cascade,
  description text not null,
  due_on date not null,
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null,
  done_at timestamptz,
  done_by text references "user"(id) on delete set null
);
create index incident_actions_incident_idx on incident_actions (incident_id, due_on);
`,
  );
}
