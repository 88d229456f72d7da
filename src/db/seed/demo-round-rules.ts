/**
 * Demo data for round editing (issue 19): a FY2028 round still in preparation
 * (no application yet, so every eligibility rule can still be edited), with
 * rules that differ from FY2027's, and an operator kept for the round-editing
 * browser test (it enrols this account's two-factor secret).
 */
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

export const DEMO_RULES_ROUND_ID = "00000000-0000-4000-8000-000000002028";
export const DEMO_RULES_OPERATOR = "operator-rounds@demo.jip.example";

export async function seedDemoRoundRules(ctx: ServiceContext, password: string): Promise<void> {
  await createVerifiedUser(ctx, { email: DEMO_RULES_OPERATOR, name: "小林 誠 (Operator)", password, role: "operator", locale: "en" });
  await ctx.db
    .insertInto("rounds")
    .values({
      id: DEMO_RULES_ROUND_ID,
      fiscal_year: 2028,
      name_ja: "2028年度 国際化促進インターンシップ事業（準備中）",
      name_en: "FY2028 Japan Internship Program (in preparation)",
      phase: "draft",
      eligibility_reference_date: "2028-04-01",
      dac_list_version: "2024-2025",
      excluded_countries: ["SY"],
      age_min: 20,
      age_max: 35,
      min_jlpt_level: "N2",
      accepted_english_tests: JSON.stringify([
        { test: "ielts", min: 6 },
        { test: "toeic_lr", min: 700 },
      ]),
      self_declared_english_accepted: false,
      residence_in_japan_allowed: false,
      prior_participants_allowed: false,
      intern_capacity: 250,
    })
    .execute();
  await ctx.db
    .insertInto("round_deadlines")
    .values([
      { round_id: DEMO_RULES_ROUND_ID, kind: "information_sessions_end", due_at: tokyoLocalToInstant("2028-01-31T17:00")! },
      { round_id: DEMO_RULES_ROUND_ID, kind: "application_close", due_at: tokyoLocalToInstant("2028-03-15T23:59")! },
    ])
    .execute();
}
