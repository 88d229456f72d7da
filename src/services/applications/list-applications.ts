import { type ExpressionBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, fetchPage, pageOf, prefetchedBatches } from "../paging.ts";

export interface ApplicationFilter {
  roundId?: string | undefined;
  q?: string | undefined;
  nationality?: string | undefined;
  status?: string | undefined;
  eligibility?: "eligible" | "ineligible" | undefined;
  jlpt?: string | undefined;
}

export interface ApplicationRow {
  id: string;
  receiptNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  email: string | null;
  nationality: string | null;
  status: string;
  eligibilityUnmet: string[];
  jlptLevel: string | null;
  submittedAt: Date | null;
}

function filtered(ctx: ServiceContext, f: ApplicationFilter) {
  // No join: the JLPT level is read per row of the page (jlptLevel below) and filtered with EXISTS, so counting
  // and paging 130,000 applications never reads the languages table (issue #20 item 3).
  let q = ctx.db.selectFrom("applications");
  if (f.roundId) q = q.where("applications.round_id", "=", f.roundId);
  if (f.nationality) q = q.where("applications.nationality", "=", f.nationality.toUpperCase());
  if (f.status) q = q.where("applications.status", "=", f.status);
  // cardinality(), not `= []`: Kysely compiles an empty array to "()", a syntax error.
  if (f.eligibility === "eligible") q = q.where(sql<number>`cardinality(applications.eligibility_unmet)`, "=", 0);
  if (f.eligibility === "ineligible") q = q.where(sql<number>`cardinality(applications.eligibility_unmet)`, ">", 0);
  if (f.jlpt) {
    const level = f.jlpt;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("application_languages as jlpt")
          .select("jlpt.id")
          .whereRef("jlpt.application_id", "=", "applications.id")
          .where("jlpt.kind", "=", "jlpt")
          .where("jlpt.jlpt_level", "=", level),
      ),
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    q = q.where((eb) =>
      eb.or([
        eb("applications.family_name", "ilike", like),
        eb("applications.given_name", "ilike", like),
        eb("applications.contact_email", "ilike", like),
        eb("applications.receipt_number", "ilike", like),
      ]),
    );
  }
  return q;
}

/** The application's JLPT level (one row per kind at most: unique index of migration 0004), by index lookup. */
const jlptLevel = (eb: ExpressionBuilder<Database, "applications">) =>
  eb
    .selectFrom("application_languages as jlpt")
    .select("jlpt.jlpt_level")
    .whereRef("jlpt.application_id", "=", "applications.id")
    .where("jlpt.kind", "=", "jlpt")
    .as("jlpt_level");

const COLUMNS = [
  "applications.id",
  "applications.receipt_number",
  "applications.family_name",
  "applications.given_name",
  "applications.contact_email",
  "applications.nationality",
  "applications.status",
  "applications.eligibility_unmet",
  "applications.submitted_at",
] as const;

function toRow(r: {
  id: string;
  receipt_number: string | null;
  family_name: string | null;
  given_name: string | null;
  contact_email: string | null;
  nationality: string | null;
  status: string;
  eligibility_unmet: string[];
  jlpt_level: string | null;
  submitted_at: Date | null;
}): ApplicationRow {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    familyName: r.family_name,
    givenName: r.given_name,
    email: r.contact_email,
    nationality: r.nationality,
    status: r.status,
    eligibilityUnmet: r.eligibility_unmet,
    jlptLevel: r.jlpt_level,
    submittedAt: r.submitted_at,
  };
}

/**
 * One page's rows in the list's order (newest submission first, drafts last), or counted from the end of it.
 * OFFSET first skips entries of the list-order index alone (a deferred join: the skipped rows are never read,
 * and where autovacuum has marked the table's pages all-visible the skip never touches the table at all), then
 * the page's rows and their JLPT level are read by key (issue #20 item 3, docs/performance.md).
 */
async function pageRows(ctx: ServiceContext, q: ReturnType<typeof filtered>, limit: number, offset: number, fromEnd: boolean): Promise<ApplicationRow[]> {
  const id = fromEnd ? "desc" : "asc";
  const keys = q
    .select(["applications.id", "applications.submitted_at"])
    .orderBy("applications.submitted_at", (ob) => (fromEnd ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy("applications.id", id)
    .limit(limit)
    .offset(offset)
    .as("k");
  const rows = await ctx.db
    .selectFrom(keys)
    .innerJoin("applications", "applications.id", "k.id")
    .select((eb) => [...COLUMNS, jlptLevel(eb)])
    .orderBy("k.submitted_at", (ob) => (fromEnd ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy("k.id", id)
    .execute();
  const items = rows.map(toRow);
  return fromEnd ? items.reverse() : items;
}

/**
 * Applications for operators: searchable, filtered and paged on the server. The first page (nearly every
 * request) reads its rows and the total together. A later page counts first and then reads its rows from the
 * nearer end of the order: OFFSET reads every row it skips, so the last page of 130,000 applications read all
 * of them (55 ms on PostgreSQL, docs/performance.md); read from the end, it skips none.
 */
export async function listApplications(ctx: ServiceContext, actor: Actor | null, filter: ApplicationFilter, page: PageRequest): Promise<Page<ApplicationRow>> {
  authorize(actor, "application.read");
  const q = filtered(ctx, filter);
  const count = () => q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  const offset = (page.page - 1) * page.size;
  if (page.page === 1) return fetchPage(page, { total: count(), items: pageRows(ctx, q, page.size, 0, false) });
  const total = Number((await count()).total);
  if (offset >= total) return pageOf([], total, page);
  const limit = Math.min(page.size, total - offset);
  const afterPage = total - offset - limit;
  const items = afterPage < offset ? await pageRows(ctx, q, limit, afterPage, true) : await pageRows(ctx, q, limit, offset, false);
  return pageOf(items, total, page);
}

/** How many applications match the filter (the export's audit entry says how many rows it carried). */
export async function countApplications(ctx: ServiceContext, actor: Actor | null, filter: ApplicationFilter): Promise<number> {
  authorize(actor, "application.read");
  const r = await filtered(ctx, filter)
    .select((eb) => eb.fn.countAll<string>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(r.total);
}

/**
 * Every application matching the filter, in batches paged by key (id > the last one: no deep OFFSET re-sorting),
 * the next batch read while the caller writes out this one, for the CSV export.
 */
export function applicationBatches(ctx: ServiceContext, actor: Actor | null, filter: ApplicationFilter): AsyncGenerator<ApplicationRow[]> {
  authorize(actor, "application.read");
  return prefetchedBatches(async (after: ApplicationRow | null) => {
    let q = filtered(ctx, filter);
    if (after !== null) q = q.where("applications.id", ">", after.id);
    const rows = await q
      .select((eb) => [...COLUMNS, jlptLevel(eb)])
      .orderBy("applications.id")
      .limit(EXPORT_BATCH)
      .execute();
    return rows.map(toRow);
  }, EXPORT_BATCH);
}

const EXPORT_BATCH = 5000;
