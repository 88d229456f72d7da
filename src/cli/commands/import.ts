/**
 * `jip import`: the historical import (issue #17 item 3, docs/import.md).
 *
 *   jip import <kind> <file.csv> --round <fiscal year | round id> [--dry-run] [--lang ja|en]
 *   jip import --fiscal-year <year> <dir> [--dry-run] [--lang ja|en]
 *   jip import list
 *   jip import rollback <batch id>
 *
 * A dry run checks every row and prints each problem (line, column, reason in
 * the language asked for); without --dry-run the file is committed in one
 * transaction, or refused whole (exit code 1) when any row has a problem.
 * With --fiscal-year, every `<kind>.csv` of the directory is imported in the
 * import order, each as its own batch, stopping at the first file with problems.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { IMPORT_KINDS, isImportKind, type ImportProblem } from "../../domain/report-import.ts";
import { translator, type Translate } from "../../i18n/translator.ts";
import { RefusedError } from "../../services/errors.ts";
import { commitImport } from "../../services/report-import/commit-import.ts";
import { listImportBatches } from "../../services/report-import/list-import-batches.ts";
import { previewImport, type ImportPreview } from "../../services/report-import/preview-import.ts";
import { previewImportDirectory } from "../../services/report-import/preview-import-directory.ts";
import { rollbackImport } from "../../services/report-import/rollback-import.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary =
  "import a past year's records from CSV: import --fiscal-year <year> <dir> [--dry-run]; import <kind> <file> --round <year|id> [--dry-run]; import list; import rollback <batch>";

const USAGE = `usage: jip import <kind> <file.csv> --round <fiscal year | round id> [--dry-run] [--lang ja|en]
       jip import --fiscal-year <year> <dir> [--dry-run] [--lang ja|en]   (every <kind>.csv in dir)
       jip import list
       jip import rollback <batch id>
kinds: ${IMPORT_KINDS.join(", ")} (import them in this order)
`;

export function describeProblem(t: Translate, p: ImportProblem): string {
  const where = p.line === 0 ? t("reportImport.preview.wholeFile") : `${t("reportImport.preview.line")} ${p.line}`;
  const column = p.column ? ` [${p.column}]` : "";
  return `${where}${column}: ${t(`reportImport.problems.${p.code}`, { column: p.column ?? "", value: p.value ?? "" })}`;
}

function previewLine(preview: ImportPreview): string {
  return `${preview.fileName}: FY${preview.fiscalYear} ${preview.kind}, ${preview.rows} rows, ${preview.valid} without problems, ${preview.problems.length} problems (sha-256 ${preview.fileSha256}${preview.encoding ? `, ${preview.encoding}` : ""})\n`;
}

function writeRollbacks(committed: { batchId: string; fileName: string }[]): void {
  if (committed.length === 0) return;
  process.stdout.write(`committed in this run: ${committed.map((c) => `${c.fileName} as batch ${c.batchId}`).join(", ")}\n`);
  process.stdout.write("to undo them, roll back in this order:\n");
  for (const c of [...committed].reverse()) process.stdout.write(`  bin/jip import rollback ${c.batchId}\n`);
}

/** `jip import --fiscal-year Y DIR`: every `<kind>.csv` in DIR, in the import order, each its own batch. */
async function importDirectory(dir: string, fiscalYear: string, dryRun: boolean, t: Translate): Promise<number> {
  const names = await readdir(dir).catch(() => null);
  if (!names) {
    process.stderr.write(`${dir}: not a readable directory\n`);
    return 2;
  }
  const present = IMPORT_KINDS.filter((k) => names.includes(`${k}.csv`));
  const ignored = names.filter((n) => n.toLowerCase().endsWith(".csv") && !present.some((k) => `${k}.csv` === n));
  if (present.length === 0) {
    process.stderr.write(`${dir}: no file named ${IMPORT_KINDS.map((k) => `${k}.csv`).join(", ")}\n`);
    return 2;
  }
  if (ignored.length > 0) process.stdout.write(`ignored (not a kind of record): ${ignored.join(", ")}\n`);
  const files = await Promise.all(
    present.map(async (kind) => ({ kind, fileName: `${kind}.csv`, bytes: new Uint8Array(await readFile(path.join(dir, `${kind}.csv`))) })),
  );
  return withRuntime(async (rt) => {
    if (dryRun) {
      const previews = await previewImportDirectory(rt, "system", { round: fiscalYear, files });
      for (const preview of previews) {
        process.stdout.write(previewLine(preview));
        if (preview.sameBatchId) process.stdout.write(`  already imported as batch ${preview.sameBatchId}: importing it would change nothing\n`);
        else for (const p of preview.problems) process.stdout.write(`  ${describeProblem(t, p)}\n`);
      }
      process.stdout.write(
        "dry run: nothing written. Placements and survey answers were checked against the year's imported records and the files before them in this directory.\n",
      );
      return previews.some((p) => !p.sameBatchId && p.problems.length > 0) ? 1 : 0;
    }
    const committed: { batchId: string; fileName: string }[] = [];
    for (const f of files) {
      const input = { kind: f.kind, round: fiscalYear, fileName: f.fileName, bytes: f.bytes };
      const preview = await previewImport(rt, "system", input);
      process.stdout.write(previewLine(preview));
      if (!preview.sameBatchId && preview.problems.length > 0) {
        for (const p of preview.problems) process.stdout.write(`  ${describeProblem(t, p)}\n`);
        process.stdout.write(`stopped at ${f.fileName}: it has problems; nothing of it was imported, nor of the files after it.\n`);
        writeRollbacks(committed);
        return 1;
      }
      try {
        const out = await commitImport(rt, "system", input);
        if (out.unchanged) process.stdout.write(`  already imported as batch ${out.batchId}: nothing changed\n`);
        else {
          process.stdout.write(`  imported ${out.rows} rows as batch ${out.batchId}\n`);
          committed.push({ batchId: out.batchId, fileName: f.fileName });
        }
      } catch (e) {
        if (!(e instanceof RefusedError)) throw e;
        process.stdout.write(`stopped at ${f.fileName}: refused, it has problems; nothing of it was imported.\n`);
        writeRollbacks(committed);
        return 1;
      }
    }
    writeRollbacks(committed);
    return 0;
  });
}

export async function run(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "list" && rest.length === 0) {
    return withRuntime(async (rt) => {
      for (const b of await listImportBatches(rt, "system")) {
        const state = b.rolledBackAt ? `rolled back ${b.rolledBackAt.toISOString()}` : "active";
        process.stdout.write(
          `${b.id}\tFY${b.fiscalYear}\t${b.kind}\t${b.rows} rows\t${b.importedAt.toISOString()}\t${b.importedBy ?? "system"}\t${b.fileSha256}\t${b.fileName}\t${state}\n`,
        );
      }
      return 0;
    });
  }
  if (first === "rollback" && rest.length === 1) {
    return withRuntime(async (rt) => {
      try {
        const { deleted } = await rollbackImport(rt, "system", rest[0]!);
        process.stdout.write(`rolled back batch ${rest[0]}: ${deleted} rows deleted\n`);
        return 0;
      } catch (e) {
        if (e instanceof RefusedError) {
          const t = translator("en");
          for (const r of e.refusals) process.stderr.write(`${t(`${e.messages}.${r.code}`, r as Record<string, string>)}\n`);
          return 1;
        }
        throw e;
      }
    });
  }
  let round: string | undefined;
  let fiscalYear: string | undefined;
  let dryRun = false;
  let lang: "ja" | "en" = "en";
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--dry-run") dryRun = true;
    else if (a === "--round") round = argv[++i];
    else if (a.startsWith("--round=")) round = a.slice("--round=".length);
    else if (a === "--fiscal-year") fiscalYear = argv[++i];
    else if (a.startsWith("--fiscal-year=")) fiscalYear = a.slice("--fiscal-year=".length);
    else if (a === "--lang") lang = argv[++i] === "ja" ? "ja" : "en";
    else if (a.startsWith("--")) {
      process.stderr.write(USAGE);
      return 2;
    } else positional.push(a);
  }
  if (fiscalYear !== undefined) {
    if (positional.length !== 1 || round !== undefined || !/^[0-9]{4}$/.test(fiscalYear)) {
      process.stderr.write(USAGE);
      return 2;
    }
    return importDirectory(positional[0]!, fiscalYear, dryRun, translator(lang));
  }
  const [kind, file] = positional;
  if (positional.length !== 2 || !isImportKind(kind) || !file || !round) {
    process.stderr.write(USAGE);
    return 2;
  }
  const bytes = new Uint8Array(await readFile(file));
  const fileName = path.basename(file);
  const t = translator(lang);
  return withRuntime(async (rt) => {
    const started = performance.now();
    const preview = await previewImport(rt, "system", { kind, round, fileName, bytes });
    process.stdout.write(previewLine(preview));
    for (const p of preview.problems) process.stdout.write(`  ${describeProblem(t, p)}\n`);
    if (dryRun) {
      process.stdout.write("dry run: nothing written\n");
      return preview.problems.length > 0 ? 1 : 0;
    }
    try {
      const out = await commitImport(rt, "system", { kind, round, fileName, bytes });
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        out.unchanged ? `already imported as batch ${out.batchId}: nothing changed\n` : `imported ${out.rows} rows as batch ${out.batchId} (${ms} ms)\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof RefusedError) {
        process.stderr.write("refused: the file has problems; nothing was imported\n");
        return 1;
      }
      throw e;
    }
  });
}
