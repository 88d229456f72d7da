import { type DacListDiff, diffDacList } from "../../domain/dac-list-csv.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { dacBasis, readDacListInput, storedDacVersion } from "./dac-list-input.ts";

/** The text stored as a new version's source when the operator gives none. */
export const OPERATOR_CSV_SOURCE = "Loaded from a CSV by an operator";

/**
 * Loads a new DAC list version or corrects a stored one from a CSV (issue 19
 * item 2), after its dry run: the entries are replaced by the file's, the
 * version is marked loaded by the operator (so `jip migrate` leaves it as
 * they made it, src/db/reference/load-reference-data.ts), and the change is
 * audited with the diff. Refused when the stored list changed since the dry
 * run (the operator sees the new diff first); nothing is written then.
 */
export async function loadDacListVersion(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ version: string; diff: DacListDiff }> {
  const who = authorize(actor, "round.manage");
  const input = await readDacListInput(ctx.db, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await storedDacVersion(trx, input.version, true);
    if (input.basis !== dacBasis(stored)) throw new RefusedError("dacLists.refusals", [{ code: "changedSinceDryRun", version: input.version }]);
    const effectiveFrom = input.effectiveFrom ?? stored?.effectiveFrom;
    if (!effectiveFrom) throw new ValidationError({ effectiveFrom: [{ key: "dacLists.errors.effectiveFromNew" }] });
    const diff = diffDacList(stored?.entries ?? [], input.entries);
    const now = ctx.clock();
    const values = {
      effective_from: effectiveFrom,
      source: input.source ?? stored?.source ?? OPERATOR_CSV_SOURCE,
      note: input.note ?? stored?.note ?? null,
      loaded_from: "operator",
      loaded_at: now,
      loaded_by: who.userId,
    };
    if (stored) await trx.updateTable("dac_list_versions").set(values).where("version", "=", input.version).execute();
    else
      await trx
        .insertInto("dac_list_versions")
        .values({ version: input.version, ...values })
        .execute();
    await trx.deleteFrom("dac_list_entries").where("version", "=", input.version).execute();
    await trx
      .insertInto("dac_list_entries")
      .values(input.entries.map((e) => ({ version: input.version, country_code: e.country, income_group: e.group, uncertain: e.uncertain })))
      .execute();
    await writeAudit(trx, who, {
      action: stored ? "dac_list.correct" : "dac_list.load",
      entityType: "dac_list_version",
      entityId: input.version,
      before: stored ? { effectiveFrom: stored.effectiveFrom, source: stored.source, note: stored.note, count: stored.entries.length } : null,
      after: {
        effectiveFrom: values.effective_from,
        source: values.source,
        note: values.note,
        count: input.entries.length,
        added: diff.added.map((e) => `${e.country}:${e.group}`),
        removed: diff.removed.map((e) => `${e.country}:${e.group}`),
        changed: diff.changed.map((c) => `${c.country}:${c.from.group}${c.from.uncertain ? "?" : ""}->${c.to.group}${c.to.uncertain ? "?" : ""}`),
      },
    });
    return { version: input.version, diff };
  });
}
