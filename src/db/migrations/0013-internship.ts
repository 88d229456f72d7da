/**
 * The internship period (issue 16, ADR 0022): placements created from accepted
 * offers, daily reports, attendance recorded by the host, final reports and
 * evaluation surveys. Alters the placeholder tables of 0002:
 * - placements: the offer they come from (one placement per offer), the
 *   supervisor (a host member);
 * - attendance_days: the domain's day statuses (ADR 0014: present, absent,
 *   leave, holiday), minutes worked for online days, who recorded the day and
 *   when it was first confirmed (the ledger pays confirmed days only);
 * - daily_reports: what the intern did, learned and found difficult, the
 *   supervisor's comment and confirmation;
 * - reports: one final report per placement and side;
 * - survey_responses: one response per survey and placement (editable until
 *   the survey closes);
 * - incidents: a category, notes only operators see, the resolution and who
 *   resolved it.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table placements add column offer_id text references offers(id) on delete set null;
alter table placements add column supervisor_user_id text references "user"(id) on delete set null;
create unique index placements_offer_idx on placements (offer_id);
create index placements_round_idx on placements (round_id);
create index placements_application_idx on placements (application_id);

alter table attendance_days drop constraint attendance_days_status_check;
alter table attendance_days add constraint attendance_days_status_check check (status in ('present','absent','leave','holiday'));
alter table attendance_days add column minutes integer check (minutes is null or (minutes >= 0 and minutes <= 1440));
alter table attendance_days add column recorded_by text references "user"(id) on delete set null;
alter table attendance_days add column recorded_at timestamptz not null default now();
alter table attendance_days add column confirmed_at timestamptz;

alter table daily_reports add column learned text;
alter table daily_reports add column issues text;
alter table daily_reports add column updated_at timestamptz not null default now();
alter table daily_reports add column commented_by text references "user"(id) on delete set null;
alter table daily_reports add column confirmed_at timestamptz;

create unique index reports_placement_side_kind_idx on reports (placement_id, author_side, kind);

alter table survey_responses add column updated_at timestamptz not null default now();
create unique index survey_responses_survey_placement_idx on survey_responses (survey_id, placement_id);
create unique index surveys_round_audience_kind_idx on surveys (round_id, audience, kind);

alter table incidents add column category text not null default 'work' check (category in ('health','safety','conduct','work','housing'));
alter table incidents add column confidential_notes text;
alter table incidents add column resolution text;
alter table incidents add column resolved_by text references "user"(id) on delete set null;
create index incidents_placement_idx on incidents (placement_id);
`,
  );
}
