/**
 * Report snapshots (ADR 0015): a generated report stored with the sha-256 of
 * its canonical inputs and of itself, the figure definitions version and the
 * code version, so it can be regenerated later and compared cell by cell.
 */
import { createHash } from "node:crypto";
import {
  canonicalPublishedInput,
  canonicalRecordsInput,
  computeYearReport,
  diffReports,
  parseReport,
  serializeReport,
  yearReportFromPublished,
  type PublishedAggregates,
  type ReportConfig,
  type ReportDifference,
  type ReportRecords,
  type ReportSource,
  type YearReport,
} from "../domain/report/index.ts";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** What a report_snapshots row holds (the table is the full-stack engineer's, migration 0014). */
export interface ReportSnapshot {
  fiscalYear: number;
  source: ReportSource;
  definitionsVersion: number;
  /** sha-256 (hex) of canonicalRecordsInput / canonicalPublishedInput */
  inputsHash: string;
  /** sha-256 (hex) of `report` */
  reportHash: string;
  /** The code that made it (e.g. the git commit), given by the caller. */
  codeVersion: string;
  /** serializeReport(report): canonical JSON, ids included */
  report: string;
}

function snapshot(report: YearReport, inputsHash: string, codeVersion: string): ReportSnapshot {
  const text = serializeReport(report);
  return {
    fiscalYear: report.fiscalYear,
    source: report.source,
    definitionsVersion: report.definitionsVersion,
    inputsHash,
    reportHash: sha256Hex(text),
    codeVersion,
    report: text,
  };
}

/** Computes a year's report from its records and the snapshot to store. Throws ReportInputError on inconsistent records. */
export function reportFromRecords(records: ReportRecords, config: ReportConfig, codeVersion: string): { report: YearReport; snapshot: ReportSnapshot } {
  const report = computeYearReport(records, config);
  return { report, snapshot: snapshot(report, sha256Hex(canonicalRecordsInput(records, config)), codeVersion) };
}

/** A published year's report and its snapshot. */
export function reportFromPublished(data: PublishedAggregates, fiscalYear: number, codeVersion: string): { report: YearReport; snapshot: ReportSnapshot } {
  const report = yearReportFromPublished(data, fiscalYear);
  return { report, snapshot: snapshot(report, sha256Hex(canonicalPublishedInput(data, fiscalYear)), codeVersion) };
}

export interface SnapshotComparison {
  /** The records (and groupings) are the same as when the snapshot was made. */
  sameInputs: boolean;
  /** The regenerated report is byte for byte the stored one. */
  sameReport: boolean;
  /** Cell-by-cell differences (empty when sameReport). */
  differences: ReportDifference[];
}

/**
 * Compares a stored snapshot with one regenerated now. Same inputs but a
 * different report means the code (or the definitions) changed the figures;
 * different inputs mean the records changed since.
 */
export function compareSnapshots(stored: ReportSnapshot, regenerated: ReportSnapshot): SnapshotComparison {
  const sameReport = stored.reportHash === regenerated.reportHash && stored.report === regenerated.report;
  return {
    sameInputs: stored.inputsHash === regenerated.inputsHash,
    sameReport,
    differences: sameReport ? [] : diffReports(parseReport(stored.report), parseReport(regenerated.report)),
  };
}
