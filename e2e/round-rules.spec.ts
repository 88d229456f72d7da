import { expect, test } from "@playwright/test";
import { expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * Round editing (issue 19): the operator sees every eligibility rule of the
 * FY2028 demo round as labels, edits them (a minimum off the test's scale —
 * an IELTS band of 785 — is refused), excludes a country, and moves a deadline.
 * Runs with JavaScript on (PostgreSQL) and off (PGlite), axe on every page.
 */
const ROUND = "00000000-0000-4000-8000-000000002028";
const signIn = staffSignIn("operator-rounds@demo.jip.example");

test("the operator edits a round's eligibility rules and deadlines", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.goto(`/en/operator/rounds/${ROUND}`);
  await expect(page.getByTestId("rule-english")).toHaveText("IELTS (overall band) 6 or more; TOEIC Listening & Reading 700 or more");
  await expect(page.getByTestId("rule-excluded")).toHaveText("Syria");
  await expect(page.getByTestId("who-may-apply")).not.toContainText("Nepal");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit the eligibility rules" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Eligibility rules of FY2028");
  await expect(page.getByLabel("IELTS (overall band) accepted")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("IELTS (overall band): minimum score").fill("785");
  await submit(page, "Save the rules");
  await expect(page.locator(".error-summary")).toContainText("Enter a score from 0 to 9, the scale of this test.");
  await expectAccessible(page);

  await page.getByLabel("IELTS (overall band): minimum score").fill("6.5");
  await page.getByLabel("Nepal", { exact: true }).check();
  await page.getByRole("group", { name: "People living in Japan may apply" }).getByLabel("Yes").check();
  await submit(page, "Save the rules");
  await expect(page).toHaveURL(new RegExp(`/en/operator/rounds/${ROUND}\\?saved=rules$`));
  await expect(page.getByRole("status")).toContainText("The eligibility rules were saved.");
  await expect(page.getByTestId("rule-english")).toHaveText("IELTS (overall band) 6.5 or more; TOEIC Listening & Reading 700 or more");
  await expect(page.getByTestId("rule-excluded")).toHaveText("Nepal, Syria");
  // The public "who may apply" text is written from the rules, so it changed with them.
  await expect(page.getByTestId("who-may-apply")).toContainText("6.5");
  await expect(page.getByTestId("who-may-apply")).toContainText("Nepal");

  await page.getByRole("link", { name: "Change the deadlines" }).click();
  await expectAccessible(page);
  await page.getByLabel("Applications close", { exact: true }).fill("2028-03-20T23:59");
  await submit(page, "Save the deadlines");
  await expect(page.getByTestId("deadlines-saved")).toHaveText("1 deadline changed. Nobody was e-mailed.");
  await expect(page.getByLabel("Applications close", { exact: true })).toHaveValue("2028-03-20T23:59");

  await page.goto(`/en/operator/audit?entityType=round&entityId=${ROUND}`);
  await expect(page.locator("body")).toContainText("round.deadlines.update");
  await expect(page.locator("body")).toContainText("round.rules.update");
});
