import { expect, test } from "@playwright/test";
import { expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * DAC list versions (issue 19 item 2): the operator sees every year's list,
 * uploads a bad CSV (told what is wrong, line by line), then a correction of
 * the 2014-2017 list: the dry run shows the change, the commit saves it.
 * Runs with JavaScript on (PostgreSQL) and off (PGlite), axe on every page.
 */
const signIn = staffSignIn("operator-dac@demo.jip.example");

test("the operator corrects a DAC list version from a CSV after a dry run", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.goto("/en/operator/dac-lists");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OECD DAC list versions");
  const table = page.getByTestId("dac-versions");
  for (const v of ["2024-2025", "2022-2023", "2021", "2018-2020", "2014-2017"])
    await expect(table.getByRole("rowheader", { name: v, exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Version (required)").fill("2014-2017");
  await page
    .getByLabel("CSV file (required)")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("country,group\nCL,UMIC\nCL,HIC\n") });
  await submit(page, "Show what would change");
  await expect(page.locator(".error-summary")).toContainText("Line 3: CL is already on line 2.");
  await expect(page.locator(".error-summary")).toContainText("Line 3: “HIC” is not a group (LDC, OLIC, LMIC or UMIC).");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  const csv = await (await page.request.get("/en/operator/dac-lists/2014-2017/csv")).text();
  expect(csv).toContain("CL,UMIC,true");
  await page.getByLabel("Version (required)").fill("2014-2017");
  await page
    .getByLabel("CSV file (required)")
    .setInputFiles({ name: "2014-2017.csv", mimeType: "text/csv", buffer: Buffer.from(csv.replace("CL,UMIC,true", "CL,UMIC,false")) });
  await submit(page, "Show what would change");
  const preview = page.getByTestId("dac-preview");
  await expect(preview.getByRole("heading", { name: "Dry run: correcting version 2014-2017" })).toBeVisible();
  await expect(preview).toContainText("0 added, 0 removed, 1 changed, 145 unchanged");
  await expect(preview).toContainText("Chile (CL): UMIC (to check) → UMIC");
  await expectAccessible(page);

  await submit(page, "Save the corrected version 2014-2017");
  await expect(page).toHaveURL(/\/en\/operator\/dac-lists\?done=2014-2017$/);
  await expect(page.getByTestId("dac-done")).toHaveText("The DAC list 2014-2017 was saved. The change is in the audit log.");
  await expect(table.getByRole("row", { name: /2014-2017/ })).toContainText("145");
  await expectAccessible(page);
});
