/**
 * A whole fiscal year imported from a directory (issue 17's Done-when): a
 * synthetic year generated with a seeded PRNG (a few hundred applicants of
 * several nationalities, hosts across industries, sizes, overseas statuses
 * and regions, placements, both surveys), imported with
 * `bin/jip import --fiscal-year Y DIR`, and every figure of the report page's
 * computation checked against counts worked out here from the generated rows
 * (plain counting, none of the product's functions). Also: the directory's
 * dry run checks references against the files before it, and a directory
 * with a bad file stops there, naming the batches committed and how to roll
 * them back.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { previewImportDirectory } from "#src/services/report-import/preview-import-directory.ts";
import { getYearReport } from "#src/services/report/get-year-report.ts";
import { computeLive } from "#src/services/report/resolve-report.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";

const FISCAL_YEAR = 2019;

/** mulberry32: a small seeded PRNG, so the year is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Written out here (from world-regions.json and prefectures.json), not taken from the product.
const WORLD_REGION: Record<string, string> = {
  VN: "southeast_asia",
  ID: "southeast_asia",
  TH: "southeast_asia",
  PH: "southeast_asia",
  MM: "southeast_asia",
  CN: "east_asia",
  MN: "east_asia",
  IN: "south_asia",
  NP: "south_asia",
  KE: "africa",
  EG: "africa",
  FR: "europe",
  US: "north_america",
  BR: "south_america",
};
const REGION_OF_PREFECTURE = (code: number): string =>
  code === 1
    ? "hokkaido"
    : code <= 7
      ? "tohoku"
      : code <= 14
        ? "kanto"
        : code <= 23
          ? "chubu"
          : code <= 30
            ? "kinki"
            : code <= 35
              ? "chugoku"
              : code <= 39
                ? "shikoku"
                : "kyushu_okinawa";
const REGIONS = ["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu_okinawa"];
const JSIC = "ABCDEFGHIJKLMNOPQRST".split("");
const INDUSTRY_ROW = (division: string) =>
  division === "R" ? "group:service" : division === "I" ? "group:wholesale_retail" : division === "E" ? "group:manufacturing" : `jsic:${division}`;
const SIZE_ROW = (n: number) => (n <= 9 ? "le9" : n <= 99 ? "10to99" : n <= 499 ? "100to499" : n <= 1000 ? "500to1000" : "gt1000");

interface Applicant {
  id: string;
  nationality: string | null;
  status: string;
}
interface Host {
  id: string;
  jsic: string;
  employees: number | null;
  overseas: string | null;
  prefecture: number | null;
  region: string;
  status: string;
}
interface Placement {
  id: string;
  applicant: Applicant;
  host: Host;
}
interface Answer {
  id: string;
  intern: string;
  match: string | null;
  satisfaction: string | null;
  japanese?: string | null;
  english?: string | null;
}

function generateYear(seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const maybe = <T>(value: T, emptyShare: number): T | null => (random() < emptyShare ? null : value);
  // weighted nationalities: four clear leaders among interns, then a tail across world regions
  const nationalities = [
    ...Array<string>(30).fill("VN"),
    ...Array<string>(18).fill("ID"),
    ...Array<string>(12).fill("TH"),
    ...Array<string>(9).fill("PH"),
    ...["MM", "CN", "MN", "IN", "NP", "KE", "EG", "FR", "US", "BR", "IN", "CN", "KE"],
  ];
  const applicants: Applicant[] = [];
  for (let i = 1; i <= 420; i++) {
    applicants.push({
      id: `A${String(i).padStart(4, "0")}`,
      nationality: maybe(pick(nationalities), 0.03),
      status: pick(["submitted", "withdrawn", "under_review", "interview", "selected", "waitlisted", "rejected", "rejected", "rejected"]),
    });
  }
  const employeeChoices = [1, 9, 10, 45, 99, 100, 250, 499, 500, 800, 1000, 1001, 5400];
  const hosts: Host[] = [];
  for (let i = 1; i <= 70; i++) {
    const prefecture = random() < 0.85 ? 1 + Math.floor(random() * 47) : null;
    hosts.push({
      id: `H${String(i).padStart(3, "0")}`,
      jsic: random() < 0.5 ? pick(["R", "I", "E"]) : pick(JSIC),
      employees: maybe(pick(employeeChoices), 0.08),
      overseas: maybe(pick(["ongoing", "planned", "not_planned"]), 0.1),
      prefecture,
      region: prefecture === null ? pick(REGIONS) : REGION_OF_PREFECTURE(prefecture),
      status: pick(["accepted", "accepted", "accepted", "declined", "withdrawn", "submitted", "changes_requested"]),
    });
  }
  const accepted = hosts.filter((h) => h.status === "accepted");
  const placements: Placement[] = [];
  for (const a of applicants) {
    if (a.nationality === null || random() > 0.22) continue;
    a.status = pick(["placed", "completed", "completed"]);
    placements.push({ id: `P${String(placements.length + 1).padStart(3, "0")}`, applicant: a, host: pick(accepted) });
  }
  const internAnswers: Answer[] = [];
  const hostAnswers: Answer[] = [];
  for (const p of placements) {
    if (random() < 0.85)
      internAnswers.push({
        id: `IS${internAnswers.length + 1}`,
        intern: p.id,
        match: maybe(random() < 0.8 ? "yes" : "no", 0.07),
        satisfaction: maybe(random() < 0.75 ? "satisfied" : "not_satisfied", 0.07),
      });
    if (random() < 0.8)
      hostAnswers.push({
        id: `HS${hostAnswers.length + 1}`,
        intern: p.id,
        match: maybe(random() < 0.7 ? "yes" : "no", 0.05),
        satisfaction: maybe(random() < 0.8 ? "satisfied" : "not_satisfied", 0.05),
        japanese: maybe(pick(["business", "daily", "daily", "other"]), 0.1),
        english: maybe(pick(["native", "business", "daily", "daily", "other"]), 0.1),
      });
  }
  const cell = (v: string | number | null) => (v === null ? "" : String(v));
  const csv = (header: string, rows: (string | number | null)[][]) => [header, ...rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
  const files: Record<string, string> = {
    "applicants.csv": csv(
      "id,nationality,gender,age,field,final_status",
      applicants.map((a) => [a.id, a.nationality, pick(["female", "male", ""]), 20 + Math.floor(random() * 15), "", a.status]),
    ),
    "hosts.csv": csv(
      "id,corporate_number,jsic_division,employees,overseas_status,prefecture,region,final_status",
      hosts.map((h) => [
        h.id,
        "",
        h.jsic,
        h.employees === null ? null : h.employees >= 1000 ? `"${h.employees.toLocaleString("en")}"` : h.employees,
        h.overseas,
        h.prefecture === null ? null : String(h.prefecture).padStart(2, "0"),
        h.prefecture === null || random() < 0.5 ? h.region : null,
        h.status,
      ]),
    ),
    "interns.csv": csv(
      "id,applicant_id,host_id",
      placements.map((p) => [p.id, p.applicant.id, p.host.id]),
    ),
    "intern-surveys.csv": csv(
      "id,intern_id,match_fit,overall_satisfaction",
      internAnswers.map((r) => [r.id, r.intern, r.match, r.satisfaction]),
    ),
    "host-surveys.csv": csv(
      "id,intern_id,match_fit,overall_satisfaction,intern_japanese_level,intern_english_level",
      hostAnswers.map((r) => [r.id, r.intern, r.match, r.satisfaction, r.japanese ?? null, r.english ?? null]),
    ),
  };
  return { applicants, hosts, placements, internAnswers, hostAnswers, files };
}

type Year = ReturnType<typeof generateYear>;
/** Per figure, per row key: the count, the number who answered (the base) and the percentage in tenths, rounded half up. */
type Expected = Record<string, Record<string, { count: number; base: number | null; tenths: number | null }>>;

function tally<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined) {
  const counts: Record<string, number> = {};
  let answered = 0;
  for (const item of items) {
    const k = keyOf(item);
    if (k === null || k === undefined) continue;
    answered++;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const rows: Expected[string] = {};
  for (const [k, n] of Object.entries(counts)) rows[k] = { count: n, base: answered, tenths: Math.floor((2000 * n + answered) / (2 * answered)) };
  return rows;
}

function rates(answers: readonly Answer[]): Expected[string] {
  const rate = (valueOf: (a: Answer) => string | null, positive: string) => {
    const answered = answers.filter((a) => valueOf(a) !== null).length;
    const count = answers.filter((a) => valueOf(a) === positive).length;
    return { count, base: answered, tenths: answered === 0 ? null : Math.floor((2000 * count + answered) / (2 * answered)) };
  };
  return { match_fit: rate((a) => a.match, "yes"), overall_satisfaction: rate((a) => a.satisfaction, "satisfied") };
}

function expectedFigures(year: Year): Expected {
  const total = (n: number) => ({ total: { count: n, base: null, tenths: null } });
  const perCountry: Record<string, number> = {};
  for (const p of year.placements) perCountry[p.applicant.nationality!] = (perCountry[p.applicant.nationality!] ?? 0) + 1;
  const topFour = Object.entries(perCountry)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 4)
    .filter(([, n]) => n >= 5)
    .map(([c]) => c);
  const withIntern = new Set(year.placements.map((p) => p.host.id));
  const hosts = year.hosts.filter((h) => withIntern.has(h.id));
  return {
    applicants: total(year.applicants.length),
    interns: total(year.placements.length),
    internsByNationality: tally(year.placements, (p) =>
      topFour.includes(p.applicant.nationality!) ? `country:${p.applicant.nationality}` : `worldRegion:${WORLD_REGION[p.applicant.nationality!]}`,
    ),
    internEvaluation: rates(year.internAnswers),
    internJapaneseLevel: tally(year.hostAnswers, (a) => a.japanese),
    internEnglishLevel: tally(year.hostAnswers, (a) => a.english),
    hostApplicants: total(year.hosts.length),
    hosts: total(hosts.length),
    hostsByIndustry: tally(hosts, (h) => INDUSTRY_ROW(h.jsic)),
    hostsBySize: tally(hosts, (h) => (h.employees === null ? null : SIZE_ROW(h.employees))),
    hostsByOverseasStatus: tally(hosts, (h) => h.overseas),
    hostsByRegion: tally(hosts, (h) => h.region),
    hostEvaluation: rates(year.hostAnswers),
  };
}

function writeYear(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "jip-import-year-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
  });

  it("checks a directory in a dry run: placements and answers against the files before them; nothing written", async () => {
    const year = generateYear(7);
    const files = ["interns", "host-surveys", "applicants", "hosts", "intern-surveys"].map((k) => ({
      kind: k as "applicants",
      fileName: `${k}.csv`,
      bytes: new TextEncoder().encode(year.files[`${k}.csv`]!),
    }));
    const previews = await previewImportDirectory(env.ctx, operator, { round: String(FISCAL_YEAR + 10), files });
    expect(previews.map((p) => [p.kind, p.problems.length])).toEqual([
      ["applicants", 0],
      ["hosts", 0],
      ["interns", 0],
      ["intern-surveys", 0],
      ["host-surveys", 0],
    ]);
    // without the applicants' file, every placement names an applicant that is nowhere
    const withoutApplicants = await previewImportDirectory(env.ctx, operator, {
      round: String(FISCAL_YEAR + 10),
      files: files.filter((f) => f.kind !== "applicants"),
    });
    const interns = withoutApplicants.find((p) => p.kind === "interns")!;
    expect(interns.problems).toHaveLength(year.placements.length);
    expect(interns.problems[0]).toEqual({ line: 2, column: "applicant_id", code: "unknownApplicant", value: year.placements[0]!.applicant.id });
    expect(await env.db.selectFrom("import_batches").select("id").execute()).toEqual([]);
  });

  it.runIf(kind === "postgres")(
    "imports a synthetic year with bin/jip import --fiscal-year, and every figure matches the rows counted here",
    async () => {
      const year = generateYear(20_190_401);
      // the generated year has what the figures need: several nationalities and world regions, every size and region
      expect(new Set(year.applicants.map((a) => a.nationality)).size).toBeGreaterThan(10);
      expect(year.applicants.length).toBeGreaterThanOrEqual(400);
      const expected = expectedFigures(year);
      expect(Object.keys(expected.internsByNationality!).filter((k) => k.startsWith("country:"))).toHaveLength(4);
      expect(Object.keys(expected.internsByNationality!).filter((k) => k.startsWith("worldRegion:")).length).toBeGreaterThanOrEqual(3);
      expect(Object.keys(expected.hostsBySize!)).toHaveLength(5);
      expect(Object.keys(expected.hostsByRegion!).length).toBeGreaterThanOrEqual(6);

      const dir = writeYear(year.files);
      try {
        const jip = path.resolve("bin/jip");
        const envVars = { ...process.env, DATABASE_URL: env.databaseUrl!, DATA_DIR: dir };
        const dry = execFileSync(jip, ["import", "--fiscal-year", String(FISCAL_YEAR), dir, "--dry-run"], { env: envVars, encoding: "utf8" });
        expect(dry).toContain("dry run: nothing written");
        expect(dry).toContain(`interns.csv: FY${FISCAL_YEAR} interns, ${year.placements.length} rows, ${year.placements.length} without problems, 0 problems`);
        expect(await env.db.selectFrom("import_batches").select("id").where("fiscal_year", "=", FISCAL_YEAR).execute()).toEqual([]);

        const out = execFileSync(jip, ["import", "--fiscal-year", String(FISCAL_YEAR), dir], { env: envVars, encoding: "utf8" });
        const batches = await env.db
          .selectFrom("import_batches")
          .select(["id", "kind", "row_count"])
          .where("fiscal_year", "=", FISCAL_YEAR)
          .orderBy("imported_at")
          .execute();
        expect(batches.map((b) => [b.kind, b.row_count])).toEqual([
          ["applicants", year.applicants.length],
          ["hosts", year.hosts.length],
          ["interns", year.placements.length],
          ["intern-surveys", year.internAnswers.length],
          ["host-surveys", year.hostAnswers.length],
        ]);
        for (const b of batches) expect(out).toContain(`bin/jip import rollback ${b.id}`);
        // the same directory again changes nothing
        const again = execFileSync(jip, ["import", "--fiscal-year", String(FISCAL_YEAR), dir], { env: envVars, encoding: "utf8" });
        expect(again.match(/already imported as batch/g)).toHaveLength(5);
        expect(again).not.toContain("bin/jip import rollback");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      // the figures, as the report page computes them
      const page = await getYearReport(env.ctx, operator, { fiscalYear: FISCAL_YEAR, locale: "en" });
      expect(page.shown.kind).toBe("live");
      const { report } = await computeLive(env.db, FISCAL_YEAR);
      const checked: string[] = [];
      const differ: string[] = [];
      for (const [figureId, rows] of Object.entries(expected)) {
        const figure = report.figures[figureId as keyof typeof report.figures];
        const view = page.figures.find((f) => f.id === figureId)!;
        // every expected row is a row of the figure (no category lost)
        for (const key of Object.keys(rows)) if (!figure.rows.some((r) => r.key === key)) differ.push(`${figureId} ${key}: missing`);
        for (const row of figure.rows) {
          const want = rows[row.key] ?? { count: 0, base: Object.values(rows)[0]?.base ?? null, tenths: Object.values(rows)[0]?.base ? 0 : null };
          const got = { count: row.count, base: row.base?.respondents ?? null, tenths: row.percent?.tenths ?? null };
          if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${figureId} ${row.key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
          const trace = view.trace.find((t) => t.key === row.key);
          if (trace?.count !== want.count || (want.base !== null && trace.base !== want.base))
            differ.push(`page ${figureId} ${row.key}: ${trace?.count}/${trace?.base} ≠ ${want.count}/${want.base}`);
          checked.push(`${figureId} ${row.key}`);
        }
      }
      expect(differ).toEqual([]);
      expect(new Set(checked.map((c) => c.split(" ")[0])).size).toBe(13);
    },
    120_000,
  );

  it.runIf(kind === "postgres")(
    "stops at the first file with problems, listing them, and says which batches were committed and how to roll them back",
    async () => {
      const year = generateYear(99);
      const files = { ...year.files, "interns.csv": year.files["interns.csv"]!.replace(/\r\nP001,A\d+,/, "\r\nP001,NOBODY,") };
      const dir = writeYear(files);
      try {
        const envVars = { ...process.env, DATABASE_URL: env.databaseUrl!, DATA_DIR: dir };
        let failed: { status: number; stdout: string } | undefined;
        try {
          execFileSync(path.resolve("bin/jip"), ["import", "--fiscal-year", "2020", dir], { env: envVars, encoding: "utf8" });
        } catch (e) {
          failed = e as { status: number; stdout: string };
        }
        expect(failed?.status).toBe(1);
        expect(failed?.stdout).toContain("Line 2 [applicant_id]");
        expect(failed?.stdout).toContain("stopped at interns.csv");
        const batches = await env.db.selectFrom("import_batches").select(["id", "kind"]).where("fiscal_year", "=", 2020).execute();
        expect(batches.map((b) => b.kind).sort()).toEqual(["applicants", "hosts"]);
        const hosts = batches.find((b) => b.kind === "hosts")!.id;
        const applicants = batches.find((b) => b.kind === "applicants")!.id;
        expect(failed?.stdout).toContain(`bin/jip import rollback ${hosts}\n  bin/jip import rollback ${applicants}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
