import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import type { organizationEditSchema } from "./host-schemas.ts";

/** The organization's attributes a host fills in (all but the corporate number), as `host_organizations` columns. */
export function organizationColumns(input: z.output<typeof organizationEditSchema>) {
  return {
    legal_form: input.legalForm,
    kind: input.kind,
    name_ja: input.nameJa,
    name_en: input.nameEn,
    postal_code: input.postalCode,
    prefecture_code: input.prefectureCode,
    address_ja: input.addressJa,
    jsic_division: input.jsicDivision,
    employees: input.employees,
    capital_yen: input.capitalYen,
    overseas_status: input.overseasStatus,
    overseas_countries: input.overseasCountries,
    work_languages: input.workLanguages,
    website: input.website,
  };
}

/** Refuses, as a field error, overseas countries that are not in the reference table. */
export async function requireKnownCountries(ctx: ServiceContext, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = await ctx.db.selectFrom("countries").select("code").where("code", "in", codes).execute();
  const set = new Set(known.map((k) => k.code));
  const unknown = codes.filter((c) => !set.has(c));
  if (unknown.length) throw new ValidationError({ overseasCountries: [{ key: "hostCountries.errors.unknown", params: { codes: unknown.join(", ") } }] });
}
