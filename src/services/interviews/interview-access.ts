/** One interview as its interviewer, a member of its slot's panel, or an operator may see it; anyone else gets "not found" (internal helper). */
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
      "s.id as slot_id",
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
  // the slot's interviewer, or a member of its panel (ADR 0033)
  const assigned =
    !!row &&
    (row.interviewer_user_id === who.userId ||
      (await db
        .selectFrom("interview_slot_panel")
        .select("user_id")
        .where("slot_id", "=", row.slot_id)
        .where("user_id", "=", who.userId)
        .executeTakeFirst()) !== undefined);
  if (!row || !permits(who.role, "interview.score", { own: false, assigned })) throw new NotFoundError("interview");
  return row;
}
