/**
 * Reads one fiscal year's records as the report domain wants them
 * (`ReportRecords`, docs/report-module.md §1): every submitted application and
 * host application of the year's rounds, the interns (placements that started,
 * one per application), and the evaluation survey responses of those interns.
 * Each list is ordered by id in code-unit order, as the domain sorts.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type {
  ApplicantFinalStatus,
  HostApplicationRecord,
  HostFinalStatus,
  HostSurveyResponse,
  InternRecord,
  InternSurveyResponse,
  ReportRecords,
} from "../../domain/report/index.ts";
import type { OverseasStatus } from "../../domain/host-organization.ts";
import type { Region } from "../../domain/regions.ts";

/** Placement statuses of an internship that started (ADR 0015 "interns"). */
export const STARTED_PLACEMENT_STATUSES = ["active", "completed", "terminated"] as const;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What an organization snapshot (host_applications.organization_snapshot) holds. */
export interface OrganizationSnapshot {
  jsicDivision: string;
  employees: number | null;
  overseasStatus: OverseasStatus | null;
  prefectureCode: string | null;
}

function pick<T extends string>(answers: unknown, keys: readonly T[]): Partial<Record<T, string | null>> {
  const out: Partial<Record<T, string | null>> = {};
  if (!answers || typeof answers !== "object") return out;
  const a = answers as Record<string, unknown>;
  for (const k of keys) {
    const v = a[k];
    if (typeof v === "string") out[k] = v;
  }
  return out;
}

/** Fiscal years that have at least one round, or records of the historical import (their figures can be computed). */
export async function fiscalYearsWithRounds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom("rounds").select("fiscal_year").distinct().orderBy("fiscal_year").execute();
  const imported = await importedFiscalYears(db);
  return [...new Set([...rows.map((r) => r.fiscal_year), ...imported])].sort((a, b) => a - b);
}

export async function loadReportRecords(db: Kysely<Database>, fiscalYear: number): Promise<ReportRecords> {
  const rounds = db.selectFrom("rounds").select("id").where("fiscal_year", "=", fiscalYear);

  const applicants = await db
    .selectFrom("applications")
    .select(["id", "nationality", "status"])
    .where("round_id", "in", rounds)
    .where("submitted_at", "is not", null)
    .where("status", "!=", "draft")
    .orderBy(sql`id collate "C"`)
    .execute();

  const placements = await db
    .selectFrom("placements")
    .innerJoin("positions", "positions.id", "placements.position_id")
    .select(["placements.id", "placements.application_id", "positions.host_application_id", "placements.created_at"])
    .where("placements.round_id", "in", rounds)
    .where("placements.status", "in", STARTED_PLACEMENT_STATUSES)
    .orderBy("placements.created_at", "desc")
    .orderBy(sql`placements.id collate "C"`, "desc")
    .execute();
  // One intern per person: a placement not replaced; if two started, the latest.
  const seen = new Set<string>();
  const interns: InternRecord[] = [];
  for (const p of placements) {
    if (seen.has(p.application_id)) continue;
    seen.add(p.application_id);
    interns.push({ id: p.id, applicantId: p.application_id, hostApplicationId: p.host_application_id });
  }
  interns.sort(byId);

  const hosts = await db
    .selectFrom("host_applications as ha")
    .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
    .select(["ha.id", "ha.status", "ha.organization_snapshot", "o.jsic_division", "o.employees", "o.overseas_status", "o.prefecture_code"])
    .where("ha.round_id", "in", rounds)
    .where("ha.submitted_at", "is not", null)
    .where("ha.status", "!=", "draft")
    .orderBy(sql`ha.id collate "C"`)
    .execute();
  const hostApplications: HostApplicationRecord[] = hosts.map((h) => {
    const snap = (h.organization_snapshot ?? null) as OrganizationSnapshot | null;
    return {
      id: h.id,
      finalStatus: h.status as HostFinalStatus,
      jsicDivision: snap?.jsicDivision ?? h.jsic_division,
      employees: snap ? snap.employees : h.employees,
      overseasStatus: snap ? snap.overseasStatus : (h.overseas_status as OverseasStatus),
      prefectureCode: snap ? snap.prefectureCode : h.prefecture_code,
    };
  });

  const internIds = new Set(interns.map((i) => i.id));
  const responses = await db
    .selectFrom("survey_responses as r")
    .innerJoin("surveys as s", "s.id", "r.survey_id")
    .select(["r.id", "r.placement_id", "r.answers", "s.audience"])
    .where("s.round_id", "in", rounds)
    .where("s.kind", "=", "evaluation")
    .where("r.placement_id", "is not", null)
    .orderBy("r.submitted_at", "desc")
    .orderBy(sql`r.id collate "C"`, "desc")
    .execute();
  // One response per intern and audience: a later response replaces an earlier one.
  const answered = new Set<string>();
  const internSurveyResponses: InternSurveyResponse[] = [];
  const hostSurveyResponses: HostSurveyResponse[] = [];
  for (const r of responses) {
    const internId = r.placement_id!;
    if (!internIds.has(internId) || answered.has(`${r.audience}:${internId}`)) continue;
    answered.add(`${r.audience}:${internId}`);
    if (r.audience === "intern") {
      internSurveyResponses.push({
        id: r.id,
        internId,
        answers: pick(r.answers, ["match_fit", "overall_satisfaction"] as const) as InternSurveyResponse["answers"],
      });
    } else {
      hostSurveyResponses.push({
        id: r.id,
        internId,
        answers: pick(r.answers, [
          "match_fit",
          "overall_satisfaction",
          "intern_japanese_level",
          "intern_english_level",
        ] as const) as HostSurveyResponse["answers"],
      });
    }
  }
  const live: ReportRecords = {
    fiscalYear,
    applicants: applicants.map((a) => ({ id: a.id, nationality: a.nationality, finalStatus: a.status as ApplicantFinalStatus })),
    interns,
    hostApplications,
    internSurveyResponses,
    hostSurveyResponses,
  };
  const imported = await loadImportedRecords(db, fiscalYear);
  if (!imported) return live;
  // A year with both: the imported records beside the platform's (their ids are the files' own).
  return {
    fiscalYear,
    applicants: [...live.applicants, ...imported.applicants].sort(byId),
    interns: [...live.interns, ...imported.interns].sort(byId),
    hostApplications: [...live.hostApplications, ...imported.hostApplications].sort(byId),
    internSurveyResponses: [...internSurveyResponses, ...imported.internSurveyResponses].sort(byId),
    hostSurveyResponses: [...hostSurveyResponses, ...imported.hostSurveyResponses].sort(byId),
  };
}

/** Fiscal years with records of the historical import (batches not rolled back). */
export async function importedFiscalYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom("import_batches").select("fiscal_year").distinct().where("rolled_back_at", "is", null).execute();
  return rows.map((r) => r.fiscal_year);
}

/**
 * The year's records of the historical import (ADR 0030), in the report's
 * shapes; undefined when the year has none. Ids are the files' own.
 */
export async function loadImportedRecords(db: Kysely<Database>, fiscalYear: number): Promise<ReportRecords | undefined> {
  const applicants = await db
    .selectFrom("imported_applicants")
    .select(["id", "nationality", "final_status"])
    .where("fiscal_year", "=", fiscalYear)
    .orderBy(sql`id collate "C"`)
    .execute();
  const hosts = await db
    .selectFrom("imported_hosts")
    .select(["id", "final_status", "jsic_division", "employees", "overseas_status", "prefecture_code", "region"])
    .where("fiscal_year", "=", fiscalYear)
    .orderBy(sql`id collate "C"`)
    .execute();
  const interns = await db
    .selectFrom("imported_interns")
    .select(["id", "applicant_id", "host_id"])
    .where("fiscal_year", "=", fiscalYear)
    .orderBy(sql`id collate "C"`)
    .execute();
  const responses = await db
    .selectFrom("imported_survey_responses")
    .select(["id", "audience", "intern_id", "match_fit", "overall_satisfaction", "intern_japanese_level", "intern_english_level"])
    .where("fiscal_year", "=", fiscalYear)
    .orderBy(sql`id collate "C"`)
    .execute();
  if (applicants.length + hosts.length + interns.length + responses.length === 0) return undefined;
  const answer = <T extends string>(v: string | null) => (v ?? undefined) as T | undefined;
  return {
    fiscalYear,
    applicants: applicants.map((a) => ({ id: a.id, nationality: a.nationality, finalStatus: a.final_status as ApplicantFinalStatus })),
    interns: interns.map((i) => ({ id: i.id, applicantId: i.applicant_id, hostApplicationId: i.host_id })),
    hostApplications: hosts.map((h) => ({
      id: h.id,
      finalStatus: h.final_status as HostFinalStatus,
      jsicDivision: h.jsic_division,
      employees: h.employees,
      overseasStatus: h.overseas_status as OverseasStatus | null,
      prefectureCode: h.prefecture_code,
      region: h.region as Region | null,
    })),
    internSurveyResponses: responses
      .filter((r) => r.audience === "intern")
      .map((r) => ({
        id: r.id,
        internId: r.intern_id,
        answers: dropUndefined({ match_fit: answer(r.match_fit), overall_satisfaction: answer(r.overall_satisfaction) }) as InternSurveyResponse["answers"],
      })),
    hostSurveyResponses: responses
      .filter((r) => r.audience === "host")
      .map((r) => ({
        id: r.id,
        internId: r.intern_id,
        answers: dropUndefined({
          match_fit: answer(r.match_fit),
          overall_satisfaction: answer(r.overall_satisfaction),
          intern_japanese_level: answer(r.intern_japanese_level),
          intern_english_level: answer(r.intern_english_level),
        }) as HostSurveyResponse["answers"],
      })),
  };
}

function dropUndefined(o: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
