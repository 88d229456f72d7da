/**
 * An organization's attributes as one JSON value: what an edit keeps in
 * host_organization_revisions and what a host application keeps from its
 * submission (organization_snapshot, read by the yearly report).
 */
import type { Selectable } from "kysely";
import type { HostOrganizationsTable } from "../../db/schema.ts";

export interface OrganizationAttributes {
  corporateNumber: string | null;
  legalForm: string;
  kind: string;
  nameJa: string;
  nameEn: string | null;
  postalCode: string | null;
  prefectureCode: string;
  addressJa: string | null;
  jsicDivision: string;
  employees: number;
  capitalYen: number | null;
  overseasStatus: string;
  overseasCountries: string[];
  workLanguages: string[];
  website: string | null;
}

export function organizationAttributes(row: Selectable<HostOrganizationsTable>): OrganizationAttributes {
  return {
    corporateNumber: row.corporate_number,
    legalForm: row.legal_form,
    kind: row.kind,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    postalCode: row.postal_code,
    prefectureCode: row.prefecture_code,
    addressJa: row.address_ja,
    jsicDivision: row.jsic_division,
    employees: row.employees,
    capitalYen: row.capital_yen === null ? null : Number(row.capital_yen),
    overseasStatus: row.overseas_status,
    overseasCountries: [...row.overseas_countries],
    workLanguages: [...row.work_languages],
    website: row.website,
  };
}
