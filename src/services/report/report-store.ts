/**
 * Published report versions (report_snapshots, migration 0014): read the
 * latest version of each year or one version, insert a new one. A stored
 * version is never changed (the database refuses updates and deletes).
 */
import { execFileSync } from "node:child_process";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ReportDifference, ReportSource } from "../../domain/report/index.ts";
import type { ReportSnapshot } from "../../report/index.ts";
import { defaultReportConfig } from "../../report/index.ts";
import type { ReportConfig } from "../../domain/report/index.ts";

export interface StoredSnapshot extends ReportSnapshot {
  id: string;
  version: number;
  differences: ReportDifference[];
  publishedBy: string | null;
  publishedAt: Date;
}

/** A version without its (large) report text. */
export type SnapshotSummary = Omit<StoredSnapshot, "report" | "differences"> & { differenceCount: number };

let cachedVersion: string | undefined;

/** The code that makes a report: JIP_CODE_VERSION, else the git commit of the working copy, else "unknown". */
export function codeVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  const fromEnv = process.env.JIP_CODE_VERSION?.trim();
  if (fromEnv) return (cachedVersion = fromEnv);
  try {
    cachedVersion = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", timeout: 2000, stdio: ["ignore", "pipe", "ignore"] }).trim() || "unknown";
  } catch {
    cachedVersion = "unknown";
  }
  return cachedVersion;
}

/** The report's groupings (the shipped defaults; the inputs hash records them). */
export function reportConfig(): ReportConfig {
  return defaultReportConfig();
}

function toStored(r: {
  id: string;
  fiscal_year: number;
  version: number;
  source: string;
  definitions_version: number;
  inputs_hash: string;
  report_hash: string;
  code_version: string;
  report: string;
  differences: unknown;
  published_by: string | null;
  published_at: Date;
}): StoredSnapshot {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    version: r.version,
    source: r.source as ReportSource,
    definitionsVersion: r.definitions_version,
    inputsHash: r.inputs_hash,
    reportHash: r.report_hash,
    codeVersion: r.code_version,
    report: r.report,
    differences: (r.differences ?? []) as ReportDifference[],
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
}

/** Every version of every year, newest version first within a year, without the report text. */
export async function listVersions(db: Kysely<Database>, fiscalYear?: number): Promise<SnapshotSummary[]> {
  let q = db
    .selectFrom("report_snapshots")
    .select([
      "id",
      "fiscal_year",
      "version",
      "source",
      "definitions_version",
      "inputs_hash",
      "report_hash",
      "code_version",
      "differences",
      "published_by",
      "published_at",
    ])
    .orderBy("fiscal_year")
    .orderBy("version", "desc");
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rows = await q.execute();
  return rows.map((r) => {
    const { report: _r, differences, ...rest } = toStored({ ...r, report: "" });
    return { ...rest, differenceCount: differences.length };
  });
}

/** One version of a year (the latest when `version` is undefined), or undefined. */
export async function findSnapshot(db: Kysely<Database>, fiscalYear: number, version?: number): Promise<StoredSnapshot | undefined> {
  let q = db.selectFrom("report_snapshots").selectAll().where("fiscal_year", "=", fiscalYear);
  q = version === undefined ? q.orderBy("version", "desc").limit(1) : q.where("version", "=", version);
  const row = await q.executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** The latest version of every published year, oldest year first. */
export async function latestSnapshots(db: Kysely<Database>): Promise<StoredSnapshot[]> {
  const latest = db
    .selectFrom("report_snapshots")
    .select(["fiscal_year", (eb) => eb.fn.max("version").as("v")])
    .groupBy("fiscal_year")
    .as("l");
  const rows = await db
    .selectFrom("report_snapshots as s")
    .innerJoin(latest, (j) => j.onRef("l.fiscal_year", "=", "s.fiscal_year").onRef("l.v", "=", "s.version"))
    .selectAll("s")
    .orderBy("s.fiscal_year")
    .execute();
  return rows.map(toStored);
}

export async function insertSnapshot(
  db: Kysely<Database>,
  snapshot: ReportSnapshot,
  input: { version: number; differences: ReportDifference[]; publishedBy: string | null; publishedAt: Date },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto("report_snapshots")
    .values({
      id,
      fiscal_year: snapshot.fiscalYear,
      version: input.version,
      source: snapshot.source,
      definitions_version: snapshot.definitionsVersion,
      inputs_hash: snapshot.inputsHash,
      report_hash: snapshot.reportHash,
      code_version: snapshot.codeVersion,
      report: snapshot.report,
      differences: JSON.stringify(input.differences),
      published_by: input.publishedBy,
      published_at: input.publishedAt,
    })
    .execute();
  return id;
}

/** The differences a version has from the one before it. */
export async function findDifferences(db: Kysely<Database>, fiscalYear: number, version: number): Promise<ReportDifference[]> {
  const row = await db
    .selectFrom("report_snapshots")
    .select("differences")
    .where("fiscal_year", "=", fiscalYear)
    .where("version", "=", version)
    .executeTakeFirst();
  return (row?.differences ?? []) as ReportDifference[];
}
