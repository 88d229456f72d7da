/** The operator sees an organization's history (issue 19 item 8): each kept edit, newest first, with what it changed. */
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "#src/services/errors.ts";
import { listOrganizationHistory } from "#src/services/hosts/list-organization-history.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";

const BASE = {
  corporateNumber: null,
  legalForm: "株式会社",
  kind: "sme",
  nameJa: "旧名工業株式会社",
  nameEn: null,
  postalCode: null,
  prefectureCode: "01",
  addressJa: null,
  jsicDivision: "E",
  employees: 40,
  capitalYen: null,
  overseasStatus: "planned",
  overseasCountries: [] as string[],
  workLanguages: ["ja"],
  website: null,
};

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);

  it("lists each edit newest first with the fields it changed, before and after, and who made it", async () => {
    const host = await createUser(env, "host", { name: "山田 太郎" });
    const orgId = crypto.randomUUID();
    await env.db
      .insertInto("host_organizations")
      .values({
        id: orgId,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: "新名工業株式会社",
        prefecture_code: "13",
        jsic_division: "E",
        employees: 55,
        overseas_status: "ongoing",
        overseas_countries: ["VN", "TH"],
        work_languages: ["ja"],
      })
      .execute();
    const second = { ...BASE, nameJa: "新名工業株式会社", employees: 55 };
    await env.db
      .insertInto("host_organization_revisions")
      .values([
        {
          id: crypto.randomUUID(),
          organization_id: orgId,
          attributes: JSON.stringify(BASE),
          replaced_by: host.id,
          replaced_at: new Date("2027-04-02T00:00:00Z"),
        },
        {
          id: crypto.randomUUID(),
          organization_id: orgId,
          attributes: JSON.stringify(second),
          replaced_by: null,
          replaced_at: new Date("2027-05-02T00:00:00Z"),
        },
      ])
      .execute();
    const operator = actorFor(await createUser(env, "operator"));
    const history = await listOrganizationHistory(env.ctx, operator, orgId);
    expect(history.map((h) => h.by)).toEqual([null, "山田 太郎"]);
    expect(history[1]!.changes).toEqual([
      { field: "nameJa", from: "旧名工業株式会社", to: "新名工業株式会社" },
      { field: "employees", from: 40, to: 55 },
    ]);
    expect(history[0]!.changes).toEqual([
      { field: "prefectureCode", from: "01", to: "13" },
      { field: "overseasStatus", from: "planned", to: "ongoing" },
      { field: "overseasCountries", from: [], to: ["VN", "TH"] },
    ]);
    await expect(listOrganizationHistory(env.ctx, actorFor(host), orgId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
