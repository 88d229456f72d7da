/**
 * The yearly performance report (issue #17, ADR 0015, ADR 0023).
 *
 * - report_snapshots: every published version of a fiscal year's report, with
 *   the sha-256 of its canonical inputs and of itself, the definitions and code
 *   versions, the canonical JSON (ids included, so each figure still leads to
 *   its records), and the cell-by-cell differences from the previous version.
 *   A published version is immutable: a trigger refuses any update or delete.
 *   Source `published` holds the imported FY2016–2018 aggregates.
 * - host_applications.organization_snapshot: the organization's report
 *   attributes as they were when the host application was submitted (the report
 *   uses them, falling back to the organization row for older applications).
 * - published_aggregates (0002, never used): dropped; the shipped aggregates
 *   are data files and become report_snapshots of source `published`.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
drop table if exists published_aggregates;
create table report_snapshots (
  id text primary key,
  fiscal_year integer not null check (fiscal_year between 2016 and 2100),
  version integer not null check (version >= 1),
  source text not null check (source in ('records','published')),
  definitions_version integer not null,
  inputs_hash text not null check (inputs_hash ~ '^[0-9a-f]{64}$'),
  report_hash text not null check (report_hash ~ '^[0-9a-f]{64}$'),
  code_version text not null,
  report text not null,
  differences jsonb not null default '[]',
  published_by text references "user"(id) on delete set null,
  published_at timestamptz not null default now(),
  unique (fiscal_year, version)
);
create function report_snapshots_immutable() returns trigger language plpgsql as $$ begin raise exception 'a published report is never changed (report_snapshots %)', old.id; end $$;
create trigger report_snapshots_no_change before update or delete on report_snapshots for each row execute function report_snapshots_immutable();
alter table host_applications add column if not exists organization_snapshot jsonb
`,
  );
}
