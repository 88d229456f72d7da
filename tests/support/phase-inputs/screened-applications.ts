/**
 * Stand-in for document screening's output (issue 13 is built in parallel):
 * the rows screening would have produced for an application that passed —
 * a submitted application now in status "interview", its status history
 * (submitted → under_review → interview) and its normalized document score
 * (0–100) in selection_document_scores, the table selection reads (issue 14,
 * migration 0011). At merge, screening fills that table when it moves an
 * application to "interview"; these tests keep inserting the rows directly.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";

export interface ScreenedApplicationInput {
  roundId: string;
  applicantUserId: string;
  nationality: string;
  documentScore: number;
  familyName?: string;
  givenName?: string;
  field?: string;
  submittedAt?: Date;
}

let counter = 0;

export async function insertScreenedApplication(db: Kysely<Database>, input: ScreenedApplicationInput): Promise<string> {
  const id = crypto.randomUUID();
  counter += 1;
  const submittedAt = input.submittedAt ?? new Date("2027-01-15T00:00:00Z");
  await db
    .insertInto("applications")
    .values({
      id,
      round_id: input.roundId,
      applicant_user_id: input.applicantUserId,
      status: "interview",
      current_step: "review",
      receipt_number: `JIP27-T${String(counter).padStart(5, "0")}-${id.slice(0, 4).toUpperCase()}`,
      submitted_at: submittedAt,
      family_name: input.familyName ?? `Family${counter}`,
      given_name: input.givenName ?? `Given${counter}`,
      nationality: input.nationality,
      residence_country: input.nationality,
      preferred_fields: input.field ? [input.field] : [],
    })
    .execute();
  await db
    .insertInto("application_status_history")
    .values([
      { application_id: id, from_status: "draft", to_status: "submitted", changed_at: submittedAt },
      { application_id: id, from_status: "submitted", to_status: "under_review", changed_at: submittedAt },
      { application_id: id, from_status: "under_review", to_status: "interview", reason: "screening_passed", changed_at: submittedAt },
    ])
    .execute();
  await db.insertInto("selection_document_scores").values({ application_id: id, round_id: input.roundId, score: input.documentScore }).execute();
  return id;
}
