/**
 * The operator's host screening: a paged, filtered list of host applications
 * of a round, one application in full, the decision (accept / decline / ask
 * for changes) with a reason e-mailed to the host in Japanese, a CSV export
 * and counts by region, sector and size class for the round dashboard.
 */
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { parseInput } from "../validation.ts";
import type { Database } from "../../db/schema.ts";
import { type SizeClass, SIZE_CLASS_RANGES, sizeClassOf } from "../../domain/host-organization.ts";
import { type Region, regionOf } from "../../domain/regions.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
import { type PositionView, loadPositions, supportPlanOf } from "./host-applications.ts";
import { type HostListFilter, decisionSchema, hostListFilterSchema } from "./host-schemas.ts";

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

function base(db: Kysely<Database>, filter: HostListFilter & { id?: string }): Q {
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

async function rows(db: Kysely<Database>, filter: HostListFilter & { id?: string }, page: PageRequest | null): Promise<HostApplicationRow[]> {
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
  if (page) q = q.limit(page.size).offset((page.page - 1) * page.size);
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

export async function listHostApplications(
  ctx: ServiceContext,
  actor: Actor | null,
  rawFilter: unknown,
  page: PageRequest,
): Promise<Page<HostApplicationRow> & { filter: HostListFilter }> {
  authorize(actor, "hosts.read");
  const filter = hostListFilterSchema.parse(rawFilter);
  const [items, total] = await Promise.all([
    rows(ctx.db, filter, page),
    base(ctx.db, filter)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...pageOf(items, Number(total.n), page), filter };
}

const CSV_COLUMNS = [
  "receipt_number",
  "status",
  "corporate_number",
  "name_ja",
  "name_en",
  "kind",
  "prefecture_code",
  "region",
  "jsic_division",
  "employees",
  "size_class",
  "overseas_status",
  "positions",
  "capacity",
  "submitted_at",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  // Formula injection: a cell starting with = + - @ is prefixed so spreadsheets show it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The filtered list as CSV (UTF-8 with BOM so spreadsheet software reads Japanese). Audited: it carries organization data. */
export async function exportHostApplicationsCsv(ctx: ServiceContext, actor: Actor | null, rawFilter: unknown): Promise<string> {
  const who = authorize(actor, "hosts.read");
  const filter = hostListFilterSchema.parse(rawFilter);
  const list = await rows(ctx.db, filter, null);
  await ctx.db.transaction().execute(async (trx) => {
    await writeAudit(trx, who, { action: "host_application.export", entityType: "host_application", entityId: null, after: { filter, rows: list.length } });
  });
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of list) {
    lines.push(
      [
        r.receiptNumber,
        r.status,
        r.corporateNumber,
        r.nameJa,
        r.nameEn,
        r.kind,
        r.prefectureCode,
        r.region,
        r.jsicDivision,
        r.employees,
        r.sizeClass,
        r.overseasStatus,
        r.positions,
        r.capacity,
        r.submittedAt,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export interface HostApplicationReview {
  row: HostApplicationRow;
  roundNameJa: string;
  roundNameEn: string;
  organization: {
    legalForm: string;
    nameEn: string | null;
    addressJa: string | null;
    postalCode: string | null;
    capitalYen: number | null;
    overseasCountries: string[];
    workLanguages: string[];
    website: string | null;
  };
  plan: {
    goals: string[];
    goalsDescription: string | null;
    supervisorName: string | null;
    workGuidance: string | null;
    housingSupport: string | null;
    commutingSupport: string | null;
    insuranceSupport: string | null;
    arrivalSupport: string | null;
  };
  decisionReason: string | null;
  decidedAt: Date | null;
  positions: PositionView[];
}

export async function getHostApplicationReview(ctx: ServiceContext, actor: Actor | null, id: string): Promise<HostApplicationReview> {
  authorize(actor, "hosts.read");
  const [row] = await rows(ctx.db, { id }, null);
  if (!row) throw new NotFoundError("host_application");
  const app = await ctx.db
    .selectFrom("host_applications")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .innerJoin("rounds", "rounds.id", "host_applications.round_id")
    .selectAll("host_applications")
    .select([
      "host_organizations.legal_form",
      "host_organizations.address_ja",
      "host_organizations.postal_code",
      "host_organizations.capital_yen",
      "host_organizations.overseas_countries",
      "host_organizations.work_languages",
      "host_organizations.website",
      "rounds.name_ja as round_name_ja",
      "rounds.name_en as round_name_en",
    ])
    .where("host_applications.id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    row,
    roundNameJa: app.round_name_ja,
    roundNameEn: app.round_name_en,
    organization: {
      legalForm: app.legal_form,
      nameEn: row.nameEn,
      addressJa: app.address_ja,
      postalCode: app.postal_code,
      capitalYen: app.capital_yen === null ? null : Number(app.capital_yen),
      overseasCountries: app.overseas_countries,
      workLanguages: app.work_languages,
      website: app.website,
    },
    plan: supportPlanOf(app),
    decisionReason: app.decision_reason,
    decidedAt: app.decided_at,
    positions: await loadPositions(ctx.db, id),
  };
}

/** Accept, decline or ask for changes, with a reason; every member of the organization is told in Japanese. */
export async function decideHostApplication(ctx: ServiceContext, actor: Actor | null, id: string, raw: unknown): Promise<{ decision: string }> {
  const who = authorize(actor, "hosts.decide");
  const input = parseInput(decisionSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("host_applications")
      .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
      .select([
        "host_applications.status",
        "host_applications.receipt_number",
        "host_applications.round_id",
        "host_organizations.id as org_id",
        "host_organizations.name_ja",
      ])
      .where("host_applications.id", "=", id)
      .executeTakeFirst();
    if (!app || app.status === "draft") throw new NotFoundError("host_application");
    if (app.status !== "submitted") throw new RefusedError("hostScreening.refusals", [{ code: "not_submitted" }]);
    await trx
      .updateTable("host_applications")
      .set({ status: input.decision, decision_reason: input.reason, decided_by: who.userId, decided_at: ctx.clock(), updated_at: ctx.clock() })
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, who, {
      action: "host_application.decide",
      entityType: "host_application",
      entityId: id,
      before: { status: app.status },
      after: { status: input.decision, reason: input.reason },
    });
    const members = await trx
      .selectFrom("host_memberships")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.email"])
      .where("host_memberships.organization_id", "=", app.org_id)
      .execute();
    await ctx.mailer.queueAll(
      members.map((m) => ({
        to: m.email,
        template: "hostDecision",
        locale: "ja",
        params: {
          organization: app.name_ja,
          receipt: app.receipt_number ?? "",
          decision: input.decision,
          reason: input.reason,
          url: `${ctx.publicUrl}/ja/host/rounds/${app.round_id}`,
        },
      })),
      trx,
    );
  });
  return { decision: input.decision };
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
