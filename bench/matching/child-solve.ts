/**
 * Child process for peak-memory measurement: reads an instance file, parses,
 * validates, solves (with verification) and prints {ms, maxRssMB, stable}.
 * Run: node --import tsx/esm bench/matching/child-solve.ts <instance.json> [--reference]
 */
import { readFileSync } from "node:fs";
import { solve, validateInstance } from "#src/domain/matching/index.ts";
import { referenceDA } from "./reference.ts";

const file = process.argv[2]!;
const t0 = performance.now();
const v = validateInstance(JSON.parse(readFileSync(file, "utf8")));
if (!v.ok) throw new Error(v.error);
const t1 = performance.now();
const stable = process.argv[3] === "--reference" ? (referenceDA(v.instance), null) : solve(v.instance).verification.stable;
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ parseValidateMs: t1 - t0, solveMs: t2 - t1, maxRssMB: process.resourceUsage().maxRSS / 1024, stable })}\n`);
