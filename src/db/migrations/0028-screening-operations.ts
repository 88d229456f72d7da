/**
 * Screening operations (issue 13, second part; ADR 0036):
 * `screening_extra_reads` marks an application whose reads disagreed beyond
 * the round's threshold: it needs one read more than `k`, which the next
 * assignment (run at once when the ranking flags it) fills;
 * `affiliation_aliases` is the operator's table of other names of one
 * organization (conflict checks); `conflicts_of_interest.declared_by` tells
 * an operator's hand-made exclusion from a reviewer's own declaration;
 * `screening_reminders` records each reminder queued to a reviewer for one
 * screening deadline, so a reminder is queued at most once per deadline.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table screening_extra_reads (
  application_id text primary key references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  spread numeric not null check (spread >= 0),
  requested_at timestamptz not null
);
create index screening_extra_reads_round_idx on screening_extra_reads (round_id);
create table affiliation_aliases (
  id text primary key,
  canonical text not null check (length(canonical) between 1 and 300),
  aliases text[] not null,
  created_by text references "user"(id) on delete set null,
  updated_at timestamptz not null default now()
);
alter table conflicts_of_interest add column declared_by text references "user"(id) on delete set null;
create table screening_reminders (
  round_id text not null references rounds(id) on delete cascade,
  reviewer_user_id text not null references "user"(id) on delete cascade,
  due_at timestamptz not null,
  open_reads integer not null check (open_reads >= 1),
  queued_at timestamptz not null,
  queued_by text references "user"(id) on delete set null,
  primary key (round_id, reviewer_user_id, due_at)
)
`,
  );
}
