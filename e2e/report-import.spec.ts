import { expect, test } from "@playwright/test";
import { DEMO_REPORT_LOGINS } from "#src/db/seed/demo-report.ts";
import { expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The historical import (issue 17 item 3): the operator uploads a CSV of a
 * past year's applicants with mistakes (the dry run lists each by line,
 * column and reason, nothing is written), then a correct one (counts, then
 * the commit), sees the year's report computed from it, and rolls the import
 * back. JavaScript on (PostgreSQL) and off (PGlite), axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signIn = staffSignIn(DEMO_REPORT_LOGINS.importer);
const YEAR = "2019";
const HEADER = "id,nationality,gender,age,field,final_status";

test("the operator checks a past year's file, imports it, opens that year's report and rolls the import back", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page);
  await page.goto("/en/operator/reports");
  await page.getByRole("link", { name: "Import a past year's records" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a past year's records");
  await expectAccessible(page);

  // nothing chosen: told what is missing
  await submit(page, "Check the file (dry run)");
  await expect(page.locator(".error-summary")).toContainText("Choose the kind of records.");
  await expect(page.locator(".error-summary")).toContainText("Choose a CSV file.");
  await expectAccessible(page);

  // a file with mistakes: every one by line and column, nothing written
  await page.getByLabel("Kind of records (required)").selectOption("applicants");
  await page.getByLabel("Fiscal year or round id (required)").fill(YEAR);
  await page.getByLabel("CSV file (required)").setInputFiles({
    name: "applicants-bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\nE1,VN,female,24,engineering,rejected\nE2,QQ,male,x,,rejected\nE1,ID,,,,\n`),
  });
  await submit(page, "Check the file (dry run)");
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { name: "Dry run: applicants-bad.csv" })).toBeVisible();
  await expect(preview).toContainText("FY2019, Applicants: 3 rows, 1 without problems, 4 problems.");
  const problems = page.getByTestId("import-problems");
  await expect(problems.getByRole("row", { name: /3 nationality "QQ" is not a known ISO 3166-1 country code\./ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /3 age "x" is not a whole number/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /4 id The id "E1" is used twice in this file\./ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /4 final_status This cell is required\./ })).toBeVisible();
  await expect(preview.getByRole("button", { name: /Import/ })).toHaveCount(0);
  await expectAccessible(page);

  // a correct file: counts, then the commit
  await page.getByLabel("Kind of records (required)").selectOption("applicants");
  await page.getByLabel("Fiscal year or round id (required)").fill(YEAR);
  await page.getByLabel("CSV file (required)").setInputFiles({
    name: "applicants-2019.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\nE1,VN,female,24,engineering,rejected\nE2,TH,male,31,,rejected\nE3,ID,,,,withdrawn\n`),
  });
  await submit(page, "Check the file (dry run)");
  await expect(preview).toContainText("FY2019, Applicants: 3 rows, 3 without problems, no problems.");
  await expect(preview).toContainText("Every row can be imported. Nothing has been written yet.");
  await submit(page, "Import 3 rows");
  await expect(page.getByTestId("import-done")).toContainText("Imported 3 rows into FY2019");
  const batches = page.getByTestId("import-batches");
  const row = batches.getByRole("row").filter({ hasText: "applicants-2019.csv" });
  await expect(row).toContainText("Applicants");
  await expect(row).toContainText("山田 蓮 (Operator)");
  await expectAccessible(page);

  // the year's report is computed from the imported records
  await page.getByRole("link", { name: "Open the FY2019 report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("FY2019 performance report");
  await expect(page.locator("#figure-applicants-section")).toContainText("3");
  await expectAccessible(page);

  // rolled back: the rows are gone, the import stays in the list
  await page.goto("/en/operator/reports/import");
  await submit(page, "Roll back the import of applicants-2019.csv (FY2019)");
  await expect(page.getByTestId("import-done")).toHaveText("Rolled back: 3 rows removed.");
  await expect(batches.getByRole("row").filter({ hasText: "applicants-2019.csv" })).toContainText("Rolled back");
  await expectAccessible(page);
});
