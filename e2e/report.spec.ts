import { expect, test } from "@playwright/test";
import { DEMO_REPORT_LOGINS, DEMO_REPORT_YEAR } from "#src/db/seed/demo-report.ts";
import { expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The yearly report (issue 17): the operator opens the FY2025 report (demo
 * data: its records, version 1 published, FY2016–2018 loaded), follows one
 * figure to the records it counts, downloads CSV, XLSX and PDF, is told that
 * publishing again would change nothing; a visitor reads the open statistics
 * in Vietnamese and the JSON and CSV endpoints. axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_REPORT_LOGINS.operator);
const YEAR = String(DEMO_REPORT_YEAR);

test("the operator reads a year's report, follows a figure to its records and downloads it", async ({ page }) => {
  await signInOperator(page);
  await page.goto("/en/operator/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Performance reports");
  for (const y of ["2016", "2017", "2018", YEAR]) await expect(page.getByRole("link", { name: `Open the FY${y} report` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: `Open the FY${YEAR} report` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`FY${YEAR} performance report`);
  await expect(page.getByText("The records give the same figures as the latest published version.")).toBeVisible();
  await expect(page.getByText(`Fiscal years compared: 2016, 2017, 2018, ${YEAR}`)).toBeVisible();
  const nationality = page.locator("#figure-internsByNationality-section");
  await expect(nationality.locator("svg[role=img]")).toHaveCount(1);
  await expect(nationality.getByRole("table").first()).toContainText("Vietnam");
  await expectAccessible(page);

  // the number of Vietnamese interns leads to the placements behind it
  const trace = nationality.getByRole("table", { name: /records behind each number/ });
  const vietnam = trace.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Vietnam" }) });
  const link = vietnam.getByRole("link", { name: /^\d+ records$/ }).first();
  const count = Number((await link.textContent())!.split(" ")[0]);
  expect(count).toBeGreaterThanOrEqual(9);
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Records behind a number");
  await expect(page.getByText(`Records counted: ${count} records`)).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(count);
  await expect(page.locator("tbody tr").first()).toContainText("VN");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`FY${YEAR} performance report`);

  // downloads (the session's cookies go with page.request)
  const base = `/en/operator/reports/${YEAR}/download`;
  const csv = await page.request.get(`${base}/csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = await csv.text();
  expect(csvText).toContain("internsByNationality");
  expect(csvText).toContain("2017");
  expect(csvText).not.toContain("demo-fy2025-");
  const xlsx = await page.request.get(`${base}/xlsx`);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const pdf = await page.request.get(`${base}/pdf`);
  expect(pdf.headers()["content-disposition"]).toContain(`jip-report-fy${YEAR}.pdf`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // nothing changed since version 1: publishing again is refused, with the reason
  await submit(page, "Publish this report");
  await expect(page.getByText("The figures are the same as published version 1: nothing to publish.")).toBeVisible();
  await expectAccessible(page);
});

test("a visitor reads the open statistics and their data files", async ({ page, request }) => {
  await page.goto("/vi/open-statistics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thống kê mở");
  await expect(page.getByRole("heading", { name: "Thực tập sinh theo quốc tịch" })).toBeVisible();
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  await expectAccessible(page);

  const json = await request.get("/en/open-statistics/data.json");
  expect(json.headers()["cache-control"]).toContain("public");
  const body = (await json.json()) as {
    schema: string;
    years: { fiscalYear: number; figures: Record<string, { rows: { key: string; suppressed: string | null }[] }> }[];
  };
  expect(body.schema).toBe("jip-open-statistics/1");
  expect(body.years.map((y) => y.fiscalYear)).toEqual([2016, 2017, 2018, DEMO_REPORT_YEAR]);
  expect(JSON.stringify(body)).not.toContain("demo-fy2025-");
  const africa2017 = body.years[1]!.figures.internsByNationality!.rows.find((r) => r.key === "published:otherRegions");
  expect(africa2017?.suppressed).toBe("lt5");
  const csv = await request.get("/ja/open-statistics/data.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("hostsByRegion");
});
