/**
 * Deterministic synthetic screening data (mulberry32, fixed seed):
 * - assignment instances: applications in one or two of six languages with
 *   one to three of twelve fields, reviewers reading two or three languages
 *   with two to four fields of expertise, equal capacities with 10 % slack,
 *   and a given density of random conflicts (each pair independently);
 * - score sets with planted application qualities and reviewer severities.
 */
import type { AssignmentInstance, ConflictPair } from "#src/domain/screening/index.ts";
import { mulberry32 } from "../matching/generate.ts";

export { mulberry32 };

const LANGUAGES = ["ja", "en", "vi", "id", "zh", "th"];
const FIELDS = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, "0")}`);

function pick<T>(rnd: () => number, from: readonly T[], n: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

export interface AssignmentGenOptions {
  readonly applications: number;
  readonly reviewers: number;
  readonly reads: number;
  readonly conflictDensity: number;
  /** total capacity / reads needed (default 1.1) */
  readonly slack?: number;
  readonly seed?: number;
}

export function generateAssignmentInstance(o: AssignmentGenOptions): AssignmentInstance {
  const rnd = mulberry32(o.seed ?? 20260413);
  const capacity = Math.ceil(((o.slack ?? 1.1) * o.applications * o.reads) / o.reviewers);
  const w = Math.max(String(o.applications).length, String(o.reviewers).length);
  const applications = Array.from({ length: o.applications }, (_, i) => ({
    id: `a${String(i).padStart(w, "0")}`,
    languages: pick(rnd, LANGUAGES, 1 + Math.floor(rnd() * 2)),
    fields: pick(rnd, FIELDS, 1 + Math.floor(rnd() * 3)),
    reads: o.reads,
  }));
  const reviewers = Array.from({ length: o.reviewers }, (_, i) => ({
    id: `r${String(i).padStart(w, "0")}`,
    languages: pick(rnd, LANGUAGES, 2 + Math.floor(rnd() * 2)),
    expertise: pick(rnd, FIELDS, 2 + Math.floor(rnd() * 3)),
    capacity,
  }));
  const conflicts: ConflictPair[] = [];
  for (const a of applications) for (const r of reviewers) if (rnd() < o.conflictDensity) conflicts.push({ reviewer: r.id, application: a.id });
  return { applications, reviewers, conflicts };
}

export interface ScoreGenOptions {
  readonly applications: number;
  readonly reviewers: number;
  readonly reads: number;
  /** standard deviations of quality, severity and noise */
  readonly qualitySd?: number;
  readonly severitySd?: number;
  readonly noiseSd?: number;
  readonly seed?: number;
}

/** Gaussian via Box–Muller */
export function gaussian(rnd: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export function generateScores(o: ScoreGenOptions) {
  const rnd = mulberry32(o.seed ?? 20260414);
  const g = gaussian(rnd);
  const quality = Array.from({ length: o.applications }, () => 60 + (o.qualitySd ?? 10) * g());
  const raw = Array.from({ length: o.reviewers }, () => (o.severitySd ?? 5) * g());
  const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
  const severity = raw.map((x) => x - mean);
  const scores: { application: string; reviewer: string; score: number }[] = [];
  for (let i = 0; i < o.applications; i++) {
    const chosen = pick(
      rnd,
      Array.from({ length: o.reviewers }, (_, j) => j),
      o.reads,
    );
    for (const j of chosen) scores.push({ application: `a${i}`, reviewer: `r${j}`, score: quality[i]! + severity[j]! + (o.noiseSd ?? 3) * g() });
  }
  return { scores, quality, severity: Object.fromEntries(severity.map((s, j) => [`r${j}`, s])) };
}
