/**
 * Interviews and committee selection (issue 14, ADR 0020). Slots the operator
 * opens per round and stage (times in UTC, one interviewer each); invitations
 * to a stage; bookings are rows of 0002's `interviews` with the slot they take
 * and the last calendar SEQUENCE sent; interview scores per criterion; the
 * document score selection reads (filled from screening, issue 13); the
 * round's selection settings (weights, quotas, booking cutoff); and the
 * committee's decisions in 0002's `selection_decisions`.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table interview_slots (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  stage text not null check (stage in ('first','second')),
  interviewer_user_id text not null references "user"(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  capacity integer not null default 1 check (capacity between 1 and 50),
  place text,
  meeting_url text,
  cancelled_at timestamptz,
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null default now()
);
create index interview_slots_round_idx on interview_slots (round_id, stage, starts_at);
create index interview_slots_interviewer_idx on interview_slots (interviewer_user_id, starts_at);

create table interview_invitations (
  application_id text not null references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  stage text not null check (stage in ('first','second')),
  invited_by text references "user"(id) on delete set null,
  invited_at timestamptz not null default now(),
  primary key (application_id, stage)
);

alter table interviews add column slot_id text references interview_slots(id) on delete set null;
alter table interviews add column round_id text references rounds(id) on delete cascade;
alter table interviews add column ics_sequence integer not null default 0 check (ics_sequence >= 0);
alter table interviews add column booked_at timestamptz;
alter table interviews add column comment text;
alter table interviews add column scored_by text references "user"(id) on delete set null;
alter table interviews add column scored_at timestamptz;
-- one interview row per applicant and stage of the selection (hosts' interviews carry a position)
create unique index interviews_one_per_stage on interviews (application_id, stage) where position_id is null;
create index interviews_slot_idx on interviews (slot_id) where status = 'scheduled';

create table interview_scores (
  interview_id text not null references interviews(id) on delete cascade,
  criterion text not null check (criterion in ('motivation','communication','japanese','fit')),
  score integer not null check (score between 1 and 5),
  primary key (interview_id, criterion)
);

create table selection_document_scores (
  application_id text primary key references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  score numeric not null check (score >= 0 and score <= 100),
  recorded_at timestamptz not null default now()
);

alter table rounds add column interview_cutoff_hours integer not null default 24 check (interview_cutoff_hours between 0 and 720);
alter table rounds add column selection_document_weight integer not null default 50 check (selection_document_weight between 0 and 100);
alter table rounds add column selection_interview_weight integer not null default 50 check (selection_interview_weight between 0 and 100);
alter table rounds add column selection_quotas jsonb not null default '[]';

alter table selection_decisions add column round_id text references rounds(id) on delete cascade;
alter table selection_decisions add column suggested text check (suggested in ('selected','waitlisted','rejected'));
alter table selection_decisions add column notified_at timestamptz;
create index selection_decisions_round_idx on selection_decisions (round_id, decision, waitlist_rank);
`,
  );
}
