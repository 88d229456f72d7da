/**
 * Internal to the screening use cases: reading a round's screening state from
 * the database and filling its review assignments with the domain solver
 * (src/domain/screening, ADR 0011). Not a use case: no caller check here.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import {
  type AssignmentInstance,
  type AssignmentResult,
  type CriterionScore,
  type ScoreInput,
  affiliationConflicts,
  buildAffiliationMatcher,
  rubricTotal,
} from "../../domain/screening/index.ts";
import { DEFAULT_READS } from "../../domain/screening/recommendation.ts";
import type { AffiliationAlias, Rubric } from "../../domain/screening/index.ts";
import type { Actor } from "../context.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";

type Db = Kysely<Database>;

/** Statuses of an application that screening reads (submitted, or already assigned). */
export const SCREENED_STATUSES = ["submitted", "under_review"] as const;

export interface RubricCriterionText {
  id: string;
  weight: number;
  label: { ja: string; en: string };
  descriptor: { ja: string; en: string };
}

export interface RoundRubric extends Rubric {
  id: string | null;
  criteria: RubricCriterionText[];
}

/** The rubric a round starts with until the operator changes it (1–5, four weighted criteria). */
export const DEFAULT_RUBRIC_CRITERIA: RubricCriterionText[] = [
  {
    id: "motivation",
    weight: 3,
    label: { ja: "志望動機", en: "Motivation" },
    descriptor: {
      ja: "日本の中小企業で学ぶ目的が具体的で、帰国後の活用が明確か。",
      en: "A concrete purpose for learning at a Japanese company and a clear use of it afterwards.",
    },
  },
  {
    id: "background",
    weight: 2,
    label: { ja: "学歴・職歴", en: "Education and experience" },
    descriptor: { ja: "専門分野と経験が受入企業の業務に活かせるか。", en: "Field and experience a host company can build on." },
  },
  {
    id: "language",
    weight: 2,
    label: { ja: "語学力", en: "Language ability" },
    descriptor: { ja: "日本語または英語で業務上の意思疎通ができるか。", en: "Can work in Japanese or English." },
  },
  {
    id: "bridge",
    weight: 1,
    label: { ja: "架け橋としての可能性", en: "Potential as a bridge" },
    descriptor: { ja: "日本と母国の企業をつなぐ役割が期待できるか。", en: "Likely to connect companies in Japan and at home." },
  },
];

export async function loadRound(db: Db, roundId: string) {
  const round = await db.selectFrom("rounds").select(["id", "name_ja", "name_en", "phase"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  return round;
}

export async function loadSettings(db: Db, roundId: string) {
  const row = await db.selectFrom("screening_settings").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  return {
    reads: row?.reads ?? DEFAULT_READS,
    disagreementThreshold: row ? Number(row.disagreement_threshold) : 1.5,
    closedAt: row?.closed_at ?? null,
    interviewCount: row?.interview_count ?? null,
  };
}

export async function loadRubric(db: Db, roundId: string): Promise<RoundRubric> {
  const row = await db.selectFrom("rubrics").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  if (!row) return { id: null, criteria: DEFAULT_RUBRIC_CRITERIA, scale: { min: 1, max: 5, step: 1 } };
  const criteria = (typeof row.criteria === "string" ? JSON.parse(row.criteria) : row.criteria) as RubricCriterionText[];
  return { id: row.id, criteria, scale: { min: Number(row.scale_min), max: Number(row.scale_max), step: Number(row.scale_step) } };
}

/** The round's rubric row, created from the default when the round has none (first assignment). */
export async function ensureRubric(trx: Db, roundId: string, now: Date): Promise<void> {
  await trx
    .insertInto("rubrics")
    .values({ id: crypto.randomUUID(), round_id: roundId, criteria: JSON.stringify(DEFAULT_RUBRIC_CRITERIA), created_at: now })
    .onConflict((oc) => oc.column("round_id").doNothing())
    .execute();
}

/** The screening deadline of the round (round_deadlines.screening_end), if set. */
export async function screeningDeadline(db: Db, roundId: string): Promise<Date | null> {
  const row = await db.selectFrom("round_deadlines").select("due_at").where("round_id", "=", roundId).where("kind", "=", "screening_end").executeTakeFirst();
  return row?.due_at ?? null;
}

/** Reviewer accounts invited to the round (matched by address), with their profile when they have one. */
export async function roundReviewers(db: Db, roundId: string) {
  return db
    .selectFrom("round_reviewers")
    .leftJoin("user", (j) => j.on(sql`lower("user".email)`, "=", sql.ref("round_reviewers.email")).on("user.role", "=", "reviewer"))
    .leftJoin("reviewers", "reviewers.user_id", "user.id")
    .select([
      "round_reviewers.email",
      "round_reviewers.invited_at",
      "user.id as user_id",
      "user.name",
      "reviewers.user_id as profile_user_id",
      "reviewers.languages",
      "reviewers.expertise",
      "reviewers.affiliations",
      "reviewers.max_load",
      "reviewers.active",
    ])
    .where("round_reviewers.round_id", "=", roundId)
    .orderBy("round_reviewers.email")
    .execute();
}

/** Submitted (or under review) applications of the round that meet every eligibility rule. */
export async function eligibleApplications(db: Db, roundId: string) {
  return db
    .selectFrom("applications")
    .leftJoin("user", "user.id", "applications.applicant_user_id")
    .select(["applications.id", "applications.status", "applications.receipt_number", "applications.preferred_fields", "user.locale"])
    .where("applications.round_id", "=", roundId)
    .where("applications.status", "in", SCREENED_STATUSES)
    .where(sql<boolean>`cardinality(applications.eligibility_unmet) = 0`)
    .orderBy("applications.receipt_number")
    .execute();
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The assignment instance of a round: its eligible applications (languages:
 * the applicant's language plus Japanese/English when a certificate shows
 * them; fields: preferred fields and fields of study), its reviewers with a
 * profile (capacity = max_load minus reads in other rounds), the existing
 * assignments to keep, and the conflicts (declared on an application, or by
 * affiliation against the applicant's universities and employers). An
 * application flagged for disagreement (screening_extra_reads) needs one read
 * more than `reads`.
 */
export async function buildInstance(db: Db, roundId: string, reads: number): Promise<{ instance: AssignmentInstance; conflictCount: number }> {
  const apps = await eligibleApplications(db, roundId);
  const appIds = apps.map((a) => a.id);
  const reviewers = (await roundReviewers(db, roundId)).filter((r) => r.user_id !== null && r.profile_user_id !== null && r.active);
  const reviewerIds = reviewers.map((r) => r.user_id!);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const [education, employment, languages, assignments, declared, otherLoads, extra] = await Promise.all([
    db
      .selectFrom("application_education")
      .select(["application_id", "university", "field"])
      .where("application_id", "in", appIds.length ? appIds : none)
      .execute(),
    db
      .selectFrom("application_employment")
      .select(["application_id", "employer"])
      .where("application_id", "in", appIds.length ? appIds : none)
      .execute(),
    db
      .selectFrom("application_languages")
      .select(["application_id", "kind"])
      .where("application_id", "in", appIds.length ? appIds : none)
      .execute(),
    db
      .selectFrom("review_assignments")
      .select(["application_id", "reviewer_user_id"])
      .where("application_id", "in", appIds.length ? appIds : none)
      .orderBy("assigned_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("conflicts_of_interest")
      .select(["reviewer_user_id", "application_id"])
      .where("application_id", "in", appIds.length ? appIds : none)
      .execute(),
    db
      .selectFrom("review_assignments")
      .innerJoin("applications", "applications.id", "review_assignments.application_id")
      .select(["review_assignments.reviewer_user_id", db.fn.countAll<string>().as("n")])
      .where("review_assignments.reviewer_user_id", "in", reviewerIds.length ? reviewerIds : none)
      .where("applications.round_id", "<>", roundId)
      .where("review_assignments.completed_at", "is", null)
      .groupBy("review_assignments.reviewer_user_id")
      .execute(),
    db.selectFrom("screening_extra_reads").select("application_id").where("round_id", "=", roundId).execute(),
  ]);
  const extraRead = new Set(extra.map((e) => e.application_id));
  const group = <T extends { application_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.application_id, [...(m.get(r.application_id) ?? []), r]);
    return m;
  };
  const edu = group(education);
  const emp = group(employment);
  const lang = group(languages);
  const assigned = group(assignments);
  const load = new Map(otherLoads.map((l) => [l.reviewer_user_id, Number(l.n)]));
  const instanceApps = apps.map((a) => {
    const langs = new Set<string>();
    if (a.locale) langs.add(a.locale);
    for (const l of lang.get(a.id) ?? []) langs.add(l.kind === "jlpt" ? "ja" : "en");
    const fields = new Set<string>([...a.preferred_fields, ...(edu.get(a.id) ?? []).map((e) => e.field)].map(norm).filter(Boolean));
    return {
      id: a.id,
      languages: [...langs],
      fields: [...fields],
      reads: reads + (extraRead.has(a.id) ? 1 : 0),
      assigned: (assigned.get(a.id) ?? []).map((x) => x.reviewer_user_id),
    };
  });
  const matcher = buildAffiliationMatcher(await loadAliases(db));
  const byAffiliation = affiliationConflicts(
    reviewers.map((r) => ({ id: r.user_id!, affiliations: r.affiliations ?? [] })),
    apps.map((a) => ({ id: a.id, organizations: [...(edu.get(a.id) ?? []).map((e) => e.university), ...(emp.get(a.id) ?? []).map((e) => e.employer)] })),
    matcher,
  );
  const conflicts = [
    ...declared.map((d) => ({ reviewer: d.reviewer_user_id, application: d.application_id! })),
    ...byAffiliation.map((c) => ({ reviewer: c.reviewer, application: c.application })),
  ];
  const instance: AssignmentInstance = {
    applications: instanceApps,
    reviewers: reviewers.map((r) => ({
      id: r.user_id!,
      languages: r.languages ?? [],
      expertise: (r.expertise ?? []).map(norm),
      capacity: r.max_load ?? 0,
      load: Math.min(load.get(r.user_id!) ?? 0, r.max_load ?? 0),
    })),
    conflicts,
  };
  return { instance, conflictCount: conflicts.length };
}

/**
 * Writes a solver result: deletes the released assignments (a conflict, or a
 * reviewer no longer in the round: their scores must not count), inserts the
 * new pairs, and moves newly read applications from
 * submitted to under_review with a status history entry.
 */
export async function applyAssignment(
  trx: Db,
  who: Actor,
  roundId: string,
  result: Extract<AssignmentResult, { status: "assigned" }>,
  now: Date,
): Promise<{ added: number; released: number; movedToReview: number }> {
  for (const r of result.released) {
    await trx.deleteFrom("review_assignments").where("application_id", "=", r.application).where("reviewer_user_id", "=", r.reviewer).execute();
  }
  const added = result.assignments.filter((a) => !a.kept);
  if (added.length > 0) {
    await trx
      .insertInto("review_assignments")
      .values(added.map((a) => ({ id: crypto.randomUUID(), application_id: a.application, reviewer_user_id: a.reviewer, assigned_at: now })))
      .execute();
  }
  const appIds = [...new Set(result.assignments.map((a) => a.application))];
  const moved =
    appIds.length === 0
      ? []
      : await trx
          .updateTable("applications")
          .set({ status: "under_review", updated_at: now })
          .where("id", "in", appIds)
          .where("status", "=", "submitted")
          .returning("id")
          .execute();
  if (moved.length > 0) {
    await trx
      .insertInto("application_status_history")
      .values(
        moved.map((m) => ({
          application_id: m.id,
          from_status: "submitted",
          to_status: "under_review",
          reason: "screening.assigned",
          changed_by: who.userId,
          changed_at: now,
        })),
      )
      .execute();
  }
  await writeAudit(trx, who, {
    action: "screening.assign",
    entityType: "round",
    entityId: roundId,
    after: {
      added: added.map((a) => ({ application: a.application, reviewer: a.reviewer })),
      released: result.released,
      kept: result.summary.kept,
      check: result.check.valid,
    },
  });
  return { added: added.length, released: result.released.length, movedToReview: moved.length };
}

/** The operator's alias table (other names of one organization), for the affiliation matcher. */
export async function loadAliases(db: Db): Promise<AffiliationAlias[]> {
  const rows = await db.selectFrom("affiliation_aliases").select(["canonical", "aliases"]).orderBy("canonical").orderBy("id").execute();
  return rows.map((r) => ({ canonical: r.canonical, aliases: r.aliases }));
}

/**
 * The reviewers of `reviewerIds` in conflict with one application: declared
 * (by the reviewer or an operator's exclusion) or by affiliation against the
 * applicant's universities and employers (with the alias table).
 */
export async function conflictedReviewers(
  db: Db,
  applicationId: string,
  reviewers: readonly { id: string; affiliations: readonly string[] }[],
): Promise<Set<string>> {
  const [education, employment, declared, aliases] = await Promise.all([
    db.selectFrom("application_education").select("university").where("application_id", "=", applicationId).execute(),
    db.selectFrom("application_employment").select("employer").where("application_id", "=", applicationId).execute(),
    db.selectFrom("conflicts_of_interest").select("reviewer_user_id").where("application_id", "=", applicationId).execute(),
    loadAliases(db),
  ]);
  const out = new Set(declared.map((d) => d.reviewer_user_id));
  const byAffiliation = affiliationConflicts(
    reviewers.map((r) => ({ id: r.id, affiliations: r.affiliations })),
    [{ id: applicationId, organizations: [...education.map((e) => e.university), ...employment.map((e) => e.employer)] }],
    buildAffiliationMatcher(aliases),
  );
  for (const c of byAffiliation) out.add(c.reviewer);
  return out;
}

/**
 * Each reviewer's load as the assignment counts it against their capacity:
 * every read of this round (open or submitted) plus open reads of other rounds.
 */
export async function reviewerLoads(db: Db, roundId: string, reviewerIds: readonly string[]): Promise<Map<string, number>> {
  if (reviewerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .select(["review_assignments.reviewer_user_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("review_assignments.reviewer_user_id", "in", reviewerIds)
    .where((eb) => eb.or([eb("applications.round_id", "=", roundId), eb("review_assignments.completed_at", "is", null)]))
    .groupBy("review_assignments.reviewer_user_id")
    .execute();
  return new Map(rows.map((r) => [r.reviewer_user_id, Number(r.n)]));
}

/** Who the actor is for one assignment: its row when it is theirs, or null. */
export async function ownAssignment(db: Db, assignmentId: string, reviewerUserId: string) {
  return db
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .select([
      "review_assignments.id",
      "review_assignments.application_id",
      "review_assignments.reviewer_user_id",
      "review_assignments.completed_at",
      "review_assignments.draft_saved_at",
      "review_assignments.recommendation",
      "review_assignments.overall_comment",
      "applications.round_id",
      "applications.receipt_number",
    ])
    .where("review_assignments.id", "=", assignmentId)
    .where("review_assignments.reviewer_user_id", "=", reviewerUserId)
    .executeTakeFirst();
}

/**
 * Refuses a reviewer's request on an assignment that is not theirs, audited
 * (`screening.denied`): someone else's assignment is forbidden (403), one
 * that does not exist (or no longer does: released by a conflict) is not
 * found (404). Always throws.
 */
export async function refuseForeignAssignment(db: Db, who: Actor, assignmentId: string): Promise<never> {
  const exists = await db.selectFrom("review_assignments").select("id").where("id", "=", assignmentId).executeTakeFirst();
  await writeAudit(db, who, {
    action: "screening.denied",
    entityType: "review_assignment",
    entityId: assignmentId,
    after: { reason: exists ? "not_assigned" : "not_found" },
  });
  if (exists) throw new ForbiddenError("review.score");
  throw new NotFoundError("review_assignment");
}

/**
 * The round's submitted reads as normalization input: each reviewer's
 * weighted rubric mean (on the rubric's scale) per application. Drafts do not
 * count; neither do reads of applications no longer screened.
 */
export async function roundScoreInputs(db: Db, roundId: string, rubric: Rubric): Promise<ScoreInput[]> {
  const rows = await db
    .selectFrom("review_scores")
    .innerJoin("review_assignments", "review_assignments.id", "review_scores.assignment_id")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .select(["review_assignments.application_id", "review_assignments.reviewer_user_id", "review_scores.criterion", "review_scores.score"])
    .where("applications.round_id", "=", roundId)
    .where("applications.status", "in", SCREENED_STATUSES)
    .where("review_assignments.completed_at", "is not", null)
    .execute();
  const byPair = new Map<string, { application: string; reviewer: string; scores: CriterionScore[] }>();
  for (const r of rows) {
    const key = `${r.application_id} ${r.reviewer_user_id}`;
    let p = byPair.get(key);
    if (!p) byPair.set(key, (p = { application: r.application_id, reviewer: r.reviewer_user_id, scores: [] }));
    p.scores.push({ criterion: r.criterion, score: Number(r.score) });
  }
  const out: ScoreInput[] = [];
  for (const p of byPair.values()) {
    const total = rubricTotal(rubric, p.scores);
    if (total.ok) out.push({ application: p.application, reviewer: p.reviewer, score: total.mean });
  }
  return out;
}
