/**
 * Applies the schema migrations (in order, each once) and then loads the
 * reference data files. Migrations are listed here explicitly so that the
 * server bundle carries them.
 */
import type { Kysely } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/0001-auth.ts";
import * as m0002 from "./migrations/0002-program-model.ts";
import * as m0003 from "./migrations/0003-host-journey.ts";
import * as m0004 from "./migrations/0004-applicant-journey.ts";
import * as m0006 from "./migrations/0006-group-messages.ts";
import * as m0007 from "./migrations/0007-email-queue.ts";
import * as m0008 from "./migrations/0008-security.ts";
import * as m0009 from "./migrations/0009-drop-unused-tables.ts";
import * as m0010 from "./migrations/0010-screening.ts";
import * as m0011 from "./migrations/0011-interviews-selection.ts";
import * as m0012 from "./migrations/0012-matching.ts";
import * as m0013 from "./migrations/0013-internship.ts";
import * as m0014 from "./migrations/0014-report-snapshots.ts";
import * as m0015 from "./migrations/0015-case-studies.ts";
import * as m0016 from "./migrations/0016-round-rules.ts";
import * as m0017 from "./migrations/0017-host-organization-history.ts";
import * as m0018 from "./migrations/0018-audit-chain.ts";
import * as m0019 from "./migrations/0019-user-email-index.ts";
import * as m0020 from "./migrations/0020-document-malware-scan.ts";
import * as m0021 from "./migrations/0021-organization-verification.ts";
import * as m0022 from "./migrations/0022-historical-import.ts";
import * as m0023 from "./migrations/0023-data-retention.ts";
import * as m0024 from "./migrations/0024-public-page-versions.ts";
import * as m0025 from "./migrations/0025-selection-offers.ts";
import * as m0026 from "./migrations/0026-matching-committee-offers.ts";
import * as m0027 from "./migrations/0027-internship-ledger-cohorts.ts";
import * as m0028 from "./migrations/0028-screening-operations.ts";
import * as m0029 from "./migrations/0029-matching-shortlist.ts";
import * as m0030 from "./migrations/0030-host-training.ts";
import * as m0031 from "./migrations/0031-internship-outcomes.ts";
import * as m0032 from "./migrations/0032-allowance-travel-items.ts";
import * as m0034 from "./migrations/0034-operator-list-indexes.ts";
import * as m0035 from "./migrations/0035-manual-ledger-corrections.ts";
import * as m0036 from "./migrations/0036-interview-slot-interviewer-deletable.ts";
import * as m0037 from "./migrations/0037-public-page-version-notify.ts";
import * as m0038 from "./migrations/0038-applications-by-applicant.ts";
import * as m0039 from "./migrations/0039-presentation-slides-malware-scan.ts";
import * as m0040 from "./migrations/0040-audit-sealed-at-commit.ts";
import * as m0041 from "./migrations/0041-applications-unmet-statistics.ts";
import * as m0042 from "./migrations/0042-outcome-reminders.ts";
import { loadReferenceData } from "./reference/load-reference-data.ts";
import type { Database } from "./schema.ts";

const MIGRATIONS: Record<string, Migration> = {
  "0001-auth": m0001,
  "0002-program-model": m0002,
  "0003-host-journey": m0003,
  "0004-applicant-journey": m0004,
  "0006-group-messages": m0006,
  "0007-email-queue": m0007,
  "0008-security": m0008,
  "0009-drop-unused-tables": m0009,
  "0010-screening": m0010,
  "0011-interviews-selection": m0011,
  "0012-matching": m0012,
  "0013-internship": m0013,
  "0014-report-snapshots": m0014,
  "0015-case-studies": m0015,
  "0016-round-rules": m0016,
  "0017-host-organization-history": m0017,
  "0018-audit-chain": m0018,
  "0019-user-email-index": m0019,
  "0020-document-malware-scan": m0020,
  "0021-organization-verification": m0021,
  "0022-historical-import": m0022,
  "0023-data-retention": m0023,
  "0024-public-page-versions": m0024,
  "0025-selection-offers": m0025,
  "0026-matching-committee-offers": m0026,
  "0027-internship-ledger-cohorts": m0027,
  "0028-screening-operations": m0028,
  "0029-matching-shortlist": m0029,
  "0030-host-training": m0030,
  "0031-internship-outcomes": m0031,
  "0032-allowance-travel-items": m0032,
  "0034-operator-list-indexes": m0034,
  "0035-manual-ledger-corrections": m0035,
  "0036-interview-slot-interviewer-deletable": m0036,
  "0037-public-page-version-notify": m0037,
  "0038-applications-by-applicant": m0038,
  "0039-presentation-slides-malware-scan": m0039,
  "0040-audit-sealed-at-commit": m0040,
  "0041-applications-unmet-statistics": m0041,
  "0042-outcome-reminders": m0042,
};

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Features are developed in parallel: a lower-numbered migration may land after a higher one.
    allowUnorderedMigrations: true,
  });
}

/** Applies the migrations up to and including `name` only (tests of a later migration's data conversion). */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await loadReferenceData(db);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
