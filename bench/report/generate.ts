/**
 * A deterministic synthetic fiscal year for the report (mulberry32, fixed
 * seed): ids are random UUID-shaped strings in random order (as a database
 * without ORDER BY would give them), nationalities and prefectures skewed like
 * the real program's, some answers left blank. Used by bench/report/run.ts and
 * the unit tests (which compare the module with ./reference.ts on it).
 */
import type {
  ApplicantFinalStatus,
  ApplicantRecord,
  EnglishLevel,
  HostApplicationRecord,
  HostSurveyResponse,
  InternRecord,
  InternSurveyResponse,
  JapaneseLevel,
  ReportRecords,
} from "#src/domain/report/index.ts";
import { mulberry32 } from "../matching/generate.ts";

export interface YearOptions {
  applicants: number;
  hostApplicants: number;
  interns: number;
  seed?: number;
  fiscalYear?: number;
}

function pick<T>(rnd: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let u = rnd() * total;
  for (const [v, w] of weighted) {
    u -= w;
    if (u < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

const NATIONALITIES: readonly (readonly [string | null, number])[] = [
  ["VN", 300],
  ["CN", 120],
  ["ID", 150],
  ["TH", 140],
  ["PH", 60],
  ["MM", 50],
  ["IN", 70],
  ["BD", 30],
  ["NP", 25],
  ["LK", 20],
  ["KH", 15],
  ["LA", 8],
  ["MN", 12],
  ["MY", 15],
  ["UZ", 8],
  ["KZ", 3],
  ["EG", 10],
  ["KE", 6],
  ["NG", 8],
  ["ET", 3],
  ["BR", 4],
  ["PE", 2],
  ["MX", 3],
  ["CO", 2],
  ["UA", 3],
  ["TR", 4],
  ["JO", 1],
  ["FJ", 1],
  [null, 3],
];
const STATUSES: readonly (readonly [ApplicantFinalStatus, number])[] = [
  ["submitted", 30],
  ["rejected", 50],
  ["withdrawn", 8],
  ["waitlisted", 3],
  ["anonymized", 1],
  ["under_review", 2],
];
const JSIC = "ABCDEFGHIJKLMNOPQRST".split("");
const JSIC_WEIGHTS: Record<string, number> = { E: 30, I: 20, R: 12, G: 12, L: 8, D: 6, M: 4, N: 3, H: 3, K: 2, O: 2, P: 2 };

function uuid(rnd: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(rnd() * 16)
        .toString(16)
        .toLowerCase(),
    ).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`;
}

function shuffle<T>(rnd: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

export function generateYear(o: YearOptions): ReportRecords {
  const rnd = mulberry32(o.seed ?? 20170401);
  const maybe = <T>(p: number, v: T): T | null => (rnd() < p ? null : v);

  const applicants: ApplicantRecord[] = Array.from({ length: o.applicants }, () => ({
    id: uuid(rnd),
    nationality: pick(rnd, NATIONALITIES),
    finalStatus: pick(rnd, STATUSES),
  }));
  const hostApplications: HostApplicationRecord[] = Array.from({ length: o.hostApplicants }, () => {
    const prefectureCode = String(1 + Math.min(46, Math.floor(47 * rnd() ** 1.6))).padStart(2, "0");
    const useRegionOnly = rnd() < 0.02;
    return {
      id: uuid(rnd),
      finalStatus: pick(rnd, [
        ["accepted", 6],
        ["declined", 3],
        ["withdrawn", 1],
        ["submitted", 1],
      ] as const),
      jsicDivision: pick(
        rnd,
        JSIC.map((d) => [d, JSIC_WEIGHTS[d] ?? 1] as const),
      ),
      employees: maybe(0.02, Math.floor(Math.exp(rnd() * 8))),
      overseasStatus: maybe(
        0.03,
        pick(rnd, [
          ["ongoing", 5],
          ["planned", 3],
          ["not_planned", 1],
        ] as const),
      ),
      prefectureCode: useRegionOnly ? null : prefectureCode,
      ...(useRegionOnly ? { region: "kanto" as const } : {}),
    };
  });
  // Interns are placed with accepted hosts: a small random year may draw none, so the first host is accepted then.
  if (o.interns > 0 && hostApplications.length > 0 && !hostApplications.some((h) => h.finalStatus === "accepted"))
    hostApplications[0]!.finalStatus = "accepted";
  const hostPool = hostApplications.filter((h) => h.finalStatus === "accepted").slice(0, Math.max(1, Math.ceil(o.interns * 0.7)));
  const placedIdx = shuffle(
    rnd,
    applicants.map((_, i) => i),
  ).slice(0, o.interns);
  const interns: InternRecord[] = placedIdx.map((i) => {
    const a = applicants[i]!;
    a.finalStatus = rnd() < 0.9 ? "completed" : "placed";
    return { id: uuid(rnd), applicantId: a.id, hostApplicationId: hostPool[Math.floor(rnd() * hostPool.length)]!.id };
  });
  const internSurveyResponses: InternSurveyResponse[] = [];
  const hostSurveyResponses: HostSurveyResponse[] = [];
  for (const intern of interns) {
    if (rnd() < 0.95)
      internSurveyResponses.push({
        id: uuid(rnd),
        internId: intern.id,
        answers: { match_fit: maybe(0.03, rnd() < 0.9 ? "yes" : "no"), overall_satisfaction: maybe(0.02, rnd() < 0.96 ? "satisfied" : "not_satisfied") },
      });
    if (rnd() < 0.9) {
      const answers: HostSurveyResponse["answers"] = {
        match_fit: maybe(0.02, rnd() < 0.94 ? "yes" : "no"),
        overall_satisfaction: maybe(0.02, rnd() < 0.97 ? "satisfied" : "not_satisfied"),
        intern_japanese_level: maybe(
          0.05,
          pick<JapaneseLevel>(rnd, [
            ["business", 3],
            ["daily", 4],
            ["other", 3],
          ]),
        ),
        intern_english_level: maybe(
          0.05,
          pick<EnglishLevel>(rnd, [
            ["native", 1],
            ["business", 5],
            ["daily", 3],
            ["other", 1],
          ]),
        ),
      };
      if (rnd() < 0.05) delete answers.intern_english_level;
      hostSurveyResponses.push({ id: uuid(rnd), internId: intern.id, answers });
    }
  }
  return { fiscalYear: o.fiscalYear ?? 2027, applicants, interns, hostApplications, internSurveyResponses, hostSurveyResponses };
}
