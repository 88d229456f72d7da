/**
 * Demo data for the operator's labels and pending work (issue 19 item 9): the round pages and
 * applications are the other demo rounds'; this adds an operator kept for that browser test
 * (it enrols this account's two-factor secret, so it cannot share operator@demo.jip.example with operator.spec.ts).
 */
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

export const DEMO_LABELS_OPERATOR = "operator-labels@demo.jip.example";

export async function seedDemoLabels(ctx: ServiceContext, password: string): Promise<void> {
  await createVerifiedUser(ctx, { email: DEMO_LABELS_OPERATOR, name: "原田 恵 (Operator)", password, role: "operator", locale: "en" });
}
