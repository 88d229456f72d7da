/**
 * The input shared by the DAC list dry run and its commit (issue 19 item 2):
 * the version, its effective date, source and note, and the CSV text, read
 * into entries against the countries the platform knows. A bad file is a
 * ValidationError on the `csv` field, one message per problem (line numbers
 * included), in the dacLists catalogue.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { type DacCsvError, type DacEntry, type DacGroup, isDacVersionName, parseDacListCsv } from "../../domain/dac-list-csv.ts";
import { type FieldError, ValidationError } from "../errors.ts";
import { optionalIsoDate, optionalText } from "../fields.ts";
import { parseInput } from "../validation.ts";

/** The largest CSV text taken (a list of ~150 countries is about 2 KB). */
export const DAC_CSV_MAX_CHARS = 100_000;

export const dacListInputSchema = z.object({
  version: z.string().trim().refine(isDacVersionName, { error: "dacLists.errors.version" }),
  effectiveFrom: optionalIsoDate,
  source: optionalText(300, { lines: false }),
  note: optionalText(2000),
  csv: z
    .string({ error: "dacLists.csvErrors.tooLarge" })
    .min(1, { error: "dacLists.csvErrors.noFile" })
    .max(DAC_CSV_MAX_CHARS, { error: "dacLists.csvErrors.tooLarge" }),
  /** The fingerprint of the stored list the dry run compared against (commit only). */
  basis: z.string().optional(),
});

export type DacListInput = z.output<typeof dacListInputSchema> & { entries: DacEntry[] };

function csvFieldError(e: DacCsvError): FieldError {
  const { code, ...params } = e;
  return { key: `dacLists.csvErrors.${code}`, params };
}

export async function readDacListInput(db: Kysely<Database>, raw: unknown): Promise<DacListInput> {
  const input = parseInput(dacListInputSchema, raw);
  const known = new Set((await db.selectFrom("countries").select("code").execute()).map((c) => c.code));
  const parsed = parseDacListCsv(input.csv, known);
  if (!parsed.ok) throw new ValidationError({ csv: parsed.errors.map(csvFieldError) });
  return { ...input, entries: parsed.entries };
}

export interface StoredDacVersion {
  version: string;
  effectiveFrom: string;
  source: string;
  note: string | null;
  entries: DacEntry[];
}

/** The stored version with its entries, or null; `forUpdate` locks the version row for the commit. */
export async function storedDacVersion(db: Kysely<Database>, version: string, forUpdate = false): Promise<StoredDacVersion | null> {
  let q = db.selectFrom("dac_list_versions").select(["version", "effective_from", "source", "note"]).where("version", "=", version);
  if (forUpdate) q = q.forUpdate();
  const v = await q.executeTakeFirst();
  if (!v) return null;
  const rows = await db
    .selectFrom("dac_list_entries")
    .select(["country_code", "income_group", "uncertain"])
    .where("version", "=", version)
    .orderBy("country_code")
    .execute();
  return {
    version: v.version,
    effectiveFrom: v.effective_from,
    source: v.source,
    note: v.note,
    entries: rows.map((r) => ({ country: r.country_code, group: r.income_group as DacGroup, uncertain: r.uncertain })),
  };
}

/** A fingerprint of what is stored now, so a commit refuses if the list changed after its dry run. */
export function dacBasis(stored: StoredDacVersion | null): string {
  if (!stored) return "new";
  const text = [stored.effectiveFrom, ...stored.entries.map((e) => `${e.country}:${e.group}:${e.uncertain ? 1 : 0}`)].join("|");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
