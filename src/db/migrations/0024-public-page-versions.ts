/**
 * Anonymous public pages are served from a cache keyed by what they show (issue #20 item 1,
 * ADR 0032): one version number per kind of public content, bumped by a row trigger in
 * the same transaction as the change, so a new version becomes visible exactly when the data
 * does — whichever process (server, `jip` command, seed) made the change. Row triggers, not
 * statement triggers: a statement that changes nothing (the reminder job's periodic update) bumps nothing.
 *
 *   rounds      rounds, their deadlines, the English tests named in their rules (the program page)
 *   sessions    information sessions and their registrations (the calendar, seats left)
 *   cases       published case studies, their images, the organizations named on them
 *   statistics  the published yearly reports (open statistics)
 *
 * And for the deadline rush (issue #20 item 2): submitting checks whether the same person took part
 * in an earlier round (by account, or by family name, date of birth and nationality); the second
 * half had no index, so every submission read the whole applications table.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export const PUBLIC_PAGE_SOURCES: Record<string, readonly string[]> = {
  rounds: ["rounds", "round_deadlines", "english_tests"],
  sessions: ["information_sessions", "session_registrations"],
  cases: ["case_studies", "case_study_images", "host_organizations"],
  statistics: ["reports", "report_snapshots"],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const triggers = Object.entries(PUBLIC_PAGE_SOURCES).flatMap(([name, tables]) =>
    tables.map(
      (table) =>
        `create trigger ${table}_public_page_version after insert or update or delete on ${table} for each row execute function bump_public_page_version('${name}');`,
    ),
  );
  await runSql(
    db,
    `
create table public_page_versions (name text primary key, version bigint not null default 0);
insert into public_page_versions (name) values ${Object.keys(PUBLIC_PAGE_SOURCES)
      .map((n) => `('${n}')`)
      .join(", ")};
create function bump_public_page_version() returns trigger language plpgsql as $$ begin update public_page_versions set version = version + 1 where name = TG_ARGV[0]; return null; end $$;
${triggers.join("\n")}
create index applications_same_person_idx on applications (lower(family_name), date_of_birth, nationality);
`,
  );
}
