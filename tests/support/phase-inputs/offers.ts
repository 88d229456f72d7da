/**
 * Stand-in for the matching phase's output (#15 owns offers): inserts, as
 * matching would leave them, an accepted host application with one position,
 * a published matching run, an application with status `matched` (and its
 * status history) and an offer accepted by both sides. The internship phase
 * (#16) turns such an offer into a placement with createPlacementFromOffer.
 * The lead may replace this with #15's use cases at merge.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";
import { insertAcceptedPosition } from "./accepted-position.ts";

export interface AcceptedOfferInput {
  roundId: string;
  organizationId: string;
  intern: { familyName: string; givenName: string; nationality: string; userId?: string | null };
  mode?: "in_person" | "online";
  prefectureCode?: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface AcceptedOffer {
  offerId: string;
  applicationId: string;
  positionId: string;
  hostApplicationId: string;
}

export async function insertAcceptedOffer(db: Kysely<Database>, input: AcceptedOfferInput): Promise<AcceptedOffer> {
  const { hostApplicationId, positionId } = await insertAcceptedPosition(db, {
    roundId: input.roundId,
    organizationId: input.organizationId,
    prefectureCode: input.prefectureCode,
    mode: input.mode ?? "in_person",
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
  });
  const applicationId = crypto.randomUUID();
  await db
    .insertInto("applications")
    .values({
      id: applicationId,
      round_id: input.roundId,
      applicant_user_id: input.intern.userId ?? null,
      status: "matched",
      family_name: input.intern.familyName,
      given_name: input.intern.givenName,
      nationality: input.intern.nationality,
      submitted_at: new Date("2027-05-01T00:00:00Z"),
    })
    .execute();
  await db.insertInto("application_status_history").values({ application_id: applicationId, from_status: "selected", to_status: "matched" }).execute();
  let run = await db.selectFrom("matching_runs").select("id").where("round_id", "=", input.roundId).where("status", "=", "published").executeTakeFirst();
  if (!run) {
    run = { id: crypto.randomUUID() };
    await db
      .insertInto("matching_runs")
      .values({ id: run.id, round_id: input.roundId, proposing: "applicants", input_hash: "phase-input", status: "published", published_at: new Date() })
      .execute();
  }
  const offerId = crypto.randomUUID();
  await db
    .insertInto("offers")
    .values({ id: offerId, run_id: run.id, application_id: applicationId, position_id: positionId, status: "accepted", responded_at: new Date() })
    .execute();
  return { offerId, applicationId, positionId, hostApplicationId };
}
