/** One interview as its interviewer (or an operator) may see it; anyone else gets "not found" (internal helper). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { permits } from "../../domain/roles.ts";
import type { Actor } from "../context.ts";
import { NotFoundError } from "../errors.ts";

export async function interviewForInterviewer(db: Kysely<Database>, who: Actor, interviewId: string, lock = false) {
  let q = db
    .selectFrom("interviews as i")
    .innerJoin("interview_slots as s", "s.id", "i.slot_id")
    .innerJoin("applications as a", "a.id", "i.application_id")
    .select([
      "i.id",
      "i.stage",
      "i.status",
      "i.starts_at",
      "i.ends_at",
      "i.comment",
      "i.round_id",
      "s.interviewer_user_id",
      "a.id as application_id",
      "a.receipt_number",
      "a.family_name",
      "a.given_name",
      "a.nationality",
      "a.status as application_status",
    ])
    .where("i.id", "=", interviewId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || !permits(who.role, "interview.score", { own: false, assigned: row.interviewer_user_id === who.userId })) throw new NotFoundError("interview");
  return row;
}
