import { type Page, expect, test } from "@playwright/test";
import { totp, totpCodes } from "./support/totp.ts";
import { DEMO_OPERATOR, DEMO_PASSWORD, expectAccessible, latestMailTo, submit, uniqueEmail } from "./support/fixtures.ts";

/**
 * The operator's first day: sign in, enrol two-factor, create a round, move
 * it through two phases, see a refused transition explain itself, find both
 * transitions in the audit log, invite a colleague, sign in again with a code.
 */
test.describe.configure({ mode: "serial" });

let secret = "";
let roundUrl = "";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: false }).first().fill(password);
  await submit(page, "Sign in");
}

/** A code is accepted once (issue 11 item 5): each sign-in gets one not used yet. */
const freshCode = totpCodes(() => secret);

test("a wrong password is refused with a message and the e-mail kept", async ({ page }) => {
  await signIn(page, DEMO_OPERATOR, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("The e-mail address or the password is not correct.");
  await expect(page.getByLabel("E-mail address")).toHaveValue(DEMO_OPERATOR);
  await expectAccessible(page);
});

test("the operator must enrol two-factor authentication before reaching operator pages", async ({ page }) => {
  await signIn(page, DEMO_OPERATOR, DEMO_PASSWORD);
  await page.goto("/en/operator");
  await expect(page).toHaveURL(/\/en\/account\/two-factor$/);
  await expectAccessible(page);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Continue");
  secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page);
  await page.getByLabel("6-digit code").fill("000000" === totp(secret) ? "111111" : "000000");
  await submit(page, "Verify");
  await expect(page.getByRole("alert")).toContainText("This code is not correct");
  await page.getByLabel("6-digit code").fill(await freshCode());
  await submit(page, "Verify");
  await expect(page).toHaveURL(/\/en\/operator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rounds");
  await expectAccessible(page);
});

test("the operator creates a round (invalid input first) and moves it through two phases", async ({ page }) => {
  await signIn(page, DEMO_OPERATOR, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/en\/sign-in\/two-factor/);
  await page.getByLabel("6-digit code").fill(await freshCode());
  await submit(page, "Verify");
  await page.goto("/en/operator/rounds/new");
  await expectAccessible(page);
  const name = `E2E round ${test.info().project.name} ${Date.now()}`;
  await page.getByLabel("Name (English)").fill(name);
  await page.getByLabel("Minimum age").fill("30");
  await page.getByLabel("Maximum age").fill("25");
  await page.getByLabel("Applications close", { exact: true }).fill("2027-02-30T10:00");
  await submit(page, "Create round");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Please correct the following");
  await expect(summary).toContainText("Name (Japanese)");
  await expect(summary).toContainText("The maximum age must not be lower than the minimum age.");
  await expect(page.getByLabel("Name (English)")).toHaveValue(name);
  await expect(page.getByLabel("Minimum age")).toHaveValue("30");
  await expectAccessible(page);

  await page.getByLabel("Name (Japanese)").fill(`E2E募集回 ${Date.now()}`);
  await page.getByLabel("Eligibility reference date").fill("2028-04-01");
  await page.getByLabel("Maximum age").fill("40");
  await page.getByLabel("Minimum age").fill("20");
  await page.getByLabel("Applications close", { exact: true }).fill("2099-05-31T23:59");
  await page.getByLabel("Host applications close").fill("2099-05-31T23:59");
  await submit(page, "Create round");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("round-phase")).toHaveText("Draft");
  roundUrl = page.url();
  await expectAccessible(page);

  await submit(page, "Move to “Information sessions”");
  await expect(page.getByRole("status")).toContainText("The round moved from Draft to Information sessions.");
  await expect(page.getByTestId("round-phase")).toHaveText("Information sessions");
  await submit(page, "Move to “Recruitment”");
  await expect(page.getByTestId("round-phase")).toHaveText("Recruitment");
  await expectAccessible(page);

  // Screening cannot start before applications close: refused, explained, nothing changed.
  await submit(page, "Move to “Screening”");
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText("The round was not moved");
  await expect(refusal).toContainText("has not passed yet");
  await expect(refusal).toContainText("No application has been submitted.");
  await expect(page.getByTestId("round-phase")).toHaveText("Recruitment");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Audit log of this round" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "round.transition" })).toHaveCount(2);
  await expect(rows.filter({ hasText: '{"phase":"information_sessions"} → {"phase":"recruitment"}' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '{"phase":"draft"} → {"phase":"information_sessions"}' })).toHaveCount(1);
  await expect(rows.filter({ hasText: "round.create" })).toHaveCount(1);
  await expectAccessible(page);
});

test("the operator invites a reviewer, who creates an account and cannot open the operator area", async ({ page, browser }) => {
  await signIn(page, DEMO_OPERATOR, DEMO_PASSWORD);
  await page.getByLabel("6-digit code").fill(await freshCode());
  await submit(page, "Verify");
  await page.goto("/en/operator/staff");
  await expectAccessible(page);
  const email = uniqueEmail("reviewer", test.info());
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role").selectOption("reviewer");
  await submit(page, "Send invitation");
  await expect(page.getByRole("status")).toHaveText("The invitation has been sent.");
  await page.goto(`/en/operator/outbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("mail-to")).toHaveText(email);
  await expectAccessible(page);

  const mail = await latestMailTo(test.info(), email);
  const link = mail.links.find((l) => l.includes("/staff-invitation/"))!;
  const reviewer = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  const rp = await reviewer.newPage();
  await rp.goto(link);
  await expectAccessible(rp);
  await rp.getByLabel("Full name").fill("Reviewer E2E");
  await rp.locator("input[name=password]").fill("reviewer-password-1");
  await rp.getByLabel("Password again").fill("reviewer-password-1");
  await submit(rp, "Create account");
  await expect(rp).toHaveURL(/\/en\/sign-in$/);
  await rp.getByLabel("E-mail address").fill(email);
  await rp.getByLabel("Password").fill("reviewer-password-1");
  await submit(rp, "Sign in");
  // A reviewer lands on their home, which asks for two-step verification first (like every staff role).
  await expect(rp.getByRole("heading", { level: 1 })).toHaveText("Two-step verification");
  await rp.getByLabel("Password").fill("reviewer-password-1");
  await submit(rp, "Continue");
  const reviewerSecret = (await rp.getByTestId("totp-secret").textContent()) ?? "";
  await rp.getByLabel("6-digit code").fill(totp(reviewerSecret));
  await submit(rp, "Verify");
  await expect(rp).toHaveURL(/\/en\/reviewer$/);
  // A reviewer has no business in the operator area.
  const response = await rp.goto("/en/operator/audit");
  expect(response?.status()).toBe(403);
  await reviewer.close();
  expect(roundUrl).not.toBe("");
});
