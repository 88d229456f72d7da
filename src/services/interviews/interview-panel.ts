/**
 * A slot's panel (internal helper, ADR 0033): the interviewers who sit on a
 * slot beside its `interviewer_user_id`, and the filter "slots this person
 * holds, alone or on a panel" used by the interviewer's list and scoring.
 */
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** Panel members of each slot (beside the slot's first interviewer), by slot id. */
export async function panelsOf(db: Kysely<Database>, slotIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (slotIds.length === 0) return out;
  const rows = await db
    .selectFrom("interview_slot_panel")
    .select(["slot_id", "user_id"])
    .where("slot_id", "in", [...slotIds])
    .execute();
  for (const r of rows) out.set(r.slot_id, [...(out.get(r.slot_id) ?? []), r.user_id]);
  return out;
}

/** Names of each slot's panel members, by slot id. */
export async function panelNamesOf(db: Kysely<Database>, slotIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (slotIds.length === 0) return out;
  const rows = await db
    .selectFrom("interview_slot_panel as p")
    .innerJoin("user as u", "u.id", "p.user_id")
    .select(["p.slot_id", "u.name"])
    .where("p.slot_id", "in", [...slotIds])
    .orderBy("u.name")
    .execute();
  for (const r of rows) out.set(r.slot_id, [...(out.get(r.slot_id) ?? []), r.name]);
  return out;
}

/** Where-clause: the slot `s` is held by `userId`, alone or on its panel. */
export function heldBy(userId: string) {
  return (eb: ExpressionBuilder<Database & { s: Database["interview_slots"] }, "s">) =>
    eb.or([
      eb("s.interviewer_user_id", "=", userId),
      eb.exists(eb.selectFrom("interview_slot_panel as p").select("p.slot_id").whereRef("p.slot_id", "=", "s.id").where("p.user_id", "=", userId)),
    ]);
}
