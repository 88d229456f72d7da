/**
 * Document screening (issue 13). Builds on the 0002 placeholders:
 * `reviewers` gains the languages a reviewer reads and their affiliations
 * (conflict checks; `expertise` are their fields, `max_load` their capacity);
 * `round_reviewers` lists who an operator invited to screen a round (by
 * e-mail, so an invitation still open counts; the account is found by its
 * address); `screening_settings` holds a round's reads per application `k`,
 * the disagreement threshold and when screening was closed; `rubrics` gets
 * its scale and one rubric per round; `review_assignments` carries the
 * reviewer's recommendation, overall comment and draft time (`completed_at`
 * is the submission); `screening_ranks` is the normalized ranking selection
 * (#14) reads.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table reviewers add column languages text[] not null default '{}';
alter table reviewers add column affiliations text[] not null default '{}';
alter table reviewers add column updated_at timestamptz not null default now();
create table round_reviewers (
  round_id text not null references rounds(id) on delete cascade,
  email text not null check (email = lower(email)),
  invitation_id text references staff_invitations(id) on delete set null,
  invited_by text references "user"(id) on delete set null,
  invited_at timestamptz not null default now(),
  primary key (round_id, email)
);
create table screening_settings (
  round_id text primary key references rounds(id) on delete cascade,
  reads integer not null default 2 check (reads between 1 and 10),
  disagreement_threshold numeric not null default 1.5 check (disagreement_threshold >= 0),
  closed_at timestamptz,
  closed_by text references "user"(id) on delete set null,
  interview_count integer check (interview_count >= 0)
);
alter table rubrics add column scale_min numeric not null default 1;
alter table rubrics add column scale_max numeric not null default 5;
alter table rubrics add column scale_step numeric not null default 1;
create unique index rubrics_one_per_round on rubrics (round_id);
alter table review_assignments add column recommendation text check (recommendation in ('strongly_recommend','recommend','neutral','not_recommend'));
alter table review_assignments add column overall_comment text;
alter table review_assignments add column draft_saved_at timestamptz;
create index review_assignments_reviewer_idx on review_assignments (reviewer_user_id);
create table screening_ranks (
  application_id text primary key references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  raw_mean numeric not null,
  normalized_score numeric not null,
  reads integer not null check (reads >= 0),
  rank integer not null check (rank >= 1),
  position integer not null check (position >= 1),
  flagged boolean not null default false,
  computed_at timestamptz not null
);
create unique index screening_ranks_round_position on screening_ranks (round_id, position)
`,
  );
}
