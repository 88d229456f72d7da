/**
 * The operator list's eligibility filter asks for `cardinality(eligibility_unmet) = 0` (or `> 0`). PostgreSQL
 * keeps no statistics of an expression unless told to, and guessed that one in 200 applications match: at
 * 130,000 applications it expected 33 rows where 5,571 came back, and chose to look up each one's JLPT level
 * one by one (23 ms for the filtered list's first page instead of 3 ms; issue #20 item 3, docs/performance.md).
 * Statistics on the expression let the planner count the eligible rows as it counts any column's values.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `create statistics applications_unmet_count on (cardinality(eligibility_unmet)) from applications;
analyze applications;`,
  );
}
