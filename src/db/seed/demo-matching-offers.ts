/**
 * The matching round's waiting list (issue 15, ADR 0034): two applicants the selection put on its
 * waiting list, in order, with accounts in their own languages. When an offer is declined, the
 * operator moves the first of them into matching from the round's matching page.
 */
import type { Kysely } from "kysely";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import type { Database } from "../schema.ts";
import { DEMO_MATCHING_ROUND_ID } from "./demo-matching.ts";

const PASSWORD = "demo-password-2026";

export const DEMO_MATCHING_WAITING = [
  { n: 1, email: "matching-wait-zh@demo.jip.example", name: "Li Na", locale: "zh", nationality: "MN" },
  { n: 2, email: "matching-wait-th@demo.jip.example", name: "Niran Chai", locale: "th", nationality: "TH" },
] as const;

const appId = (n: number) => `00000000-0000-4000-8000-0000001c15${String(90 + n)}`;

export async function seedDemoMatchingOffers(ctx: ServiceContext): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  for (const w of DEMO_MATCHING_WAITING) {
    const { id: userId } = await createVerifiedUser(ctx, { email: w.email, name: w.name, password: PASSWORD, role: "applicant", locale: w.locale });
    const [family, ...given] = w.name.split(" ");
    await db
      .insertInto("applications")
      .values({
        id: appId(w.n),
        round_id: DEMO_MATCHING_ROUND_ID,
        applicant_user_id: userId,
        status: "waitlisted",
        receipt_number: `JIP-2026-W${String(w.n).padStart(4, "0")}`,
        submitted_at: new Date("2026-05-20T03:00:00Z"),
        family_name: family!,
        given_name: given.join(" "),
        date_of_birth: "1999-04-01",
        nationality: w.nationality,
        contact_email: w.email,
        motivation_learn: "How Japanese companies work with customers abroad.",
        preferred_fields: ["sales"],
        preferred_regions: ["kanto"],
        english_self_level: "business",
      })
      .execute();
    await db
      .insertInto("application_status_history")
      .values({
        application_id: appId(w.n),
        from_status: "interview",
        to_status: "waitlisted",
        reason: "demo: selection committee",
        changed_at: new Date("2026-06-20T03:00:00Z"),
      })
      .execute();
    await db
      .insertInto("selection_decisions")
      .values({
        application_id: appId(w.n),
        round_id: DEMO_MATCHING_ROUND_ID,
        decision: "waitlisted",
        waitlist_rank: w.n,
        decided_at: new Date("2026-06-20T03:00:00Z"),
      })
      .execute();
  }
}
