/**
 * Drops the tables of migration 0002 that nothing uses and no planned issue
 * needs (issue #12 item 7). Host screening is the operator's decision on the
 * host application itself (decide-host-application.ts: status, reason,
 * decided_by, decided_at); reviewers score applicants (issue #13), not hosts,
 * so host_screening_reviews stayed empty. Every other unused table of 0002 is
 * kept for the issue that builds on it (ARCHITECTURE.md, "Data").
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
drop table host_screening_reviews;
`,
  );
}
