/**
 * Data rights complete (issue 19 item 7, ADR 0031):
 * - each round carries its retention schedule: months after the round closes (its last deadline)
 *   after which the personal data of applicants not selected, and of participants, is erased
 *   by the retention job (defaults: 12 and 60 months; every round has one, as the privacy notice says);
 * - an application and a session registration record when their personal data was erased;
 * - an audit entry's IP address is hashed into the chain with a random salt kept beside it
 *   (`ip_salt`), erased together with the address: the digest left in the chain can no longer be
 *   matched against the 2^32 IPv4 addresses. Entries written before keep their unsalted digest.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table rounds
  add column retention_unselected_months integer not null default 12 check (retention_unselected_months between 1 and 120),
  add column retention_participants_months integer not null default 60 check (retention_participants_months between 1 and 120);
alter table applications add column personal_data_erased_at timestamptz;
alter table session_registrations add column personal_data_erased_at timestamptz;
alter table audit_log add column ip_salt text;
create index audit_log_ip_at_idx on audit_log (at) where ip is not null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
drop index audit_log_ip_at_idx;
alter table audit_log drop column ip_salt;
alter table session_registrations drop column personal_data_erased_at;
alter table applications drop column personal_data_erased_at;
alter table rounds drop column retention_participants_months, drop column retention_unselected_months;
`,
  );
}
