import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SurveyAudience } from "../../domain/internship/survey.ts";
import type { Actor } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PlacementRow, hostPlacement, myPlacement } from "./placement-access.ts";

/**
 * The placement a final report or survey answer is about, and from which side:
 * an intern writes about their own placement, a host member about a placement
 * of their organization (`placementId`).
 */
export async function placementAndSide(
  db: Kysely<Database>,
  actor: Actor | null,
  placementId: unknown,
): Promise<{ who: Actor; placement: PlacementRow; side: SurveyAudience }> {
  if (actor?.role === "host") {
    const { who, placement } = await hostPlacement(db, actor, typeof placementId === "string" ? placementId : "");
    return { who, placement, side: "host" };
  }
  const { who, placement } = await myPlacement(db, actor);
  if (!placement) throw new NotFoundError("placement");
  return { who, placement, side: "intern" };
}
