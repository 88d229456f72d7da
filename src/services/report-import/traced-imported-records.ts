/**
 * The imported records behind a report number (traceability for an imported
 * year, ADR 0030): the same shape as the platform's records, with no page to
 * link to (an imported record has none); the name is the file's id.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { RecordKind } from "../../domain/report/index.ts";

export interface TracedImportedRecord {
  id: string;
  link: null;
  receiptNumber: null;
  name: string;
  nationality: string | null;
  status: string | null;
  host: string | null;
  answers: Record<string, string> | null;
}

export async function tracedImportedRecords(db: Kysely<Database>, fiscalYear: number, kind: RecordKind, ids: string[]): Promise<TracedImportedRecord[]> {
  if (ids.length === 0) return [];
  const base = { link: null, receiptNumber: null, host: null, answers: null } as const;
  if (kind === "applicant") {
    const rows = await db
      .selectFrom("imported_applicants")
      .select(["id", "nationality", "final_status"])
      .where("fiscal_year", "=", fiscalYear)
      .where("id", "in", ids)
      .execute();
    return rows.map((r) => ({ ...base, id: r.id, name: r.id, nationality: r.nationality, status: r.final_status }));
  }
  if (kind === "hostApplication") {
    const rows = await db
      .selectFrom("imported_hosts")
      .select(["id", "final_status", "jsic_division"])
      .where("fiscal_year", "=", fiscalYear)
      .where("id", "in", ids)
      .execute();
    return rows.map((r) => ({ ...base, id: r.id, name: r.id, nationality: null, status: r.final_status }));
  }
  const placements = db
    .selectFrom("imported_interns as i")
    .innerJoin("imported_applicants as a", (j) => j.onRef("a.fiscal_year", "=", "i.fiscal_year").onRef("a.id", "=", "i.applicant_id"))
    .where("i.fiscal_year", "=", fiscalYear);
  if (kind === "intern") {
    const rows = await placements.select(["i.id", "i.applicant_id", "i.host_id", "a.nationality", "a.final_status"]).where("i.id", "in", ids).execute();
    return rows.map((r) => ({ ...base, id: r.id, name: r.applicant_id, nationality: r.nationality, status: r.final_status, host: r.host_id }));
  }
  const rows = await placements
    .innerJoin("imported_survey_responses as s", (j) => j.onRef("s.fiscal_year", "=", "i.fiscal_year").onRef("s.intern_id", "=", "i.id"))
    .select([
      "s.id",
      "i.applicant_id",
      "i.host_id",
      "a.nationality",
      "a.final_status",
      "s.match_fit",
      "s.overall_satisfaction",
      "s.intern_japanese_level",
      "s.intern_english_level",
    ])
    .where("s.audience", "=", kind === "internSurveyResponse" ? "intern" : "host")
    .where("s.id", "in", ids)
    .execute();
  return rows.map((r) => {
    const answers: Record<string, string> = {};
    if (r.match_fit) answers.match_fit = r.match_fit;
    if (r.overall_satisfaction) answers.overall_satisfaction = r.overall_satisfaction;
    if (r.intern_japanese_level) answers.intern_japanese_level = r.intern_japanese_level;
    if (r.intern_english_level) answers.intern_english_level = r.intern_english_level;
    return { ...base, id: r.id, name: r.applicant_id, nationality: r.nationality, status: r.final_status, host: r.host_id, answers };
  });
}
