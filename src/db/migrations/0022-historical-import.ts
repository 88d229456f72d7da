/**
 * The historical import (issue #17 item 3, ADR 0030): a past fiscal year's
 * records loaded from CSV files, one file (one record kind) per batch.
 *
 * - import_batches: one row per committed file: who, when, the file's name and
 *   sha-256, the number of rows, the fiscal year (and round, when one was
 *   named) and, once rolled back, who and when. A rolled-back batch keeps its
 *   row (the history of imports) but no longer has records.
 * - imported_applicants / imported_hosts / imported_interns /
 *   imported_survey_responses: the records, each with its batch. They are
 *   apart from the live tables, so an imported record is never mixed up with a
 *   platform record; their ids are the file's ids, unique within a fiscal year.
 *   Placements and survey answers refer to records of the same year, so a
 *   batch whose records are still referred to cannot be rolled back first
 *   (foreign keys restrict).
 * - import_uploads: a file an operator checked on the upload page (dry run)
 *   and may commit next, without sending it again; removed when committed,
 *   and after a day.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table import_batches (
  id text primary key,
  kind text not null check (kind in ('applicants','hosts','interns','intern-surveys','host-surveys')),
  fiscal_year integer not null check (fiscal_year between 2016 and 2100),
  round_id text references rounds(id) on delete set null,
  file_name text not null,
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer not null check (row_count >= 0),
  imported_by text references "user"(id) on delete set null,
  imported_at timestamptz not null default now(),
  rolled_back_by text references "user"(id) on delete set null,
  rolled_back_at timestamptz
);
create unique index import_batches_same_file on import_batches (kind, fiscal_year, file_sha256) where rolled_back_at is null;
create index import_batches_year on import_batches (fiscal_year, imported_at);

create table imported_applicants (
  fiscal_year integer not null,
  id text not null,
  batch_id text not null references import_batches(id) on delete restrict,
  nationality text references countries(code),
  gender text check (gender in ('female','male','other')),
  age integer check (age between 10 and 120),
  field text,
  final_status text not null,
  primary key (fiscal_year, id)
);
create index imported_applicants_batch on imported_applicants (batch_id);

create table imported_hosts (
  fiscal_year integer not null,
  id text not null,
  batch_id text not null references import_batches(id) on delete restrict,
  corporate_number text check (corporate_number ~ '^[0-9]{13}$'),
  jsic_division text not null references jsic_divisions(code),
  employees integer check (employees >= 0),
  overseas_status text check (overseas_status in ('ongoing','planned','not_planned')),
  prefecture_code text references prefectures(code),
  region text references regions(code),
  final_status text not null,
  primary key (fiscal_year, id)
);
create index imported_hosts_batch on imported_hosts (batch_id);

create table imported_interns (
  fiscal_year integer not null,
  id text not null,
  batch_id text not null references import_batches(id) on delete restrict,
  applicant_id text not null,
  host_id text not null,
  primary key (fiscal_year, id),
  unique (fiscal_year, applicant_id),
  foreign key (fiscal_year, applicant_id) references imported_applicants(fiscal_year, id) on delete restrict,
  foreign key (fiscal_year, host_id) references imported_hosts(fiscal_year, id) on delete restrict
);
create index imported_interns_batch on imported_interns (batch_id);
create index imported_interns_host on imported_interns (fiscal_year, host_id);

create table imported_survey_responses (
  fiscal_year integer not null,
  id text not null,
  batch_id text not null references import_batches(id) on delete restrict,
  audience text not null check (audience in ('intern','host')),
  intern_id text not null,
  match_fit text check (match_fit in ('yes','no')),
  overall_satisfaction text check (overall_satisfaction in ('satisfied','not_satisfied')),
  intern_japanese_level text check (intern_japanese_level in ('business','daily','other')),
  intern_english_level text check (intern_english_level in ('native','business','daily','other')),
  primary key (fiscal_year, audience, id),
  unique (fiscal_year, audience, intern_id),
  foreign key (fiscal_year, intern_id) references imported_interns(fiscal_year, id) on delete restrict
);
create index imported_survey_responses_batch on imported_survey_responses (batch_id);

create table import_uploads (
  id text primary key,
  kind text not null,
  fiscal_year integer not null,
  round_id text references rounds(id) on delete cascade,
  file_name text not null,
  file_sha256 text not null,
  content_base64 text not null,
  uploaded_by text not null references "user"(id) on delete cascade,
  uploaded_at timestamptz not null default now()
)
`,
  );
}
