/**
 * Demo data of the yearly report (issue 17): a FY2025 round in the reporting
 * phase with its records as the earlier phases leave them (80 applicants, 14
 * host applications, 24 interns with their evaluation surveys), its report
 * published once (version 1), and the published FY2016–2018 figures loaded as
 * published years. Deterministic: the same rows on every machine.
 */
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";
import { importPublishedYears } from "../../services/report/import-published-years.ts";
import { publishYearReport } from "../../services/report/publish-year-report.ts";
import { insertReportYear, type ReportYearSpec } from "./report-year-rows.ts";

const PASSWORD = "demo-password-2026";

/** The report's browser test signs in as this operator (it enrols its own two-factor secret). */
/** `importer`: a second operator for past years' imports (its browser test enrols two-factor authentication on its own). */
export const DEMO_REPORT_LOGINS = { operator: "operator-report@demo.jip.example", importer: "operator-import@demo.jip.example" };
export const DEMO_REPORT_YEAR = 2025;

/** A small deterministic generator (LCG), so the demo year looks varied but never changes. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function demoYear(): ReportYearSpec {
  const next = generator(2025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const nationalities = ["VN", "VN", "VN", "ID", "ID", "TH", "PH", "MY", "IN", "NP", "BD", "MN", "LK", "KE", "BR", "MX"] as const;
  const hostOrgs: [string, number, "ongoing" | "planned" | "not_planned", string][] = [
    ["E", 85, "ongoing", "20"],
    ["E", 240, "ongoing", "23"],
    ["E", 30, "planned", "27"],
    ["I", 12, "planned", "40"],
    ["I", 6, "not_planned", "13"],
    ["R", 45, "planned", "13"],
    ["R", 8, "not_planned", "01"],
    ["G", 150, "ongoing", "14"],
    ["D", 60, "planned", "04"],
    ["L", 25, "ongoing", "34"],
    ["M", 18, "not_planned", "37"],
    ["E", 700, "ongoing", "22"],
    ["H", 1200, "ongoing", "28"],
    ["P", 95, "planned", "47"],
  ];
  const hosts = hostOrgs.map(([jsicDivision, employees, overseasStatus, prefectureCode], i) => {
    const o = { jsicDivision, employees, overseasStatus, prefectureCode };
    return { status: i < 11 ? ("accepted" as const) : pick(["declined", "withdrawn"] as const), organization: o, snapshot: o };
  });
  const interns = Array.from({ length: 24 }, (_, i) => ({
    nationality: i < 9 ? "VN" : i < 14 ? "ID" : i < 19 ? "TH" : pick(nationalities),
    host: i % 11,
    intern: i % 8 === 7 ? undefined : { match_fit: next() < 0.9 ? "yes" : "no", overall_satisfaction: next() < 0.95 ? "satisfied" : "not_satisfied" },
    hostEvaluation:
      i % 10 === 9
        ? undefined
        : {
            match_fit: next() < 0.88 ? "yes" : "no",
            overall_satisfaction: next() < 0.9 ? "satisfied" : "not_satisfied",
            intern_japanese_level: pick(["business", "daily", "daily", "other"] as const),
            intern_english_level: pick(["native", "business", "business", "daily", "other"] as const),
          },
  }));
  const applicants = Array.from({ length: 80 }, () => ({
    nationality: pick(nationalities),
    status: pick(["rejected", "rejected", "withdrawn", "waitlisted", "submitted"] as const),
  }));
  return { fiscalYear: DEMO_REPORT_YEAR, idPrefix: "demo-fy2025", roundPhase: "reporting", applicants, hosts, interns };
}

export async function seedDemoReport(ctx: ServiceContext): Promise<void> {
  const { id } = await createVerifiedUser(ctx, {
    email: DEMO_REPORT_LOGINS.operator,
    name: "小林 葵 (Operator)",
    password: PASSWORD,
    role: "operator",
    locale: "en",
  });
  await createVerifiedUser(ctx, { email: DEMO_REPORT_LOGINS.importer, name: "山田 蓮 (Operator)", password: PASSWORD, role: "operator", locale: "en" });
  await insertReportYear(ctx.db, demoYear());
  const operator: Actor = {
    userId: id,
    email: DEMO_REPORT_LOGINS.operator,
    name: "小林 葵 (Operator)",
    role: "operator",
    locale: "en",
    timeZone: null,
    twoFactorEnabled: true,
    recentlyAuthenticated: true,
    ip: null,
  };
  await importPublishedYears(ctx, "system");
  await publishYearReport(ctx, operator, DEMO_REPORT_YEAR);
}
