/**
 * The historical import (issue #17 item 3, ADR 0030), pure part: the CSV
 * format of each record kind (docs/import.md), reading a file's bytes (UTF-8,
 * with or without a byte-order mark, or Shift_JIS as Excel in Japan saves it),
 * and checking every row, so that a dry run lists every problem with its line
 * and column and a commit writes only a file without problems.
 */
import { APPLICANT_FINAL_STATUSES, ENGLISH_LEVELS, HOST_FINAL_STATUSES, JAPANESE_LEVELS, MATCH_FIT_ANSWERS, SATISFACTION_ANSWERS } from "./report/types.ts";
import { OVERSEAS_STATUSES } from "./host-organization.ts";
import { REGIONS, isPrefectureCode, regionOf } from "./regions.ts";

export const IMPORT_KINDS = ["applicants", "hosts", "interns", "intern-surveys", "host-surveys"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The columns of each kind's file, in this order (docs/import.md). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  applicants: ["id", "nationality", "gender", "age", "field", "final_status"],
  hosts: ["id", "corporate_number", "jsic_division", "employees", "overseas_status", "prefecture", "region", "final_status"],
  interns: ["id", "applicant_id", "host_id"],
  "intern-surveys": ["id", "intern_id", "match_fit", "overall_satisfaction"],
  "host-surveys": ["id", "intern_id", "match_fit", "overall_satisfaction", "intern_japanese_level", "intern_english_level"],
};

export const GENDERS = ["female", "male", "other"] as const;

/** Why a row (or the file) cannot be imported; the message is `reportImport.problems.<code>`. */
export const IMPORT_PROBLEM_CODES = [
  "encoding",
  "empty",
  "missingColumn",
  "extraColumn",
  "cellCount",
  "required",
  "badId",
  "badValue",
  "badNumber",
  "unknownCountry",
  "unknownJsic",
  "unknownPrefecture",
  "unknownRegion",
  "regionMismatch",
  "noLocation",
  "duplicateId",
  "alreadyImported",
  "unknownApplicant",
  "unknownHost",
  "unknownIntern",
  "applicantPlacedTwice",
  "duplicateResponse",
  "unclosedQuote",
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
  /** Line of the file (1 = the header); 0 for the file as a whole. */
  line: number;
  column: string | null;
  code: ImportProblemCode;
  value?: string;
}

// ───────────── reading the bytes ─────────────

export type DecodedFile = { ok: true; text: string; encoding: "utf-8" | "shift_jis" } | { ok: false };

/** UTF-8 (a byte-order mark is dropped); a file that is not UTF-8 is read as Shift_JIS when it is valid Shift_JIS. */
export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: "utf-8" };
  } catch {
    try {
      const text = new TextDecoder("shift_jis", { fatal: true }).decode(bytes);
      return { ok: true, text, encoding: "shift_jis" };
    } catch {
      return { ok: false };
    }
  }
}

// ───────────── CSV ─────────────

export interface CsvRow {
  /** The line the row starts on (1-based). */
  line: number;
  cells: string[];
}

/** RFC 4180: comma-separated, cells in double quotes may hold commas, quotes ("") and line breaks; CRLF or LF. Blank lines are skipped. */
export function parseCsv(text: string): { rows: CsvRow[]; unclosedQuoteLine: number | null } {
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let cellStarted = false;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "" && !cellStarted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    cellStarted = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      cellStarted = true;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
      cellStarted = true;
    } else if (c === "\r" && text[i + 1] === "\n") {
      // the \n ends the row
    } else if (c === "\n" || c === "\r") {
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
      cellStarted = true;
    }
  }
  if (quoted) return { rows, unclosedQuoteLine: rowLine };
  if (cell !== "" || cells.length > 0 || cellStarted) endRow();
  return { rows, unclosedQuoteLine: null };
}

// ───────────── the records ─────────────

export interface ImportedApplicant {
  id: string;
  nationality: string | null;
  gender: (typeof GENDERS)[number] | null;
  age: number | null;
  field: string | null;
  finalStatus: string;
}
export interface ImportedHost {
  id: string;
  corporateNumber: string | null;
  jsicDivision: string;
  employees: number | null;
  overseasStatus: string | null;
  prefectureCode: string | null;
  region: string | null;
  finalStatus: string;
}
export interface ImportedIntern {
  id: string;
  applicantId: string;
  hostId: string;
}
export interface ImportedSurveyResponse {
  id: string;
  internId: string;
  matchFit: string | null;
  overallSatisfaction: string | null;
  japaneseLevel: string | null;
  englishLevel: string | null;
}
export type ImportedRecord = ImportedApplicant | ImportedHost | ImportedIntern | ImportedSurveyResponse;

/** What the rows are checked against: the codes the report knows, and the year's records already imported. */
export interface ImportContext {
  /** Nationalities the report can count (every country of a world region). */
  countries: ReadonlySet<string>;
  jsicDivisions: ReadonlySet<string>;
  /** Ids of this kind already imported for the fiscal year. */
  existingIds: ReadonlySet<string>;
  /** interns: the year's imported applicants and hosts, and the applicants already placed. */
  applicantIds?: ReadonlySet<string>;
  hostIds?: ReadonlySet<string>;
  placedApplicantIds?: ReadonlySet<string>;
  /** surveys: the year's imported interns, and those who already have a response of this audience. */
  internIds?: ReadonlySet<string>;
  answeredInternIds?: ReadonlySet<string>;
}

export interface CheckedFile {
  kind: ImportKind;
  /** Data rows in the file (the header not counted). */
  rows: number;
  records: ImportedRecord[];
  problems: ImportProblem[];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,99}$/;
const MAX_FIELD_LENGTH = 200;

/** Checks a decoded file of one kind: the header, then every row (all problems, in line order). */
export function checkImportFile(kind: ImportKind, text: string, context: ImportContext): CheckedFile {
  const problems: ImportProblem[] = [];
  const { rows, unclosedQuoteLine } = parseCsv(text);
  if (unclosedQuoteLine !== null) problems.push({ line: unclosedQuoteLine, column: null, code: "unclosedQuote" });
  const header = rows[0];
  if (!header) return { kind, rows: 0, records: [], problems: [{ line: 0, column: null, code: "empty" }] };
  const expected = IMPORT_COLUMNS[kind];
  const names = header.cells.map((c) => c.trim());
  for (const col of expected) if (!names.includes(col)) problems.push({ line: header.line, column: col, code: "missingColumn" });
  for (const name of names) if (!expected.includes(name)) problems.push({ line: header.line, column: name || null, code: "extraColumn", value: name });
  const dataRows = rows.slice(1);
  if (problems.length > 0) return { kind, rows: dataRows.length, records: [], problems };
  const index = new Map(names.map((n, i) => [n, i]));

  const records: ImportedRecord[] = [];
  const seenIds = new Set<string>();
  const seenRefs = new Set<string>();
  for (const row of dataRows) {
    const rowProblems: ImportProblem[] = [];
    if (row.cells.length !== names.length) {
      problems.push({ line: row.line, column: null, code: "cellCount", value: String(row.cells.length) });
      continue;
    }
    const get = (col: string) => row.cells[index.get(col)!]!.trim();
    const fail = (column: string, code: ImportProblemCode, value?: string) =>
      rowProblems.push(value === undefined || value === "" ? { line: row.line, column, code } : { line: row.line, column, code, value });
    const optional = (col: string) => get(col) || null;
    const required = (col: string): string => {
      const v = get(col);
      if (!v) fail(col, "required");
      return v;
    };
    const oneOf = (col: string, list: readonly string[], isRequired: boolean): string | null => {
      const v = isRequired ? required(col) : get(col);
      if (!v) return null;
      if (!list.includes(v)) fail(col, "badValue", v);
      return v;
    };
    const integer = (col: string, min: number, max: number): number | null => {
      const v = get(col);
      if (!v) return null;
      // digits, or digits grouped by thousands ("1,200" as a spreadsheet writes it)
      const plain = /^[0-9]{1,3}(,[0-9]{3})+$/.test(v) ? v.replace(/,/g, "") : v;
      if (!/^[0-9]+$/.test(plain) || Number(plain) < min || Number(plain) > max) {
        fail(col, "badNumber", v);
        return null;
      }
      return Number(plain);
    };
    const ref = (col: string, known: ReadonlySet<string> | undefined, code: ImportProblemCode): string => {
      const v = required(col);
      if (v && !(known?.has(v) ?? false)) fail(col, code, v);
      return v;
    };

    const id = required("id");
    if (id) {
      if (!ID_PATTERN.test(id)) fail("id", "badId", id);
      else if (seenIds.has(id)) fail("id", "duplicateId", id);
      else if (context.existingIds.has(id)) fail("id", "alreadyImported", id);
      seenIds.add(id);
    }

    let record: ImportedRecord;
    if (kind === "applicants") {
      const nationality = optional("nationality")?.toUpperCase() ?? null;
      if (nationality && !context.countries.has(nationality)) fail("nationality", "unknownCountry", nationality);
      const gender = oneOf("gender", GENDERS, false) as ImportedApplicant["gender"];
      const field = optional("field");
      if (field && field.length > MAX_FIELD_LENGTH) fail("field", "badValue", field.slice(0, 20));
      record = {
        id,
        nationality,
        gender,
        age: integer("age", 10, 120),
        field,
        finalStatus: oneOf("final_status", APPLICANT_FINAL_STATUSES, true) ?? "",
      };
    } else if (kind === "hosts") {
      const corporateNumber = optional("corporate_number");
      if (corporateNumber && !/^[0-9]{13}$/.test(corporateNumber)) fail("corporate_number", "badValue", corporateNumber);
      const jsicDivision = required("jsic_division").toUpperCase();
      if (jsicDivision && !context.jsicDivisions.has(jsicDivision)) fail("jsic_division", "unknownJsic", jsicDivision);
      let prefectureCode = optional("prefecture");
      if (prefectureCode && /^[0-9]$/.test(prefectureCode)) prefectureCode = `0${prefectureCode}`;
      if (prefectureCode && !isPrefectureCode(prefectureCode)) fail("prefecture", "unknownPrefecture", prefectureCode);
      const region = optional("region");
      if (region && !(REGIONS as readonly string[]).includes(region)) fail("region", "unknownRegion", region);
      else if (region && prefectureCode && isPrefectureCode(prefectureCode) && regionOf(prefectureCode) !== region) fail("region", "regionMismatch", region);
      if (!prefectureCode && !region) fail("prefecture", "noLocation");
      record = {
        id,
        corporateNumber,
        jsicDivision,
        employees: integer("employees", 0, 10_000_000),
        overseasStatus: oneOf("overseas_status", OVERSEAS_STATUSES, false),
        prefectureCode,
        region,
        finalStatus: oneOf("final_status", HOST_FINAL_STATUSES, true) ?? "",
      };
    } else if (kind === "interns") {
      const applicantId = ref("applicant_id", context.applicantIds, "unknownApplicant");
      if (applicantId && (seenRefs.has(applicantId) || context.placedApplicantIds?.has(applicantId))) fail("applicant_id", "applicantPlacedTwice", applicantId);
      seenRefs.add(applicantId);
      record = { id, applicantId, hostId: ref("host_id", context.hostIds, "unknownHost") };
    } else {
      const internId = ref("intern_id", context.internIds, "unknownIntern");
      if (internId && (seenRefs.has(internId) || context.answeredInternIds?.has(internId))) fail("intern_id", "duplicateResponse", internId);
      seenRefs.add(internId);
      const host = kind === "host-surveys";
      record = {
        id,
        internId,
        matchFit: oneOf("match_fit", MATCH_FIT_ANSWERS, false),
        overallSatisfaction: oneOf("overall_satisfaction", SATISFACTION_ANSWERS, false),
        japaneseLevel: host ? oneOf("intern_japanese_level", JAPANESE_LEVELS, false) : null,
        englishLevel: host ? oneOf("intern_english_level", ENGLISH_LEVELS, false) : null,
      };
    }
    // a row's problems in the order of its columns in the file
    rowProblems.sort((a, b) => (a.column === null ? -1 : index.get(a.column)!) - (b.column === null ? -1 : index.get(b.column)!));
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else records.push(record);
  }
  if (dataRows.length === 0 && problems.length === 0) problems.push({ line: 0, column: null, code: "empty" });
  return { kind, rows: dataRows.length, records, problems };
}
