import type { Actor, ServiceContext } from "../context.ts";
import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { createRoundSchema } from "./round-schemas.ts";

/** Operator creates a round in the draft phase, with its eligibility parameters and deadlines. */
export async function createRound(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "round.manage");
  const input = parseInput(createRoundSchema, raw);
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    const version = await trx.selectFrom("dac_list_versions").select("version").where("version", "=", input.dacListVersion).executeTakeFirst();
    if (!version) throw new ValidationError({ dacListVersion: [{ key: "errors.unknownDacVersion" }] });
    const clash = await trx
      .selectFrom("rounds")
      .select("id")
      .where("fiscal_year", "=", input.fiscalYear)
      .where("name_en", "=", input.nameEn)
      .executeTakeFirst();
    if (clash) throw new ValidationError({ nameEn: [{ key: "errors.roundNameTaken" }] });
    const round = {
      id,
      fiscal_year: input.fiscalYear,
      name_ja: input.nameJa,
      name_en: input.nameEn,
      eligibility_reference_date: input.eligibilityReferenceDate,
      dac_list_version: input.dacListVersion,
      age_min: input.ageMin,
      age_max: input.ageMax,
      intern_capacity: input.internCapacity,
      created_by: who.userId,
    };
    await trx.insertInto("rounds").values(round).execute();
    const deadlines = Object.entries(input.deadlines)
      .filter((e): e is [string, Date] => e[1] instanceof Date)
      .map(([kind, due_at]) => ({ round_id: id, kind, due_at }));
    if (deadlines.length > 0) await trx.insertInto("round_deadlines").values(deadlines).execute();
    await writeAudit(trx, who, {
      action: "round.create",
      entityType: "round",
      entityId: id,
      after: { ...round, phase: "draft", deadlines: Object.fromEntries(deadlines.map((d) => [d.kind, d.due_at.toISOString()])) },
    });
    return { id };
  });
}
