import { type Browser, type Page, expect, test } from "@playwright/test";
import { staffSignIn } from "./support/staff-sign-in.ts";
import { expectAccessible, submit } from "./support/fixtures.ts";

/**
 * Screening operations (issue 13, second part), JavaScript on and off, axe on
 * every page, in the demo round of its own (src/db/seed/demo-screening-ops.ts:
 * four applications, two reads each, one reviewer not started): the round
 * cannot move to selection while reads are missing; the operator filters the
 * screened applications and downloads them as CSV, moves an open read to
 * another reviewer and excludes a reviewer by hand (bad input first), keeps
 * the alias table, and moves the round to selection with an override reason.
 */
const ROUND = "00000000-0000-4000-8000-000000013028";
const OPERATOR = "operator-screening-ops@demo.jip.example";

async function newPage(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: "en-US", timezoneId: "Asia/Tokyo" });
  return context.newPage();
}

test("screening operations: the gate on reads, the list and its CSV, moving a read, an exclusion, aliases, the override", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const js = test.info().project.use.javaScriptEnabled !== false;
  const page = await newPage(browser, baseURL, js);
  await staffSignIn(OPERATOR)(page);

  // the round page: selection is blocked by the missing reads
  await page.goto(`/en/operator/rounds/${ROUND}`);
  await expect(page.getByRole("heading", { level: 2, name: "Next phase: Selection" })).toBeVisible();
  await expect(page.getByText(/fewer than 2 submitted reads/)).toBeVisible();
  await submit(page, "Move to “Selection”");
  await expect(page.getByRole("alert").first()).toContainText("fewer than 2 submitted reads");
  await expect(page.getByTestId("round-phase")).toHaveText("Screening");
  await expectAccessible(page);

  // the list of screened applications: filters, CSV
  await page.goto(`/en/operator/rounds/${ROUND}/screening`);
  await page.getByRole("link", { name: "Applications and reads" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Screened applications: FY2027 winter round (screening operations demo)");
  await expect(page.getByTestId("screening-application-row")).toHaveCount(4);
  await expectAccessible(page);
  await page.getByLabel("Show").selectOption("unscored");
  await submit(page, "Apply filters");
  await expect(page).toHaveURL(/state=unscored/);
  const unscored = await page.getByTestId("screening-application-row").count();
  expect(unscored).toBeGreaterThan(0);
  expect(unscored).toBeLessThan(4);
  const href = await page.getByTestId("screening-csv").getAttribute("href");
  expect(href).toContain("state=unscored");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("receipt_number,status,reads_needed");
  expect(lines).toHaveLength(unscored + 1);

  // one application: move its open read to the free reviewer (bad input first)
  await page.getByTestId("screening-application-row").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Screening of application JIP27-");
  await expectAccessible(page);
  await expect(page.getByTestId("screening-read")).toHaveCount(2);
  await submit(page, "Move the read");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("New reviewer").selectOption({ index: 1 });
  await page.getByLabel(/^Reason(?! for)/).fill("The reviewer is away until the deadline.");
  const moving = page.getByRole("group", { name: "Read to move" }).getByRole("radio").first();
  const movedFrom = ((await page.getByRole("group", { name: "Read to move" }).locator("label").first().textContent()) ?? "").trim();
  expect(movedFrom).not.toBe("");
  await moving.check();
  await submit(page, "Move the read");
  await expect(page.getByTestId("reassigned-notice")).toHaveText("The read was moved to the new reviewer.");
  await expect(page.getByTestId("screening-read")).toHaveCount(2);
  await expect(page.getByTestId("screening-read").filter({ hasText: movedFrom })).toHaveCount(0);
  await expectAccessible(page);

  // a hand-made exclusion of the reviewer who no longer reads it: recorded, so no later run gives it back
  await submit(page, "Exclude the reviewer");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("Reviewer to exclude").selectOption({ label: movedFrom });
  await page.getByLabel("Reason for the exclusion").fill("Supervised this applicant's internship at home.");
  await submit(page, "Exclude the reviewer");
  await expect(page.getByTestId("excluded-notice")).toHaveText("The exclusion was recorded.");
  await expect(page.getByTestId("exclusions")).toContainText(`${movedFrom}: excluded by an operator — Supervised this applicant's internship at home.`);
  await expectAccessible(page);

  // the rubric: reviewers have started scoring, so it is shown, locked
  await page.goto(`/en/operator/rounds/${ROUND}/screening`);
  await page.getByRole("link", { name: "Rubric" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rubric: FY2027 winter round (screening operations demo)");
  await expect(page.getByTestId("rubric-locked")).toHaveText("The rubric is locked: reviewers have started scoring with it.");
  await expect(page.getByRole("button", { name: "Save the rubric" })).toHaveCount(0);
  await expectAccessible(page);

  // the alias table
  await page.goto(`/en/operator/rounds/${ROUND}/screening`);
  await page.getByRole("link", { name: "Affiliation aliases" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Affiliation aliases");
  await expectAccessible(page);
  await page.getByLabel("Organization name").fill("Gadjah Mada University");
  await submit(page, "Save");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("Organization name").fill("Gadjah Mada University");
  await page.getByLabel("Other names").fill("UGM\nUniversitas Gadjah Mada");
  await submit(page, "Save");
  await expect(page.getByRole("status")).toHaveText("The aliases were saved.");
  await expect(page.getByTestId("alias-row")).toContainText("UGM; Universitas Gadjah Mada");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delete the aliases of Gadjah Mada University" }).click();
  await expect(page.getByRole("status")).toHaveText("The aliases were deleted.");
  await expect(page.getByTestId("alias-row")).toHaveCount(0);

  // reminders to reviewers with open reads: queued once per deadline
  await page.goto(`/en/operator/rounds/${ROUND}/screening`);
  await submit(page, "Remind reviewers with open reads");
  await expect(page.getByTestId("reminded-notice")).toContainText(/reminders? (was|were) queued/);
  await submit(page, "Remind reviewers with open reads");
  await expect(page.getByTestId("reminded-notice")).toContainText("No reminder was queued;");
  await expectAccessible(page);

  // the override: moving on with a reason
  await page.goto(`/en/operator/rounds/${ROUND}`);
  await page.getByLabel(/Reason for moving on without every read/).fill("The committee decided to go on with the reads submitted.");
  await submit(page, "Move to “Selection”");
  await expect(page.getByTestId("round-phase")).toHaveText("Selection");
  await expectAccessible(page);
  await page.context().close();
});
