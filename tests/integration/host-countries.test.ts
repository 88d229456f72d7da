/** Issue 19 item 8: a host picks its overseas countries from a list grouped by region; ISO codes are stored. */
import { describe, expect, it } from "vitest";
import { getCountryChoices } from "#src/services/hosts/country-choices.ts";
import { getHostHome } from "#src/services/hosts/get-host-home.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { updateOrganization } from "#src/services/hosts/update-organization.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { validationErrorOf } from "./support/expect-errors.ts";
import { uniqueCorporateNumber } from "../support/host-inputs.ts";

function orgInput(overseasCountries: unknown): Record<string, unknown> {
  return {
    corporateNumber: uniqueCorporateNumber(),
    legalForm: "株式会社",
    kind: "sme",
    nameJa: "国選択工業株式会社",
    nameEn: "Country Pick Co., Ltd.",
    prefectureCode: "13",
    addressJa: "千代田区1-1",
    jsicDivision: "E",
    employees: "30",
    overseasStatus: "ongoing",
    overseasCountries,
    workLanguages: ["ja"],
  };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);

  it("offers every reference country but Japan, once, grouped by world region", async () => {
    const regions = await getCountryChoices(env.ctx);
    const codes = regions.flatMap((r) => r.countries.map((c) => c.code));
    const table = await env.db.selectFrom("countries").select("code").execute();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(table.length - 1);
    expect(codes).not.toContain("JP");
    expect(regions[0]!.region).toBe("east_asia");
    const southeast = regions.find((r) => r.region === "southeast_asia")!;
    expect(southeast.countries.map((c) => c.code)).toEqual(expect.arrayContaining(["VN", "TH", "ID"]));
    expect(southeast.countries.find((c) => c.code === "VN")).toMatchObject({ nameEn: expect.any(String), nameJa: expect.any(String) });
  });

  it("stores the ticked countries as ISO codes and refuses a code that is not in the list", async () => {
    const host = actorFor(await createUser(env, "host", { name: "Country Host" }));
    const bad = await validationErrorOf(registerOrganization(env.ctx, host, orgInput(["VN", "QQ"])));
    expect(bad.fieldErrors.overseasCountries?.[0]).toMatchObject({ key: "hostCountries.errors.unknown", params: { codes: "QQ" } });
    const malformed = await validationErrorOf(registerOrganization(env.ctx, host, orgInput(["Viet Nam"])));
    expect(malformed.fieldErrors.overseasCountries?.[0]?.key).toBe("hostCountries.errors.invalid");

    const created = await registerOrganization(env.ctx, host, orgInput(["TH", "vn", "TH"]));
    expect(created.kind).toBe("created");
    expect((await getHostHome(env.ctx, host)).organization?.overseasCountries).toEqual(["TH", "VN"]);

    const unchanged = await validationErrorOf(updateOrganization(env.ctx, host, { ...orgInput(["KH", "ZZ"]), corporateNumber: undefined }));
    expect(unchanged.fieldErrors.overseasCountries?.[0]).toMatchObject({ key: "hostCountries.errors.unknown", params: { codes: "ZZ" } });
    await updateOrganization(env.ctx, host, { ...orgInput(["KH"]), corporateNumber: undefined });
    expect((await getHostHome(env.ctx, host)).organization?.overseasCountries).toEqual(["KH"]);
  });
});
