/**
 * Inserts one fiscal year's program records as the earlier phases leave them
 * (application, selection, matching and internship phases; the report reads
 * them): a round, submitted applications, submitted host applications with the
 * organization snapshot taken at submission, positions, started placements and
 * the interns' and hosts' evaluation survey responses (answers keyed by the
 * report domain's codes). Used by the demo seed (`demo-report.ts`) and by the
 * tests through tests/support/phase-inputs/report-year.ts, until the
 * internship phase (#16) produces these rows through its own use cases.
 * Deterministic: ids derive from `idPrefix` and a counter.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

type HostAnswers = {
  match_fit?: string | null;
  overall_satisfaction?: string | null;
  intern_japanese_level?: string | null;
  intern_english_level?: string | null;
};
type InternAnswers = { match_fit?: string | null; overall_satisfaction?: string | null };

export interface ReportYearSpec {
  fiscalYear: number;
  /** Deterministic id prefix: ids are `${idPrefix}-<kind>-<n>` (UUID-like not required: ids are text). */
  idPrefix: string;
  roundPhase?: "internship" | "reporting" | "closed";
  /** Applicants who did not become interns. */
  applicants: { nationality: string | null; status: "submitted" | "withdrawn" | "rejected" | "waitlisted" | "selected" }[];
  /** Host applications; `organization` is today's record, `snapshot` what it was when the application was submitted (omit: none stored). */
  hosts: {
    status: "submitted" | "accepted" | "declined" | "withdrawn";
    organization: { jsicDivision: string; employees: number; overseasStatus: "ongoing" | "planned" | "not_planned"; prefectureCode: string };
    snapshot?: { jsicDivision: string; employees: number | null; overseasStatus: "ongoing" | "planned" | "not_planned" | null; prefectureCode: string | null };
  }[];
  /** Interns: an application placed at `host` (index in hosts), with their surveys (omit: not answered). */
  interns: {
    nationality: string;
    host: number;
    placementStatus?: "active" | "completed" | "terminated";
    intern?: InternAnswers;
    hostEvaluation?: HostAnswers;
  }[];
}

export interface ReportYearIds {
  roundId: string;
  applicantIds: string[];
  hostApplicationIds: string[];
  internApplicationIds: string[];
  placementIds: string[];
  internResponseIds: (string | null)[];
  hostResponseIds: (string | null)[];
}

export async function insertReportYear(db: Kysely<Database>, spec: ReportYearSpec): Promise<ReportYearIds> {
  const p = spec.idPrefix;
  const roundId = `${p}-round`;
  const submittedAt = new Date(`${spec.fiscalYear}-05-01T03:00:00.000Z`);
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: spec.fiscalYear,
      name_ja: `${spec.fiscalYear}年度 募集回 (${p})`,
      name_en: `FY${spec.fiscalYear} round (${p})`,
      phase: spec.roundPhase ?? "reporting",
      eligibility_reference_date: `${spec.fiscalYear}-04-01`,
      dac_list_version: "2024-2025",
    })
    .execute();

  const application = (id: string, nationality: string | null, status: string, n: number) => ({
    id,
    round_id: roundId,
    status,
    submitted_at: submittedAt,
    receipt_number: `R${spec.fiscalYear}-${p}-${String(n).padStart(5, "0")}`,
    family_name: "Report",
    given_name: `Applicant ${n}`,
    nationality,
  });
  const applicantIds = spec.applicants.map((_, i) => `${p}-app-${String(i).padStart(5, "0")}`);
  for (let i = 0; i < spec.applicants.length; i += 500) {
    const chunk = spec.applicants.slice(i, i + 500).map((a, j) => application(applicantIds[i + j]!, a.nationality, a.status, i + j));
    if (chunk.length) await db.insertInto("applications").values(chunk).execute();
  }

  const hostApplicationIds: string[] = [];
  const positionIds: string[] = [];
  for (const [i, h] of spec.hosts.entries()) {
    const orgId = `${p}-org-${i}`;
    await db
      .insertInto("host_organizations")
      .values({
        id: orgId,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: `報告テスト企業${i}`,
        name_en: `Report Test ${i} Co.`,
        prefecture_code: h.organization.prefectureCode,
        jsic_division: h.organization.jsicDivision,
        employees: h.organization.employees,
        overseas_status: h.organization.overseasStatus,
      })
      .execute();
    const haId = `${p}-ha-${String(i).padStart(4, "0")}`;
    await db
      .insertInto("host_applications")
      .values({
        id: haId,
        round_id: roundId,
        organization_id: orgId,
        status: h.status,
        agrees_with_purpose: true,
        supervisor_name: "Supervisor",
        submitted_at: submittedAt,
        receipt_number: `H${spec.fiscalYear}-${p}-${String(i).padStart(4, "0")}`,
        organization_snapshot: h.snapshot ? JSON.stringify(h.snapshot) : null,
      })
      .execute();
    const posId = `${p}-pos-${i}`;
    await db
      .insertInto("positions")
      .values({
        id: posId,
        host_application_id: haId,
        title: "Overseas sales assistant",
        description: "Market research.",
        prefecture_code: h.organization.prefectureCode,
        capacity: 10,
      })
      .execute();
    hostApplicationIds.push(haId);
    positionIds.push(posId);
  }

  const internApplicationIds: string[] = [];
  const placementIds: string[] = [];
  const internResponseIds: (string | null)[] = [];
  const hostResponseIds: (string | null)[] = [];
  const internSurvey = `${p}-survey-intern`;
  const hostSurvey = `${p}-survey-host`;
  await db
    .insertInto("surveys")
    .values([
      { id: internSurvey, round_id: roundId, audience: "intern", kind: "evaluation", questions: JSON.stringify(["match_fit", "overall_satisfaction"]) },
      {
        id: hostSurvey,
        round_id: roundId,
        audience: "host",
        kind: "evaluation",
        questions: JSON.stringify(["match_fit", "overall_satisfaction", "intern_japanese_level", "intern_english_level"]),
      },
    ])
    .execute();
  for (const [i, intern] of spec.interns.entries()) {
    const appId = `${p}-intern-${String(i).padStart(5, "0")}`;
    await db
      .insertInto("applications")
      .values(application(appId, intern.nationality, intern.placementStatus === "active" ? "placed" : "completed", 90000 + i))
      .execute();
    const placementId = `${p}-pl-${String(i).padStart(5, "0")}`;
    await db
      .insertInto("placements")
      .values({
        id: placementId,
        round_id: roundId,
        application_id: appId,
        position_id: positionIds[intern.host]!,
        mode: "in_person",
        starts_on: `${spec.fiscalYear}-10-01`,
        ends_on: `${spec.fiscalYear}-12-24`,
        status: intern.placementStatus ?? "completed",
      })
      .execute();
    internApplicationIds.push(appId);
    placementIds.push(placementId);
    const respond = async (survey: string, kind: string, answers: object | undefined): Promise<string | null> => {
      if (!answers) return null;
      const id = `${p}-resp-${kind}-${String(i).padStart(5, "0")}`;
      await db
        .insertInto("survey_responses")
        .values({
          id,
          survey_id: survey,
          placement_id: placementId,
          answers: JSON.stringify(answers),
          submitted_at: new Date(`${spec.fiscalYear + 1}-01-10T03:00:00.000Z`),
        })
        .execute();
      return id;
    };
    internResponseIds.push(await respond(internSurvey, "intern", intern.intern));
    hostResponseIds.push(await respond(hostSurvey, "host", intern.hostEvaluation));
  }
  return { roundId, applicantIds, hostApplicationIds, internApplicationIds, placementIds, internResponseIds, hostResponseIds };
}
