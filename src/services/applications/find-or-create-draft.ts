import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { takesApplications } from "../../domain/round-phases.ts";
import { getOpenRound } from "./get-open-round.ts";

export type EditRefusal = { code: "no_open_round" } | { code: "deadline_passed"; at: Date } | { code: "not_draft"; status: string };

/**
 * The applicant's draft in the open round, created on first use (one per
 * applicant and round: a unique index makes a second tab or a retry safe).
 * Refuses when no round takes applications, its deadline has passed, or the
 * application is no longer a draft. The row is locked for the caller's transaction.
 */
export async function findOrCreateDraft(trx: Kysely<Database>, who: Actor, now: Date): Promise<{ id: string }> {
  const round = await getOpenRound({ db: trx });
  if (!round) throw new RefusedError<EditRefusal>("refusal", [{ code: "no_open_round" }]);
  if (!takesApplications(round, now)) throw new RefusedError<EditRefusal>("refusal", [{ code: "deadline_passed", at: round.applicationClose! }]);
  const exists = await trx
    .selectFrom("applications")
    .select("id")
    .where("round_id", "=", round.id)
    .where("applicant_user_id", "=", who.userId)
    .executeTakeFirst();
  if (!exists) {
    // First save: create the draft (a concurrent first save is absorbed by the unique index).
    const created = await trx
      .insertInto("applications")
      .values({
        id: crypto.randomUUID(),
        round_id: round.id,
        applicant_user_id: who.userId,
        contact_email: who.email,
        source_session_id: await sessionSourceOf(trx, who),
      })
      .onConflict((oc) => oc.columns(["round_id", "applicant_user_id"]).where("applicant_user_id", "is not", null).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (created) {
      await writeAudit(trx, who, { action: "application.create", entityType: "application", entityId: created.id, after: { round: round.id } });
    }
  }
  const app = await trx
    .selectFrom("applications")
    .select(["id", "status"])
    .where("round_id", "=", round.id)
    .where("applicant_user_id", "=", who.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (app.status !== "draft") throw new RefusedError<EditRefusal>("refusal", [{ code: "not_draft", status: app.status }]);
  return { id: app.id };
}

/**
 * The information session an applicant came from (issue 7, attribution): the
 * latest session they registered for with this account or e-mail address,
 * preferring one they attended. The follow-up e-mail's apply link
 * (/:lang/apply?session=<id>) leads here after sign-up with the same address.
 */
async function sessionSourceOf(trx: Kysely<Database>, who: Actor): Promise<string | null> {
  const row = await trx
    .selectFrom("session_registrations")
    .select("session_id")
    .where((eb) => eb.or([eb("user_id", "=", who.userId), eb("email", "=", who.email.toLowerCase())]))
    .where("status", "!=", "cancelled")
    .orderBy((eb) => eb.fn.coalesce("attended", eb.val(false)), "desc")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.session_id ?? null;
}
