/**
 * Every bump of a public page version (migration 0024) also sends NOTIFY jip_public_page_versions with the
 * content's name, delivered when the transaction commits (issue #20 item 1, ADR 0044). The page cache of
 * each server process listens, so it reads the versions again only when one of them may have moved, instead
 * of once per batch of requests. (One line per statement: run-sql.ts splits at a semicolon that ends a line.)
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create or replace function bump_public_page_version() returns trigger language plpgsql as $$ begin update public_page_versions set version = version + 1 where name = TG_ARGV[0]; perform pg_notify('jip_public_page_versions', TG_ARGV[0]); return null; end $$
`,
  );
}
