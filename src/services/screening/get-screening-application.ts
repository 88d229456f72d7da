import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { conflictedReviewers, loadRound, loadSettings, reviewerLoads, roundReviewers } from "./screening-record.ts";

export interface ScreeningRead {
  assignmentId: string;
  reviewerId: string;
  reviewer: string;
  state: "todo" | "draft" | "submitted";
  assignedAt: Date;
}

/**
 * One application's screening for the operator: its reads (reviewer and
 * state), the reviewers an open read may be moved to (in the round, with a
 * profile, not reading it already, not in conflict, with capacity left), the
 * exclusions (declared by a reviewer or added by an operator) and the
 * reviewers who can still be excluded.
 */
export async function getScreeningApplication(ctx: ServiceContext, actor: Actor | null, roundId: string, applicationId: string) {
  authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  const app = await ctx.db
    .selectFrom("applications")
    .select(["id", "receipt_number", "status"])
    .where("id", "=", applicationId)
    .where("round_id", "=", roundId)
    .executeTakeFirst();
  if (!app) throw new NotFoundError("application");
  const [settings, reviewers, reads, exclusions, extra] = await Promise.all([
    loadSettings(ctx.db, roundId),
    roundReviewers(ctx.db, roundId),
    ctx.db
      .selectFrom("review_assignments")
      .select(["id", "reviewer_user_id", "completed_at", "draft_saved_at", "assigned_at"])
      .where("application_id", "=", applicationId)
      .orderBy("assigned_at")
      .orderBy("id")
      .execute(),
    ctx.db
      .selectFrom("conflicts_of_interest")
      .leftJoin("user", "user.id", "conflicts_of_interest.reviewer_user_id")
      .select([
        "conflicts_of_interest.id",
        "conflicts_of_interest.reviewer_user_id",
        "conflicts_of_interest.reason",
        "conflicts_of_interest.declared_at",
        "conflicts_of_interest.declared_by",
        "user.name",
        "user.email",
      ])
      .where("conflicts_of_interest.application_id", "=", applicationId)
      .orderBy("conflicts_of_interest.declared_at")
      .execute(),
    ctx.db.selectFrom("screening_extra_reads").select("spread").where("application_id", "=", applicationId).executeTakeFirst(),
  ]);
  const joined = reviewers.filter((r) => r.user_id !== null);
  const label = new Map(joined.map((r) => [r.user_id!, r.name ?? r.email]));
  const profiled = joined.filter((r) => r.profile_user_id !== null && r.active);
  const conflicted = await conflictedReviewers(
    ctx.db,
    applicationId,
    profiled.map((r) => ({ id: r.user_id!, affiliations: r.affiliations ?? [] })),
  );
  const loads = await reviewerLoads(
    ctx.db,
    roundId,
    profiled.map((r) => r.user_id!),
  );
  const reading = new Set(reads.map((r) => r.reviewer_user_id));
  const candidates = profiled
    .filter((r) => !reading.has(r.user_id!) && !conflicted.has(r.user_id!) && (loads.get(r.user_id!) ?? 0) < (r.max_load ?? 0))
    .map((r) => ({ id: r.user_id!, label: r.name ?? r.email, load: loads.get(r.user_id!) ?? 0, capacity: r.max_load ?? 0 }));
  const excluded = new Set(exclusions.map((e) => e.reviewer_user_id));
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    closed: settings.closedAt !== null,
    reads: settings.reads,
    application: { id: app.id, receiptNumber: app.receipt_number, status: app.status, extraRead: extra ? Number(extra.spread) : null },
    assignments: reads.map((r): ScreeningRead => ({
      assignmentId: r.id,
      reviewerId: r.reviewer_user_id,
      reviewer: label.get(r.reviewer_user_id) ?? r.reviewer_user_id,
      state: r.completed_at ? "submitted" : r.draft_saved_at ? "draft" : "todo",
      assignedAt: r.assigned_at,
    })),
    candidates,
    exclusions: exclusions.map((e) => ({
      id: e.id,
      reviewer: e.name ?? e.email ?? e.reviewer_user_id,
      reason: e.reason,
      at: e.declared_at,
      byOperator: e.declared_by !== null && e.declared_by !== e.reviewer_user_id,
    })),
    excludable: joined.filter((r) => r.profile_user_id !== null && !excluded.has(r.user_id!)).map((r) => ({ id: r.user_id!, label: r.name ?? r.email })),
  };
}
