import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_INTERNSHIP_LOGINS, DEMO_INTERNSHIP_ROUND_ID } from "#src/db/seed/demo-internship.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The internship period (issue 16), on the demo round in that phase: a Thai
 * intern on a phone writes a daily report in Thai (a day outside the
 * placement is refused); the supervisor records today's attendance, comments
 * on and confirms the report, and answers the host's survey in Japanese; the
 * intern answers the evaluation survey in Thai; the operator sees October's
 * ledger in exact yen (26 paid days × ¥3,000 to the intern, 19 × ¥2,000 to
 * the host), downloads the CSV, is told what is missing to complete the
 * placement, and records and resolves an incident. axe on every page;
 * JavaScript on and off.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_INTERNSHIP_LOGINS.operator);

async function newPage(browser: Browser, locale: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
    locale,
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  return context.newPage();
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
}

test("a Thai intern on a phone writes a daily report in Thai; a day outside the placement is refused", async ({ browser }) => {
  const page = await newPage(browser, "th-TH", true);
  await signIn(page, DEMO_INTERNSHIP_LOGINS.thaiIntern);
  await page.goto("/th/internship");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("การฝึกงานของฉัน");
  await expect(page.getByTestId("placement-status")).toHaveText("กำลังดำเนินการ");
  await expectAccessible(page);

  await submit(page, "บันทึกรายงานประจำวัน");
  await expect(page.locator(".error-summary")).toContainText("สิ่งที่ฉันทำ");
  await expectAccessible(page);

  await page.getByLabel("วันที่", { exact: false }).first().fill("2026-09-30");
  await page.getByLabel("สิ่งที่ฉันทำ").fill("ประชุมกับลูกค้า");
  await submit(page, "บันทึกรายงานประจำวัน");
  await expect(page.getByText("ไม่อยู่ในช่วงฝึกงานของคุณ", { exact: false })).toBeVisible();
  await expect(page.getByLabel("สิ่งที่ฉันทำ")).toHaveValue("ประชุมกับลูกค้า");

  await page.goto("/th/internship");
  await page.getByLabel("สิ่งที่ฉันทำ").fill("นำเสนอผลการวิจัยตลาดไทยต่อทีมขาย");
  await page.getByLabel("สิ่งที่ฉันได้เรียนรู้").fill("วิธีการประชุมแบบญี่ปุ่น");
  await submit(page, "บันทึกรายงานประจำวัน");
  await expect(page.getByRole("status")).toHaveText("บันทึกรายงานประจำวันแล้ว");
  await expect(page.getByText("นำเสนอผลการวิจัยตลาดไทยต่อทีมขาย")).toBeVisible();
  await expect(page.getByText("初日お疲れさまでした。", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("the supervisor records today's attendance, confirms the report with a comment, and answers the host's survey in Japanese", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await signIn(page, DEMO_INTERNSHIP_LOGINS.supervisor);
  await page.goto("/ja/host/internship");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("インターン生");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Somchai Srisuk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("インターン生: Somchai Srisuk");
  await expectAccessible(page);

  await page.getByLabel("出欠").selectOption("present");
  await submit(page, "出勤を記録する");
  await expect(page.getByRole("status")).toHaveText("出勤を記録しました。");

  const today = page.locator("article").filter({ hasText: "นำเสนอผลการวิจัยตลาดไทยต่อทีมขาย" });
  await today.getByLabel("コメント").fill("よくまとまっていました。");
  await Promise.all([page.waitForLoadState("load"), today.getByRole("button", { name: /のコメントを保存する$/ }).click()]);
  await expect(page.getByRole("status")).toHaveText("コメントを保存しました。");
  await expect(page.locator("article").filter({ hasText: "นำเสนอผลการวิจัยตลาดไทยต่อทีมขาย" })).toContainText("確認済み — よくまとまっていました。");

  await submit(page, "回答を送信する");
  await expect(page.locator(".error-summary")).toContainText("インターン生の日本語");
  await page.getByRole("group", { name: "インターン生は受入ポジションに合っていましたか。" }).getByLabel("はい").check();
  await page.getByRole("group", { name: "インターンシップ全体に満足していますか。" }).getByLabel("満足", { exact: true }).check();
  await page.getByRole("group", { name: "インターン生の日本語" }).getByLabel("日常会話レベル").check();
  await page.getByRole("group", { name: "インターン生の英語" }).getByLabel("ビジネスレベル").check();
  await submit(page, "回答を送信する");
  await expect(page.getByRole("status")).toHaveText("ご回答ありがとうございました。回答を保存しました。");
  await expect(page.getByRole("group", { name: "インターン生の日本語" }).getByLabel("日常会話レベル")).toBeChecked();
  await expectAccessible(page);
  await page.context().close();
});

test("the intern answers the evaluation survey in Thai", async ({ browser }) => {
  const page = await newPage(browser, "th-TH", true);
  await signIn(page, DEMO_INTERNSHIP_LOGINS.thaiIntern);
  await page.goto("/th/internship");
  await expect(page.getByText("ผู้ดูแลยืนยันแล้ว").first()).toBeVisible();
  await page.getByRole("link", { name: "รายงานฉบับสุดท้ายและแบบสำรวจประเมินผล" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("รายงานฉบับสุดท้ายและแบบสำรวจประเมินผล");
  await expectAccessible(page);
  await page.getByRole("group", { name: "ที่ฝึกงานตรงกับสิ่งที่คุณหวังไว้หรือไม่" }).getByLabel("ใช่", { exact: true }).check();
  await page.getByRole("group", { name: "โดยรวมแล้ว คุณพอใจกับการฝึกงานหรือไม่" }).getByLabel("พอใจ", { exact: true }).check();
  await submit(page, "ส่งคำตอบ");
  await expect(page.getByRole("status")).toHaveText("ขอบคุณ บันทึกคำตอบของคุณแล้ว");
  await expect(page.getByRole("group", { name: "ที่ฝึกงานตรงกับสิ่งที่คุณหวังไว้หรือไม่" }).getByLabel("ใช่", { exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.context().close();
});

test("the operator sees October's ledger in exact yen, downloads it, is told what completing a placement still needs, and resolves an incident", async ({
  browser,
}) => {
  const page = await newPage(browser, "en-US");
  await signInOperator(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-10`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Allowance ledger");
  await expect(page.getByTestId("intern-total")).toHaveText("¥78,000");
  await expect(page.getByTestId("host-total")).toHaveText("¥38,000");
  await expect(page.getByText("26 days in person × ¥3,000 = ¥78,000", { exact: false })).toBeVisible();
  await expect(page.getByText("1 day in person absent: not paid", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances.csv?month=2026-10`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(
    '2026-10,A,Somchai Srisuk,"Minato Trading Co., Ltd.",in_person,intern,intern_allowance,78000,"26 days in person × ¥3,000 = ¥78,000; rate from 2026-04-01',
  );
  expect(text).toContain('2026-10,A,Somchai Srisuk,"Minato Trading Co., Ltd.",in_person,host,host_subsidy,38000,');

  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/placements`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Placements");
  await expect(page.getByRole("row").filter({ hasText: "Somchai Srisuk" })).toContainText("2/2");
  await expectAccessible(page);
  await submit(page, "Complete the placement of Somchai Srisuk");
  await expect(page.getByText("The final report of the intern is missing.")).toBeVisible();
  await expect(page.getByText("The final report of the host company is missing.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Incidents");
  await expectAccessible(page);
  await submit(page, "Record the incident");
  await expect(page.locator(".error-summary")).toContainText("Category");
  await page.locator("select[name=placementId]").selectOption({ label: "Somchai Srisuk" });
  await page.getByLabel("Category").selectOption("health");
  await page.getByLabel("Severity").selectOption("high");
  await page.getByLabel("What happened").fill("Fever; visited a clinic with the supervisor.");
  await page.getByLabel("Confidential notes (program office only)").fill("Influenza; five days of rest.");
  await submit(page, "Record the incident");
  await expect(page.getByRole("status")).toHaveText("The incident was recorded.");
  const incident = page.getByTestId("incident").filter({ hasText: "Fever; visited a clinic" });
  await expect(incident.getByRole("heading", { level: 2 })).toHaveText("Somchai Srisuk — Health (High) — Open");
  await incident.getByLabel("What was done").fill("Rest at home; attendance recorded as leave.");
  await Promise.all([page.waitForLoadState("load"), incident.getByRole("button", { name: "Resolve" }).click()]);
  await expect(page.getByRole("status")).toHaveText("The incident was resolved.");
  await expect(page.getByTestId("incident").getByRole("heading", { level: 2 })).toHaveText("Somchai Srisuk — Health (High) — Resolved");
  await expectAccessible(page);
  await page.context().close();
});
