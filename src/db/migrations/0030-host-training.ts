/**
 * Host training and final presentations (issue 16 items 2 and 6, ADR 0038):
 * - training_completions: which e-learning module (a code of
 *   src/domain/internship/training.ts) a host member passed, and when;
 * - host_trainings (reserved by 0002, unused until now): a round's kick-off
 *   and follow-up sessions (held_at, place or online link), scheduled by the
 *   operator; e-learning is not a session any more (training_completions);
 * - host_training_completions (reserved by 0002): who attended a session,
 *   recorded by the operator;
 * - rounds.training_before_start: the supervisor must complete the training
 *   before the placement starts (the operator's setting);
 * - final_presentations: one per placement, when and where;
 * - presentation_slides: the intern's slides (PDF or PPTX), one per
 *   placement, stored like application documents (outside the database).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table training_completions (
  user_id text not null references "user"(id) on delete cascade,
  module text not null check (module in ('program','supervision','safety')),
  completed_at timestamptz not null,
  primary key (user_id, module)
);

alter table host_trainings drop constraint host_trainings_kind_check;
alter table host_trainings add constraint host_trainings_kind_check check (kind in ('kick_off','follow_up'));
alter table host_trainings alter column title drop not null;
alter table host_trainings add column place text;
alter table host_trainings add column online_url text;
alter table host_trainings add column created_by text references "user"(id) on delete set null;
alter table host_trainings add column created_at timestamptz not null default now();
create index host_trainings_round_idx on host_trainings (round_id, held_at);

alter table host_training_completions add column recorded_by text references "user"(id) on delete set null;
create index host_training_completions_user_idx on host_training_completions (user_id);

alter table rounds add column training_before_start boolean not null default false;

create table final_presentations (
  placement_id text primary key references placements(id) on delete cascade,
  starts_at timestamptz not null,
  place text,
  online_url text,
  scheduled_by text references "user"(id) on delete set null,
  scheduled_at timestamptz not null,
  check (place is not null or online_url is not null)
);

create table presentation_slides (
  placement_id text primary key references placements(id) on delete cascade,
  id text not null unique,
  storage_key text not null,
  original_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  scan_status text not null check (scan_status in ('not_scanned')),
  uploaded_by text references "user"(id) on delete set null,
  uploaded_at timestamptz not null
);
`,
  );
}
