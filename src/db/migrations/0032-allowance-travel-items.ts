/**
 * Travel items in the allowance ledger (issue 16, ADR 0040): a round's rates
 * may now also be for the return airfare allowance (once per in-person
 * placement) and the phone rental (per month of an in-person placement,
 * prorated by days); they are recorded like the daily rates, with an
 * effective date and the instant they were recorded.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table round_rates drop constraint round_rates_item_check;
alter table round_rates add constraint round_rates_item_check
  check (item in ('intern_allowance_in_person','intern_allowance_online','host_subsidy_in_person','host_subsidy_online','airfare','phone_rental'))
`,
  );
}
