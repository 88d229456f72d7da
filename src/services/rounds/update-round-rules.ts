import { rulesLocked, scoreOnScale } from "../../domain/round-rules.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type FieldError, NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { roundRulesSchema } from "./round-schemas.ts";

export type RoundRulesRefusal = { code: "rules_locked"; submitted: number };

/**
 * Operator changes a round's eligibility rules: reference date, age range, DAC
 * list version and excluded countries, JLPT minimum, accepted English tests
 * (each minimum on its test's scale), self-declared English, residence in
 * Japan, prior participation. Refused once an application has been submitted
 * (rulesLocked): applicants are judged under the rules they applied under.
 */
export async function updateRoundRules(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "round.manage");
  const input = parseInput(roundRulesSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").selectAll().where("id", "=", roundId).forUpdate().executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const submitted = await trx
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", roundId)
      .where("submitted_at", "is not", null)
      .executeTakeFirstOrThrow();
    if (rulesLocked(Number(submitted.n)))
      throw new RefusedError<RoundRulesRefusal>("roundEdit.refusals", [{ code: "rules_locked", submitted: Number(submitted.n) }]);

    const errors: Record<string, FieldError[]> = {};
    const version = await trx.selectFrom("dac_list_versions").select("version").where("version", "=", input.dacListVersion).executeTakeFirst();
    if (!version) errors.dacListVersion = [{ key: "errors.unknownDacVersion" }];
    if (input.excludedCountries.length > 0) {
      const known = await trx.selectFrom("countries").select("code").where("code", "in", input.excludedCountries).execute();
      if (known.length !== input.excludedCountries.length) errors.excludedCountries = [{ key: "errors.chooseCountry" }];
    }
    const scales = await trx.selectFrom("english_tests").select(["code", "min_score", "max_score"]).execute();
    for (const t of input.englishTests) {
      const scale = scales.find((s) => s.code === t.test);
      if (!scale) errors[`englishTests.${t.test}.min`] = [{ key: "errors.invalid" }];
      else if (!scoreOnScale(t.min, { min: Number(scale.min_score), max: Number(scale.max_score) }))
        errors[`englishTests.${t.test}.min`] = [{ key: "errors.scoreOffScale", params: { min: Number(scale.min_score), max: Number(scale.max_score) } }];
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const before = {
      eligibility_reference_date: round.eligibility_reference_date,
      age_min: round.age_min,
      age_max: round.age_max,
      dac_list_version: round.dac_list_version,
      excluded_countries: round.excluded_countries,
      min_jlpt_level: round.min_jlpt_level,
      accepted_english_tests: round.accepted_english_tests,
      self_declared_english_accepted: round.self_declared_english_accepted,
      residence_in_japan_allowed: round.residence_in_japan_allowed,
      prior_participants_allowed: round.prior_participants_allowed,
    };
    const after = {
      eligibility_reference_date: input.eligibilityReferenceDate,
      age_min: input.ageMin,
      age_max: input.ageMax,
      dac_list_version: input.dacListVersion,
      excluded_countries: [...new Set(input.excludedCountries)].sort(),
      min_jlpt_level: input.minJlptLevel,
      accepted_english_tests: input.englishTests,
      self_declared_english_accepted: input.selfDeclaredEnglishAccepted,
      residence_in_japan_allowed: input.residenceInJapanAllowed,
      prior_participants_allowed: input.priorParticipantsAllowed,
    };
    await trx
      .updateTable("rounds")
      .set({ ...after, accepted_english_tests: JSON.stringify(after.accepted_english_tests), updated_at: ctx.clock() })
      .where("id", "=", roundId)
      .execute();
    await writeAudit(trx, who, { action: "round.rules.update", entityType: "round", entityId: roundId, before, after });
  });
}
