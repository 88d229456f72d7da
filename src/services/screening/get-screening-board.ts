import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { eligibleApplications, loadRound, loadRubric, loadSettings, roundReviewers, screeningDeadline } from "./screening-record.ts";

export interface BoardReviewer {
  email: string;
  userId: string | null;
  name: string | null;
  /** the account exists (invitation accepted) */
  joined: boolean;
  /** a profile is saved: only then is the reviewer assigned */
  profileSaved: boolean;
  languages: string[];
  fields: string[];
  affiliations: string[];
  capacity: number | null;
  assigned: number;
  drafts: number;
  submitted: number;
}

/**
 * The operator's screening board of a round: settings, rubric, the invited
 * reviewers with their progress, and how many eligible applications have
 * their reads assigned and submitted.
 */
export async function getScreeningBoard(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  const [settings, rubric, deadline, reviewers, apps] = await Promise.all([
    loadSettings(ctx.db, roundId),
    loadRubric(ctx.db, roundId),
    screeningDeadline(ctx.db, roundId),
    roundReviewers(ctx.db, roundId),
    eligibleApplications(ctx.db, roundId),
  ]);
  const rows = await ctx.db
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .select([
      "review_assignments.application_id",
      "review_assignments.reviewer_user_id",
      "review_assignments.completed_at",
      "review_assignments.draft_saved_at",
    ])
    .where("applications.round_id", "=", roundId)
    .execute();
  const perReviewer = new Map<string, { assigned: number; drafts: number; submitted: number }>();
  const perApp = new Map<string, { assigned: number; submitted: number }>();
  for (const r of rows) {
    const p = perReviewer.get(r.reviewer_user_id) ?? { assigned: 0, drafts: 0, submitted: 0 };
    p.assigned++;
    if (r.completed_at) p.submitted++;
    else if (r.draft_saved_at) p.drafts++;
    perReviewer.set(r.reviewer_user_id, p);
    const a = perApp.get(r.application_id) ?? { assigned: 0, submitted: 0 };
    a.assigned++;
    if (r.completed_at) a.submitted++;
    perApp.set(r.application_id, a);
  }
  const boardReviewers: BoardReviewer[] = reviewers.map((r) => {
    const p = (r.user_id && perReviewer.get(r.user_id)) || { assigned: 0, drafts: 0, submitted: 0 };
    return {
      email: r.email,
      userId: r.user_id,
      name: r.name,
      joined: r.user_id !== null,
      profileSaved: r.profile_user_id !== null,
      languages: r.languages ?? [],
      fields: r.expertise ?? [],
      affiliations: r.affiliations ?? [],
      capacity: r.max_load,
      ...p,
    };
  });
  let fullyAssigned = 0;
  let fullyScored = 0;
  for (const a of apps) {
    const p = perApp.get(a.id);
    if (p && p.assigned >= settings.reads) fullyAssigned++;
    if (p && p.submitted >= settings.reads) fullyScored++;
  }
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    settings,
    deadline,
    rubric,
    reviewers: boardReviewers,
    applications: { eligible: apps.length, fullyAssigned, fullyScored, reads: rows.length, submittedReads: rows.filter((r) => r.completed_at).length },
  };
}
