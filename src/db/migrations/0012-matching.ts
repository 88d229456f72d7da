/**
 * The matching phase (issue 15): rank lists saved and submitted by both
 * sides, runs of the engine on a frozen snapshot, their verification and
 * explanations, and offers answered by the applicant and the host (ADR 0021).
 * Uses the 0002 tables (no code used them before) and adds what they lacked:
 * one rank list per applicant / position and round, one entry per ranked
 * item; the run's frozen instance, engine version, stability notion and the
 * hosts' explanations; each side's answer to an offer and its deadline.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table rank_lists add column updated_at timestamptz not null default now();
create unique index rank_lists_applicant_once on rank_lists (round_id, application_id) where side = 'applicant';
create unique index rank_lists_position_once on rank_lists (round_id, position_id) where side = 'position';
create unique index rank_list_entries_application_once on rank_list_entries (rank_list_id, application_id) where application_id is not null;
create unique index rank_list_entries_position_once on rank_list_entries (rank_list_id, position_id) where position_id is not null;
alter table matching_runs add column engine_version text not null default 'da-1';
alter table matching_runs add column instance jsonb not null default '{}';
alter table matching_runs add column host_explanations jsonb not null default '{}';
alter table matching_runs add column matched_count integer not null default 0;
create index matching_runs_round_idx on matching_runs (round_id, created_at);
alter table matching_verifications add column notion text not null default 'stable';
alter table offers add column applicant_response text check (applicant_response in ('accepted','declined'));
alter table offers add column host_response text check (host_response in ('accepted','declined'));
alter table offers add column respond_by timestamptz;
alter table offers add column created_at timestamptz not null default now();
create unique index offers_run_application on offers (run_id, application_id);
create index offers_position_idx on offers (position_id, status)
`,
  );
}
