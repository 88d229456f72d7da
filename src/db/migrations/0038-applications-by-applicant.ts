/**
 * Submitting checks whether the same person took part in an earlier round, first by account
 * (`applicant_user_id`). The only index naming that column led with `round_id` (one application per
 * round and account), and the check asks for every round but this one, so PostgreSQL read the whole
 * applications table on every submission: 1.3 ms at 1,500 applications in the deadline-rush benchmark
 * (issue #20 item 2), growing with the table. An index on the account alone serves it.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `create index applications_by_applicant_idx on applications (applicant_user_id) where applicant_user_id is not null;`);
}
