import { type Browser, type Page, expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_INTERNSHIP_ROUND_ID } from "#src/db/seed/demo-internship.ts";
import { DEMO_INTERNSHIP_PERIOD_OPERATOR } from "#src/db/seed/demo-internship-period.ts";
import { expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The internship period's second part (issue 16, ADR 0035), on the demo round
 * in that phase: the operator records a rate change (a bad amount is
 * refused), confirms October (over) into ledger entries in exact yen, and
 * cannot confirm it twice. It changes nothing internship.spec.ts reads: the
 * rate takes effect after the demo placements end, and October's amounts stay
 * as they were computed. Then (ADR 0040) October's statement as an Excel
 * workbook, and September — before the demo placements, confirmed with no
 * line — takes an operator's correction (a bad amount is refused and kept as
 * typed). axe on every page; JavaScript on and off.
 */
test.describe.configure({ mode: "serial" });

const signIn = staffSignIn(DEMO_INTERNSHIP_PERIOD_OPERATOR);

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale });
  return context.newPage();
}

test("the operator records a rate change and confirms October into the ledger", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-10`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Allowance ledger");
  await expect(page.getByTestId("month-status")).toContainText("not confirmed yet");
  await expectAccessible(page);

  await page.getByLabel("Item").selectOption("host_subsidy_in_person");
  await page.getByLabel("Effective from").fill("2027-03-01");
  await page.getByLabel("Amount per day (yen)").fill("-1");
  await submit(page, "Record the rate change");
  await expect(page.locator(".error-summary")).toContainText("Amount per day (yen)");
  await expectAccessible(page);
  await page.getByLabel("Amount per day (yen)").fill("2500");
  await submit(page, "Record the rate change");
  await expect(page.getByRole("status")).toHaveText("The rate change was recorded. No confirmed day is affected.");
  await expect(page.getByRole("table", { name: "Rate changes recorded for this round" })).toContainText("¥2,500");

  await submit(page, "Confirm 2026-10");
  await expect(page.getByRole("status")).toHaveText("2026-10 is confirmed: its amounts are now ledger entries.");
  await expect(page.getByTestId("month-status")).toContainText("Confirmed at");
  await expect(page.getByTestId("intern-total")).toHaveText("¥78,000");
  await expect(page.getByTestId("host-total")).toHaveText("¥38,000");
  await expect(page.getByRole("button", { name: "Confirm 2026-10" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/ja/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-10`);
  await expect(page.getByRole("heading", { name: "2026-10の確定" })).toBeVisible();
  await expect(page.getByTestId("month-status")).toContainText("確定しました");
  await expectAccessible(page);
  await page.context().close();
});

test("the operator downloads the statement as Excel and corrects a month confirmed with no line", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-10`);
  const link = page.getByRole("link", { name: "Download the statement (Excel)" });
  await expect(link).toHaveAttribute("href", /allowances\.xlsx\?month=2026-10$/);
  const xlsx = await page.request.get((await link.getAttribute("href"))!);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Interns", "Host companies"]);
  const interns = wb.getWorksheet("Interns")!;
  expect(interns.getRow(2).getCell(3).value).toBe("Somchai Srisuk");
  expect(interns.getRow(interns.rowCount).getCell(7).value).toBe(78_000);

  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-09`);
  await submit(page, "Confirm 2026-09");
  await expect(page.getByRole("status")).toHaveText("2026-09 is confirmed: its amounts are now ledger entries.");
  await expect(page.getByRole("heading", { name: "Add a correction" })).toBeVisible();
  await page.getByLabel(/^Line/).selectOption({ label: "Somchai Srisuk — Minato Trading Co., Ltd.: Daily allowance (Intern)" });
  await page.getByLabel("Amount (yen)").fill("5000 yen");
  await submit(page, "Add the correction");
  await expect(page.locator(".error-summary")).toContainText("Enter a whole number of yen");
  await expect(page.locator(".error-summary")).toContainText("Reason for this correction");
  await expect(page.getByLabel("Amount (yen)")).toHaveValue("5000 yen");
  await expectAccessible(page);
  await page.getByLabel("Amount (yen)").fill("-5,000");
  await page.getByLabel("Reason for this correction").fill("Advance repaid by the intern");
  await submit(page, "Add the correction");
  await expect(page.getByRole("status")).toHaveText("The correction was added to 2026-09.");
  await expect(page.getByTestId("intern-total")).toHaveText("¥-5,000");
  await expect(page.getByText("Advance repaid by the intern")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/ja/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/allowances?month=2026-09`);
  await expect(page.getByRole("heading", { name: "訂正を追加" })).toBeVisible();
  await expect(page.getByRole("link", { name: "支給明細をダウンロード（Excel）" })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("the operator adds cohort C, moves the online intern there and records her early termination", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/placements`);
  await page.getByRole("link", { name: "Cohorts, moves and early terminations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cohorts");
  await expect(page.getByTestId("cohort")).toHaveCount(2);
  await expectAccessible(page);

  await page.locator("input[name=code]").fill("C");
  await page.getByLabel("Arrival date").fill("2026-12-01");
  await page.getByLabel("Departure date").fill("2026-11-01");
  await submit(page, "Save the cohort");
  await expect(page.locator(".error-summary")).toContainText("The departure date is before the arrival date.");
  await expectAccessible(page);
  await page.getByLabel("Departure date").fill("2027-02-26");
  await submit(page, "Save the cohort");
  await expect(page.getByRole("status")).toHaveText("The cohort was saved.");
  await expect(page.getByRole("row", { name: /^C / })).toContainText("0");

  const move = page.locator("form").filter({ has: page.getByRole("button", { name: "Move the placement" }) });
  await move.getByLabel("Placement").selectOption({ label: "Nguyen Thi Lan — Minato Trading Co., Ltd. (B)" });
  await move.getByLabel("Move to cohort").selectOption("C");
  await submit(page, "Move the placement");
  await expect(page.getByRole("status")).toHaveText("The placement was moved.");
  await expect(page.getByRole("row", { name: /^C / })).toContainText("1");

  const end = page.locator("form").filter({ has: page.getByRole("button", { name: "Record the early termination" }) });
  await end.getByLabel("Placement").selectOption({ label: "Nguyen Thi Lan — Minato Trading Co., Ltd. (C)" });
  await end.getByLabel("Last day").fill("2027-01-15");
  await submit(page, "Record the early termination");
  await expect(page.locator(".error-summary")).toContainText("Reason");
  await end.getByLabel("Last day").fill("2027-01-15");
  await end.getByLabel("Reason").fill("Returned home for family reasons.");
  await submit(page, "Record the early termination");
  await expect(page.getByRole("status")).toHaveText("The early termination was recorded.");
  await expect(page.getByTestId("terminated")).toHaveText("Nguyen Thi Lan: last day January 15, 2027");
  await expectAccessible(page);

  await page.goto(`/ja/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/cohorts`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("期");
  await expectAccessible(page);
  await page.context().close();
});

test("the operator sees late daily reports the hourly job has already reminded; the button sends nothing twice", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/placements`);
  await page.getByRole("link", { name: "Late daily reports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Late daily reports");
  const row = page.getByTestId("late-report").filter({ hasText: "Somchai Srisuk" });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  // the reminder job ran when the server started (ADR 0040): every late day is already reminded
  const lateDays = (await row.locator("td").nth(2).textContent())!.split(":")[0]!;
  await expect(row.locator("td").nth(3)).toHaveText(lateDays);
  await submit(page, "Send reminders by e-mail");
  await expect(page.getByRole("status")).toHaveText("No new late day: no e-mail was sent.");
  await expectAccessible(page);
  await page.goto(`/ja/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/late-reports`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("日報の未提出");
  await expectAccessible(page);
  await page.context().close();
});

test("the operator records the mid-term interview with a follow-up", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/placements`);
  await page.getByRole("link", { name: "Check-ins" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Check-ins");
  await expectAccessible(page);
  await page.getByLabel("Intern").selectOption({ label: "Somchai Srisuk" });
  await page.getByLabel("Kind").selectOption("mid_term_interview");
  await submit(page, "Record the check-in");
  await expect(page.locator(".error-summary")).toContainText("Date");
  await expectAccessible(page);
  await page.getByLabel("Date").fill("2026-11-13");
  await page.getByLabel("Notes").fill("Settled in well.");
  await page.getByLabel("Follow-up").fill("Supervisor adds two client visits.");
  await submit(page, "Record the check-in");
  await expect(page.getByRole("status")).toHaveText("The check-in was recorded.");
  await expect(page.getByTestId("check-in").filter({ hasText: "Somchai Srisuk" })).toContainText("Mid-term interview");
  await expectAccessible(page);
  await page.goto(`/ja/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/check-ins`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("面談記録");
  await expectAccessible(page);
  await page.context().close();
});
