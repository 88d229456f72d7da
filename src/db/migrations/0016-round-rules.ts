/**
 * Rounds editable, every eligibility rule a parameter (issue 19, ADR 0025):
 * - rounds.self_declared_english_accepted: whether self-declared business or
 *   fluent English counts (verified at interview); it was a constant.
 * - dac_list_versions.loaded_from: 'file' (the reference data file, reloaded by
 *   `jip migrate`) or 'operator' (loaded or corrected on the operator's CSV
 *   page; `jip migrate` no longer overwrites it), with who and when.
 * - applications.saved_steps: the steps the applicant has saved without an
 *   error, so a step with no required answer (preferences) shows "done" only
 *   once it was saved, never while unopened (issue 19 item 4).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table rounds add column self_declared_english_accepted boolean not null default true;
alter table dac_list_versions add column loaded_from text not null default 'file' check (loaded_from in ('file','operator'));
alter table dac_list_versions add column loaded_at timestamptz;
alter table dac_list_versions add column loaded_by text references "user"(id) on delete set null;
alter table applications add column saved_steps text[] not null default '{}';
`,
  );
}
