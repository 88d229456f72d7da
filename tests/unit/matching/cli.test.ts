import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run as runInProcess } from "#src/cli/commands/match.ts";
import { solve, verifyMatching } from "#src/domain/matching/index.ts";

const jip = resolve(import.meta.dirname, "../../../bin/jip");
const dir = mkdtempSync(join(tmpdir(), "jip-match-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(jip, ["match", ...args], { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const valid = {
  applicants: [
    { id: "a1", preferences: ["h2", "h1"] },
    { id: "a2", preferences: ["h1"] },
    { id: "a3", preferences: ["h1", "h2"] },
    { id: "a7", preferences: [] },
  ],
  hosts: [
    { id: "h1", capacity: 1, region: "kanto", preferences: ["a3", "a1", "a2"] },
    { id: "h2", capacity: 1, region: "kansai", preferences: ["a1", "a3"] },
  ],
  regionCaps: { kanto: 50 },
};

let n = 0;
function file(content: string): string {
  const p = join(dir, `in-${n++}.json`);
  writeFileSync(p, content);
  return p;
}

describe("jip match", { timeout: 30_000 }, () => {
  it("writes the verified result to --out", async () => {
    const out = join(dir, "result.json");
    const r = await run(["--in", file(JSON.stringify(valid)), "--out", out]);
    expect(r).toMatchObject({ code: 0, stderr: "", stdout: "" });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({
      assignments: [
        { applicant: "a1", host: "h2" },
        { applicant: "a3", host: "h1" },
      ],
      unmatched: ["a2", "a7"],
      verification: { notion: "weakly-stable-with-regional-caps", feasible: true, stable: true, violations: [], blockingPairs: [] },
    });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes to stdout without --out; --explain and --proposing hosts", async () => {
    const noCaps = { ...valid, regionCaps: undefined };
    const r = await run(["--in", file(JSON.stringify(noCaps)), "--proposing", "hosts", "--explain"]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.verification.stable).toBe(true);
    expect(Object.keys(result.explanations.applicants).sort()).toEqual(["a1", "a2", "a3", "a7"]);
    expect(result.explanations.applicants.a2.higherChoices[0].code).toBe("HOST_FULL_WITH_HIGHER_RANKED");
  });

  const bad: Array<[string, string | null, RegExp]> = [
    ["malformed JSON", '{"applicants": [', /malformed JSON/],
    [
      "unknown id",
      JSON.stringify({ ...valid, hosts: [{ ...valid.hosts[0], preferences: ["a3", "a9"] }, valid.hosts[1]] }),
      /^jip match: hosts\[0\]\.preferences\[1\]: unknown applicant "a9"$/,
    ],
    [
      "duplicate in a rank list",
      JSON.stringify({ ...valid, applicants: [{ id: "a1", preferences: ["h1", "h1"] }] }),
      /^jip match: applicants\[0\]\.preferences\[1\]: duplicate host "h1"$/,
    ],
    [
      "duplicate id",
      JSON.stringify({ ...valid, applicants: [...valid.applicants, { id: "a2", preferences: [] }] }),
      /^jip match: applicants\[4\]\.id: duplicate applicant id "a2"$/,
    ],
    [
      "capacity < 1",
      JSON.stringify({ ...valid, hosts: [valid.hosts[0], { ...valid.hosts[1], capacity: 0 }] }),
      /^jip match: hosts\[1\]\.capacity: must be >= 1/,
    ],
    [
      "capacity not an integer",
      JSON.stringify({ ...valid, hosts: [valid.hosts[0], { ...valid.hosts[1], capacity: 2.5 }] }),
      /^jip match: hosts\[1\]\.capacity: expected an integer/,
    ],
    ["negative region cap", JSON.stringify({ ...valid, regionCaps: { kanto: -3 } }), /^jip match: regionCaps\.kanto: cap must be >= 0/],
    [
      "region missing with caps",
      JSON.stringify({ ...valid, hosts: [valid.hosts[0], { id: "h2", capacity: 1, preferences: [] }] }),
      /^jip match: hosts\[1\]\.region: missing/,
    ],
    ["missing --in file", null, /^jip match: --in: cannot read ".*" \(ENOENT\)$/],
  ];
  it.each(bad)("bad input: %s -> exit 2, one line, no output file", async (_name, content, message) => {
    const inPath = content === null ? join(dir, "does-not-exist.json") : file(content);
    const out = join(dir, `out-${n++}.json`);
    const r = await run(["--in", inPath, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("bad usage: missing --in, bad --proposing, hosts-proposing with caps -> exit 2", async () => {
    for (const args of [[], ["--in", file("{}"), "--proposing", "both"], ["--in", file(JSON.stringify(valid)), "--proposing", "hosts"]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("--help and -h print the usage on stdout, exit 0", async () => {
    for (const args of [["--help"], ["-h"], ["--in", "x.json", "--help"]]) {
      const r = await run(args);
      expect(r).toEqual({
        code: 0,
        stdout: "usage: jip match --in instance.json [--out result.json] [--proposing applicants|hosts] [--explain]\n",
        stderr: "",
      });
    }
  });

  it("a host in a region named like an Object.prototype key is matched (this used to exit 1)", async () => {
    const odd = {
      applicants: [{ id: "a1", preferences: ["h1"] }],
      hosts: [{ id: "h1", capacity: 1, region: "constructor", preferences: ["a1"] }],
      regionCaps: { other: 0 },
    };
    const r = await run(["--in", file(JSON.stringify(odd))]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).assignments).toEqual([{ applicant: "a1", host: "h1" }]);
  });
});

describe("jip match with a faulty engine (in process)", () => {
  /** drops the first assignment, then verifies for real: an applicant left with an empty seat at their host */
  const faulty: typeof solve = (instance, options) => {
    const good = solve(instance, options);
    const assignments = good.assignments.slice(1);
    const unmatched = [...good.unmatched, good.assignments[0]!.applicant].sort();
    return { assignments, unmatched, verification: verifyMatching(instance, assignments, unmatched) };
  };

  it("a result that fails verification: exit 1, one line on stderr, result written with its verification", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const out = join(dir, "faulty.json");
      const code = await runInProcess(["--in", file(JSON.stringify(valid)), "--out", out], { solve: faulty });
      expect(code).toBe(1);
      expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
        "jip match: internal error: the result failed verification (see verification in the output)\n",
      ]);
      const written = JSON.parse(readFileSync(out, "utf8"));
      expect(written.verification).toMatchObject({ feasible: true, stable: false, blockingPairs: [{ applicant: "a1", host: "h2", kind: "EMPTY_SEAT" }] });
    } finally {
      stderr.mockRestore();
    }
  });

  it("an engine that throws: run rejects (bin/jip turns that into exit 1)", async () => {
    const throwing: typeof solve = () => {
      throw new Error("boom");
    };
    await expect(runInProcess(["--in", file(JSON.stringify(valid))], { solve: throwing })).rejects.toThrow("boom");
  });
});
