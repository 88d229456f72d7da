import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export interface ReviewerProfile {
  languages: string[];
  fields: string[];
  capacity: number;
  affiliations: string[];
  /** false until the reviewer saves a profile: no assignment is made to them before */
  saved: boolean;
}

/** The calling reviewer's profile (empty until saved). */
export async function getMyReviewerProfile(ctx: ServiceContext, actor: Actor | null): Promise<ReviewerProfile> {
  const who = authorize(actor, "review.score");
  const row = await ctx.db.selectFrom("reviewers").selectAll().where("user_id", "=", who.userId).executeTakeFirst();
  if (!row) return { languages: [], fields: [], capacity: 0, affiliations: [], saved: false };
  return { languages: row.languages, fields: row.expertise, capacity: row.max_load, affiliations: row.affiliations, saved: true };
}
