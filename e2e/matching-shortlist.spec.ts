import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_SHORTLIST_APPLICATIONS, DEMO_SHORTLIST_LOGINS, DEMO_SHORTLIST_POSITIONS, DEMO_SHORTLIST_ROUND_ID } from "#src/db/seed/demo-matching-shortlist.ts";
import { instantToTokyoLocal } from "#src/domain/time.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The office-shortlist mode of the matching (issue 15, ADR 0037) on its own demo round: the
 * operator saves the shortlist of the robot position from the fit suggestion (leaving the Thai
 * applicant off); the host sees only the shortlisted candidates (403 on the other), offers an
 * interview time in Japanese; the Vietnamese applicant sees only that position, books the time in
 * Vietnamese and ranks it; the host ranks its shortlist. JavaScript on (PostgreSQL) and off
 * (PGlite), axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_SHORTLIST_LOGINS.operator);
const { P1, P2 } = DEMO_SHORTLIST_POSITIONS;
const [A1, A2, A3] = DEMO_SHORTLIST_APPLICATIONS as [string, string, string];

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale });
  return context.newPage();
}

async function signIn(page: Page, lang: string, email: string, button: string) {
  await page.goto(`/${lang}/sign-in`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await submit(page, button);
}

test("the operator saves the position's shortlist from the suggestion", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signInOperator(page);
  await page.goto(`/en/operator/rounds/${DEMO_SHORTLIST_ROUND_ID}/matching`);
  await expect(page.getByTestId("matching-mode")).toHaveText("Current mode: Program office shortlists");
  await expectAccessible(page);
  await page.goto(`/en/operator/matching/positions/${P1}`);
  await expect(page.getByTestId("shortlist-count")).toHaveText("Applicants on the shortlist: 0");
  // started from the suggestion: all three ticked (three per place, at least five)
  await expect(page.getByRole("checkbox", { name: /JIP-2026-S0001/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /JIP-2026-S0003/ })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /JIP-2026-S0003/ }).uncheck();
  await submit(page, "Save the shortlist");
  await expect(page.getByRole("status")).toHaveText("The shortlist was saved (2 applicants).");
  await expect(page.getByTestId("shortlist-count")).toHaveText("Applicants on the shortlist: 2");
  await expect(page.getByRole("checkbox", { name: /JIP-2026-S0003/ })).not.toBeChecked();
  await expectAccessible(page);
  await page.context().close();
});

test("the host sees only its shortlisted candidates and offers an interview time", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await signIn(page, "ja", DEMO_SHORTLIST_LOGINS.host, "ログイン");
  await page.goto(`/ja/host/matching/${P1}`);
  await expect(page.getByRole("heading", { name: "事務局が選んだ候補者（ショートリスト）" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "応募者 JIP-2026-S0001" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "応募者 JIP-2026-S0002" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("JIP-2026-S0003");
  await expectAccessible(page);

  // a candidate off the shortlist is forbidden
  const forbidden = await page.goto(`/ja/host/matching/${P1}/candidates/${A3}`);
  expect(forbidden?.status()).toBe(403);
  const profile = await page.goto(`/ja/host/matching/${P1}/candidates/${A1}`);
  expect(profile?.status()).toBe(200);
  await expect(page.locator("main")).toContainText("JIP-2026-S0001");
  await expect(page.locator("main")).not.toContainText("Pham");
  await expect(page.locator("main")).not.toContainText("@demo.jip.example");
  await expectAccessible(page);

  await page.goto(`/ja/host/matching/${P1}`);
  // without a place or a link: the error is shown next to the field, what was typed is kept
  const start = instantToTokyoLocal(new Date(Date.now() + 10 * 24 * 3600_000)).slice(0, 11) + "10:00";
  await page.locator('input[name="startsAt"]').fill(start);
  await submit(page, "この日時を提示");
  await expect(page.locator(".error-summary")).toContainText("場所またはオンラインのリンクを入力してください。");
  await expect(page.locator('input[name="startsAt"]')).toHaveValue(start);
  await expectAccessible(page);
  await page.locator('input[name="meetingUrl"]').fill("https://meet.example/sendai-robotics");
  await submit(page, "この日時を提示");
  await expect(page.getByRole("status")).toHaveText("面接日時を提示しました。");
  await expect(page.getByTestId("host-slot")).toHaveCount(1);
  await expect(page.getByTestId("host-slot")).toContainText("空き");
  await expectAccessible(page);
  await page.context().close();
});

test("the applicant sees only the shortlisted position, books the interview in Vietnamese and ranks it", async ({ browser }) => {
  const page = await newPage(browser, "vi-VN");
  await signIn(page, "vi", DEMO_SHORTLIST_LOGINS.applicants[0]!, "Đăng nhập");
  await page.goto("/vi/matching");
  await expect(page.locator(`input[name="rank.${P1}"]`)).toBeVisible();
  await expect(page.locator(`input[name="rank.${P2}"]`)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Các buổi phỏng vấn với doanh nghiệp tiếp nhận" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phỏng vấn với doanh nghiệp tiếp nhận");
  await expect(page.getByTestId("matching-interview-position")).toHaveCount(1);
  await expectAccessible(page);
  await page.locator('input[name="slotId"]').first().check();
  await submit(page, "Đặt giờ này");
  await expect(page.getByRole("status")).toHaveText("Bạn đã đặt lịch phỏng vấn. Chúng tôi đã gửi xác nhận kèm tệp lịch.");
  await expect(page.getByTestId("matching-interview-booking")).toContainText("https://meet.example/sendai-robotics");
  await expectAccessible(page);
  const ics = await page.request.get(`/vi/matching/interviews/${P1}/calendar`);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain("BEGIN:VEVENT");

  await page.goto("/vi/matching");
  await page.locator(`input[name="rank.${P1}"]`).fill("1");
  await submit(page, "Nộp danh sách thứ tự ưu tiên");
  await expect(page.getByRole("status")).toHaveText("Danh sách thứ tự ưu tiên đã được nộp.");
  await page.context().close();
});

test("the host sees the booking, downloads its calendar file and ranks within the shortlist", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await signIn(page, "ja", DEMO_SHORTLIST_LOGINS.host, "ログイン");
  await page.goto(`/ja/host/matching/${P1}`);
  await expect(page.getByTestId("host-slot")).toContainText("JIP-2026-S0001");
  await page.goto(`/ja/host/matching/${P1}/candidates/${A1}`);
  await expect(page.getByTestId("candidate-interview")).toContainText("予定");
  const ics = await page.request.get(`/ja/host/matching/${P1}/candidates/${A1}/interview.ics`);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain("BEGIN:VEVENT");
  await expectAccessible(page);

  await page.goto(`/ja/host/matching/${P1}`);
  await page.locator(`input[name="rank.${A2}"]`).fill("2");
  await page.locator(`input[name="rank.${A1}"]`).fill("1");
  await submit(page, "希望順位を提出");
  await expect(page.getByRole("status")).toHaveText("希望順位を提出しました。");
  await expect(page.locator(`input[name="rank.${A3}"]`)).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});
