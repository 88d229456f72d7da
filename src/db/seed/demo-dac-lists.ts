/**
 * Demo data for the DAC list versions page (issue 19 item 2): the versions
 * themselves are reference data loaded by `jip migrate`; this adds an operator
 * kept for the DAC list browser test (it enrols this account's two-factor secret).
 */
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

export const DEMO_DAC_OPERATOR = "operator-dac@demo.jip.example";

export async function seedDemoDacLists(ctx: ServiceContext, password: string): Promise<void> {
  await createVerifiedUser(ctx, { email: DEMO_DAC_OPERATOR, name: "森 彩 (Operator)", password, role: "operator", locale: "en" });
}
