/**
 * Office-shortlist mode of the matching (issue 15, ADR 0037): `rounds.matching_mode` says whether
 * applicants rank any position (`open_ranking`, the default) or only the positions the program
 * office shortlisted them for (`office_shortlist`); `matching_shortlists` holds the office's
 * shortlist per position. Host interviews in matching reuse the selection's interview slots:
 * a slot of stage `host` belongs to one position (and a booking of it carries that position).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table rounds add column matching_mode text not null default 'open_ranking' check (matching_mode in ('open_ranking','office_shortlist'));

create table matching_shortlists (
  position_id text not null references positions(id) on delete cascade,
  application_id text not null references applications(id) on delete cascade,
  round_id text not null references rounds(id) on delete cascade,
  added_by text references "user"(id) on delete set null,
  added_at timestamptz not null,
  primary key (position_id, application_id)
);
create index matching_shortlists_application_idx on matching_shortlists (application_id);

alter table interview_slots drop constraint interview_slots_stage_check;
alter table interview_slots add constraint interview_slots_stage_check check (stage in ('first','second','host'));
alter table interview_slots add column position_id text references positions(id) on delete cascade;
alter table interview_slots add constraint interview_slots_host_position_check check ((stage = 'host') = (position_id is not null));
create index interview_slots_position_idx on interview_slots (position_id, starts_at) where position_id is not null;
-- one interview per applicant and position in matching (the selection's stays one per stage)
create unique index interviews_one_per_position on interviews (application_id, position_id) where position_id is not null;
`,
  );
}
