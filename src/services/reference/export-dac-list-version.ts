import { dacListCsv } from "../../domain/dac-list-csv.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { storedDacVersion } from "./dac-list-input.ts";

/** A stored DAC list version as the CSV the upload reads, so an operator corrects it and uploads it again. */
export async function exportDacListVersion(ctx: ServiceContext, actor: Actor | null, version: string): Promise<string> {
  authorize(actor, "round.manage");
  const stored = await storedDacVersion(ctx.db, version);
  if (!stored) throw new NotFoundError("dac_list_version");
  return dacListCsv(stored.entries);
}
