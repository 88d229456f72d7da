/**
 * Waiting-list offers, interview invitations by rank and interview reminders
 * (issue 14, ADR 0033). A place freed after the results are final is offered
 * to the next person on the waiting list, who accepts or declines it by a
 * deadline (`selection_offers`, one open offer per application; the expiry job
 * claims the open offers past their deadline). The round says how many days an
 * offer stays open. An interview's reminder is claimed once through
 * `reminder_sent_at`. A slot may seat a panel: the other interviewers beside
 * the slot's `interviewer_user_id` (the panel's first) are rows of
 * `interview_slot_panel`.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table selection_offers (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  freed_by text references applications(id) on delete set null,
  waitlist_position integer,
  offered_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > offered_at),
  status text not null default 'open' check (status in ('open','accepted','declined','expired')),
  responded_at timestamptz
);
create unique index selection_offers_one_open on selection_offers (application_id) where status = 'open';
create index selection_offers_due_idx on selection_offers (expires_at) where status = 'open';
create index selection_offers_round_idx on selection_offers (round_id, status);

alter table rounds add column selection_offer_days integer not null default 7 check (selection_offer_days between 1 and 60);

alter table interviews add column reminder_sent_at timestamptz;
create table interview_slot_panel (
  slot_id text not null references interview_slots(id) on delete cascade,
  user_id text not null references "user"(id),
  primary key (slot_id, user_id)
);
create index interview_slot_panel_user_idx on interview_slot_panel (user_id);

create index interviews_reminder_due_idx on interviews (slot_id) where status = 'scheduled' and reminder_sent_at is null;
`,
  );
}
