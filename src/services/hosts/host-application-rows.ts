/**
 * Host applications as the operator's screening reads them: one row per
 * submitted (non-draft) application with its organization's region, sector
 * and size class, filtered; and their counts for the round dashboard.
 * Internal to the screening use cases.
 */
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type SizeClass, SIZE_CLASS_RANGES, sizeClassOf } from "../../domain/host-organization.ts";
import { type Region, regionOf } from "../../domain/regions.ts";
import { type PageRequest, inPage } from "../paging.ts";
import { type HostListFilter } from "./host-schemas.ts";

export interface HostApplicationRow {
  id: string;
  roundId: string;
  organizationId: string;
  nameJa: string;
  nameEn: string | null;
  corporateNumber: string | null;
  kind: string;
  prefectureCode: string;
  region: Region;
  jsicDivision: string;
  employees: number;
  sizeClass: SizeClass;
  overseasStatus: string;
  status: string;
  receiptNumber: string | null;
  submittedAt: Date | null;
  positions: number;
  capacity: number;
}

type Q = SelectQueryBuilder<Database, "host_applications" | "host_organizations" | "prefectures", object>;

export function base(db: Kysely<Database>, filter: HostListFilter & { id?: string }): Q {
  let q = db
    .selectFrom("host_applications")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .innerJoin("prefectures", "prefectures.code", "host_organizations.prefecture_code") as unknown as Q;
  // Drafts are the host's own business until they are submitted.
  q = q.where("host_applications.status", "!=", "draft");
  if (filter.id) q = q.where("host_applications.id", "=", filter.id);
  if (filter.roundId) q = q.where("host_applications.round_id", "=", filter.roundId);
  if (filter.region) q = q.where("prefectures.region_code", "=", filter.region);
  if (filter.jsic) q = q.where("host_organizations.jsic_division", "=", filter.jsic);
  if (filter.kind) q = q.where("host_organizations.kind", "=", filter.kind);
  if (filter.overseasStatus) q = q.where("host_organizations.overseas_status", "=", filter.overseasStatus);
  if (filter.status) q = q.where("host_applications.status", "=", filter.status);
  if (filter.sizeClass) {
    const r = SIZE_CLASS_RANGES[filter.sizeClass];
    q = q.where("host_organizations.employees", ">=", r.min);
    if (r.max !== null) q = q.where("host_organizations.employees", "<=", r.max);
  }
  return q;
}

export async function rows(db: Kysely<Database>, filter: HostListFilter & { id?: string }, page: PageRequest | null): Promise<HostApplicationRow[]> {
  let q = base(db, filter)
    .select([
      "host_applications.id",
      "host_applications.round_id",
      "host_applications.organization_id",
      "host_applications.status",
      "host_applications.receipt_number",
      "host_applications.submitted_at",
      "host_organizations.name_ja",
      "host_organizations.name_en",
      "host_organizations.corporate_number",
      "host_organizations.kind",
      "host_organizations.prefecture_code",
      "host_organizations.jsic_division",
      "host_organizations.employees",
      "host_organizations.overseas_status",
      sql<string>`(select count(*) from positions p where p.host_application_id = host_applications.id)`.as("positions"),
      sql<string>`(select coalesce(sum(p.capacity), 0) from positions p where p.host_application_id = host_applications.id)`.as("capacity"),
    ])
    .orderBy("host_applications.submitted_at", "desc")
    .orderBy("host_applications.id");
  if (page) q = q.$call(inPage(page));
  const list = await q.execute();
  return list.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    organizationId: r.organization_id,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    corporateNumber: r.corporate_number,
    kind: r.kind,
    prefectureCode: r.prefecture_code,
    region: regionOf(r.prefecture_code),
    jsicDivision: r.jsic_division,
    employees: r.employees,
    sizeClass: sizeClassOf(r.employees),
    overseasStatus: r.overseas_status,
    status: r.status,
    receiptNumber: r.receipt_number,
    submittedAt: r.submitted_at,
    positions: Number(r.positions),
    capacity: Number(r.capacity),
  }));
}

export interface HostCounts {
  total: number;
  byRegion: Record<string, number>;
  byJsic: Record<string, number>;
  bySizeClass: Record<string, number>;
}

/** Submitted (non-draft) host applications of a round counted by region, JSIC division and size class. */
export async function countHostApplications(db: Kysely<Database>, roundId: string): Promise<HostCounts> {
  const list = await db
    .selectFrom("host_applications")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .select(["host_organizations.prefecture_code", "host_organizations.jsic_division", "host_organizations.employees"])
    .where("host_applications.round_id", "=", roundId)
    .where("host_applications.status", "!=", "draft")
    .execute();
  const counts: HostCounts = { total: list.length, byRegion: {}, byJsic: {}, bySizeClass: {} };
  for (const r of list) {
    const region = regionOf(r.prefecture_code);
    const size = sizeClassOf(r.employees);
    counts.byRegion[region] = (counts.byRegion[region] ?? 0) + 1;
    counts.byJsic[r.jsic_division] = (counts.byJsic[r.jsic_division] ?? 0) + 1;
    counts.bySizeClass[size] = (counts.bySizeClass[size] ?? 0) + 1;
  }
  return counts;
}
