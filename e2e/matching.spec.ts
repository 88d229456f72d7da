import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_MATCHING_LOGINS, DEMO_MATCHING_ROUND_ID } from "#src/db/seed/demo-matching.ts";
import { solve, validateInstance } from "#src/domain/matching/index.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The matching journey (issue 15) on the demo's matching round: the Vietnamese applicant ranks
 * positions in Vietnamese; Tokyo Trading ranks its sales position's shortlist in Japanese; the
 * operator runs with a cap on Kanto, runs the uncapped variant, compares them, reads the
 * certificate (0 blocking pairs; the downloaded instance re-solves to the same count) and
 * publishes; the applicant reads why in Vietnamese and declines; a second round fills the seat.
 * JavaScript on (PostgreSQL) and off (PGlite), axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_MATCHING_LOGINS.operator);
const P1 = "00000000-0000-4000-8000-0000001d1501";
const P2 = "00000000-0000-4000-8000-0000001d1502";
const app = (n: number) => `00000000-0000-4000-8000-0000001c150${n}`;
const roundPage = `/en/operator/rounds/${DEMO_MATCHING_ROUND_ID}/matching`;

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

test("the applicant ranks positions in Vietnamese; a duplicate rank is shown next to the field", async ({ browser }) => {
  const page = await newPage(browser, "vi-VN");
  await signIn(page, "vi", DEMO_MATCHING_LOGINS.applicant, "Đăng nhập");
  await page.goto("/vi/matching");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách thứ tự ưu tiên của bạn");
  await expect(page.getByTestId("rank-list-status")).toContainText("Chưa nộp");
  await expectAccessible(page);
  await page.locator(`input[name="rank.${P2}"]`).fill("1");
  await page.locator(`input[name="rank.${P1}"]`).fill("1");
  await submit(page, "Nộp danh sách thứ tự ưu tiên");
  await expect(page.locator(".error-summary")).toContainText("Thứ tự 1 được dùng cho nhiều lựa chọn");
  await expectAccessible(page);
  await page.locator(`input[name="rank.${P1}"]`).fill("2");
  await submit(page, "Nộp danh sách thứ tự ưu tiên");
  await expect(page.getByRole("status")).toHaveText("Danh sách thứ tự ưu tiên đã được nộp.");
  await expect(page.locator(`input[name="rank.${P1}"]`)).toHaveValue("2");
  await page.context().close();
});

test("the host ranks its shortlist in Japanese, seeing no names or contact details", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await signIn(page, "ja", DEMO_MATCHING_LOGINS.host, "ログイン");
  await page.goto("/ja/host/matching");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("マッチング：受入ポジション");
  await expectAccessible(page);
  await page.getByRole("link", { name: "海外営業アシスタント / Overseas sales assistant" }).click();
  await expect(page.getByRole("heading", { name: "このポジションを希望した応募者" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "応募者 JIP-2026-M0001" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Tran");
  await expect(page.locator("main")).not.toContainText("@demo.jip.example");
  await expectAccessible(page);
  await page.locator(`input[name="rank.${app(1)}"]`).fill("1");
  await page.locator(`input[name="rank.${app(3)}"]`).fill("2");
  await page.locator(`input[name="rank.${app(2)}"]`).fill("3");
  await submit(page, "希望順位を提出");
  await expect(page.getByRole("status")).toHaveText("希望順位を提出しました。");
  await page.context().close();
});

test("the operator runs with a cap on Kanto and without, compares, checks the certificate and publishes", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signInOperator(page);
  await page.goto(roundPage);
  await expect(page.getByTestId("next-run")).toHaveText("Matching round 1: 8 applicants, 4 positions with 5 free places.");
  await expectAccessible(page);
  await page.getByLabel("Cap for Kanto (2 places)").fill("1");
  await submit(page, "Run the matching");
  await expect(page).toHaveURL(/\/en\/operator\/matching\/runs\/[0-9a-f-]{36}\?done=ran$/);
  await expect(page.getByTestId("region-kanto")).toContainText("1");
  await expect(page.getByTestId("blocking-pairs")).toHaveText("0");
  await expectAccessible(page);

  await page.goto(roundPage);
  await submit(page, "Run the matching");
  await expect(page.getByTestId("run-matched")).toContainText("5 / 8");
  await expect(page.getByTestId("blocking-pairs")).toHaveText("0");
  await submit(page, "Compare");
  await expect(page.getByTestId("comparison")).toContainText("This run: 5 (none)");
  await expect(page.getByTestId("comparison")).toContainText("Other run: 4 (Kanto 1)");
  await expect(page.getByRole("table", { name: "Applicants placed differently" })).toBeVisible();
  await expectAccessible(page);

  // The certificate's download: the anonymized instance re-solves to the same number of matches.
  const href = await page.getByRole("link", { name: /Download the anonymized instance/ }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.headers()["content-type"]).toContain("application/json");
  const instance = validateInstance(await response.json());
  expect(instance.ok).toBe(true);
  if (instance.ok) expect(solve(instance.instance).assignments).toHaveLength(5);
  expect(JSON.stringify(await response.json())).not.toContain("JIP-2026");

  await submit(page, "Publish this run and send offers");
  await expect(page.getByRole("status")).toHaveText("The run is published and the offers are sent.");
  await expect(page.getByTestId("run-status")).toHaveText("Published");
  await page.context().close();
});

test("the applicant reads why in Vietnamese and declines; a second round fills the seat", async ({ browser }) => {
  const page = await newPage(browser, "vi-VN");
  await signIn(page, "vi", DEMO_MATCHING_LOGINS.applicant, "Đăng nhập");
  await page.goto("/vi/matching/result");
  await expect(page.getByTestId("matching-outcome")).toContainText("Bạn được ghép nối với 海外営業アシスタント / Overseas sales assistant");
  await expect(page.getByTestId("matching-why")).toContainText("Lựa chọn 1, EC運営サポート / E-commerce support: doanh nghiệp tiếp nhận không đưa bạn vào");
  await expectAccessible(page);
  await submit(page, "Từ chối đề nghị");
  await expect(page.getByRole("status")).toHaveText("Câu trả lời của bạn đã được ghi nhận.");
  await expect(page.getByTestId("offer-status")).toHaveText("Đã từ chối");
  await expectAccessible(page);
  await page.context().close();

  const operator = await newPage(browser, "en-US");
  await signInOperator(operator);
  await operator.goto(roundPage);
  await expect(operator.getByTestId("next-run")).toHaveText("Matching round 2: 1 applicants, 1 positions with 1 free places.");
  await submit(operator, "Run the matching");
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Matching run (round 2)");
  await expect(operator.getByTestId("run-matched")).toContainText("1 / 1");
  await expect(operator.getByTestId("blocking-pairs")).toHaveText("0");
  await submit(operator, "Publish this run and send offers");
  await expect(operator.getByTestId("run-status")).toHaveText("Published");
  await expectAccessible(operator);
  await operator.context().close();
});
