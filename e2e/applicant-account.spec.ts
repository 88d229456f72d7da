import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, decodeSubject, expectAccessible, latestMailTo, submit, uniqueEmail } from "./support/fixtures.ts";

test("an applicant signs up in Vietnamese (bad input first), confirms the address from the e-mail, and signs in", async ({ page }) => {
  const email = uniqueEmail("applicant-vi", test.info());
  await page.goto("/vi/sign-up");
  await expectAccessible(page);
  await page.locator('input[name="name"]').fill("Nguyễn Thị Hoa <b>");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("short");
  await page.locator('input[name="passwordConfirm"]').fill("different");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.locator('input[name="name"]')).toHaveValue("Nguyễn Thị Hoa <b>");
  await expect(page.locator('input[name="email"]')).toHaveValue(email);
  await expect(page.locator(".error-message")).toHaveCount(2);
  await expectAccessible(page);

  await page.locator('input[name="password"]').fill("a-good-password-1");
  await page.locator('input[name="passwordConfirm"]').fill("a-good-password-1");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/vi\/check-email$/);
  await expectAccessible(page);

  const mail = await latestMailTo(test.info(), email);
  expect(mail.headers).toMatch(/Content-Language: vi/);
  expect(decodeSubject(mail.headers)).not.toMatch(/Confirm your e-mail/);
  const link = mail.links.find((l) => l.includes("/api/auth/verify-email"))!;
  expect(link).toBeTruthy();

  // Signing in before confirming is refused.
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("a-good-password-1");
  await submit(page, "Sign in");
  await expect(page.getByRole("alert")).toContainText("Confirm your e-mail address first");

  await page.goto(link);
  await expect(page).toHaveURL(/\/vi\/sign-in\?verified=1/);
  await expectAccessible(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("a-good-password-1");
  await page.locator('button[type="submit"]').click();
  // An applicant lands on their application, where they left off.
  await expect(page).toHaveURL(/\/vi\/application\/personal$/);
  await page.goto("/vi/account");
  await expect(page.getByText("Nguyễn Thị Hoa <b>")).toBeVisible();
  await expectAccessible(page);

  // An applicant cannot open the operator's pages: a localized 403.
  const response = await page.goto("/en/operator/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expectAccessible(page);
  const ja = await page.goto("/ja/operator");
  expect(ja?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("このページを表示する権限がありません");
});

test("a forgotten password is reset through the e-mailed link", async ({ page }) => {
  const email = "applicant02@demo.jip.example";
  await page.goto("/en/forgot-password");
  await page.getByLabel("E-mail address").fill(email);
  await submit(page, "Send the link");
  await expect(page.getByRole("status")).toContainText("If an account uses this address");
  await expectAccessible(page);
  const mail = await latestMailTo(test.info(), email);
  const link = mail.links.find((l) => l.includes("/api/auth/reset-password/"))!;
  await page.goto(link);
  await expect(page).toHaveURL(/\/en\/reset-password\?token=/);
  await expectAccessible(page);
  await page.getByLabel("New password").fill("a-new-password-2");
  await page.getByLabel("Password again").fill("a-new-password-2");
  await submit(page, "Change password");
  await expect(page).toHaveURL(/\/en\/sign-in\?reset=1/);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
  await expect(page.getByRole("alert")).toContainText("not correct");
  await page.getByLabel("Password").fill("a-new-password-2");
  await submit(page, "Sign in");
  await expect(page).toHaveURL(/\/en\/application\/status$/);
});

test("sign-in attempts are limited per account and client", async ({ page }) => {
  // An account no other spec signs in with: after this test this client waits before its next try (issue 11 item 2).
  const email = "applicant18@demo.jip.example";
  for (let i = 0; i < 5; i++) {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await submit(page, "Sign in");
    await expect(page.getByRole("alert")).toContainText("not correct");
  }
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
  await expect(page.getByRole("alert")).toContainText("Too many failed attempts. Try again in 1 minute.");
  await expectAccessible(page);
});
