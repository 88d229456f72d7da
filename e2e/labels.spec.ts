import { expect, test } from "@playwright/test";
import { DEMO_LABELS_OPERATOR } from "../src/db/seed/demo-labels.ts";
import { expectAccessible } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * Issue #19 item 9: operator pages show labels, never stored codes (the tester saw VN, false,
 * toeic_lr, kanto), and each round page lists the work pending in its current phase.
 */
test.describe.configure({ mode: "serial" });
// An operator of its own: enrolling two-factor for operator@demo.jip.example would break operator.spec.ts on the shared server.
const signIn = staffSignIn(DEMO_LABELS_OPERATOR);

test("an application's answers and a round's pending work read as words", async ({ page }) => {
  await signIn(page);
  await page.goto("/en/operator/applications");
  await page.locator("tbody tr a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Answers" })).toBeVisible();
  const values = await page.locator("main dd").allTextContents();
  expect(values.length).toBeGreaterThan(5);
  for (const v of values) expect(v.trim()).not.toMatch(/^(true|false|[A-Z]{2}|toeic_lr|ielts|kanto|kinki|bachelor|master)$|_/);
  await expectAccessible(page);

  await page.goto("/en/operator");
  await page.locator("tbody tr a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Work pending in this phase" })).toBeVisible();
  await expectAccessible(page);
});
