import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_MATCHING_LOGINS, DEMO_MATCHING_ROUND_ID } from "#src/db/seed/demo-matching.ts";
import { DEMO_MATCHING_WAITING } from "#src/db/seed/demo-matching-offers.ts";
import { solve, validateInstance } from "#src/domain/matching/index.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The matching journey (issue 15) on the demo's matching round: the Vietnamese applicant ranks
 * positions in Vietnamese; Tokyo Trading ranks its sales position's shortlist in Japanese; the
 * operator runs with a cap on Kanto, runs the uncapped variant, compares them, reads the
 * certificate (0 blocking pairs; the downloaded instance re-solves to the same count), records
 * the committee's approval and publishes; the applicant reads why in Vietnamese and declines; the
 * operator moves the first of the waiting list into matching; she ranks in Chinese, the host puts
 * her first, and the second round fills the seat with her (ADR 0034).
 * JavaScript on (PostgreSQL) and off (PGlite), axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_MATCHING_LOGINS.operator);
const P1 = "00000000-0000-4000-8000-0000001d1501";
const P2 = "00000000-0000-4000-8000-0000001d1502";
const app = (n: number) => `00000000-0000-4000-8000-0000001c150${n}`;
const WAITING_APP = "00000000-0000-4000-8000-0000001c1591";
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
  await page.getByLabel("Floor for Kanto").fill("2");
  await submit(page, "Run the matching");
  await expect(page).toHaveURL(/\/en\/operator\/matching\/runs\/[0-9a-f-]{36}\?done=ran$/);
  await expect(page.getByTestId("region-kanto")).toContainText("1");
  await expect(page.getByTestId("below-floor-kanto")).toHaveText("1");
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

  // The committee approves the run before it can be published.
  await expect(page.getByTestId("committee-approval")).toHaveText("Not yet approved by the committee.");
  await expect(page.getByRole("button", { name: "Publish this run and send offers" })).toHaveCount(0);
  await submit(page, "Record the committee's approval");
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Date the committee approved this run/).fill("2027-08-01");
  await page.getByLabel(/^Reference of the committee's decision/).fill("Minutes 7");
  await submit(page, "Record the committee's approval");
  await expect(page.getByRole("status")).toHaveText("The committee's approval is recorded; the run can now be published.");
  await expect(page.getByTestId("committee-approval")).toContainText("Approved by the committee on 2027-08-01 (Minutes 7)");
  await expect(page.getByTestId("run-status")).toHaveText("Reviewed");
  await expectAccessible(page);
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

  // The operator moves the first of the waiting list into matching for the freed place.
  const operator = await newPage(browser, "en-US");
  await signInOperator(operator);
  await operator.goto(roundPage);
  await expect(operator.getByTestId("free-places")).toHaveText("Places no offer holds: 1");
  await expect(operator.getByTestId("waiting-row")).toHaveCount(2);
  await expectAccessible(operator);
  await operator.getByLabel(/^How many to move into matching/).fill("2");
  await submit(operator, "Move from the waiting list");
  await expect(operator.locator(".refusal")).toContainText("Only 1 places are not held by an offer");
  await operator.getByLabel(/^How many to move into matching/).fill("1");
  await submit(operator, "Move from the waiting list");
  await expect(operator.getByRole("status")).toHaveText("1 applicant was moved from the waiting list into matching and e-mailed.");
  await expect(operator.getByTestId("waiting-row")).toHaveCount(1);
  await expectAccessible(operator);

  // She ranks the freed position in Chinese; the host puts her first.
  const waiting = await newPage(browser, "zh-CN");
  await signIn(waiting, "zh", DEMO_MATCHING_WAITING[0].email, "登录");
  await waiting.goto("/zh/matching");
  await waiting.locator(`input[name="rank.${P1}"]`).fill("1");
  await submit(waiting, "提交志愿排序");
  await expect(waiting.getByRole("status")).toHaveText("您的志愿排序已提交。");
  await waiting.context().close();
  const host = await newPage(browser, "ja-JP");
  await signIn(host, "ja", DEMO_MATCHING_LOGINS.host, "ログイン");
  await host.goto(`/ja/host/matching/${P1}`);
  await host.locator(`input[name="rank.${WAITING_APP}"]`).fill("1");
  await host.locator(`input[name="rank.${app(1)}"]`).fill("2");
  await host.locator(`input[name="rank.${app(3)}"]`).fill("3");
  await host.locator(`input[name="rank.${app(2)}"]`).fill("4");
  await submit(host, "希望順位を提出");
  await expect(host.getByRole("status")).toHaveText("希望順位を提出しました。");
  await host.context().close();

  await operator.goto(roundPage);
  await expect(operator.getByTestId("next-run")).toHaveText("Matching round 2: 2 applicants, 1 positions with 1 free places.");
  await submit(operator, "Run the matching");
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Matching run (round 2)");
  await expect(operator.getByTestId("run-matched")).toContainText("1 / 2");
  await expect(operator.getByTestId("blocking-pairs")).toHaveText("0");
  await expect(operator.getByRole("row", { name: /JIP-2026-W0001/ })).toContainText("Overseas sales assistant");
  await operator.getByLabel(/^Date the committee approved this run/).fill("2027-08-20");
  await operator.getByLabel(/^Reference of the committee's decision/).fill("Minutes 8");
  await submit(operator, "Record the committee's approval");
  await submit(operator, "Publish this run and send offers");
  await expect(operator.getByTestId("run-status")).toHaveText("Published");
  await expectAccessible(operator);
  await operator.context().close();
});

test("the operator reads a position's suggested shortlist ranked on fit, in English and Japanese", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signInOperator(page);
  await page.goto(roundPage);
  await page.getByRole("link", { name: "EC運営サポート / E-commerce support (Tokyo Trading Co., Ltd.)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suggested applicants: EC運営サポート / E-commerce support");
  await expect(page.getByRole("table", { name: "Selected applicants, best fit first" })).toBeVisible();
  expect(await page.getByTestId("suggested-candidate").count()).toBeGreaterThan(0);
  await expect(page.locator("main")).not.toContainText("@demo.jip.example");
  await expectAccessible(page);
  await page.goto(page.url().replace("/en/", "/ja/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("候補者の提案：EC運営サポート / E-commerce support");
  await expectAccessible(page);
  await page.context().close();
});
