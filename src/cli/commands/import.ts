/**
 * `jip import`: the historical import (issue #17 item 3, docs/import.md).
 *
 *   jip import <kind> <file.csv> --round <fiscal year | round id> [--dry-run] [--lang ja|en]
 *   jip import list
 *   jip import rollback <batch id>
 *
 * A dry run checks every row and prints each problem (line, column, reason in
 * the language asked for); without --dry-run the file is committed in one
 * transaction, or refused whole (exit code 1) when any row has a problem.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { IMPORT_KINDS, isImportKind, type ImportProblem } from "../../domain/report-import.ts";
import { translator, type Translate } from "../../i18n/translator.ts";
import { RefusedError } from "../../services/errors.ts";
import { commitImport } from "../../services/report-import/commit-import.ts";
import { listImportBatches } from "../../services/report-import/list-import-batches.ts";
import { previewImport } from "../../services/report-import/preview-import.ts";
import { rollbackImport } from "../../services/report-import/rollback-import.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "import a past year's records from CSV: import <kind> <file> --round <year|id> [--dry-run]; import list; import rollback <batch>";

const USAGE = `usage: jip import <kind> <file.csv> --round <fiscal year | round id> [--dry-run] [--lang ja|en]
       jip import list
       jip import rollback <batch id>
kinds: ${IMPORT_KINDS.join(", ")} (import them in this order)
`;

export function describeProblem(t: Translate, p: ImportProblem): string {
  const where = p.line === 0 ? t("reportImport.preview.wholeFile") : `${t("reportImport.preview.line")} ${p.line}`;
  const column = p.column ? ` [${p.column}]` : "";
  return `${where}${column}: ${t(`reportImport.problems.${p.code}`, { column: p.column ?? "", value: p.value ?? "" })}`;
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
  let dryRun = false;
  let lang: "ja" | "en" = "en";
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--dry-run") dryRun = true;
    else if (a === "--round") round = argv[++i];
    else if (a.startsWith("--round=")) round = a.slice("--round=".length);
    else if (a === "--lang") lang = argv[++i] === "ja" ? "ja" : "en";
    else if (a.startsWith("--")) {
      process.stderr.write(USAGE);
      return 2;
    } else positional.push(a);
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
    process.stdout.write(
      `${fileName}: FY${preview.fiscalYear} ${kind}, ${preview.rows} rows, ${preview.valid} without problems, ${preview.problems.length} problems (sha-256 ${preview.fileSha256}${preview.encoding ? `, ${preview.encoding}` : ""})\n`,
    );
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
