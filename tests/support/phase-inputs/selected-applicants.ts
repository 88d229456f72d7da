/**
 * Stand-in for the selection phase's output (#14 owns it; built in parallel):
 * inserts exactly the rows selection would have produced for matching (#15) to
 * read — a round in the matching phase, applications with status `selected`
 * (with the history row selection writes), and accepted host applications with
 * their positions. The lead replaces these inserts with the real selection use
 * cases at merge if wanted; matching only reads these rows.
 */
import type { Kysely } from "kysely";
import type { Database } from "#src/db/schema.ts";

export async function insertMatchingRound(db: Kysely<Database>, opts: { matchingClose?: Date; name?: string } = {}): Promise<string> {
  const id = crypto.randomUUID();
  const name = opts.name ?? `Matching round ${id.slice(0, 8)}`;
  await db
    .insertInto("rounds")
    .values({
      id,
      fiscal_year: 2027,
      name_ja: name,
      name_en: name,
      phase: "matching",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      selection_results_final: true,
    })
    .execute();
  if (opts.matchingClose) await db.insertInto("round_deadlines").values({ round_id: id, kind: "matching_close", due_at: opts.matchingClose }).execute();
  return id;
}

export interface HostInput {
  roundId: string;
  organizationId: string;
  positions: { title: string; prefectureCode: string; capacity: number; description?: string }[];
}

/** An accepted host application of an existing organization and its positions; returns the position ids in order. */
export async function insertAcceptedHost(db: Kysely<Database>, input: HostInput): Promise<string[]> {
  const hostApplicationId = crypto.randomUUID();
  await db
    .insertInto("host_applications")
    .values({ id: hostApplicationId, round_id: input.roundId, organization_id: input.organizationId, status: "accepted", agrees_with_purpose: true })
    .execute();
  const ids: string[] = [];
  for (const p of input.positions) {
    const id = crypto.randomUUID();
    await db
      .insertInto("positions")
      .values({
        id,
        host_application_id: hostApplicationId,
        title: p.title,
        description: p.description ?? `${p.title}: market research and sales support.`,
        prefecture_code: p.prefectureCode,
        capacity: p.capacity,
        fields: ["sales"],
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

export interface SelectedApplicantInput {
  roundId: string;
  userId: string | null;
  receiptNumber: string;
  nationality?: string;
  familyName?: string;
  givenName?: string;
  status?: "selected" | "waitlisted";
}

/** A submitted application that selection decided `selected` (or waitlisted), with its education and JLPT level; returns its id. */
export async function insertSelectedApplicant(db: Kysely<Database>, input: SelectedApplicantInput): Promise<string> {
  const id = crypto.randomUUID();
  const status = input.status ?? "selected";
  await db
    .insertInto("applications")
    .values({
      id,
      round_id: input.roundId,
      applicant_user_id: input.userId,
      status,
      receipt_number: input.receiptNumber,
      submitted_at: new Date("2027-05-01T00:00:00Z"),
      family_name: input.familyName ?? "Nguyen",
      given_name: input.givenName ?? "Lan",
      date_of_birth: "2000-01-01",
      nationality: input.nationality ?? "VN",
      contact_email: `${input.receiptNumber.toLowerCase()}@applicant.example`,
      phone: "+84 900 000 000",
      motivation_learn: "Japanese manufacturing quality management.",
      preferred_fields: ["engineering"],
      preferred_regions: ["chubu"],
      english_self_level: "business",
    })
    .execute();
  await db
    .insertInto("application_education")
    .values({
      id: crypto.randomUUID(),
      application_id: id,
      university: "Hanoi University",
      degree: "bachelor",
      field: "Mechanical engineering",
      graduation_year: 2024,
    })
    .execute();
  await db.insertInto("application_languages").values({ id: crypto.randomUUID(), application_id: id, kind: "jlpt", jlpt_level: "N3" }).execute();
  await db
    .insertInto("application_status_history")
    .values({
      application_id: id,
      from_status: "interview",
      to_status: status,
      reason: "selection committee",
      changed_by: null,
      changed_at: new Date("2027-06-01T00:00:00Z"),
    })
    .execute();
  return id;
}
