/**
 * Stand-in for the internship phase's placements (#16 owns them: the real
 * rows come from createPlacementFromOffer). Creates, exactly as
 * PHASE-CONTRACTS.md describes them, an accepted host application with one
 * position for an organization, a placed application of an intern, and the
 * placement that joins them. The lead replaces this with the real use case
 * at merge.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";
import { insertAcceptedPosition } from "./accepted-position.ts";

export interface PlacementInput {
  roundId: string;
  organizationId: string;
  intern: { familyName: string; givenName: string; nationality: string };
  prefectureCode?: string;
  startsOn?: string;
  endsOn?: string;
}

export async function insertPlacement(
  db: Kysely<Database>,
  input: PlacementInput,
): Promise<{ placementId: string; applicationId: string; hostApplicationId: string }> {
  const { hostApplicationId, positionId } = await insertAcceptedPosition(db, {
    roundId: input.roundId,
    organizationId: input.organizationId,
    prefectureCode: input.prefectureCode,
  });
  const applicationId = crypto.randomUUID();
  await db
    .insertInto("applications")
    .values({
      id: applicationId,
      round_id: input.roundId,
      status: "placed",
      family_name: input.intern.familyName,
      given_name: input.intern.givenName,
      nationality: input.intern.nationality,
    })
    .execute();
  const placementId = crypto.randomUUID();
  await db
    .insertInto("placements")
    .values({
      id: placementId,
      round_id: input.roundId,
      application_id: applicationId,
      position_id: positionId,
      mode: "in_person",
      starts_on: input.startsOn ?? "2027-10-01",
      ends_on: input.endsOn ?? "2027-12-24",
      status: "completed",
    })
    .execute();
  return { placementId, applicationId, hostApplicationId };
}
