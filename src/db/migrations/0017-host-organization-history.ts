/**
 * Hosts (issue 19 item 8): an organization can be edited, and its history is
 * kept: every edit appends the attributes as they were before it to
 * host_organization_revisions. A host application keeps, from its submission,
 * the organization's attributes it was submitted with
 * (host_applications.organization_snapshot), which the yearly report reads
 * instead of the organization as it is today. Withdrawn host applications
 * record when (the status 'withdrawn' exists since 0002).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table host_organization_revisions (
  id text primary key,
  organization_id text not null references host_organizations(id) on delete cascade,
  attributes jsonb not null,
  replaced_by text references "user"(id) on delete set null,
  replaced_at timestamptz not null
);
create index host_organization_revisions_org_idx on host_organization_revisions (organization_id, replaced_at);
alter table host_applications add column if not exists organization_snapshot jsonb;
alter table host_applications add column withdrawn_at timestamptz;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table host_applications drop column withdrawn_at;
alter table host_applications drop column organization_snapshot;
drop table host_organization_revisions;
`,
  );
}
