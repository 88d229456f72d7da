/**
 * Signs a staff member in with password and TOTP, enrolling two-factor
 * authentication on the first call (each fresh e2e server starts without it).
 * One per spec and account: it remembers the secret and the codes it used,
 * because a code is accepted once.
 */
import { type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD, submit } from "./fixtures.ts";
import { totpCodes } from "./totp.ts";

/** `home`: a page of the role that requires two-factor authentication, where enrolment starts (a reviewer's is /en/reviewer). */
export function staffSignIn(email: string, password = DEMO_PASSWORD, home = "/en/operator"): (page: Page) => Promise<void> {
  let secret = "";
  const freshCode = totpCodes(() => secret);
  return async (page) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: false }).first().fill(password);
    // With JavaScript on the form posts in the background: going on before its answer (and cookie) arrives would cancel it.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/en/sign-in")),
      submit(page, "Sign in"),
    ]);
    if (!secret) {
      await page.goto(home);
      await expect(page).toHaveURL(/\/en\/account\/two-factor$/);
      await page.getByLabel("Password").fill(password);
      await submit(page, "Continue");
      secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    }
    await page.getByLabel("6-digit code").fill(await freshCode());
    await submit(page, "Verify");
  };
}
