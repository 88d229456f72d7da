/**
 * The program's whole data model, designed once (issue 3). Tables for
 * features whose screens come later are here too so the model is coherent.
 * Conventions: snake_case; text ids (UUID); timestamps are timestamptz (UTC
 * instants; Asia/Tokyo is a display concern); enumerations are text with a
 * CHECK so that PGlite and PostgreSQL behave identically; every foreign key
 * says what happens on delete.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, SCHEMA);
}

const SCHEMA = `
-- ───────────── reference data (versioned files, loaded by jip migrate; editable by operators) ─────────────
create table countries (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  name_en text not null,
  name_ja text not null
);
create table dac_list_versions (
  version text primary key,
  effective_from date not null,
  source text not null,
  note text
);
create table dac_list_entries (
  version text not null references dac_list_versions(version) on delete cascade,
  country_code text not null references countries(code),
  income_group text not null check (income_group in ('LDC','OLIC','LMIC','UMIC')),
  uncertain boolean not null default false,
  primary key (version, country_code)
);
create table regions (
  code text primary key,
  name_en text not null,
  name_ja text not null,
  sort_order integer not null
);
create table prefectures (
  code text primary key check (code ~ '^[0-9]{2}$'),
  iso_code text not null unique,
  name_en text not null,
  name_ja text not null,
  region_code text not null references regions(code)
);
create table jsic_divisions (
  code text primary key check (code ~ '^[A-T]$'),
  name_en text not null,
  name_ja text not null
);
create table jlpt_levels (
  code text primary key check (code in ('N1','N2','N3','N4','N5')),
  rank integer not null unique
);
create table english_tests (
  code text primary key,
  name text not null,
  min_score numeric not null,
  max_score numeric not null
);

-- ───────────── people and organizations ─────────────
create table staff_invitations (
  id text primary key,
  email text not null,
  role text not null check (role in ('operator','reviewer','ministry')),
  token_hash text not null unique,
  invited_by text not null references "user"(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_user_id text references "user"(id) on delete set null
);
create index staff_invitations_email_idx on staff_invitations (lower(email));
create table login_attempts (
  id bigserial primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (lower(email), at);
create index login_attempts_ip_idx on login_attempts (ip, at);

create table host_organizations (
  id text primary key,
  corporate_number text unique check (corporate_number ~ '^[0-9]{13}$'),
  legal_form text not null,
  kind text not null check (kind in ('sme','industry_association','non_profit')),
  name_ja text not null,
  name_en text,
  postal_code text,
  prefecture_code text not null references prefectures(code),
  address_ja text,
  jsic_division text not null references jsic_divisions(code),
  employees integer not null check (employees >= 0),
  capital_yen bigint check (capital_yen >= 0),
  overseas_status text not null check (overseas_status in ('ongoing','planned','not_planned')),
  overseas_countries text[] not null default '{}',
  work_languages text[] not null default '{}',
  website text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table host_memberships (
  organization_id text not null references host_organizations(id) on delete cascade,
  user_id text not null references "user"(id) on delete cascade,
  org_role text not null check (org_role in ('admin','member')),
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create index host_memberships_user_idx on host_memberships (user_id);
create table host_invitations (
  id text primary key,
  organization_id text not null references host_organizations(id) on delete cascade,
  email text not null,
  org_role text not null check (org_role in ('admin','member')),
  token_hash text not null unique,
  invited_by text not null references "user"(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz
);

-- ───────────── rounds (one per fiscal year; may overlap) ─────────────
create table rounds (
  id text primary key,
  fiscal_year integer not null check (fiscal_year between 2016 and 2100),
  name_ja text not null,
  name_en text not null,
  phase text not null default 'draft' check (phase in ('draft','information_sessions','recruitment','screening','selection','matching','internship','reporting','closed')),
  eligibility_reference_date date not null,
  dac_list_version text not null references dac_list_versions(version),
  excluded_countries text[] not null default '{}',
  age_min integer not null default 20 check (age_min >= 15),
  age_max integer not null default 40 check (age_max >= age_min),
  min_jlpt_level text references jlpt_levels(code),
  accepted_english_tests jsonb not null default '[]',
  residence_in_japan_allowed boolean not null default true,
  prior_participants_allowed boolean not null default true,
  intern_capacity integer not null default 0 check (intern_capacity >= 0),
  quotas jsonb not null default '{}',
  intern_daily_allowance_yen integer,
  online_daily_allowance_yen integer,
  host_daily_subsidy_yen integer,
  selection_results_final boolean not null default false,
  matching_published boolean not null default false,
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (fiscal_year, name_en)
);
create table round_deadlines (
  round_id text not null references rounds(id) on delete cascade,
  kind text not null check (kind in ('information_sessions_end','application_close','host_application_close','screening_end','selection_announce','matching_close','internship_start','internship_end','reporting_close')),
  due_at timestamptz not null,
  primary key (round_id, kind)
);

-- ───────────── information sessions ─────────────
create table information_sessions (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  titles jsonb not null,
  descriptions jsonb not null default '{}',
  mode text not null check (mode in ('online','in_person')),
  meeting_url text,
  venue text,
  city text,
  country_code text references countries(code),
  time_zone text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  language text not null,
  capacity integer not null check (capacity >= 1),
  partner_organization text,
  audience text not null check (audience in ('applicants','hosts','both')),
  cancelled_at timestamptz,
  created_at timestamptz not null default now()
);
create table session_registrations (
  id text primary key,
  session_id text not null references information_sessions(id) on delete cascade,
  user_id text references "user"(id) on delete set null,
  name text not null,
  email text not null,
  country_code text references countries(code),
  affiliation text,
  locale text not null default 'en',
  status text not null check (status in ('registered','waitlisted','cancelled')),
  cancel_token_hash text not null unique,
  attended boolean,
  reminder_sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (session_id, email)
);

-- ───────────── applications ─────────────
create table applications (
  id text primary key,
  round_id text not null references rounds(id),
  applicant_user_id text references "user"(id) on delete set null,
  status text not null default 'draft' check (status in ('draft','submitted','withdrawn','under_review','interview','selected','waitlisted','rejected','matched','placed','completed','anonymized')),
  current_step text not null default 'personal',
  receipt_number text unique,
  submission_key text unique,
  submitted_at timestamptz,
  family_name text,
  given_name text,
  date_of_birth date,
  gender text,
  nationality text references countries(code),
  residence_country text references countries(code),
  phone text,
  contact_email text,
  address text,
  motivation_learn text,
  motivation_use text,
  preferred_fields text[] not null default '{}',
  preferred_jsic text[] not null default '{}',
  preferred_regions text[] not null default '{}',
  available_periods text[] not null default '{}',
  english_self_level text check (english_self_level in ('basic','conversational','business','fluent')),
  source_session_id text references information_sessions(id) on delete set null,
  heard_about text,
  withdrawn_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index applications_one_per_round on applications (round_id, applicant_user_id) where applicant_user_id is not null;
create index applications_round_status_idx on applications (round_id, status);
create index applications_nationality_idx on applications (round_id, nationality);
create table application_education (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  university text not null,
  degree text not null,
  field text not null,
  graduation_year integer check (graduation_year between 1950 and 2100),
  currently_enrolled boolean not null default false
);
create table application_employment (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  employer text not null,
  job_title text not null,
  started_on date,
  ended_on date
);
create table application_languages (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  kind text not null check (kind in ('jlpt','english_test')),
  jlpt_level text references jlpt_levels(code),
  english_test text references english_tests(code),
  score numeric,
  taken_on date,
  certificate_document_id text
);
create table application_documents (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  kind text not null check (kind in ('graduation_certificate','university_recommendation','employer_recommendation','jlpt_certificate','english_certificate','passport','other')),
  storage_key text not null unique,
  original_name text not null,
  content_type text not null check (content_type in ('application/pdf','image/jpeg','image/png')),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
  sha256 text not null,
  uploaded_at timestamptz not null default now()
);
create table application_consents (
  application_id text not null references applications(id) on delete cascade,
  kind text not null check (kind in ('program_purpose','privacy_appi')),
  policy_version text not null,
  given_at timestamptz not null default now(),
  primary key (application_id, kind)
);
create table application_status_history (
  id bigserial primary key,
  application_id text not null references applications(id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text,
  changed_by text references "user"(id) on delete set null,
  changed_at timestamptz not null default now()
);
create table eligibility_overrides (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  rule text not null,
  reason text not null check (length(reason) >= 10),
  decided_by text not null references "user"(id),
  decided_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- ───────────── host applications and positions ─────────────
create table host_applications (
  id text primary key,
  round_id text not null references rounds(id),
  organization_id text not null references host_organizations(id) on delete cascade,
  status text not null default 'draft' check (status in ('draft','submitted','changes_requested','accepted','declined','withdrawn')),
  receipt_number text unique,
  agrees_with_purpose boolean not null default false,
  goals text[] not null default '{}',
  goals_description text,
  supervisor_name text,
  work_guidance text,
  housing_support text,
  commuting_support text,
  insurance_support text,
  arrival_support text,
  decision_reason text,
  decided_by text references "user"(id) on delete set null,
  decided_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (round_id, organization_id)
);
create table positions (
  id text primary key,
  host_application_id text not null references host_applications(id) on delete cascade,
  title text not null,
  description text not null,
  department text,
  prefecture_code text not null references prefectures(code),
  capacity integer not null check (capacity >= 1),
  mode text not null default 'in_person' check (mode in ('in_person','online')),
  period_start date,
  period_end date,
  required_jlpt_level text references jlpt_levels(code),
  english_required boolean not null default false,
  fields text[] not null default '{}'
);

-- ───────────── screening ─────────────
create table reviewers (
  user_id text primary key references "user"(id) on delete cascade,
  expertise text[] not null default '{}',
  max_load integer not null default 100 check (max_load >= 0),
  active boolean not null default true
);
create table conflicts_of_interest (
  id text primary key,
  reviewer_user_id text not null references reviewers(user_id) on delete cascade,
  application_id text references applications(id) on delete cascade,
  organization_id text references host_organizations(id) on delete cascade,
  reason text not null,
  declared_at timestamptz not null default now(),
  check (application_id is not null or organization_id is not null)
);
create table rubrics (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  criteria jsonb not null,
  created_at timestamptz not null default now()
);
create table review_assignments (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  reviewer_user_id text not null references reviewers(user_id) on delete cascade,
  assigned_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (application_id, reviewer_user_id)
);
create table review_scores (
  assignment_id text not null references review_assignments(id) on delete cascade,
  criterion text not null,
  score numeric not null,
  comment text,
  primary key (assignment_id, criterion)
);
create table interviews (
  id text primary key,
  application_id text not null references applications(id) on delete cascade,
  stage text not null check (stage in ('first','second','host')),
  position_id text references positions(id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  meeting_url text,
  language text,
  status text not null default 'scheduled' check (status in ('offered','scheduled','done','no_show','cancelled')),
  outcome text,
  notes text
);
create table selection_decisions (
  application_id text primary key references applications(id) on delete cascade,
  decision text not null check (decision in ('selected','waitlisted','rejected')),
  waitlist_rank integer,
  reason text,
  decided_by text references "user"(id) on delete set null,
  decided_at timestamptz not null default now()
);
create table host_screening_reviews (
  id text primary key,
  host_application_id text not null references host_applications(id) on delete cascade,
  reviewer_user_id text references "user"(id) on delete set null,
  score numeric,
  comment text,
  created_at timestamptz not null default now()
);

-- ───────────── matching ─────────────
create table rank_lists (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  side text not null check (side in ('applicant','position')),
  application_id text references applications(id) on delete cascade,
  position_id text references positions(id) on delete cascade,
  submitted_at timestamptz,
  check ((side = 'applicant' and application_id is not null) or (side = 'position' and position_id is not null))
);
create table rank_list_entries (
  rank_list_id text not null references rank_lists(id) on delete cascade,
  rank integer not null check (rank >= 1),
  application_id text references applications(id) on delete cascade,
  position_id text references positions(id) on delete cascade,
  primary key (rank_list_id, rank)
);
create table matching_runs (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  stage integer not null default 1,
  proposing text not null check (proposing in ('applicants','hosts')),
  region_caps jsonb not null default '{}',
  input_hash text not null,
  status text not null check (status in ('computed','reviewed','published','discarded')),
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create table matching_results (
  run_id text not null references matching_runs(id) on delete cascade,
  application_id text not null references applications(id) on delete cascade,
  position_id text references positions(id) on delete cascade,
  explanation jsonb not null default '{}',
  primary key (run_id, application_id)
);
create table matching_verifications (
  run_id text primary key references matching_runs(id) on delete cascade,
  stable boolean not null,
  feasible boolean not null,
  blocking_pairs jsonb not null default '[]',
  violations jsonb not null default '[]',
  verified_at timestamptz not null default now()
);
create table offers (
  id text primary key,
  run_id text not null references matching_runs(id) on delete cascade,
  application_id text not null references applications(id) on delete cascade,
  position_id text not null references positions(id) on delete cascade,
  status text not null default 'pending' check (status in ('pending','accepted','declined','withdrawn','replaced')),
  responded_at timestamptz
);

-- ───────────── internship period ─────────────
create table placements (
  id text primary key,
  round_id text not null references rounds(id),
  application_id text not null references applications(id) on delete cascade,
  position_id text not null references positions(id),
  cohort text,
  mode text not null check (mode in ('in_person','online')),
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  supervisor_name text,
  housing text,
  insurance_policy text,
  flight_arrival_at timestamptz,
  flight_departure_at timestamptz,
  status text not null default 'planned' check (status in ('planned','active','completed','terminated','replaced')),
  replaced_by_placement_id text references placements(id) on delete set null,
  created_at timestamptz not null default now()
);
create table attendance_days (
  placement_id text not null references placements(id) on delete cascade,
  day date not null,
  status text not null check (status in ('present','absent','holiday','sick')),
  primary key (placement_id, day)
);
create table allowance_ledger (
  id bigserial primary key,
  placement_id text not null references placements(id) on delete cascade,
  kind text not null check (kind in ('intern_allowance','host_subsidy','airfare','insurance','phone','adjustment')),
  amount_yen integer not null,
  period_start date,
  period_end date,
  note text,
  recorded_by text references "user"(id) on delete set null,
  recorded_at timestamptz not null default now()
);
create table daily_reports (
  placement_id text not null references placements(id) on delete cascade,
  day date not null,
  body text not null,
  submitted_at timestamptz not null default now(),
  host_comment text,
  primary key (placement_id, day)
);
create table check_ins (
  id text primary key,
  placement_id text not null references placements(id) on delete cascade,
  kind text not null check (kind in ('mid_term_interview','check_in','final_presentation')),
  held_at timestamptz not null,
  notes text,
  recorded_by text references "user"(id) on delete set null
);
create table incidents (
  id text primary key,
  placement_id text not null references placements(id) on delete cascade,
  severity text not null check (severity in ('low','medium','high')),
  description text not null,
  status text not null default 'open' check (status in ('open','resolved')),
  reported_by text references "user"(id) on delete set null,
  reported_at timestamptz not null default now(),
  resolved_at timestamptz
);
create table host_trainings (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  kind text not null check (kind in ('e_learning','kick_off','follow_up')),
  title text not null,
  held_at timestamptz
);
create table host_training_completions (
  training_id text not null references host_trainings(id) on delete cascade,
  user_id text not null references "user"(id) on delete cascade,
  completed_at timestamptz not null default now(),
  primary key (training_id, user_id)
);
create table reports (
  id text primary key,
  placement_id text not null references placements(id) on delete cascade,
  author_side text not null check (author_side in ('intern','host')),
  kind text not null check (kind in ('mid_term','final')),
  body jsonb not null,
  submitted_at timestamptz,
  author_user_id text references "user"(id) on delete set null
);

-- ───────────── surveys, case studies, outcomes ─────────────
create table surveys (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  audience text not null check (audience in ('intern','host')),
  kind text not null check (kind in ('evaluation','follow_up_6m','follow_up_12m')),
  questions jsonb not null,
  opens_at timestamptz,
  closes_at timestamptz
);
create table survey_responses (
  id text primary key,
  survey_id text not null references surveys(id) on delete cascade,
  placement_id text references placements(id) on delete set null,
  respondent_user_id text references "user"(id) on delete set null,
  answers jsonb not null,
  submitted_at timestamptz not null default now()
);
create table case_studies (
  id text primary key,
  round_id text references rounds(id) on delete set null,
  organization_id text references host_organizations(id) on delete set null,
  placement_id text references placements(id) on delete set null,
  theme text not null check (theme in ('overseas_expansion','new_business','cross_cultural')),
  title_ja text,
  title_en text,
  body_ja text,
  body_en text,
  intern_nationality text references countries(code),
  status text not null default 'draft' check (status in ('draft','in_edit','published','archived')),
  published_at timestamptz,
  updated_at timestamptz not null default now()
);
create table outcome_followups (
  id text primary key,
  placement_id text not null references placements(id) on delete cascade,
  months_after integer not null check (months_after in (6, 12)),
  intern_hired boolean,
  university_tie boolean,
  new_overseas_business boolean,
  notes text,
  recorded_at timestamptz not null default now(),
  unique (placement_id, months_after)
);
create table published_aggregates (
  fiscal_year integer not null,
  figure text not null,
  breakdown text not null default '',
  value numeric not null,
  source text not null,
  primary key (fiscal_year, figure, breakdown)
);

-- ───────────── communication ─────────────
create table messages (
  id text primary key,
  subject jsonb not null,
  body jsonb not null,
  audience_filter jsonb not null,
  created_by text references "user"(id) on delete set null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create table message_deliveries (
  message_id text not null references messages(id) on delete cascade,
  recipient_user_id text references "user"(id) on delete cascade,
  recipient_email text not null,
  locale text not null,
  status text not null default 'pending' check (status in ('pending','sent','failed')),
  failure_reason text,
  read_at timestamptz,
  sent_at timestamptz,
  primary key (message_id, recipient_email)
);
create table outbound_emails (
  id text primary key,
  to_address text not null,
  subject text not null,
  body_text text not null,
  template text not null,
  locale text not null,
  file_name text,
  status text not null default 'sent' check (status in ('pending','sent','failed')),
  error text,
  created_at timestamptz not null default now()
);
create index outbound_emails_to_idx on outbound_emails (lower(to_address), created_at desc);

-- ───────────── audit ─────────────
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_user_id text references "user"(id) on delete set null,
  actor_role text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);
create index audit_log_actor_idx on audit_log (actor_user_id);
`;
