/**
 * Every figure of the yearly report from one fiscal year's records (ADR 0015).
 * Pure and deterministic: the same records (in any order) and configuration
 * give the same report, ids sorted (code-unit order), rows in their
 * definitional order.
 */
import { OVERSEAS_STATUSES, SIZE_CLASSES, sizeClassOf } from "../host-organization.ts";
import { REGIONS, isPrefectureCode, regionOf, type Region } from "../regions.ts";
import { indexReportConfig } from "./config.ts";
import { ProblemCollector, type RecordList } from "./input-error.ts";
import { percentOf } from "./percent.ts";
import {
  APPLICANT_FINAL_STATUSES,
  ENGLISH_LEVELS,
  HOST_FINAL_STATUSES,
  JAPANESE_LEVELS,
  MATCH_FIT_ANSWERS,
  REPORT_DEFINITIONS_VERSION,
  SATISFACTION_ANSWERS,
  type Figure,
  type FigureId,
  type FigureRow,
  type HostApplicationRecord,
  type HostSurveyResponse,
  type InternRecord,
  type InternSurveyResponse,
  type RecordKind,
  type ReportConfig,
  type ReportRecords,
  type RowBase,
  type YearReport,
} from "./types.ts";

/** A nationality among the four most common is named only with at least this many interns (so a named row is never suppressed in open data). */
export const NAMED_NATIONALITY_MIN = 5;
/** How many nationalities are named. */
export const NAMED_NATIONALITIES = 4;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts ids in place in UTF-16 code-unit order (the same on every machine,
 * unlike a database collation) and returns them. The built-in sort without a
 * comparator compares strings exactly so, natively: several times faster than
 * a comparator on 130,000 ids. Skipped when already sorted (ORDER BY id).
 */
function sortIds(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return ids.sort();
  return ids;
}

function makeBase(ids: string[], unansweredIds: string[]): RowBase {
  return { respondents: ids.length, ids: sortIds(ids), unanswered: unansweredIds.length, unansweredIds: sortIds(unansweredIds) };
}

function countFigure(id: FigureId, recordKind: RecordKind, unsortedIds: string[]): Figure {
  const ids = sortIds(unsortedIds);
  return { id, kind: "count", recordKind, status: "complete", rows: [{ key: "total", count: ids.length, percent: null, ids, base: null }], notes: [] };
}

function distribution(id: FigureId, recordKind: RecordKind, keys: readonly string[], buckets: Map<string, string[]>, base: RowBase): Figure {
  const rows: FigureRow[] = keys.map((key) => {
    const ids = buckets.get(key) ?? [];
    return { key, count: ids.length, percent: percentOf(ids.length, base.respondents!), ids, base };
  });
  return { id, kind: "distribution", recordKind, status: "complete", rows, notes: [] };
}

/** Sorts items into buckets by key (each bucket's ids sorted); null key = not answered. */
function bucket<T extends { id: string }>(items: readonly T[], keyOf: (item: T) => string | null | undefined) {
  const buckets = new Map<string, string[]>();
  const answered: string[] = [];
  const unanswered: string[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (k === null || k === undefined) {
      unanswered.push(item.id);
      continue;
    }
    answered.push(item.id);
    let list = buckets.get(k);
    if (!list) buckets.set(k, (list = []));
    list.push(item.id);
  }
  for (const list of buckets.values()) sortIds(list);
  return { buckets, base: makeBase(answered, unanswered) };
}

/** One row of a rates figure: the share of positive answers among the responses that answered the question. */
function rateRow<T extends { id: string }>(key: string, responses: readonly T[], answerOf: (r: T) => string | null | undefined, positive: string): FigureRow {
  const { buckets, base } = bucket(responses, answerOf);
  const ids = buckets.get(positive) ?? [];
  return { key, count: ids.length, percent: percentOf(ids.length, base.respondents!), ids, base };
}

function oneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

/**
 * Computes every figure. Throws ReportInputError (every problem, with list,
 * index, id and field) when the records are not consistent; throws Error when
 * the configuration is not valid.
 */
export function computeYearReport(records: ReportRecords, config: ReportConfig): YearReport {
  const cfg = indexReportConfig(config);
  const problems = new ProblemCollector();
  /** Checks ids are non-empty and distinct; ids already in strictly increasing order (ORDER BY id) need no set. */
  /** Returns true when the ids are strictly increasing (sorted and distinct): then no set is needed, and they can be binary-searched. */
  const checkIds = (list: RecordList, items: readonly { id: string }[]): boolean => {
    let increasing = true;
    for (let i = 0; i < items.length && increasing; i++) {
      const id = items[i]!.id;
      increasing = typeof id === "string" && id !== "" && (i === 0 || items[i - 1]!.id < id);
    }
    if (increasing) return true;
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (typeof item.id !== "string" || item.id === "") problems.add({ list, index, id: String(item.id), field: "id", code: "invalid_value" });
      else if (seen.has(item.id)) problems.add({ list, index, id: item.id, field: "id", code: "duplicate_id" });
      else seen.add(item.id);
    });
    return false;
  };
  if (!Number.isInteger(records.fiscalYear) || records.fiscalYear < 2000 || records.fiscalYear > 2200)
    throw new RangeError(`fiscal year ${records.fiscalYear} is not a year`);

  // applicants (only the nationalities of interns are kept: 2,500 of 130,000)
  const applicantsSorted = checkIds("applicants", records.applicants);
  const applicantStatuses = new Set<string>(APPLICANT_FINAL_STATUSES);
  const nationalityOfApplicant = new Map<string, string | null>();
  if (applicantsSorted) {
    // 2,500 binary searches instead of 130,000 hash lookups
    const list = records.applicants;
    for (const intern of records.interns) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const id = list[mid]!.id;
        if (id === intern.applicantId) {
          nationalityOfApplicant.set(id, list[mid]!.nationality);
          break;
        }
        if (id < intern.applicantId) lo = mid + 1;
        else hi = mid - 1;
      }
    }
  } else {
    const internApplicants = new Set(records.interns.map((i) => i.applicantId));
    for (const a of records.applicants) if (internApplicants.has(a.id)) nationalityOfApplicant.set(a.id, a.nationality);
  }
  let lastNationality: string | null = null;
  for (let index = 0; index < records.applicants.length; index++) {
    const a = records.applicants[index]!;
    if (!applicantStatuses.has(a.finalStatus))
      problems.add({ list: "applicants", index, id: a.id, field: "finalStatus", code: "invalid_value", value: String(a.finalStatus) });
    if (a.nationality !== null && a.nationality !== lastNationality) {
      if (cfg.worldRegionOf.has(a.nationality)) lastNationality = a.nationality;
      else problems.add({ list: "applicants", index, id: a.id, field: "nationality", code: "unmapped_country", value: String(a.nationality) });
    }
  }

  // host applications
  checkIds("hostApplications", records.hostApplications);
  const hostById = new Map<string, HostApplicationRecord>();
  const regionOfHost = new Map<string, Region>();
  records.hostApplications.forEach((h, index) => {
    hostById.set(h.id, h);
    const bad = (field: string, value: unknown) =>
      problems.add({ list: "hostApplications", index, id: h.id, field, code: "invalid_value", value: String(value) });
    if (!oneOf(HOST_FINAL_STATUSES, h.finalStatus)) bad("finalStatus", h.finalStatus);
    if (!cfg.industryRowOf.has(h.jsicDivision)) bad("jsicDivision", h.jsicDivision);
    if (h.employees !== null && (!Number.isSafeInteger(h.employees) || h.employees < 0)) bad("employees", h.employees);
    if (h.overseasStatus !== null && !oneOf(OVERSEAS_STATUSES, h.overseasStatus)) bad("overseasStatus", h.overseasStatus);
    if (h.prefectureCode !== null) {
      if (!isPrefectureCode(h.prefectureCode)) bad("prefectureCode", h.prefectureCode);
      else {
        const r = regionOf(h.prefectureCode);
        if (h.region !== undefined && h.region !== null && h.region !== r) bad("region", h.region);
        regionOfHost.set(h.id, r);
      }
    } else if (oneOf(REGIONS, h.region)) regionOfHost.set(h.id, h.region);
    else bad(h.region === undefined || h.region === null ? "prefectureCode" : "region", h.region ?? null);
  });

  // interns
  checkIds("interns", records.interns);
  const internById = new Map<string, InternRecord>();
  const applicantsPlaced = new Set<string>();
  records.interns.forEach((i, index) => {
    internById.set(i.id, i);
    if (!nationalityOfApplicant.has(i.applicantId))
      problems.add({ list: "interns", index, id: i.id, field: "applicantId", code: "unknown_reference", value: String(i.applicantId) });
    else if (applicantsPlaced.has(i.applicantId))
      problems.add({ list: "interns", index, id: i.id, field: "applicantId", code: "duplicate_for_person", value: i.applicantId });
    applicantsPlaced.add(i.applicantId);
    if (!hostById.has(i.hostApplicationId))
      problems.add({ list: "interns", index, id: i.id, field: "hostApplicationId", code: "unknown_reference", value: String(i.hostApplicationId) });
  });

  // survey responses: one per intern per survey, answers from the code lists
  const checkResponses = (list: RecordList, responses: readonly (InternSurveyResponse | HostSurveyResponse)[], codes: Record<string, readonly string[]>) => {
    checkIds(list, responses);
    const seenIntern = new Set<string>();
    responses.forEach((r, index) => {
      if (!internById.has(r.internId)) problems.add({ list, index, id: r.id, field: "internId", code: "unknown_reference", value: String(r.internId) });
      else if (seenIntern.has(r.internId)) problems.add({ list, index, id: r.id, field: "internId", code: "duplicate_for_person", value: r.internId });
      seenIntern.add(r.internId);
      if (typeof r.answers !== "object" || r.answers === null) {
        problems.add({ list, index, id: r.id, field: "answers", code: "invalid_value", value: String(r.answers) });
        return;
      }
      for (const [question, value] of Object.entries(r.answers)) {
        const allowed = codes[question];
        if (!allowed) problems.add({ list, index, id: r.id, field: `answers.${question}`, code: "invalid_value", value: "unknown question" });
        else if (value !== null && value !== undefined && !allowed.includes(value as string))
          problems.add({ list, index, id: r.id, field: `answers.${question}`, code: "invalid_value", value: String(value) });
      }
    });
  };
  checkResponses("internSurveyResponses", records.internSurveyResponses, { match_fit: MATCH_FIT_ANSWERS, overall_satisfaction: SATISFACTION_ANSWERS });
  checkResponses("hostSurveyResponses", records.hostSurveyResponses, {
    match_fit: MATCH_FIT_ANSWERS,
    overall_satisfaction: SATISFACTION_ANSWERS,
    intern_japanese_level: JAPANESE_LEVELS,
    intern_english_level: ENGLISH_LEVELS,
  });
  problems.throwIfAny();

  // ─── figures ───
  const applicants = records.applicants;
  const interns = records.interns;
  const hostApplications = records.hostApplications;
  const internResponses = records.internSurveyResponses;
  const hostResponses = records.hostSurveyResponses;
  const nationalityOf = (i: InternRecord) => nationalityOfApplicant.get(i.applicantId)!;

  // interns by nationality: the four most common (count, then code), each named with ≥ NAMED_NATIONALITY_MIN; the rest by world region
  const perCountry = new Map<string, number>();
  for (const i of interns) {
    const n = nationalityOf(i);
    if (n !== null) perCountry.set(n, (perCountry.get(n) ?? 0) + 1);
  }
  const named = [...perCountry]
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))
    .slice(0, NAMED_NATIONALITIES)
    .filter(([, n]) => n >= NAMED_NATIONALITY_MIN)
    .map(([c]) => c);
  const namedSet = new Set(named);
  const nationality = bucket(interns, (i) => {
    const n = nationalityOf(i);
    if (n === null) return null;
    return namedSet.has(n) ? `country:${n}` : `worldRegion:${cfg.worldRegionOf.get(n)!}`;
  });
  const nationalityKeys = [...named.map((c) => `country:${c}`), ...cfg.worldRegions.map((r) => `worldRegion:${r}`)];

  const hostIdsWithIntern = new Set(interns.map((i) => i.hostApplicationId));
  const hosts = hostApplications.filter((h) => hostIdsWithIntern.has(h.id));
  const industry = bucket(hosts, (h) => cfg.industryRowOf.get(h.jsicDivision)!);
  const size = bucket(hosts, (h) => (h.employees === null ? null : sizeClassOf(h.employees)));
  const overseas = bucket(hosts, (h) => h.overseasStatus);
  const region = bucket(hosts, (h) => regionOfHost.get(h.id)!);
  const japanese = bucket(hostResponses, (r) => r.answers.intern_japanese_level);
  const english = bucket(hostResponses, (r) => r.answers.intern_english_level);

  const rates = (id: FigureId, recordKind: RecordKind, responses: readonly (InternSurveyResponse | HostSurveyResponse)[]): Figure => ({
    id,
    kind: "rates",
    recordKind,
    status: "complete",
    rows: [
      rateRow("match_fit", responses, (r) => r.answers.match_fit, "yes"),
      rateRow("overall_satisfaction", responses, (r) => r.answers.overall_satisfaction, "satisfied"),
    ],
    notes: [],
  });

  const figures: Record<FigureId, Figure> = {
    applicants: countFigure(
      "applicants",
      "applicant",
      applicants.map((a) => a.id),
    ),
    interns: countFigure(
      "interns",
      "intern",
      interns.map((i) => i.id),
    ),
    internsByNationality: distribution("internsByNationality", "intern", nationalityKeys, nationality.buckets, nationality.base),
    internEvaluation: rates("internEvaluation", "internSurveyResponse", internResponses),
    internJapaneseLevel: distribution("internJapaneseLevel", "hostSurveyResponse", JAPANESE_LEVELS, japanese.buckets, japanese.base),
    internEnglishLevel: distribution("internEnglishLevel", "hostSurveyResponse", ENGLISH_LEVELS, english.buckets, english.base),
    hostApplicants: countFigure(
      "hostApplicants",
      "hostApplication",
      hostApplications.map((h) => h.id),
    ),
    hosts: countFigure(
      "hosts",
      "hostApplication",
      hosts.map((h) => h.id),
    ),
    hostsByIndustry: distribution("hostsByIndustry", "hostApplication", cfg.industryRows, industry.buckets, industry.base),
    hostsBySize: distribution("hostsBySize", "hostApplication", SIZE_CLASSES, size.buckets, size.base),
    hostsByOverseasStatus: distribution("hostsByOverseasStatus", "hostApplication", OVERSEAS_STATUSES, overseas.buckets, overseas.base),
    hostsByRegion: distribution("hostsByRegion", "hostApplication", REGIONS, region.buckets, region.base),
    hostEvaluation: rates("hostEvaluation", "hostSurveyResponse", hostResponses),
  };
  return { fiscalYear: records.fiscalYear, source: "records", definitionsVersion: REPORT_DEFINITIONS_VERSION, figures };
}
