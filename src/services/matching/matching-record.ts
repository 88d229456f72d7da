/**
 * Shared pieces of the matching phase (issue 15, ADR 0021): the round in
 * matching and its ranking deadline, the positions a round offers, reading and
 * writing a rank list from its form, and the frozen input of a run (which
 * applicants and seats are still open, both sides' submitted lists) with its
 * content hash.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { MatchingInstance } from "../../domain/matching/index.ts";
import { deadlinePassed } from "../../domain/round-phases.ts";
import { type MatchingMode, isMatchingMode } from "../../domain/matching/shortlist.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";

/** Which engine produced a run (stored with it; ADR 0005: DA, or flexible DA with regional caps). */
export const ENGINE_VERSION = "jip-matching/1 (deferred acceptance; flexible DA with regional caps, ADR 0005)";

/** How long each side has to answer an offer once a run is published. */
export const OFFER_RESPONSE_DAYS = 7;

/** Statuses of an application taking part in matching (selected; matched once an offer is accepted). */
export const MATCHING_APPLICATION_STATUSES = ["selected", "matched"] as const;

export interface MatchingRound {
  id: string;
  nameJa: string;
  nameEn: string;
  phase: string;
  matchingClose: Date | null;
  matchingPublished: boolean;
  /** open ranking (today's default) or the program office's shortlists (ADR 0037) */
  matchingMode: MatchingMode;
}

export async function findRound(db: Kysely<Database>, roundId: string): Promise<MatchingRound> {
  if (!/^[0-9a-f-]{36}$/.test(roundId)) throw new NotFoundError("round");
  const r = await db
    .selectFrom("rounds")
    .leftJoin("round_deadlines as d", (j) => j.onRef("d.round_id", "=", "rounds.id").on("d.kind", "=", "matching_close"))
    .select(["rounds.id", "rounds.name_ja", "rounds.name_en", "rounds.phase", "rounds.matching_published", "rounds.matching_mode", "d.due_at"])
    .where("rounds.id", "=", roundId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError("round");
  return {
    id: r.id,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    phase: r.phase,
    matchingClose: r.due_at ?? null,
    matchingPublished: r.matching_published,
    matchingMode: isMatchingMode(r.matching_mode) ? r.matching_mode : "open_ranking",
  };
}

/** Rank lists may change while the round is in matching and before its matching_close deadline (refused otherwise, with the deadline). */
export function requireRankingOpen(round: MatchingRound, now: Date, messages: string): void {
  if (round.phase !== "matching") throw new RefusedError(messages, [{ code: "not_matching_phase", phase: round.phase }]);
  if (round.matchingClose && deadlinePassed(round.matchingClose, now)) throw new RefusedError(messages, [{ code: "ranking_closed", at: round.matchingClose }]);
}

export interface PositionRow {
  id: string;
  title: string;
  description: string;
  department: string | null;
  capacity: number;
  mode: string;
  periodStart: string | null;
  periodEnd: string | null;
  fields: string[];
  organizationId: string;
  organizationJa: string;
  organizationEn: string | null;
  prefectureJa: string;
  prefectureEn: string;
  regionCode: string;
  regionJa: string;
  regionEn: string;
}

/** The positions of a round's accepted host applications, in a stable order. */
export async function positionsOfRound(db: Kysely<Database>, roundId: string): Promise<PositionRow[]> {
  const rows = await db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
    .innerJoin("prefectures as pr", "pr.code", "p.prefecture_code")
    .innerJoin("regions as r", "r.code", "pr.region_code")
    .select([
      "p.id",
      "p.title",
      "p.description",
      "p.department",
      "p.capacity",
      "p.mode",
      "p.period_start",
      "p.period_end",
      "p.fields",
      "o.id as organization_id",
      "o.name_ja",
      "o.name_en",
      "pr.name_ja as prefecture_ja",
      "pr.name_en as prefecture_en",
      "r.code as region_code",
      "r.name_ja as region_ja",
      "r.name_en as region_en",
    ])
    .where("ha.round_id", "=", roundId)
    .where("ha.status", "=", "accepted")
    .orderBy("o.name_ja")
    .orderBy("p.title")
    .orderBy("p.id")
    .execute();
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    department: p.department,
    capacity: p.capacity,
    mode: p.mode,
    periodStart: p.period_start ? String(p.period_start).slice(0, 10) : null,
    periodEnd: p.period_end ? String(p.period_end).slice(0, 10) : null,
    fields: p.fields,
    organizationId: p.organization_id,
    organizationJa: p.name_ja,
    organizationEn: p.name_en,
    prefectureJa: p.prefecture_ja,
    prefectureEn: p.prefecture_en,
    regionCode: p.region_code,
    regionJa: p.region_ja,
    regionEn: p.region_en,
  }));
}

export interface StoredRankList {
  id: string | null;
  submittedAt: Date | null;
  updatedAt: Date | null;
  /** ranked ids (positions for an applicant, applications for a position), first choice first */
  ranked: string[];
}

export async function readRankList(db: Kysely<Database>, roundId: string, owner: { applicationId: string } | { positionId: string }): Promise<StoredRankList> {
  let q = db.selectFrom("rank_lists").select(["id", "submitted_at", "updated_at"]).where("round_id", "=", roundId);
  q =
    "applicationId" in owner
      ? q.where("side", "=", "applicant").where("application_id", "=", owner.applicationId)
      : q.where("side", "=", "position").where("position_id", "=", owner.positionId);
  const list = await q.executeTakeFirst();
  if (!list) return { id: null, submittedAt: null, updatedAt: null, ranked: [] };
  const entries = await db
    .selectFrom("rank_list_entries")
    .select(["application_id", "position_id"])
    .where("rank_list_id", "=", list.id)
    .orderBy("rank")
    .execute();
  return {
    id: list.id,
    submittedAt: list.submitted_at,
    updatedAt: list.updated_at,
    ranked: entries.map((e) => ("applicationId" in owner ? e.position_id : e.application_id)).filter((x): x is string => x !== null),
  };
}

/**
 * A rank list form as an ordered list: `rank.<id>` holds a position number (1 = first choice) or is
 * blank (not ranked). Numbers are whole, from 1 to the number of choices, each used once; they
 * need not be consecutive (1, 2, 5 orders the same as 1, 2, 3). An id that is not a choice is refused.
 */
export function rankedFromForm(raw: unknown, allowed: readonly string[], messages: string): string[] {
  const input = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const ranks = input.rank && typeof input.rank === "object" ? (input.rank as Record<string, unknown>) : {};
  const allowedSet = new Set(allowed);
  const notAllowed = Object.keys(ranks).filter((id) => !allowedSet.has(id) && String(ranks[id] ?? "").trim() !== "");
  if (notAllowed.length > 0) throw new RefusedError(messages, [{ code: "not_rankable", count: notAllowed.length }]);
  const fieldErrors: Record<string, { key: string; params?: Record<string, string | number> }[]> = {};
  const seen = new Map<number, string[]>();
  for (const id of allowed) {
    const text = String(ranks[id] ?? "").trim();
    if (text === "") continue;
    const n = /^[0-9]{1,4}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > allowed.length) {
      fieldErrors[`rank.${id}`] = [{ key: "matching.errors.rankOutOfRange", params: { max: allowed.length } }];
      continue;
    }
    seen.set(n, [...(seen.get(n) ?? []), id]);
  }
  for (const [n, ids] of seen) {
    if (ids.length > 1) for (const id of ids) fieldErrors[`rank.${id}`] = [{ key: "matching.errors.rankDuplicate", params: { rank: n } }];
  }
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids[0]!);
}

/** Replaces a rank list's entries (inside the caller's transaction); `submit` marks it submitted. Returns its id. */
export async function writeRankList(
  trx: Kysely<Database>,
  roundId: string,
  owner: { applicationId: string } | { positionId: string },
  ranked: readonly string[],
  opts: { submit: boolean; now: Date },
): Promise<{ id: string; before: string[] }> {
  const existing = await readRankList(trx, roundId, owner);
  const id = existing.id ?? crypto.randomUUID();
  const isApplicant = "applicationId" in owner;
  if (!existing.id) {
    await trx
      .insertInto("rank_lists")
      .values({
        id,
        round_id: roundId,
        side: isApplicant ? "applicant" : "position",
        application_id: isApplicant ? owner.applicationId : null,
        position_id: isApplicant ? null : owner.positionId,
        submitted_at: opts.submit ? opts.now : null,
        updated_at: opts.now,
      })
      .execute();
  } else {
    await trx
      .updateTable("rank_lists")
      .set({ updated_at: opts.now, ...(opts.submit ? { submitted_at: opts.now } : {}) })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("rank_list_entries").where("rank_list_id", "=", id).execute();
  }
  if (ranked.length > 0) {
    await trx
      .insertInto("rank_list_entries")
      .values(
        ranked.map((x, i) => ({
          rank_list_id: id,
          rank: i + 1,
          application_id: isApplicant ? null : x,
          position_id: isApplicant ? x : null,
        })),
      )
      .execute();
  }
  return { id, before: existing.ranked };
}

/** The input of the next run of a round, frozen: open applicants, free seats, submitted lists. */
export interface Snapshot {
  stage: number;
  instance: MatchingInstance;
  hash: string;
}

/** Offers that hold a seat now: accepted, or pending and not past their answer deadline. */
export function holdsSeat(offer: { status: string; respond_by: Date | null }, now: Date): boolean {
  return offer.status === "accepted" || (offer.status === "pending" && (offer.respond_by === null || !deadlinePassed(offer.respond_by, now)));
}

/**
 * The next run's instance. Applicants: the round's selected applications with a submitted list,
 * minus those holding an offer and those who declined one. Hosts: positions with seats not held
 * by an offer (capacity minus held seats), region from the prefecture. Lists: submitted ones,
 * limited to the instance, and without a pair whose offer was already declined by either side.
 */
export async function takeSnapshot(db: Kysely<Database>, roundId: string, now: Date): Promise<Snapshot> {
  const published = await db
    .selectFrom("matching_runs")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("round_id", "=", roundId)
    .where("status", "=", "published")
    .executeTakeFirstOrThrow();
  const stage = Number(published.n) + 1;
  const offers = await db
    .selectFrom("offers")
    .innerJoin("matching_runs as r", "r.id", "offers.run_id")
    .select(["offers.application_id", "offers.position_id", "offers.status", "offers.respond_by", "offers.applicant_response"])
    .where("r.round_id", "=", roundId)
    .execute();
  const busyApplicants = new Set<string>();
  const heldSeats = new Map<string, number>();
  const declinedPairs = new Set<string>();
  for (const o of offers) {
    if (holdsSeat(o, now)) {
      busyApplicants.add(o.application_id);
      heldSeats.set(o.position_id, (heldSeats.get(o.position_id) ?? 0) + 1);
    }
    if (o.applicant_response === "declined") busyApplicants.add(o.application_id);
    if (o.status === "declined") declinedPairs.add(`${o.application_id}|${o.position_id}`);
  }
  const positions = (await positionsOfRound(db, roundId)).map((p) => ({ ...p, free: p.capacity - (heldSeats.get(p.id) ?? 0) })).filter((p) => p.free > 0);
  const positionIds = new Set(positions.map((p) => p.id));
  const applications = await db.selectFrom("applications").select("id").where("round_id", "=", roundId).where("status", "=", "selected").execute();
  const applicantIds = new Set(applications.map((a) => a.id).filter((id) => !busyApplicants.has(id)));
  const lists = await db
    .selectFrom("rank_lists as l")
    .innerJoin("rank_list_entries as e", "e.rank_list_id", "l.id")
    .select(["l.side", "l.application_id as owner_application", "l.position_id as owner_position", "e.rank", "e.application_id", "e.position_id"])
    .where("l.round_id", "=", roundId)
    .where("l.submitted_at", "is not", null)
    .orderBy("l.id")
    .orderBy("e.rank")
    .execute();
  // office-shortlist mode (ADR 0037): only pairs on the office's shortlist count, whatever a list says
  const mode = await db.selectFrom("rounds").select("matching_mode").where("id", "=", roundId).executeTakeFirst();
  const onShortlist =
    mode?.matching_mode === "office_shortlist"
      ? new Set(
          (await db.selectFrom("matching_shortlists").select(["application_id", "position_id"]).where("round_id", "=", roundId).execute()).map(
            (r) => `${r.application_id}|${r.position_id}`,
          ),
        )
      : null;
  const applicantPrefs = new Map<string, string[]>();
  const positionPrefs = new Map<string, string[]>();
  for (const e of lists) {
    if (e.side === "applicant" && e.owner_application && e.position_id) {
      if (!applicantIds.has(e.owner_application) || !positionIds.has(e.position_id)) continue;
      if (declinedPairs.has(`${e.owner_application}|${e.position_id}`)) continue;
      if (onShortlist && !onShortlist.has(`${e.owner_application}|${e.position_id}`)) continue;
      const list = applicantPrefs.get(e.owner_application);
      if (list) list.push(e.position_id);
      else applicantPrefs.set(e.owner_application, [e.position_id]);
    } else if (e.side === "position" && e.owner_position && e.application_id) {
      if (!positionIds.has(e.owner_position) || !applicantIds.has(e.application_id)) continue;
      if (declinedPairs.has(`${e.application_id}|${e.owner_position}`)) continue;
      if (onShortlist && !onShortlist.has(`${e.application_id}|${e.owner_position}`)) continue;
      const list = positionPrefs.get(e.owner_position);
      if (list) list.push(e.application_id);
      else positionPrefs.set(e.owner_position, [e.application_id]);
    }
  }
  const instance: MatchingInstance = {
    applicants: [...applicantPrefs.keys()].sort().map((id) => ({ id, preferences: applicantPrefs.get(id)! })),
    hosts: positions
      // a host's list names only applicants of the instance (with a list of their own)
      .map((p) => ({ id: p.id, capacity: p.free, region: p.regionCode, preferences: (positionPrefs.get(p.id) ?? []).filter((a) => applicantPrefs.has(a)) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return { stage, instance, hash: hashInstance(instance) };
}

/** sha-256 of the instance's canonical JSON (sorted ids, lists in rank order), caps excluded. */
export function hashInstance(instance: MatchingInstance): string {
  const canonical = JSON.stringify({ applicants: instance.applicants, hosts: instance.hosts });
  return createHash("sha256").update(canonical).digest("hex");
}
