/**
 * The host side every later phase starts from: the organization's accepted host application in the round
 * (reused when it exists) and one new position of one place. Shared by the offer and placement stand-ins.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";

export interface AcceptedPositionInput {
  roundId: string;
  organizationId: string;
  prefectureCode?: string;
  mode?: "in_person" | "online";
  periodStart?: string | null;
  periodEnd?: string | null;
}

export async function insertAcceptedPosition(db: Kysely<Database>, input: AcceptedPositionInput): Promise<{ hostApplicationId: string; positionId: string }> {
  const existing = await db
    .selectFrom("host_applications")
    .select("id")
    .where("round_id", "=", input.roundId)
    .where("organization_id", "=", input.organizationId)
    .executeTakeFirst();
  const hostApplicationId = existing?.id ?? crypto.randomUUID();
  if (!existing) {
    await db
      .insertInto("host_applications")
      .values({ id: hostApplicationId, round_id: input.roundId, organization_id: input.organizationId, status: "accepted", agrees_with_purpose: true })
      .execute();
  }
  const positionId = crypto.randomUUID();
  await db
    .insertInto("positions")
    .values({
      id: positionId,
      host_application_id: hostApplicationId,
      title: "Overseas sales assistant",
      description: "Market research.",
      prefecture_code: input.prefectureCode ?? "13",
      capacity: 1,
      ...(input.mode ? { mode: input.mode } : {}),
      ...(input.periodStart !== undefined ? { period_start: input.periodStart } : {}),
      ...(input.periodEnd !== undefined ? { period_end: input.periodEnd } : {}),
    })
    .execute();
  return { hostApplicationId, positionId };
}
