/**
 * `jip match --in instance.json [--out result.json] [--proposing applicants|hosts] [--explain]`
 *
 * Reads an instance, validates it, runs the matching engine (result carries
 * its verification) and writes the result JSON to --out (atomically: temp
 * file in the same directory, then rename) or to stdout.
 * Exit codes: 0 ok (also for --help / -h, usage on stdout); 2 bad usage or bad
 * input (one line on stderr, no output file written); 1 unexpected failure, or
 * a result that failed verification — the result is still written so its
 * `verification` can be inspected. For a valid instance the latter means a
 * solver bug caught by the independent verifier (one existed: a host in a
 * region named "constructor" got cap 0); tests reach it with a faulty `engine`.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { solve, UnsupportedOptionError, validateInstance, type Proposing } from "../../domain/matching/index.ts";

export const summary = "stable matching of applicants to hosts (capacities, regional caps), verified";

const usage = "usage: jip match --in instance.json [--out result.json] [--proposing applicants|hosts] [--explain]";

interface Options {
  readonly inPath: string;
  readonly outPath: string | undefined;
  readonly proposing: Proposing;
  readonly explain: boolean;
}

function parseArgs(argv: string[]): Options | string {
  let inPath: string | undefined;
  let outPath: string | undefined;
  let proposing: Proposing = "applicants";
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--in":
        inPath = value();
        if (!inPath) return "--in: missing file name";
        break;
      case "--out":
        outPath = value();
        if (!outPath) return "--out: missing file name";
        break;
      case "--proposing": {
        const v = value();
        if (v !== "applicants" && v !== "hosts") return `--proposing: expected "applicants" or "hosts", got ${JSON.stringify(v ?? "")}`;
        proposing = v;
        break;
      }
      case "--explain":
        explain = true;
        break;
      default:
        return `unknown argument ${JSON.stringify(arg)} (${usage})`;
    }
  }
  if (!inPath) return `--in: required (${usage})`;
  return { inPath, outPath, proposing, explain };
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

function fail(message: string, code = 2): number {
  process.stderr.write(`jip match: ${oneLine(message)}\n`);
  return code;
}

/** What `run` calls to solve; a parameter so tests can substitute a faulty engine (exit code 1 path). */
export interface Engine {
  readonly solve: typeof solve;
}

export async function run(argv: string[], engine: Engine = { solve }): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const opts = parseArgs(argv);
  if (typeof opts === "string") return fail(opts);

  let text: string;
  try {
    text = await readFile(opts.inPath, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return fail(`--in: cannot read ${JSON.stringify(opts.inPath)} (${code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return fail(`${opts.inPath}: malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const validation = validateInstance(parsed);
  if (!validation.ok) return fail(validation.error);

  let result;
  try {
    result = engine.solve(validation.instance, { proposing: opts.proposing, explain: opts.explain }, validation.index);
  } catch (err) {
    if (err instanceof UnsupportedOptionError) return fail(err.message);
    throw err;
  }
  const json = `${JSON.stringify(result)}\n`;

  if (opts.outPath === undefined) {
    process.stdout.write(json);
  } else {
    const tmp = join(dirname(opts.outPath), `.${basename(opts.outPath)}.${process.pid}.tmp`);
    try {
      await writeFile(tmp, json, "utf8");
      await rename(tmp, opts.outPath);
    } catch (err) {
      await rm(tmp, { force: true });
      const code = (err as NodeJS.ErrnoException).code ?? "error";
      return fail(`--out: cannot write ${JSON.stringify(opts.outPath)} (${code})`);
    }
  }
  if (!result.verification.stable) {
    return fail("internal error: the result failed verification (see verification in the output)", 1);
  }
  return 0;
}
