/**
 * The internship period, second part (issue 16, ADR 0035):
 * - round_rates: allowance and subsidy rate changes with the date they take
 *   effect and the instant they were recorded (ADR 0014: a day keeps the rate
 *   known when it was confirmed);
 * - allowance_months: the months of a round that were confirmed (once each);
 * - allowance_ledger: 0002's placeholder reshaped into ADR 0014's entries —
 *   base or correction, party, item, month, derivation and the reason of a
 *   correction (nothing wrote to it before);
 * - cohorts: a round's arrival groups with arrival and departure dates
 *   (placements keep the cohort's code);
 * - placements: the last day and the reason of an early termination;
 * - daily_report_reminders: which late daily reports the intern was reminded
 *   of (once per placement and day, so sending reminders again is harmless);
 * - check_ins: the follow-up agreed at a check-in (mid-term interview, …)
 *   and when it was recorded.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table round_rates (
  id text primary key,
  round_id text not null references rounds(id) on delete cascade,
  item text not null check (item in ('intern_allowance_in_person','intern_allowance_online','host_subsidy_in_person','host_subsidy_online')),
  effective_from date not null,
  amount_yen integer not null check (amount_yen >= 0),
  recorded_at timestamptz not null,
  recorded_by text references "user"(id) on delete set null
);
create index round_rates_round_idx on round_rates (round_id, item, effective_from);

create table allowance_months (
  round_id text not null references rounds(id) on delete cascade,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  confirmed_at timestamptz not null,
  confirmed_by text references "user"(id) on delete set null,
  primary key (round_id, month)
);

alter table allowance_ledger drop constraint allowance_ledger_kind_check;
alter table allowance_ledger add constraint allowance_ledger_kind_check check (kind in ('base','correction'));
alter table allowance_ledger drop column period_start;
alter table allowance_ledger drop column period_end;
alter table allowance_ledger drop column note;
alter table allowance_ledger add column round_id text not null references rounds(id) on delete cascade;
alter table allowance_ledger add column party text not null check (party in ('intern','host'));
alter table allowance_ledger add column item text not null;
alter table allowance_ledger add column month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
alter table allowance_ledger add column derivation jsonb not null default '[]';
alter table allowance_ledger add column reason text;
alter table allowance_ledger add constraint allowance_ledger_reason_check check ((kind = 'base') = (reason is null));
create index allowance_ledger_round_month_idx on allowance_ledger (round_id, month);

create table cohorts (
  round_id text not null references rounds(id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9-]{1,16}$'),
  arrives_on date not null,
  departs_on date not null check (departs_on >= arrives_on),
  created_at timestamptz not null default now(),
  primary key (round_id, code)
);

alter table placements add column terminated_on date;
alter table placements add column termination_reason text;

alter table check_ins add column follow_up text;
alter table check_ins add column recorded_at timestamptz not null default now();
create index check_ins_placement_idx on check_ins (placement_id);

create table daily_report_reminders (
  placement_id text not null references placements(id) on delete cascade,
  day date not null,
  reminded_at timestamptz not null,
  email_id text references outbound_emails(id) on delete set null,
  primary key (placement_id, day)
);
`,
  );
}
