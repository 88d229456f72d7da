/**
 * The historical import's database side (internal to the import use cases):
 * which fiscal year a `--round` names, what a file is checked against (the
 * year's records already imported), and writing or deleting one batch's rows.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import jsic from "../../db/reference/jsic-divisions.json" with { type: "json" };
import {
  checkImportFile,
  decodeImportFile,
  type CheckedFile,
  type ImportContext,
  type ImportKind,
  type ImportProblem,
  type ImportedApplicant,
  type ImportedHost,
  type ImportedIntern,
  type ImportedRecord,
  type ImportedSurveyResponse,
} from "../../domain/report-import.ts";
import { reportConfig } from "../report/report-store.ts";
import { NotFoundError } from "../errors.ts";

export interface ImportTarget {
  fiscalYear: number;
  roundId: string | null;
}

/** `--round`: a fiscal year (e.g. 2017) or a round's id. */
export async function resolveTarget(db: Kysely<Database>, round: string): Promise<ImportTarget> {
  const value = round.trim();
  // fiscal years from the program's first (FY2016), as rounds and published reports
  if (/^[0-9]{4}$/.test(value)) {
    if (Number(value) < 2016 || Number(value) > 2100) throw new NotFoundError(`fiscal year ${value}`);
    return { fiscalYear: Number(value), roundId: null };
  }
  const row = await db.selectFrom("rounds").select(["id", "fiscal_year"]).where("id", "=", value).executeTakeFirst();
  if (!row) throw new NotFoundError(`round ${value}`);
  return { fiscalYear: row.fiscal_year, roundId: row.id };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const SURVEY_AUDIENCE = { "intern-surveys": "intern", "host-surveys": "host" } as const;

let countryCache: Set<string> | undefined;
function reportCountries(): Set<string> {
  countryCache ??= new Set(reportConfig().worldRegions.flatMap((r) => r.countries));
  return countryCache;
}
const JSIC = new Set(jsic.divisions.map((d) => d.code));

async function ids(query: Promise<{ id: string }[]>): Promise<Set<string>> {
  return new Set((await query).map((r) => r.id));
}

/** Records of other files checked alongside (a directory's dry run): referred to as if already imported. */
export type AlongsideRecords = Partial<Record<ImportKind, readonly ImportedRecord[]>>;

function withAlongside(known: Set<string>, records: readonly ImportedRecord[] | undefined): Set<string> {
  for (const r of records ?? []) known.add(r.id);
  return known;
}

async function importContext(db: Kysely<Database>, kind: ImportKind, fiscalYear: number, alongside: AlongsideRecords = {}): Promise<ImportContext> {
  const base = { countries: reportCountries(), jsicDivisions: JSIC };
  const applicants = () => ids(db.selectFrom("imported_applicants").select("id").where("fiscal_year", "=", fiscalYear).execute());
  const hosts = () => ids(db.selectFrom("imported_hosts").select("id").where("fiscal_year", "=", fiscalYear).execute());
  const interns = () => ids(db.selectFrom("imported_interns").select("id").where("fiscal_year", "=", fiscalYear).execute());
  if (kind === "applicants") return { ...base, existingIds: await applicants() };
  if (kind === "hosts") return { ...base, existingIds: await hosts() };
  if (kind === "interns") {
    const placed = await db.selectFrom("imported_interns").select("applicant_id as id").where("fiscal_year", "=", fiscalYear).execute();
    return {
      ...base,
      existingIds: await interns(),
      applicantIds: withAlongside(await applicants(), alongside.applicants),
      hostIds: withAlongside(await hosts(), alongside.hosts),
      placedApplicantIds: new Set(placed.map((p) => p.id)),
    };
  }
  const audience = SURVEY_AUDIENCE[kind];
  const responses = await db
    .selectFrom("imported_survey_responses")
    .select(["id", "intern_id"])
    .where("fiscal_year", "=", fiscalYear)
    .where("audience", "=", audience)
    .execute();
  return {
    ...base,
    existingIds: new Set(responses.map((r) => r.id)),
    internIds: withAlongside(await interns(), alongside.interns),
    answeredInternIds: new Set(responses.map((r) => r.intern_id)),
  };
}

export interface CheckedUpload extends CheckedFile {
  fileSha256: string;
  encoding: "utf-8" | "shift_jis" | null;
}

/** Reads and checks a file against the year's imported records (and those of files checked alongside); nothing is written. */
export async function checkUpload(
  db: Kysely<Database>,
  kind: ImportKind,
  fiscalYear: number,
  bytes: Uint8Array,
  alongside?: AlongsideRecords,
): Promise<CheckedUpload> {
  const fileSha256 = sha256(bytes);
  const decoded = decodeImportFile(bytes);
  if (!decoded.ok) {
    const problems: ImportProblem[] = [{ line: 0, column: null, code: "encoding" }];
    return { kind, rows: 0, records: [], problems, fileSha256, encoding: null };
  }
  const checked = checkImportFile(kind, decoded.text, await importContext(db, kind, fiscalYear, alongside));
  return { ...checked, fileSha256, encoding: decoded.encoding };
}

/** The active batch that already holds this very file (same kind, year and sha-256), if any. */
export async function findSameBatch(db: Kysely<Database>, kind: ImportKind, fiscalYear: number, fileSha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("import_batches")
    .select("id")
    .where("kind", "=", kind)
    .where("fiscal_year", "=", fiscalYear)
    .where("file_sha256", "=", fileSha256)
    .where("rolled_back_at", "is", null)
    .executeTakeFirst();
  return row?.id;
}

const CHUNK = 1000;

async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Writes a checked file's records under its batch (inside the caller's transaction). */
export async function insertRecords(trx: Kysely<Database>, checked: CheckedFile, batchId: string, fiscalYear: number): Promise<void> {
  const common = { fiscal_year: fiscalYear, batch_id: batchId };
  switch (checked.kind) {
    case "applicants":
      return insertChunks(checked.records as ImportedApplicant[], (chunk) =>
        trx
          .insertInto("imported_applicants")
          .values(
            chunk.map((r) => ({ ...common, id: r.id, nationality: r.nationality, gender: r.gender, age: r.age, field: r.field, final_status: r.finalStatus })),
          )
          .execute(),
      );
    case "hosts":
      return insertChunks(checked.records as ImportedHost[], (chunk) =>
        trx
          .insertInto("imported_hosts")
          .values(
            chunk.map((r) => ({
              ...common,
              id: r.id,
              corporate_number: r.corporateNumber,
              jsic_division: r.jsicDivision,
              employees: r.employees,
              overseas_status: r.overseasStatus,
              prefecture_code: r.prefectureCode,
              region: r.region,
              final_status: r.finalStatus,
            })),
          )
          .execute(),
      );
    case "interns":
      return insertChunks(checked.records as ImportedIntern[], (chunk) =>
        trx
          .insertInto("imported_interns")
          .values(chunk.map((r) => ({ ...common, id: r.id, applicant_id: r.applicantId, host_id: r.hostId })))
          .execute(),
      );
    default: {
      const audience = SURVEY_AUDIENCE[checked.kind];
      return insertChunks(checked.records as ImportedSurveyResponse[], (chunk) =>
        trx
          .insertInto("imported_survey_responses")
          .values(
            chunk.map((r) => ({
              ...common,
              audience,
              id: r.id,
              intern_id: r.internId,
              match_fit: r.matchFit,
              overall_satisfaction: r.overallSatisfaction,
              intern_japanese_level: r.japaneseLevel,
              intern_english_level: r.englishLevel,
            })),
          )
          .execute(),
      );
    }
  }
}

export const RECORD_TABLES = {
  applicants: "imported_applicants",
  hosts: "imported_hosts",
  interns: "imported_interns",
  "intern-surveys": "imported_survey_responses",
  "host-surveys": "imported_survey_responses",
} as const;

/** Deletes exactly one batch's records; returns how many. */
export async function deleteRecords(trx: Kysely<Database>, kind: ImportKind, batchId: string): Promise<number> {
  const result = await trx.deleteFrom(RECORD_TABLES[kind]).where("batch_id", "=", batchId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Active batches of the year whose records refer to this batch's records (they must be rolled back first). */
export async function dependentBatches(db: Kysely<Database>, kind: ImportKind, batchId: string): Promise<string[]> {
  if (kind === "applicants") {
    const rows = await db
      .selectFrom("imported_interns as i")
      .innerJoin("imported_applicants as r", (j) => j.onRef("r.fiscal_year", "=", "i.fiscal_year").onRef("r.id", "=", "i.applicant_id"))
      .select("i.batch_id")
      .distinct()
      .where("r.batch_id", "=", batchId)
      .execute();
    return rows.map((r) => r.batch_id);
  }
  if (kind === "hosts") {
    const rows = await db
      .selectFrom("imported_interns as i")
      .innerJoin("imported_hosts as r", (j) => j.onRef("r.fiscal_year", "=", "i.fiscal_year").onRef("r.id", "=", "i.host_id"))
      .select("i.batch_id")
      .distinct()
      .where("r.batch_id", "=", batchId)
      .execute();
    return rows.map((r) => r.batch_id);
  }
  if (kind === "interns") {
    const rows = await db
      .selectFrom("imported_survey_responses as s")
      .innerJoin("imported_interns as i", (j) => j.onRef("i.fiscal_year", "=", "s.fiscal_year").onRef("i.id", "=", "s.intern_id"))
      .select("s.batch_id")
      .distinct()
      .where("i.batch_id", "=", batchId)
      .execute();
    return rows.map((r) => r.batch_id);
  }
  return [];
}
