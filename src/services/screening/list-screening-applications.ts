import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { csvBatchChunks } from "../csv.ts";
import { type Page, type PageRequest, fetchPage, inPage, prefetchedBatches } from "../paging.ts";
import { loadRound, loadSettings } from "./screening-record.ts";

type Db = Kysely<Database>;

/** Which applications the operator's screening list shows. */
export const SCREENING_STATES = ["all", "unassigned", "unscored", "complete", "flagged"] as const;
export type ScreeningState = (typeof SCREENING_STATES)[number];

export interface ScreeningFilter {
  state: ScreeningState;
  /** a receipt number, or its start */
  receipt: string;
  /** only applications this reviewer (user id) reads */
  reviewer: string;
}

const filterSchema = z.object({
  state: z.enum(SCREENING_STATES).catch("all"),
  receipt: z.string().trim().max(40).catch(""),
  reviewer: z.string().trim().max(100).catch(""),
});

/** Reads the filter leniently from a query string: anything odd is "no filter". */
export function screeningFilterFrom(params: URLSearchParams): ScreeningFilter {
  return filterSchema.parse({ state: params.get("state") ?? "all", receipt: params.get("receipt") ?? "", reviewer: params.get("reviewer") ?? "" });
}

export interface ScreeningApplicationRow {
  id: string;
  receiptNumber: string | null;
  status: string;
  /** reads it needs: k, plus one after reads that disagreed */
  needed: number;
  assigned: number;
  submitted: number;
  extraRead: boolean;
  flagged: boolean;
  position: number | null;
  rawMean: number | null;
  normalizedScore: number | null;
}

function filtered(db: Db, roundId: string, reads: number, f: ScreeningFilter) {
  const assigned = sql<number>`(select count(*) from review_assignments ra where ra.application_id = applications.id)`;
  const submitted = sql<number>`(select count(*) from review_assignments ra where ra.application_id = applications.id and ra.completed_at is not null)`;
  const needed = sql<number>`(${reads} + case when screening_extra_reads.application_id is null then 0 else 1 end)`;
  let q = db
    .selectFrom("applications")
    .leftJoin("screening_ranks", "screening_ranks.application_id", "applications.id")
    .leftJoin("screening_extra_reads", "screening_extra_reads.application_id", "applications.id")
    .where("applications.round_id", "=", roundId)
    .where("applications.status", "in", ["submitted", "under_review", "interview"])
    .where(sql<boolean>`cardinality(applications.eligibility_unmet) = 0`);
  if (f.state === "unassigned") q = q.where(sql<boolean>`${assigned} < ${needed}`);
  if (f.state === "unscored") q = q.where(sql<boolean>`${submitted} < ${reads}`);
  if (f.state === "complete") q = q.where(sql<boolean>`${submitted} >= ${reads}`);
  if (f.state === "flagged") q = q.where("screening_ranks.flagged", "=", true);
  if (f.receipt) q = q.where(sql<boolean>`upper(applications.receipt_number) like ${`${f.receipt.toUpperCase().replace(/[\\%_]/g, "\\$&")}%`}`);
  if (f.reviewer)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("review_assignments")
          .select("review_assignments.id")
          .whereRef("review_assignments.application_id", "=", "applications.id")
          .where("review_assignments.reviewer_user_id", "=", f.reviewer),
      ),
    );
  return { q, assigned, submitted, needed };
}

function rowsQuery(db: Db, roundId: string, reads: number, f: ScreeningFilter) {
  const { q, assigned, submitted, needed } = filtered(db, roundId, reads, f);
  return q
    .select([
      "applications.id",
      "applications.receipt_number",
      "applications.status",
      "screening_ranks.position",
      "screening_ranks.raw_mean",
      "screening_ranks.normalized_score",
      "screening_ranks.flagged",
      "screening_extra_reads.application_id as extra",
      assigned.as("assigned"),
      submitted.as("submitted"),
      needed.as("needed"),
    ])
    .orderBy("applications.receipt_number")
    .orderBy("applications.id");
}

type RawRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>["execute"]>>[number];

function toRow(r: RawRow): ScreeningApplicationRow {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    status: r.status,
    needed: Number(r.needed),
    assigned: Number(r.assigned),
    submitted: Number(r.submitted),
    extraRead: r.extra !== null,
    flagged: r.flagged === true,
    position: r.position ?? null,
    rawMean: r.raw_mean === null ? null : Number(r.raw_mean),
    normalizedScore: r.normalized_score === null ? null : Number(r.normalized_score),
  };
}

/**
 * The operator's list of a round's eligible screened applications with their
 * reads (needed, assigned, submitted), the extra-read mark and the stored
 * ranking, filtered by state (reads missing, scores missing, complete,
 * flagged), receipt number and reviewer; server-side paging.
 */
export async function listScreeningApplications(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  filter: ScreeningFilter,
  page: PageRequest,
): Promise<{ round: { id: string; nameJa: string; nameEn: string; phase: string }; reads: number; page: Page<ScreeningApplicationRow> }> {
  authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  const { reads } = await loadSettings(ctx.db, roundId);
  const result = await fetchPage(page, {
    total: filtered(ctx.db, roundId, reads, filter)
      .q.select((eb) => eb.fn.countAll<string>().as("total"))
      .executeTakeFirstOrThrow(),
    items: rowsQuery(ctx.db, roundId, reads, filter).$call(inPage(page)).execute(),
  });
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    reads,
    page: { ...result, items: result.items.map(toRow) },
  };
}

const HEADER = [
  "receipt_number",
  "status",
  "reads_needed",
  "reads_assigned",
  "reads_submitted",
  "extra_read",
  "flagged",
  "position",
  "raw_mean",
  "normalized_score",
];

/**
 * The same filtered list as CSV, streamed in key-paged batches (receipt
 * number, id) so memory stays flat. Audited with the filter and row count.
 * No applicant name or contact: the screening state only.
 */
export async function exportScreeningApplicationsCsv(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  filter: ScreeningFilter,
): Promise<{ rows: number; chunks: AsyncIterable<string> }> {
  const who = authorize(actor, "screening.manage");
  await loadRound(ctx.db, roundId);
  const { reads } = await loadSettings(ctx.db, roundId);
  const total = await filtered(ctx.db, roundId, reads, filter)
    .q.select((eb) => eb.fn.countAll<string>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = Number(total.total);
  await writeAudit(ctx.db, who, { action: "screening.export", entityType: "round", entityId: roundId, after: { filter, rows } });
  return { rows, chunks: csvBatchChunks(HEADER, lines(ctx.db, roundId, reads, filter)) };
}

async function* lines(db: Db, roundId: string, reads: number, filter: ScreeningFilter): AsyncGenerator<unknown[][]> {
  const batches = prefetchedBatches(async (after: RawRow | null) => {
    let q = rowsQuery(db, roundId, reads, filter);
    if (after) q = q.where(sql<boolean>`(applications.receipt_number, applications.id) > (${after.receipt_number ?? ""}, ${after.id})`);
    return q.limit(1000).execute();
  }, 1000);
  for await (const batch of batches) {
    yield batch.map((raw) => {
      const r = toRow(raw);
      return [
        r.receiptNumber,
        r.status,
        r.needed,
        r.assigned,
        r.submitted,
        r.extraRead ? "yes" : "no",
        r.flagged ? "yes" : "no",
        r.position,
        r.rawMean,
        r.normalizedScore,
      ];
    });
  }
}
