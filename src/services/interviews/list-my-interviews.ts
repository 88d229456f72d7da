/**
 * The interviewer's list (issue 14): the booked interviews of the slots they
 * hold, alone or on a panel, in time order, with their attendance and score
 * so far. Operators see every interviewer's.
 */
import { scopeOf } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { personName } from "../../domain/person-name.ts";
import { heldBy, panelNamesOf } from "./interview-panel.ts";

export async function listMyInterviews(ctx: ServiceContext, actor: Actor | null) {
  const who = authorize(actor, "interview.score");
  let q = ctx.db
    .selectFrom("interviews as i")
    .innerJoin("interview_slots as s", "s.id", "i.slot_id")
    .innerJoin("applications as a", "a.id", "i.application_id")
    .innerJoin("user as u", "u.id", "s.interviewer_user_id")
    .select([
      "i.id",
      "i.stage",
      "i.status",
      "i.starts_at",
      "i.scored_at",
      "a.receipt_number",
      "a.family_name",
      "a.given_name",
      "a.nationality",
      "u.name as interviewer",
      "s.id as slot_id",
      (eb) =>
        eb
          .selectFrom("interview_scores as sc")
          .select((e) => e.fn.avg<string>("sc.score").as("avg"))
          .whereRef("sc.interview_id", "=", "i.id")
          .as("score"),
    ])
    .where("i.status", "!=", "cancelled")
    .where("i.position_id", "is", null)
    .orderBy("i.starts_at")
    .limit(500);
  if (scopeOf(who.role, "interview.score") !== "any") q = q.where(heldBy(who.userId));
  const rows = await q.execute();
  const panels = await panelNamesOf(ctx.db, [...new Set(rows.map((r) => r.slot_id))]);
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    status: r.status,
    startsAt: r.starts_at,
    scored: r.scored_at !== null,
    receiptNumber: r.receipt_number,
    name: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
    nationality: r.nationality,
    interviewer: [r.interviewer, ...(panels.get(r.slot_id) ?? [])].join(", "),
    score: r.score === null ? null : Number(r.score),
  }));
}
