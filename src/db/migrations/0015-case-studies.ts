/**
 * Case studies (issue 18): hosts draft, operators edit and translate, the
 * public reads and filters. Replaces the placeholder case_studies table of
 * 0002 (no code used it). A case's current text is its latest revision
 * (`content`, every save appends a row to case_study_revisions); what the
 * public sees is a copy made at publication (`published_content`), so edits
 * after publication stay private until the operator publishes again. The
 * filter facts (industry, region, size, intern nationality, fiscal year) are
 * frozen at the first publication; the search columns are rebuilt at each
 * publication from the published languages (ADR 0024: bigram tokens in a
 * text[] with a GIN index, the same on PGlite and PostgreSQL, no extension).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
drop table if exists case_studies;
create sequence case_study_number_seq start with 1;
create table case_studies (
  id text primary key,
  number integer not null unique,
  organization_id text not null references host_organizations(id) on delete cascade,
  placement_id text references placements(id) on delete set null,
  round_id text references rounds(id) on delete set null,
  status text not null default 'draft' check (status in ('draft','in_review','changes_requested','approved','published','withdrawn')),
  content jsonb not null,
  revision integer not null default 1 check (revision >= 1),
  consent_named boolean not null default false,
  consent_shown boolean not null default false,
  consent_note text,
  consent_recorded_at timestamptz,
  consent_recorded_by text references "user"(id) on delete set null,
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  published_content jsonb,
  published_revision integer,
  published_languages text[] not null default '{}',
  published_at timestamptz,
  republished_at timestamptz,
  withdrawn_at timestamptz,
  fact_theme text check (fact_theme in ('overseas_expansion','new_business','cross_cultural')),
  fact_jsic_division text,
  fact_region text,
  fact_prefecture_code text,
  fact_size_class text,
  fact_intern_nationality text,
  fact_fiscal_year integer,
  search_text text not null default '',
  search_tokens text[] not null default '{}'
);
create index case_studies_organization_idx on case_studies (organization_id);
create index case_studies_round_status_idx on case_studies (round_id, status);
create index case_studies_status_updated_idx on case_studies (status, updated_at desc);
create index case_studies_published_idx on case_studies (published_at desc, id) where status = 'published';
create index case_studies_search_idx on case_studies using gin (search_tokens);
create table case_study_revisions (
  case_id text not null references case_studies(id) on delete cascade,
  number integer not null check (number >= 1),
  content jsonb not null,
  author_user_id text references "user"(id) on delete set null,
  author_role text not null,
  note text,
  restored_from integer,
  created_at timestamptz not null default now(),
  primary key (case_id, number)
);
create table case_study_images (
  id text primary key,
  case_id text not null references case_studies(id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg','image/png')),
  large_key text not null unique,
  large_width integer not null check (large_width > 0),
  large_height integer not null check (large_height > 0),
  large_bytes integer not null check (large_bytes > 0),
  small_key text not null unique,
  small_width integer not null check (small_width > 0),
  small_height integer not null check (small_height > 0),
  small_bytes integer not null check (small_bytes > 0),
  original_sha256 text not null,
  uploaded_by text references "user"(id) on delete set null,
  uploaded_at timestamptz not null default now()
);
create index case_study_images_case_idx on case_study_images (case_id);
create table case_study_comments (
  id text primary key,
  seq bigserial not null,
  case_id text not null references case_studies(id) on delete cascade,
  author_user_id text references "user"(id) on delete set null,
  author_role text not null,
  kind text not null check (kind in ('comment','submitted','returned','approved','published','withdrawn')),
  body text not null default '',
  revision integer not null,
  created_at timestamptz not null default now()
);
create index case_study_comments_case_idx on case_study_comments (case_id, seq)
`,
  );
}
