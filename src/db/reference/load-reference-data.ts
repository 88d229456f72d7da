/**
 * Loads the reference data files in this folder (countries, OECD DAC list
 * versions, regions, prefectures, JSIC divisions, JLPT levels, English tests)
 * into the database. Idempotent: rows are upserted, so an operator corrects a
 * file and runs `bin/jip migrate` again. Rows are never deleted here: a
 * country may be referenced by applications.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import countries from "./countries.json" with { type: "json" };
import dacList from "./dac-list.json" with { type: "json" };
import englishTests from "./english-tests.json" with { type: "json" };
import jlptLevels from "./jlpt-levels.json" with { type: "json" };
import jsic from "./jsic-divisions.json" with { type: "json" };
import prefectures from "./prefectures.json" with { type: "json" };
import regions from "./regions.json" with { type: "json" };

export async function loadReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("countries")
      .values(countries.countries)
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ name_en: eb.ref("excluded.name_en"), name_ja: eb.ref("excluded.name_ja") })))
      .execute();
    await trx
      .insertInto("regions")
      .values(regions.regions)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name_en: eb.ref("excluded.name_en"),
          name_ja: eb.ref("excluded.name_ja"),
          sort_order: eb.ref("excluded.sort_order"),
        })),
      )
      .execute();
    await trx
      .insertInto("prefectures")
      .values(prefectures.prefectures.map(({ region, ...p }) => ({ ...p, region_code: region })))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          iso_code: eb.ref("excluded.iso_code"),
          name_en: eb.ref("excluded.name_en"),
          name_ja: eb.ref("excluded.name_ja"),
          region_code: eb.ref("excluded.region_code"),
        })),
      )
      .execute();
    await trx
      .insertInto("jsic_divisions")
      .values(jsic.divisions)
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ name_en: eb.ref("excluded.name_en"), name_ja: eb.ref("excluded.name_ja") })))
      .execute();
    await trx
      .insertInto("jlpt_levels")
      .values(jlptLevels.levels)
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ rank: eb.ref("excluded.rank") })))
      .execute();
    await trx
      .insertInto("english_tests")
      .values(englishTests.tests)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          min_score: eb.ref("excluded.min_score"),
          max_score: eb.ref("excluded.max_score"),
        })),
      )
      .execute();
    // A version an operator loaded or corrected on the CSV page (loaded_from 'operator', issue 19) is left as they made it.
    const operatorVersions = new Set(
      (await trx.selectFrom("dac_list_versions").select("version").where("loaded_from", "=", "operator").execute()).map((r) => r.version),
    );
    for (const v of dacList.versions) {
      if (operatorVersions.has(v.version)) continue;
      await trx
        .insertInto("dac_list_versions")
        .values({ version: v.version, effective_from: v.effective_from, source: v.source, note: v.note ?? null })
        .onConflict((oc) =>
          oc.column("version").doUpdateSet((eb) => ({
            effective_from: eb.ref("excluded.effective_from"),
            source: eb.ref("excluded.source"),
            note: eb.ref("excluded.note"),
          })),
        )
        .execute();
      await trx.deleteFrom("dac_list_entries").where("version", "=", v.version).execute();
      await trx
        .insertInto("dac_list_entries")
        .values(
          v.entries.map((e) => ({
            version: v.version,
            country_code: e.country,
            income_group: e.group,
            uncertain: "uncertain" in e && e.uncertain === true,
          })),
        )
        .execute();
    }
  });
}
