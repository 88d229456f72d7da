import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const jip = resolve(import.meta.dirname, "../../bin/jip");
const elsewhere = mkdtempSync(join(tmpdir(), "jip-cwd-"));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

function run(args: string[], cwd: string, command = jip): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { cwd }, (err, stdout, stderr) => done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }));
  });
}

describe("bin/jip from any directory (issue #20 item 5)", () => {
  it("runs outside the repository: tsx and the sources are found from the script's own folder", async () => {
    const out = await run(["help"], elsewhere);
    expect(out.stderr).not.toContain("ERR_MODULE_NOT_FOUND");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("usage: jip");
  }, 60_000);

  it("matches a file given by a path relative to the caller's directory", async () => {
    writeFileSync(
      join(elsewhere, "tiny.json"),
      JSON.stringify({ applicants: [{ id: "a1", preferences: ["h1"] }], hosts: [{ id: "h1", capacity: 1, region: "kanto", preferences: ["a1"] }] }),
    );
    const out = await run(["match", "--in", "tiny.json"], elsewhere);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("a1");
  }, 60_000);

  it("finds its folder through a symbolic link elsewhere (as in /usr/local/bin) and by a relative path", async () => {
    const link = join(elsewhere, "jip");
    symlinkSync(jip, link);
    for (const command of [link, relative(elsewhere, jip)]) {
      const out = await run(["match", "--help"], elsewhere, command);
      expect(out.code, `${command}: ${out.stderr}`).toBe(0);
      expect(out.stdout).toContain("usage: jip match");
    }
  }, 60_000);
});
