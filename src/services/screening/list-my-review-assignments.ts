import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export interface MyAssignment {
  id: string;
  /** the receipt number: the only handle on the application a reviewer sees (blind scoring) */
  receiptNumber: string | null;
  roundId: string;
  state: "todo" | "draft" | "submitted";
}

/**
 * A reviewer's home: their assigned applications (by receipt number) with
 * progress, per round, and each round's screening deadline. Nothing else.
 */
export async function listMyReviewAssignments(ctx: ServiceContext, actor: Actor | null) {
  const who = authorize(actor, "review.score");
  const rows = await ctx.db
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .innerJoin("rounds", "rounds.id", "applications.round_id")
    .leftJoin("round_deadlines", (j) => j.onRef("round_deadlines.round_id", "=", "rounds.id").on("round_deadlines.kind", "=", "screening_end"))
    .select([
      "review_assignments.id",
      "review_assignments.completed_at",
      "review_assignments.draft_saved_at",
      "applications.receipt_number",
      "rounds.id as round_id",
      "rounds.name_ja",
      "rounds.name_en",
      "round_deadlines.due_at",
    ])
    .where("review_assignments.reviewer_user_id", "=", who.userId)
    .orderBy("rounds.fiscal_year", "desc")
    .orderBy("applications.receipt_number")
    .execute();
  const rounds = new Map<string, { id: string; nameJa: string; nameEn: string; deadline: Date | null; assignments: MyAssignment[] }>();
  for (const r of rows) {
    let round = rounds.get(r.round_id);
    if (!round) {
      round = { id: r.round_id, nameJa: r.name_ja, nameEn: r.name_en, deadline: r.due_at, assignments: [] };
      rounds.set(r.round_id, round);
    }
    round.assignments.push({
      id: r.id,
      receiptNumber: r.receipt_number,
      roundId: r.round_id,
      state: r.completed_at ? "submitted" : r.draft_saved_at ? "draft" : "todo",
    });
  }
  return [...rounds.values()].map((r) => ({
    ...r,
    submitted: r.assignments.filter((a) => a.state === "submitted").length,
    total: r.assignments.length,
  }));
}
