/** The case lists of the staff pages: a host's own cases, the operator's list (by status and round), and the counts per round. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { readContent } from "../../domain/cases/content.ts";
import { dashboardGroup, isCaseStatus } from "../../domain/cases/workflow.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { findMembership } from "../hosts/membership.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
import { personName } from "../../domain/person-name.ts";

export interface CaseListRow {
  id: string;
  number: number;
  status: string;
  theme: string;
  titleJa: string;
  titleEn: string;
  organizationJa: string;
  organizationEn: string | null;
  roundJa: string | null;
  roundEn: string | null;
  languages: string[];
  updatedAt: Date;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("case_studies as c")
    .innerJoin("host_organizations as o", "o.id", "c.organization_id")
    .leftJoin("rounds as r", "r.id", "c.round_id")
    .select([
      "c.id",
      "c.number",
      "c.status",
      "c.content",
      "c.published_languages",
      "c.updated_at",
      "o.name_ja",
      "o.name_en",
      "r.name_ja as round_ja",
      "r.name_en as round_en",
    ]);
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number]): CaseListRow {
  const c = readContent(r.content);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    theme: c.theme,
    titleJa: c.ja.title,
    titleEn: c.en.title,
    organizationJa: r.name_ja,
    organizationEn: r.name_en,
    roundJa: r.round_ja,
    roundEn: r.round_en,
    languages: r.published_languages,
    updatedAt: r.updated_at,
  };
}

/** The caller's organization's cases, latest change first. */
export async function listHostCases(ctx: ServiceContext, actor: Actor | null, page: PageRequest): Promise<Page<CaseListRow> & { hasOrganization: boolean }> {
  const who = authorize(actor, "case.draft");
  const m = await findMembership(ctx.db, who.userId);
  if (!m) return { ...pageOf([], 0, page), hasOrganization: false };
  const [rows, { n }] = await Promise.all([
    baseQuery(ctx.db)
      .where("c.organization_id", "=", m.organizationId)
      .orderBy("c.updated_at", "desc")
      .orderBy("c.id")
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    ctx.db
      .selectFrom("case_studies")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("organization_id", "=", m.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...pageOf(rows.map(toRow), Number(n), page), hasOrganization: true };
}

export interface OperatorCaseFilter {
  status?: string | undefined;
  roundId?: string | undefined;
}

/** Every case, filtered by status and round, latest change first. */
export async function listOperatorCases(ctx: ServiceContext, actor: Actor | null, filter: OperatorCaseFilter, page: PageRequest): Promise<Page<CaseListRow>> {
  authorize(actor, "case.read");
  let count = ctx.db.selectFrom("case_studies as c").select((eb) => eb.fn.countAll<string>().as("n"));
  let q = baseQuery(ctx.db);
  if (isCaseStatus(filter.status)) {
    q = q.where("c.status", "=", filter.status);
    count = count.where("c.status", "=", filter.status);
  }
  if (filter.roundId) {
    q = q.where("c.round_id", "=", filter.roundId);
    count = count.where("c.round_id", "=", filter.roundId);
  }
  const [rows, { n }] = await Promise.all([
    q
      .orderBy("c.updated_at", "desc")
      .orderBy("c.id")
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return pageOf(rows.map(toRow), Number(n), page);
}

export interface RoundCaseCounts {
  roundId: string | null;
  nameJa: string | null;
  nameEn: string | null;
  fiscalYear: number | null;
  draft: number;
  inReview: number;
  published: number;
  withdrawn: number;
}

/** The operator dashboard's figures: cases being written, waiting for the office, and published, per round (cases with no round last). */
export async function countCasesByRound(ctx: ServiceContext, actor: Actor | null): Promise<RoundCaseCounts[]> {
  authorize(actor, "case.read");
  const rows = await ctx.db
    .selectFrom("case_studies as c")
    .leftJoin("rounds as r", "r.id", "c.round_id")
    .select((eb) => ["c.round_id", "c.status", "r.name_ja", "r.name_en", "r.fiscal_year", eb.fn.countAll<string>().as("n")])
    .groupBy(["c.round_id", "c.status", "r.name_ja", "r.name_en", "r.fiscal_year"])
    .execute();
  const byRound = new Map<string, RoundCaseCounts>();
  for (const r of rows) {
    const key = r.round_id ?? "";
    const entry = byRound.get(key) ?? {
      roundId: r.round_id,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      fiscalYear: r.fiscal_year,
      draft: 0,
      inReview: 0,
      published: 0,
      withdrawn: 0,
    };
    entry[dashboardGroup(r.status)] += Number(r.n);
    byRound.set(key, entry);
  }
  return [...byRound.values()].sort((a, b) => (b.fiscalYear ?? -1) - (a.fiscalYear ?? -1) || (a.nameEn ?? "").localeCompare(b.nameEn ?? ""));
}

export interface NewCaseOptions {
  hasOrganization: boolean;
  placements: { id: string; label: string; roundId: string; startsOn: string }[];
  rounds: { id: string; nameJa: string; nameEn: string }[];
}

/** What a new case can be linked to: the organization's placements (intern and dates) and the rounds it took part in. */
export async function getNewCaseOptions(ctx: ServiceContext, actor: Actor | null): Promise<NewCaseOptions> {
  const who = authorize(actor, "case.draft");
  const m = await findMembership(ctx.db, who.userId);
  if (!m) return { hasOrganization: false, placements: [], rounds: [] };
  const [placements, rounds] = await Promise.all([
    ctx.db
      .selectFrom("placements as p")
      .innerJoin("positions as pos", "pos.id", "p.position_id")
      .innerJoin("host_applications as ha", "ha.id", "pos.host_application_id")
      .innerJoin("applications as a", "a.id", "p.application_id")
      .select(["p.id", "p.round_id", "p.starts_on", "p.ends_on", "pos.title", "a.given_name", "a.family_name", "a.nationality"])
      .where("ha.organization_id", "=", m.organizationId)
      .orderBy("p.starts_on", "desc")
      .limit(200)
      .execute(),
    ctx.db
      .selectFrom("rounds as r")
      .innerJoin("host_applications as ha", "ha.round_id", "r.id")
      .select(["r.id", "r.name_ja", "r.name_en"])
      .where("ha.organization_id", "=", m.organizationId)
      .orderBy("r.fiscal_year", "desc")
      .execute(),
  ]);
  return {
    hasOrganization: true,
    placements: placements.map((p) => ({
      id: p.id,
      roundId: p.round_id,
      startsOn: p.starts_on,
      label: `${personName({ familyName: p.family_name, givenName: p.given_name, nationality: p.nationality }) ?? ""} — ${p.title} (${p.starts_on} – ${p.ends_on})`,
    })),
    rounds: rounds.map((r) => ({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en })),
  };
}
