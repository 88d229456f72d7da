/**
 * Demo of waiting-list offers (issue 14, ADR 0033): a round of its own in the
 * selection phase with final results and one place. The selected applicant
 * (so01, Vietnamese) declined the place; the first on the waiting list
 * (so02, Indonesian) let the offer lapse; the second (so03, Thai, Asia/Bangkok)
 * holds an open offer — she answers it at /th/application/offer, and the
 * operator sees all three on the round's selection page. Inserted as the
 * selection use cases would leave them; fixed ids, and instants relative to
 * the seeding time so that the open offer is still open when `npm start`
 * first serves the demo (offered a day ago, open for the round's 7 days).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

const PASSWORD = "demo-password-2026";
const DAY_MS = 24 * 3600_000;
export const DEMO_SELECTION_OFFERS_ROUND_ID = "00000000-0000-4000-8000-000000002314";

export const DEMO_SELECTION_OFFERS_LOGINS = {
  /** holds an open waiting-list offer (Thai, Asia/Bangkok) */
  applicant: "so03@demo.jip.example",
};

const APPLICANTS = [
  {
    n: "01",
    family: "Vu",
    given: "Mai",
    nationality: "VN",
    locale: "vi",
    zone: "Asia/Ho_Chi_Minh",
    document: 91,
    status: "withdrawn",
    decision: "selected",
    rank: null,
  },
  {
    n: "02",
    family: "Putri",
    given: "Dewi",
    nationality: "ID",
    locale: "id",
    zone: "Asia/Jakarta",
    document: 84,
    status: "waitlisted",
    decision: "waitlisted",
    rank: 1,
  },
  {
    n: "03",
    family: "Chaiyo",
    given: "Ploy",
    nationality: "TH",
    locale: "th",
    zone: "Asia/Bangkok",
    document: 79,
    status: "waitlisted",
    decision: "waitlisted",
    rank: 2,
  },
] as const;

const appId = (n: string) => `00000000-0000-4000-8000-0000000023${n}`;

export async function seedDemoSelectionOffers(ctx: ServiceContext): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  const now = ctx.clock();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_SELECTION_OFFERS_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 補欠繰り上げデモ募集回",
      name_en: "FY2026 waiting-list offers demo round",
      phase: "selection",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 1,
      selection_results_final: true,
      selection_offer_days: 7,
      created_at: new Date("2026-04-01T00:00:00Z"),
      updated_at: new Date("2026-04-01T00:00:00Z"),
    })
    .execute();

  for (const [i, a] of APPLICANTS.entries()) {
    const email = `so${a.n}@demo.jip.example`;
    const { id: userId } = await createVerifiedUser(ctx, { email, name: `${a.given} ${a.family}`, password: PASSWORD, role: "applicant", locale: a.locale });
    await db.updateTable("user").set({ timeZone: a.zone }).where("id", "=", userId).execute();
    const id = appId(a.n);
    const submittedAt = new Date(Date.UTC(2026, 9, 1 + i, 3));
    await db
      .insertInto("applications")
      .values({
        id,
        round_id: DEMO_SELECTION_OFFERS_ROUND_ID,
        applicant_user_id: userId,
        status: a.status,
        current_step: "review",
        receipt_number: `JIP26-O${a.n}`,
        submitted_at: submittedAt,
        family_name: a.family,
        given_name: a.given,
        nationality: a.nationality,
        residence_country: a.nationality,
        contact_email: email,
        ...(a.status === "withdrawn" ? { withdrawn_reason: "Accepted another offer." } : {}),
      })
      .execute();
    await db
      .insertInto("application_status_history")
      .values([
        { application_id: id, from_status: "draft", to_status: "submitted", changed_at: submittedAt },
        { application_id: id, from_status: "submitted", to_status: "under_review", changed_at: new Date("2026-11-01T00:00:00Z") },
        { application_id: id, from_status: "under_review", to_status: "interview", reason: "screening_passed", changed_at: new Date("2026-11-20T00:00:00Z") },
        { application_id: id, from_status: "interview", to_status: a.decision, reason: "selection_final", changed_at: at(10) },
        ...(a.status === "withdrawn"
          ? [{ application_id: id, from_status: "selected", to_status: "withdrawn", reason: "declined_place", changed_at: at(9) }]
          : []),
      ])
      .execute();
    await db.insertInto("selection_document_scores").values({ application_id: id, round_id: DEMO_SELECTION_OFFERS_ROUND_ID, score: a.document }).execute();
    await db
      .insertInto("selection_decisions")
      .values({
        application_id: id,
        round_id: DEMO_SELECTION_OFFERS_ROUND_ID,
        decision: a.decision,
        waitlist_rank: a.rank,
        suggested: a.decision,
        decided_at: at(11),
        notified_at: at(10),
      })
      .execute();
  }

  // so01's place: offered to so02, who let the deadline pass; then to so03, open for 7 days from a day ago
  await db
    .insertInto("selection_offers")
    .values([
      {
        id: "00000000-0000-4000-8000-000000002401",
        application_id: appId("02"),
        round_id: DEMO_SELECTION_OFFERS_ROUND_ID,
        freed_by: appId("01"),
        waitlist_position: 1,
        offered_at: at(9),
        expires_at: at(2),
        status: "expired",
        responded_at: at(2),
      },
      {
        id: "00000000-0000-4000-8000-000000002402",
        application_id: appId("03"),
        round_id: DEMO_SELECTION_OFFERS_ROUND_ID,
        freed_by: appId("01"),
        waitlist_position: 2,
        offered_at: at(1),
        expires_at: at(-6),
        status: "open",
      },
    ])
    .execute();
}
