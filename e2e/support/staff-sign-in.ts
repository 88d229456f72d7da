/**
 * Signs a staff member in with password and TOTP, enrolling two-factor
 * authentication on the first call (each fresh e2e server starts without it).
 * One per spec and account: it remembers the secret and the codes it used,
 * because a code is accepted once.
 */
import { type Cookie, type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD, submit } from "./fixtures.ts";
import { totpCodes } from "./totp.ts";

/**
 * A staff session this helper opened is reused by its next calls for this long: well inside the 15 minutes in
 * which a sign-in counts as recent (REAUTH_WINDOW_MS), so a reused session can still do what a fresh one can.
 */
const REUSE_FOR_MS = 5 * 60_000;

/**
 * `home`: a page of the role that requires two-factor authentication, where enrolment starts (a reviewer's is /en/reviewer).
 *
 * The first call signs in with the password and a code. A later call first tries the session that sign-in
 * opened (its cookies, in the new page's context): when `home` opens with it, the page is signed in; when the
 * session has ended (a test signed out, or revoked or expired it) it signs in again. Each sign-in needs an
 * unused code, and a spec that signed one staff member in for each of its tests waited up to 30 s for a new
 * code step at every third sign-in (docs/performance.md, "Test suite time").
 */
export function staffSignIn(email: string, password = DEMO_PASSWORD, home = "/en/operator"): (page: Page) => Promise<void> {
  let secret = "";
  let session: { cookies: Cookie[]; openedAt: number } | null = null;
  const freshCode = totpCodes(() => secret);
  return async (page) => {
    if (session && Date.now() - session.openedAt < REUSE_FOR_MS) {
      await page.context().addCookies(session.cookies);
      await page.goto(home);
      if (new URL(page.url()).pathname === home) return;
      await page.context().clearCookies();
    }
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
    const openedAt = Date.now();
    await submit(page, "Verify");
    await expect(page).not.toHaveURL(/\/en\/(sign-in(\/two-factor)?|account\/two-factor)(\?|$)/);
    session = { cookies: await page.context().cookies(), openedAt };
  };
}
