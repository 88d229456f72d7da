/** DAC list versions (issue 19 item 2): every year the program ran, and an operator's CSV load or correction (dry run, commit, audit), on PGlite and PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "#src/db/migrate.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { exportDacListVersion } from "#src/services/reference/export-dac-list-version.ts";
import { listDacListVersions } from "#src/services/reference/list-dac-list-versions.ts";
import { loadDacListVersion } from "#src/services/reference/load-dac-list-version.ts";
import { previewDacListVersion } from "#src/services/reference/preview-dac-list-version.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

async function entriesOf(env: TestEnv, version: string) {
  const rows = await env.db
    .selectFrom("dac_list_entries")
    .select(["country_code", "income_group", "uncertain"])
    .where("version", "=", version)
    .orderBy("country_code")
    .execute();
  return new Map(rows.map((r) => [r.country_code, { group: r.income_group, uncertain: r.uncertain }]));
}

async function dacAudit(env: TestEnv, version: string) {
  return env.db
    .selectFrom("audit_log")
    .select(["action", "actor_user_id", "before", "after"])
    .where("entity_type", "=", "dac_list_version")
    .where("entity_id", "=", version)
    .orderBy("id")
    .execute();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let operatorId: string;

  beforeAll(async () => {
    const user = await createUser(env, "operator");
    operatorId = user.id;
    operator = actorFor(user, { twoFactorEnabled: true });
  });

  it("has a version for every year the program ran, the derived ones marked uncertain", async () => {
    const versions = await listDacListVersions(env.ctx, operator);
    expect(versions.map((v) => [v.version, v.effectiveFrom, v.countries, v.loadedFrom])).toEqual([
      ["2024-2025", "2024-01-01", 141, "file"],
      ["2022-2023", "2022-01-01", 141, "file"],
      ["2021", "2021-01-01", 142, "file"],
      ["2018-2020", "2018-01-01", 143, "file"],
      ["2014-2017", "2014-01-01", 146, "file"],
    ]);
    for (const v of ["2014-2017", "2021", "2022-2023"])
      expect(versions.find((x) => x.version === v)!.uncertain, v).toBe(versions.find((x) => x.version === v)!.countries);
    const y1417 = await entriesOf(env, "2014-2017");
    expect(["CL", "SC", "UY"].map((c) => y1417.get(c)?.group)).toEqual(["UMIC", "UMIC", "UMIC"]);
    const y21 = await entriesOf(env, "2021");
    expect([y21.has("CK"), y21.get("VU")?.group, y21.has("AG")]).toEqual([false, "LMIC", true]);
    const y2223 = await entriesOf(env, "2022-2023");
    expect([y2223.has("AG"), y2223.has("PW")]).toEqual([false, true]);
  });

  it("shows a dry run's diff without writing, then commits it audited; jip migrate keeps the operator's version", async () => {
    const before = await entriesOf(env, "2021");
    const csv = (await exportDacListVersion(env.ctx, operator, "2021"))
      .split("\r\n")
      .filter((l) => !l.startsWith("AG,"))
      .map((l) => (l.startsWith("VN,") ? "VN,LMIC,false" : l))
      .join("\r\n")
      .concat("CK,UMIC,true\r\n");
    const raw = { version: "2021", effectiveFrom: "", source: "", note: "Checked against the OECD PDF", csv };
    const preview = await previewDacListVersion(env.ctx, operator, raw);
    expect(preview.isNew).toBe(false);
    expect(preview.effectiveFrom).toBe("2021-01-01");
    expect(preview.diff.added).toEqual([{ country: "CK", group: "UMIC", uncertain: true }]);
    expect(preview.diff.removed).toEqual([{ country: "AG", group: "UMIC", uncertain: true }]);
    expect(preview.diff.changed).toEqual([
      { country: "VN", from: { country: "VN", group: "LMIC", uncertain: true }, to: { country: "VN", group: "LMIC", uncertain: false } },
    ]);
    expect(await entriesOf(env, "2021")).toEqual(before);
    expect(await dacAudit(env, "2021")).toEqual([]);

    const result = await loadDacListVersion(env.ctx, operator, { ...raw, basis: preview.basis });
    expect(result.diff).toEqual(preview.diff);
    const after = await entriesOf(env, "2021");
    expect([after.has("AG"), after.get("CK"), after.get("VN")]).toEqual([false, { group: "UMIC", uncertain: true }, { group: "LMIC", uncertain: false }]);
    const v = await env.db.selectFrom("dac_list_versions").selectAll().where("version", "=", "2021").executeTakeFirstOrThrow();
    expect([v.loaded_from, v.loaded_by, v.loaded_at instanceof Date, v.effective_from, v.note]).toEqual([
      "operator",
      operatorId,
      true,
      "2021-01-01",
      "Checked against the OECD PDF",
    ]);
    const audit = await dacAudit(env, "2021");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "dac_list.correct", actor_user_id: operatorId, before: { count: 142 } });
    expect(audit[0]!.after).toMatchObject({ count: 142, added: ["CK:UMIC"], removed: ["AG:UMIC"], changed: ["VN:LMIC?->LMIC"] });

    await migrateToLatest(env.db);
    expect(await entriesOf(env, "2021")).toEqual(after);
    expect((await entriesOf(env, "2022-2023")).size).toBe(141);
  });

  it("refuses a commit when the stored list changed since its dry run, and writes nothing", async () => {
    const csv = await exportDacListVersion(env.ctx, operator, "2018-2020");
    const first = await previewDacListVersion(env.ctx, operator, { version: "2018-2020", csv });
    const changed = csv.replace(/^AF,LDC,(true|false)/m, "AF,OLIC,$1");
    const second = await previewDacListVersion(env.ctx, operator, { version: "2018-2020", csv: changed });
    expect(second.diff.changed.map((c) => c.country)).toEqual(["AF"]);
    await loadDacListVersion(env.ctx, operator, { version: "2018-2020", csv: changed, basis: second.basis });
    const stale = await refusalOf(loadDacListVersion(env.ctx, operator, { version: "2018-2020", csv, basis: first.basis }));
    expect(stale.refusals).toEqual([{ code: "changedSinceDryRun", version: "2018-2020" }]);
    expect((await entriesOf(env, "2018-2020")).get("AF")?.group).toBe("OLIC");
    expect((await dacAudit(env, "2018-2020")).map((a) => a.action)).toEqual(["dac_list.correct"]);
  });

  it("adds a new version only with its effective date", async () => {
    const csv = "country,group\nVN,LMIC\nAF,LDC\n";
    const noDate = await validationErrorOf(previewDacListVersion(env.ctx, operator, { version: "2026-2027", csv }));
    expect(noDate.fieldErrors).toEqual({ effectiveFrom: [{ key: "dacLists.errors.effectiveFromNew" }] });
    const preview = await previewDacListVersion(env.ctx, operator, { version: "2026-2027", effectiveFrom: "2026-01-01", csv });
    expect([preview.isNew, preview.diff.added.length, preview.basis]).toEqual([true, 2, "new"]);
    await loadDacListVersion(env.ctx, operator, { version: "2026-2027", effectiveFrom: "2026-01-01", csv, basis: preview.basis });
    const v = await env.db.selectFrom("dac_list_versions").selectAll().where("version", "=", "2026-2027").executeTakeFirstOrThrow();
    expect([v.effective_from, v.source, v.loaded_from]).toEqual(["2026-01-01", "Loaded from a CSV by an operator", "operator"]);
    expect((await dacAudit(env, "2026-2027")).map((a) => [a.action, a.before])).toEqual([["dac_list.load", null]]);
  });

  it("answers a bad file with one message per problem, line numbers included, and loses nothing", async () => {
    const before = await entriesOf(env, "2024-2025");
    const bad = await validationErrorOf(
      loadDacListVersion(env.ctx, operator, { version: "2024-2025", csv: "country,group\nVN,LMIC\nZZ,LDC\nVN,HIC\n", basis: "whatever" }),
    );
    expect(bad.fieldErrors).toEqual({
      csv: [
        { key: "dacLists.csvErrors.unknownCountry", params: { line: 3, value: "ZZ" } },
        { key: "dacLists.csvErrors.duplicate", params: { line: 4, value: "VN", firstLine: 2 } },
        { key: "dacLists.csvErrors.group", params: { line: 4, value: "HIC" } },
      ],
    });
    expect((await validationErrorOf(previewDacListVersion(env.ctx, operator, { version: "2024-2025", csv: "" }))).fieldErrors).toEqual({
      csv: [{ key: "dacLists.csvErrors.noFile", params: { min: 1 } }],
    });
    expect((await validationErrorOf(previewDacListVersion(env.ctx, operator, { version: "2024-2025", csv: null }))).fieldErrors).toEqual({
      csv: [{ key: "dacLists.csvErrors.tooLarge" }],
    });
    expect((await validationErrorOf(previewDacListVersion(env.ctx, operator, { version: "2024–25", csv: "country,group\nVN,LMIC" }))).fieldErrors).toEqual({
      version: [{ key: "dacLists.errors.version" }],
    });
    expect(await entriesOf(env, "2024-2025")).toEqual(before);
    expect(await dacAudit(env, "2024-2025")).toEqual([]);
  });

  it("is for operators only", async () => {
    const reviewer = actorFor(await createUser(env, "reviewer"), { twoFactorEnabled: true });
    expect(await caught(previewDacListVersion(env.ctx, reviewer, { version: "2021", csv: "country,group\nVN,LMIC" }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(loadDacListVersion(env.ctx, reviewer, { version: "2021", csv: "country,group\nVN,LMIC", basis: "new" }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await caught(listDacListVersions(env.ctx, reviewer))).toBeInstanceOf(ForbiddenError);
  });
});
