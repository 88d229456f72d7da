/**
 * Organizations are not squatted (issue #11 item 7, ADR 0029): an organization registered by a host
 * stays `pending` until an operator has checked the registered name and address against the corporate
 * number; a second registration of a number already registered becomes a claim the operator resolves.
 * Organizations that exist when this runs (demo data, organizations inserted by seeds) are `verified`:
 * the column's default stays `verified` and the one use case that registers organizations sets `pending`.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table host_organizations
  add column verification_status text not null default 'verified' check (verification_status in ('pending','verified','rejected')),
  add column verification_reason text,
  add column verified_at timestamptz,
  add column verified_by text references "user"(id) on delete set null;
create table host_organization_claims (
  id text primary key,
  organization_id text not null references host_organizations(id) on delete cascade,
  user_id text not null references "user"(id) on delete cascade,
  created_at timestamptz not null default now(),
  resolution text check (resolution in ('joined','dismissed')),
  reason text,
  resolved_at timestamptz,
  resolved_by text references "user"(id) on delete set null
);
create unique index host_organization_claims_open_idx on host_organization_claims (organization_id, user_id) where resolved_at is null;
`,
  );
}
