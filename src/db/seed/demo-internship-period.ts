/**
 * Demo data for the internship period's second part (issue 16, ADR 0035): the
 * demo internship round's cohorts A and B with their arrival and departure
 * dates, and an operator kept for that browser test (it enrols this account's
 * two-factor secret, so it cannot share the internship spec's operator).
 * Runs after demo-internship.ts.
 */
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import { DEMO_INTERNSHIP_ROUND_ID } from "./demo-internship.ts";

export const DEMO_INTERNSHIP_PERIOD_OPERATOR = "operator-period@demo.jip.example";

export async function seedDemoInternshipPeriod(ctx: ServiceContext, password: string): Promise<void> {
  await createVerifiedUser(ctx, { email: DEMO_INTERNSHIP_PERIOD_OPERATOR, name: "木村 彩 (Operator)", password, role: "operator", locale: "en" });
  await ctx.db
    .insertInto("cohorts")
    .values([
      { round_id: DEMO_INTERNSHIP_ROUND_ID, code: "A", arrives_on: "2026-10-05", departs_on: "2026-12-25" },
      { round_id: DEMO_INTERNSHIP_ROUND_ID, code: "B", arrives_on: "2026-11-02", departs_on: "2027-01-29" },
    ])
    .execute();
}
