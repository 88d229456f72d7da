/**
 * The waiting-list offers of a round for the committee's page (internal
 * helper, issue 14, ADR 0033): every offer with the person, their place on
 * the waiting list, whose place it was, when it was made and its deadline,
 * and its state — open, accepted, declined or lapsed. An open offer past its
 * deadline shows as lapsed even before the deadline job has run. Open offers
 * first (soonest deadline first), then the others, newest first.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { personName } from "../../domain/person-name.ts";

export type RoundOfferState = "open" | "accepted" | "declined" | "lapsed";

export async function roundSelectionOffers(db: Kysely<Database>, roundId: string, now: Date) {
  const rows = await db
    .selectFrom("selection_offers as o")
    .innerJoin("applications as a", "a.id", "o.application_id")
    .leftJoin("applications as f", "f.id", "o.freed_by")
    .select([
      "o.id",
      "o.status",
      "o.waitlist_position",
      "o.offered_at",
      "o.expires_at",
      "o.responded_at",
      "a.receipt_number",
      "a.family_name",
      "a.given_name",
      "a.nationality",
      "f.receipt_number as freed_by_receipt_number",
    ])
    .where("o.round_id", "=", roundId)
    .execute();
  const offers = rows.map((r) => {
    const state: RoundOfferState =
      r.status === "expired" || (r.status === "open" && r.expires_at.getTime() <= now.getTime()) ? "lapsed" : (r.status as "open" | "accepted" | "declined");
    return {
      id: r.id,
      state,
      name: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
      receiptNumber: r.receipt_number,
      waitlistPosition: r.waitlist_position,
      freedByReceiptNumber: r.freed_by_receipt_number,
      offeredAt: r.offered_at,
      expiresAt: r.expires_at,
      respondedAt: r.responded_at,
    };
  });
  return offers.sort((x, y) =>
    x.state === "open" && y.state === "open"
      ? x.expiresAt.getTime() - y.expiresAt.getTime()
      : x.state === "open"
        ? -1
        : y.state === "open"
          ? 1
          : y.offeredAt.getTime() - x.offeredAt.getTime(),
  );
}
