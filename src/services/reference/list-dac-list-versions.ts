import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export interface DacListVersionRow {
  version: string;
  effectiveFrom: string;
  source: string;
  note: string | null;
  countries: number;
  uncertain: number;
  loadedFrom: "file" | "operator";
  loadedAt: string | null;
  loadedBy: string | null;
  rounds: number;
}

/** Every stored DAC list version, newest first, with its counts and who loaded it (the operator's DAC list page, issue 19 item 2). */
export async function listDacListVersions(ctx: ServiceContext, actor: Actor | null): Promise<DacListVersionRow[]> {
  authorize(actor, "round.manage");
  const rows = await ctx.db
    .selectFrom("dac_list_versions as v")
    .leftJoin("user as u", "u.id", "v.loaded_by")
    .select((eb) => [
      "v.version",
      "v.effective_from",
      "v.source",
      "v.note",
      "v.loaded_from",
      "v.loaded_at",
      "u.name as loaded_by_name",
      eb.selectFrom("dac_list_entries as e").whereRef("e.version", "=", "v.version").select(eb.fn.countAll<string>().as("n")).as("countries"),
      eb
        .selectFrom("dac_list_entries as e")
        .whereRef("e.version", "=", "v.version")
        .where("e.uncertain", "=", true)
        .select(eb.fn.countAll<string>().as("n"))
        .as("uncertain"),
      eb.selectFrom("rounds as r").whereRef("r.dac_list_version", "=", "v.version").select(eb.fn.countAll<string>().as("n")).as("rounds"),
    ])
    .orderBy("v.effective_from", "desc")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    effectiveFrom: r.effective_from,
    source: r.source,
    note: r.note,
    countries: Number(r.countries ?? 0),
    uncertain: Number(r.uncertain ?? 0),
    loadedFrom: r.loaded_from === "operator" ? "operator" : "file",
    loadedAt: r.loaded_at ? r.loaded_at.toISOString() : null,
    loadedBy: r.loaded_by_name ?? null,
    rounds: Number(r.rounds ?? 0),
  }));
}
