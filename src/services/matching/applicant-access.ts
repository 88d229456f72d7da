/** The applicant's own application taking part in matching (selected or matched, in a round in matching or later). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { authorize } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { MATCHING_APPLICATION_STATUSES } from "./matching-record.ts";

export interface MyMatchingApplication {
  actor: Actor;
  applicationId: string;
  roundId: string;
  status: string;
}

/** null when the caller has no selected application (the page says so). */
export async function findMyMatchingApplication(db: Kysely<Database>, actor: Actor | null): Promise<MyMatchingApplication | null> {
  const who = authorize(actor, "application.manage");
  const row = await db
    .selectFrom("applications")
    .select(["id", "round_id", "status"])
    .where("applicant_user_id", "=", who.userId)
    .where("status", "in", [...MATCHING_APPLICATION_STATUSES])
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row ? { actor: who, applicationId: row.id, roundId: row.round_id, status: row.status } : null;
}
