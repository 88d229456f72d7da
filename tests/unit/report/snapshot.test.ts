import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalRecordsInput, diffReports, parseReport, serializeReport, computeYearReport } from "#src/domain/report/index.ts";
import { defaultReportConfig, PUBLISHED_AGGREGATES } from "#src/report/data.ts";
import { compareSnapshots, reportFromPublished, reportFromRecords, sha256Hex } from "#src/report/snapshot.ts";
import { generateYear } from "../../../bench/report/generate.ts";

const config = defaultReportConfig();

describe("canonical JSON", () => {
  it("sorts keys at every depth, keeps array order, drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: "é" }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
  });

  it("is the same for the same value however it was built, and parses back to it", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses what is not plain data", () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(TypeError);
  });
});

describe("canonical inputs", () => {
  const records = generateYear({ applicants: 300, hostApplicants: 20, interns: 30, seed: 9 });

  it("are JSON, with each list as tuples sorted by id", () => {
    const parsed = JSON.parse(canonicalRecordsInput(records, config));
    expect(parsed.records.applicants).toHaveLength(300);
    const ids = parsed.records.applicants.map((t: string[]) => t[0]);
    expect(ids).toEqual([...ids].sort());
    expect(parsed.records.applicants[0]).toHaveLength(3);
    expect(parsed.config.industryGroups[0].divisions).toEqual(["R"]);
  });

  it("treat a blank answer and a question not asked alike, and see every other change", () => {
    const base = canonicalRecordsInput(records, config);
    const r0 = records.internSurveyResponses[0]!;
    const withNull = { ...records, internSurveyResponses: [{ ...r0, answers: { ...r0.answers, match_fit: null } }, ...records.internSurveyResponses.slice(1)] };
    const { match_fit: _dropped, ...rest } = r0.answers;
    const withoutKey = { ...records, internSurveyResponses: [{ ...r0, answers: rest }, ...records.internSurveyResponses.slice(1)] };
    expect(canonicalRecordsInput(withNull, config)).toBe(canonicalRecordsInput(withoutKey, config));
    const a0 = records.applicants[0]!;
    const moved = { ...records, applicants: [{ ...a0, nationality: a0.nationality === "VN" ? "TH" : "VN" }, ...records.applicants.slice(1)] };
    expect(canonicalRecordsInput(moved, config)).not.toBe(base);
    expect(canonicalRecordsInput({ ...records, fiscalYear: 2028 }, config)).not.toBe(base);
  });

  it("are the same for duplicated ids in any order (such records are refused, but their hash is still stable)", () => {
    const dup = { ...records, applicants: [...records.applicants, { ...records.applicants[0]!, finalStatus: "rejected" as const }] };
    const reversed = { ...dup, applicants: [...dup.applicants].reverse() };
    expect(canonicalRecordsInput(reversed, config)).toBe(canonicalRecordsInput(dup, config));
  });
});

describe("report snapshots", () => {
  const records = generateYear({ applicants: 2000, hostApplicants: 80, interns: 50, seed: 3 });

  it("regenerating from the same inputs gives the same hashes and the same bytes", () => {
    const a = reportFromRecords(records, config, "commit-a").snapshot;
    const shuffled = { ...records, applicants: [...records.applicants].reverse(), hostSurveyResponses: [...records.hostSurveyResponses].reverse() };
    const b = reportFromRecords(shuffled, config, "commit-b").snapshot;
    expect(b.inputsHash).toBe(a.inputsHash);
    expect(b.reportHash).toBe(a.reportHash);
    expect(b.report).toBe(a.report);
    expect(a.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.reportHash).toBe(sha256Hex(a.report));
    expect(compareSnapshots(a, b)).toEqual({ sameInputs: true, sameReport: true, differences: [] });
  });

  it("a changed record changes the inputs hash and shows the cells that moved", () => {
    const stored = reportFromRecords(records, config, "c").snapshot;
    const target = records.hostSurveyResponses.find((r) => r.answers.match_fit === "yes")!;
    const changed = {
      ...records,
      hostSurveyResponses: records.hostSurveyResponses.map((r) => (r === target ? { ...r, answers: { ...r.answers, match_fit: "no" as const } } : r)),
    };
    const cmp = compareSnapshots(stored, reportFromRecords(changed, config, "c").snapshot);
    expect(cmp.sameInputs).toBe(false);
    expect(cmp.sameReport).toBe(false);
    const moved = cmp.differences.filter((d) => d.figure === "hostEvaluation" && d.row === "match_fit");
    expect(moved.map((d) => d.field).sort()).toEqual(["count", "ids", "percent"]);
    expect(moved.find((d) => d.field === "ids")!.after).toMatch(/1 removed, 0 added/);
    expect(cmp.differences.every((d) => d.figure === "hostEvaluation" && d.row === "match_fit")).toBe(true);
  });

  it("a changed grouping changes the inputs hash and the industry rows", () => {
    const stored = reportFromRecords(records, config, "c").snapshot;
    const regrouped = { ...config, industryGroups: [...config.industryGroups, { code: "it", nameJa: "情報通信業", nameEn: "IT", divisions: ["G"] }] };
    const cmp = compareSnapshots(stored, reportFromRecords(records, regrouped, "c").snapshot);
    expect(cmp.sameInputs).toBe(false);
    expect(cmp.differences).toContainEqual({ figure: "hostsByIndustry", row: "group:it", field: "row", before: "absent", after: "present" });
    expect(cmp.differences).toContainEqual({ figure: "hostsByIndustry", row: "jsic:G", field: "row", before: "present", after: "absent" });
  });

  it("a stored report reads back as the same report", () => {
    const report = computeYearReport(records, config);
    expect(diffReports(parseReport(serializeReport(report)), report)).toEqual([]);
    // a distribution's shared base is stored once (7 distributions), a rates row's own base with each row (2 figures × 2 rows)
    expect(serializeReport(report).split('"unansweredIds"').length - 1).toBe(7 + 4);
    expect(() => parseReport('{"fiscalYear":2020}')).toThrow();
  });

  it("published years snapshot too, each with its own inputs hash", () => {
    const hashes = [2016, 2017, 2018].map((y) => reportFromPublished(PUBLISHED_AGGREGATES, y, "c").snapshot.inputsHash);
    expect(new Set(hashes).size).toBe(3);
    const again = reportFromPublished(PUBLISHED_AGGREGATES, 2016, "c").snapshot;
    expect(again.inputsHash).toBe(hashes[0]);
  });
});
