import { type DacListDiff, diffDacList } from "../../domain/dac-list-csv.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { dacBasis, readDacListInput, storedDacVersion } from "./dac-list-input.ts";

export interface DacListPreview {
  version: string;
  isNew: boolean;
  effectiveFrom: string;
  source: string | null;
  note: string | null;
  diff: DacListDiff;
  total: number;
  uncertain: number;
  /** The CSV text as uploaded, carried by the commit form (a page without JavaScript cannot keep the file). */
  csv: string;
  basis: string;
  /** Rounds that use this version (their eligibility changes with it). */
  rounds: { id: string; nameJa: string; nameEn: string }[];
}

/**
 * The dry run of loading or correcting a DAC list version from a CSV (issue
 * 19 item 2): reads the file and says what would change, country by country,
 * against the stored version. Writes nothing.
 */
export async function previewDacListVersion(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<DacListPreview> {
  authorize(actor, "round.manage");
  const input = await readDacListInput(ctx.db, raw);
  const stored = await storedDacVersion(ctx.db, input.version);
  const effectiveFrom = input.effectiveFrom ?? stored?.effectiveFrom;
  if (!effectiveFrom) throw new ValidationError({ effectiveFrom: [{ key: "dacLists.errors.effectiveFromNew" }] });
  const rounds = await ctx.db
    .selectFrom("rounds")
    .select(["id", "name_ja", "name_en"])
    .where("dac_list_version", "=", input.version)
    .orderBy("created_at")
    .execute();
  return {
    version: input.version,
    isNew: stored === null,
    effectiveFrom,
    source: input.source,
    note: input.note,
    diff: diffDacList(stored?.entries ?? [], input.entries),
    total: input.entries.length,
    uncertain: input.entries.filter((e) => e.uncertain).length,
    csv: input.csv,
    basis: dacBasis(stored),
    rounds: rounds.map((r) => ({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en })),
  };
}
