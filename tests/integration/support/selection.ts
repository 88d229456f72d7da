/** A round in its selection phase with screened applicants in it, for the selection tests. */
import type { Actor } from "#src/services/context.ts";
import { insertScreenedApplication } from "../../support/phase-inputs/screened-applications.ts";
import { type TestEnv, actorFor, createUser } from "./databases.ts";

/** A round already in the selection phase with `places` intern places. */
export async function insertSelectionRound(env: TestEnv, places: number): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("rounds")
    .values({
      id,
      fiscal_year: 2027,
      name_ja: `選考回 ${id.slice(0, 8)}`,
      name_en: `Selection round ${id.slice(0, 8)}`,
      phase: "selection",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: places,
    })
    .execute();
  return id;
}

/** An applicant whose application passed document screening with `documentScore` (0–100). */
export async function screenedApplicant(
  env: TestEnv,
  roundId: string,
  nationality: string,
  documentScore: number,
  timeZone: string | null = null,
  locale = "en",
) {
  const user = await createUser(env, "applicant", { locale });
  if (timeZone) await env.db.updateTable("user").set({ timeZone }).where("id", "=", user.id).execute();
  const applicationId = await insertScreenedApplication(env.db, { roundId, applicantUserId: user.id, nationality, documentScore });
  const actor: Actor = { ...actorFor(user, { locale }), timeZone };
  return { user, actor, applicationId };
}
