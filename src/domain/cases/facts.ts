/**
 * The facts a published case is filtered by, taken once, at its first
 * publication, from the records of the internship: the host application's
 * snapshot of the organization when there is one (PHASE-CONTRACTS.md,
 * written by #19), else the organization as it is then; the intern's
 * nationality from the placement's application, else as the host gave it.
 * Stored with the case, they do not move when the organization changes later.
 */
import { type SizeClass, sizeClassOf } from "../host-organization.ts";
import { type Region, isPrefectureCode, regionOf } from "../regions.ts";

export interface CaseFacts {
  jsicDivision: string | null;
  prefectureCode: string | null;
  region: Region | null;
  sizeClass: SizeClass | null;
  internNationality: string | null;
  fiscalYear: number | null;
}

/** host_applications.organization_snapshot (keys as in PHASE-CONTRACTS.md); any key may be missing. */
export interface OrganizationSnapshot {
  jsicDivision?: unknown;
  employees?: unknown;
  prefectureCode?: unknown;
  region?: unknown;
}

export interface FactSources {
  snapshot: OrganizationSnapshot | null;
  organization: { jsicDivision: string; employees: number; prefectureCode: string };
  /** The placement's application, when the case is linked to a placement. */
  application: { nationality: string | null } | null;
  /** As the host gave it in the draft (used when no placement says otherwise). */
  declaredNationality: string | null;
  fiscalYear: number | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function caseFactsFrom(src: FactSources): CaseFacts {
  const s = src.snapshot ?? {};
  const prefectureCode = str(s.prefectureCode) ?? src.organization.prefectureCode;
  const employees = typeof s.employees === "number" && Number.isInteger(s.employees) && s.employees >= 0 ? s.employees : src.organization.employees;
  const region = isPrefectureCode(prefectureCode) ? regionOf(prefectureCode) : null;
  return {
    jsicDivision: str(s.jsicDivision) ?? src.organization.jsicDivision,
    prefectureCode,
    region,
    sizeClass: sizeClassOf(employees),
    internNationality: src.application?.nationality ?? src.declaredNationality,
    fiscalYear: src.fiscalYear,
  };
}
