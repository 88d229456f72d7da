/**
 * Recruitment's output as document screening reads it: a round in its screening phase with submitted, eligible
 * applications (each with one education entry), as the tests of screening need them.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";

export interface ScreeningRoundInput {
  operatorId: string;
  /** Shown in both languages with the round's id. */
  name: { ja: string; en: string };
  deadlines: { kind: string; dueAt: Date }[];
}

/** A round already in its screening phase, with the given deadlines. */
export async function insertScreeningRound(db: Kysely<Database>, input: ScreeningRoundInput): Promise<string> {
  const roundId = crypto.randomUUID();
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: `${input.name.ja} ${roundId.slice(0, 6)}`,
      name_en: `${input.name.en} ${roundId.slice(0, 6)}`,
      phase: "screening",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      created_by: input.operatorId,
    })
    .execute();
  if (input.deadlines.length)
    await db
      .insertInto("round_deadlines")
      .values(input.deadlines.map((d) => ({ round_id: roundId, kind: d.kind, due_at: d.dueAt })))
      .execute();
  return roundId;
}

export interface SubmittedApplicationInput {
  roundId: string;
  applicant: { id: string; email: string };
  receiptNumber: string;
  familyName: string;
  givenName: string;
  motivation: string;
  university: string;
}

/** A submitted application (a Vietnamese engineering graduate), eligible as recruitment's check left it. */
export async function insertSubmittedApplication(db: Kysely<Database>, input: SubmittedApplicationInput): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto("applications")
    .values({
      id,
      round_id: input.roundId,
      applicant_user_id: input.applicant.id,
      status: "submitted",
      receipt_number: input.receiptNumber,
      submitted_at: new Date("2027-05-01T00:00:00Z"),
      family_name: input.familyName,
      given_name: input.givenName,
      date_of_birth: "1998-04-12",
      nationality: "VN",
      contact_email: input.applicant.email,
      motivation_learn: input.motivation,
      preferred_fields: ["engineering"],
      eligibility_unmet: [],
    })
    .execute();
  await db
    .insertInto("application_education")
    .values({ id: crypto.randomUUID(), application_id: id, university: input.university, degree: "bachelor", field: "Engineering", graduation_year: 2020 })
    .execute();
  return id;
}
