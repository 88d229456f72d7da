/**
 * What every page has (issue 19 items 3, 5, 6): its own title ("Error:" first
 * after a failed form), no copy kept once signed out, a favicon, the privacy
 * notice, and no horizontal scroll on a 390 px phone.
 */
import { type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";

/** Demo applicants no other spec changes: Kasun Perera (draft, en), Priya Sharma (submitted, en). */
const DRAFT_APPLICANT = "applicant16@demo.jip.example";
const SUBMITTED_APPLICANT = "applicant13@demo.jip.example";
/** A member (not admin) of Sakura Seiki, whose host application for the demo round is submitted: read-only pages. */
const HOST_MEMBER = "staff@sakura-seiki.demo.jip.example";
/** Its admin, who edits the organization in the last test (and withdraws nothing). */
const HOST_ADMIN = "admin@sakura-seiki.demo.jip.example";
const DEMO_ROUND = "00000000-0000-4000-8000-000000002027";

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
}

test("every page has a title of its own; a failed form puts Error: first; the favicon is served", async ({ page, request }) => {
  const titles = new Map<string, string>();
  for (const path of [
    "/en/",
    "/en/apply",
    "/en/sessions",
    "/en/cases",
    "/en/sign-in",
    "/en/sign-up",
    "/en/forgot-password",
    "/en/privacy",
    "/ja/",
    "/ja/sign-in",
  ]) {
    await page.goto(path);
    const title = await page.title();
    expect(title, path).toMatch(/ – (Japan Internship Program|国際化促進インターンシップ事業)$/);
    expect([...titles.values()], `${path}: ${title}`).not.toContain(title);
    titles.set(path, title);
  }
  expect(titles.get("/en/sign-in")).toBe("Sign in – Japan Internship Program");

  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await submit(page, "Sign in");
  await expect(page.getByRole("alert")).toBeVisible();
  expect(await page.title()).toBe("Error: Sign in – Japan Internship Program");

  await page.goto("/en/no-such-page");
  expect(await page.title()).toMatch(/^Error: .+ – Japan Internship Program$/);

  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect((await request.get("/favicon.ico")).status()).toBe(200);
});

test("after signing out, Back does not show the account page with the name and e-mail", async ({ page }) => {
  await signIn(page, SUBMITTED_APPLICANT);
  const account = await page.goto("/en/account");
  expect(account?.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByText(SUBMITTED_APPLICANT)).toBeVisible();
  await submit(page, "Sign out");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goBack();
  await page.waitForLoadState("load");
  await expect(page.getByText(SUBMITTED_APPLICANT)).toHaveCount(0);
  await expect(page.getByText("Priya Sharma")).toHaveCount(0);
  // A public page stays cacheable.
  const home = await page.goto("/en/");
  expect(home?.headers()["cache-control"] ?? "").not.toContain("no-store");
  await expectAccessible(page);
});

test("the privacy notice is reachable from the consent step and the footer, in the applicant's language", async ({ page }) => {
  await signIn(page, DRAFT_APPLICANT);
  await page.goto("/en/application/consents");
  const link = page.getByRole("link", { name: /Read the privacy notice/ });
  await expect(link).toHaveAttribute("href", "/en/privacy");
  await page.goto("/vi/application/consents");
  await page.getByRole("link", { name: /Đọc thông báo về quyền riêng tư/ }).evaluate((a) => a.removeAttribute("target"));
  await Promise.all([page.waitForURL(/\/vi\/privacy$/), page.getByRole("link", { name: /Đọc thông báo về quyền riêng tư/ }).click()]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thông báo về quyền riêng tư");
  await expect(page.getByText(/METI/).first()).toBeVisible();
  await expectAccessible(page);
  for (const [lang, heading] of [
    ["ja", "個人情報の取扱いについて"],
    ["id", "Pemberitahuan privasi"],
    ["zh", "隐私声明"],
    ["th", "ประกาศความเป็นส่วนตัว"],
  ] as const) {
    await page.goto(`/${lang}/`);
    await page.locator("footer").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});

/** The page does not scroll sideways on a 390 px phone; on failure, names the elements that stick out. */
async function expectNoHorizontalScroll(page: Page, path: string) {
  await page.goto(path);
  const { scrollWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 391)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
  }));
  expect(scrollWidth, `${path}: ${wide.join(", ")}`).toBeLessThanOrEqual(390);
  // Each checkbox or radio sits right by its label (host checkbox groups had the box at the far end of the line).
  const gaps = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("input[type=checkbox], input[type=radio]")].flatMap((input) => {
      const label = input.id ? document.querySelector(`label[for="${input.id}"]`) : null;
      if (!label || input.getBoundingClientRect().width === 0) return [];
      return [Math.round(label.getBoundingClientRect().left - input.getBoundingClientRect().right)];
    }),
  );
  for (const gap of gaps) expect(gap, `${path}: a box ${gap} px from its label`).toBeLessThanOrEqual(16);
}

test("on a 390 px phone no main page scrolls sideways: program, review, status, account, host pages", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/vi/", "/vi/apply", "/vi/sessions", "/vi/cases", "/vi/sign-up", "/en/privacy"]) await expectNoHorizontalScroll(page, path);
  await signIn(page, SUBMITTED_APPLICANT);
  for (const path of ["/vi/application/review", "/vi/application/status", "/vi/application/receipt", "/vi/account", "/vi/account/data", "/vi/inbox"])
    await expectNoHorizontalScroll(page, path);
  await signIn(page, DRAFT_APPLICANT);
  for (const path of ["/en/application/personal", "/en/application/languages", "/en/application/preferences", "/en/application/review"])
    await expectNoHorizontalScroll(page, path);
  await signIn(page, HOST_MEMBER);
  for (const path of ["/ja/host", "/ja/host/members", `/ja/host/rounds/${DEMO_ROUND}`, "/ja/account", "/ja/host/cases"])
    await expectNoHorizontalScroll(page, path);
});

test("a host admin edits the organization; its submitted host application keeps the details it was submitted with", async ({ page }) => {
  await signIn(page, HOST_ADMIN);
  await page.goto(`/ja/host/rounds/${DEMO_ROUND}`);
  await expect(page.getByTestId("snapshot-employees")).toHaveText("85");
  await page.goto("/ja/host");
  await page.getByRole("link", { name: "組織の情報を編集" }).click();
  await expect(page).toHaveURL(/\/ja\/host\/organization\/edit$/);
  await expect(page.locator('input[name="nameJa"]')).toHaveValue("さくら精機株式会社");
  await expectAccessible(page);
  await page.locator('input[name="employees"]').fill("many");
  await submit(page, "情報を保存");
  await expect(page.getByRole("alert")).toBeVisible();
  expect(await page.title()).toMatch(/^エラー：/);
  await page.locator('input[name="employees"]').fill("120");
  // The demo organization was registered without an address, which the form now asks for.
  await page.locator('input[name="addressJa"]').fill("長野県松本市中央1-1-1");
  await submit(page, "情報を保存");
  await expect(page).toHaveURL(/\/ja\/host\?edited=1$/);
  await expect(page.getByText("組織の情報を保存しました。")).toBeVisible();
  await page.goto("/ja/host/organization/edit");
  await expect(page.locator('input[name="employees"]')).toHaveValue("120");
  // The newest earlier details are those just replaced (85 employees); the demo's own earlier edit is below.
  await expect(page.getByTestId("organization-history").locator("li").first()).toContainText("85");
  await page.goto(`/ja/host/rounds/${DEMO_ROUND}`);
  await expect(page.getByTestId("snapshot-employees")).toHaveText("85");
  await expect(page.getByRole("heading", { name: "申請の取下げ" })).toBeVisible();
  await expectAccessible(page);
});
