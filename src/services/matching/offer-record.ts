/**
 * An offer and its two answers (ADR 0021). The applicant accepts or declines; the host accepts
 * (confirms) or declines. Either decline settles it as declined and frees the seat; both accepts
 * settle it as accepted and move the application from selected to matched (status history).
 * Past its deadline an unanswered offer can no longer be answered and holds no seat.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { deadlinePassed } from "../../domain/round-phases.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";

export const answerSchema = z.object({ answer: z.enum(["accepted", "declined"], { error: "errors.chooseOne" }) });

export interface OfferRow {
  id: string;
  run_id: string;
  application_id: string;
  position_id: string;
  status: string;
  applicant_response: string | null;
  host_response: string | null;
  respond_by: Date | null;
}

export async function lockOffer(trx: Kysely<Database>, offerId: string): Promise<OfferRow> {
  if (!/^[0-9a-f-]{36}$/.test(offerId)) throw new NotFoundError("offer");
  const o = await trx
    .selectFrom("offers")
    .select(["id", "run_id", "application_id", "position_id", "status", "applicant_response", "host_response", "respond_by"])
    .where("id", "=", offerId)
    .forUpdate()
    .executeTakeFirst();
  if (!o) throw new NotFoundError("offer");
  return o;
}

/** Records one side's answer and settles the offer when it can; audited; in the caller's transaction. */
export async function answerOffer(
  trx: Kysely<Database>,
  who: Actor,
  offer: OfferRow,
  side: "applicant" | "host",
  raw: unknown,
  now: Date,
  messages: string,
): Promise<{ status: string }> {
  const { answer } = parseInput(answerSchema, raw);
  const mine = side === "applicant" ? offer.applicant_response : offer.host_response;
  if (offer.status !== "pending" || mine !== null) throw new RefusedError(messages, [{ code: "offer_settled", status: offer.status }]);
  if (offer.respond_by && deadlinePassed(offer.respond_by, now)) throw new RefusedError(messages, [{ code: "offer_expired", at: offer.respond_by }]);
  const applicantResponse = side === "applicant" ? answer : offer.applicant_response;
  const hostResponse = side === "host" ? answer : offer.host_response;
  const status =
    applicantResponse === "declined" || hostResponse === "declined"
      ? "declined"
      : applicantResponse === "accepted" && hostResponse === "accepted"
        ? "accepted"
        : "pending";
  await trx
    .updateTable("offers")
    .set({
      ...(side === "applicant" ? { applicant_response: answer } : { host_response: answer }),
      status,
      responded_at: status === "pending" ? null : now,
    })
    .where("id", "=", offer.id)
    .execute();
  if (status === "accepted") {
    const app = await trx.selectFrom("applications").select(["status"]).where("id", "=", offer.application_id).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable("applications").set({ status: "matched", updated_at: now }).where("id", "=", offer.application_id).execute();
    await trx
      .insertInto("application_status_history")
      .values({
        application_id: offer.application_id,
        from_status: app.status,
        to_status: "matched",
        reason: `offer ${offer.id}`,
        changed_by: who.userId,
        changed_at: now,
      })
      .execute();
  }
  await writeAudit(trx, who, {
    action: `offer.${side}_${answer === "accepted" ? "accept" : "decline"}`,
    entityType: "offer",
    entityId: offer.id,
    before: { status: offer.status, applicantResponse: offer.applicant_response, hostResponse: offer.host_response },
    after: { status, applicantResponse, hostResponse },
  });
  return { status };
}
