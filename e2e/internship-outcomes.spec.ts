import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_OUTCOMES_LOGINS, DEMO_OUTCOMES_PLACEMENTS, DEMO_OUTCOMES_ROUND_ID } from "#src/db/seed/demo-internship-outcomes.ts";
import { DEMO_PASSWORD, expectAccessible, latestMailTo, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * Outcomes, incidents and check-ins (issue 16, ADR 0039) on the demo's own
 * round (demo-internship-outcomes.ts): the outcome job e-mails the host on
 * the day six months after its intern's placement ended, and the host
 * answers from the e-mail's link; the host reports an incident, the operator
 * adds a follow-up action, marks it done and resolves the incident, and the
 * host sees the resolution but never the operator's confidential notes; the
 * intern sees the mid-term interview scheduled ahead and reports a problem
 * in Indonesian. axe on every page; JavaScript on and off.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_OUTCOMES_LOGINS.operator);

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale });
  return context.newPage();
}

/** Submits the form of one part of the page (several have a button of the same name). */
async function submitIn(page: Page, scope: ReturnType<Page["getByTestId"]>, buttonName: string) {
  await Promise.all([page.waitForLoadState("load"), scope.getByRole("button", { name: buttonName }).click()]);
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/en/sign-in")),
    submit(page, "Sign in"),
  ]);
}

test("the host answers the 6-month outcome from the e-mail the job sent", async ({ browser }, testInfo) => {
  const mail = await latestMailTo(testInfo, DEMO_OUTCOMES_LOGINS.host, /6-month follow-up/);
  const link = mail.links.find((l) => l.includes(`/host/internship/${DEMO_OUTCOMES_PLACEMENTS.completed}/outcomes/6`));
  expect(link).toBeTruthy();
  const page = await newPage(browser, "en-US");
  await signIn(page, DEMO_OUTCOMES_LOGINS.host);
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("6-month follow-up: Wanjiru Kamau");
  await expect(page.getByTestId("outcome-answered")).toHaveText("Not answered.");
  await expectAccessible(page);

  await page.getByRole("group", { name: "Has your company employed the intern, or agreed to?" }).getByLabel("Yes").check();
  await submit(page, "Save the answers");
  await expect(page.locator(".error-summary")).toContainText("Has your company formed a tie with an overseas university");
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);
  await page.getByRole("group", { name: "Has your company employed the intern, or agreed to?" }).getByLabel("Yes").check();
  await page
    .getByRole("group", { name: /overseas university/ })
    .getByLabel("No")
    .check();
  await page
    .getByRole("group", { name: /new overseas business/ })
    .getByLabel("Yes")
    .check();
  await page.getByLabel("Anything to add (optional)").fill("She joins our export team in April.");
  await submit(page, "Save the answers");
  await expect(page.getByRole("status")).toHaveText("Thank you: your answers were saved.");
  await expect(page.getByTestId("outcome-answered")).toContainText("Answered:");
  await expect(page.getByRole("group", { name: /new overseas business/ }).getByLabel("Yes")).toBeChecked();
  await expectAccessible(page);

  await page.goto(`/ja/host/internship/${DEMO_OUTCOMES_PLACEMENTS.completed}/outcomes/6`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("6か月後のご報告: Wanjiru Kamau");
  await expectAccessible(page);
  await page.context().close();
});

test("the host reports an incident; the operator follows it up and resolves it; the host never sees the confidential notes", async ({ browser }) => {
  const host = await newPage(browser, "en-US");
  await signIn(host, DEMO_OUTCOMES_LOGINS.host);
  await host.goto("/en/host/internship");
  await host.getByRole("link", { name: "Incidents of your interns" }).click();
  await expect(host.getByRole("heading", { level: 1 })).toHaveText("Incidents");
  await expectAccessible(host);
  await submit(host, "Report the incident");
  await expect(host.locator(".error-summary")).toContainText("What happened");
  await expectAccessible(host);
  await host.getByRole("combobox", { name: /^Intern\b/ }).selectOption(DEMO_OUTCOMES_PLACEMENTS.active);
  await host.getByLabel("Category").selectOption("housing");
  await host.getByLabel("Severity").selectOption("medium");
  await host.getByLabel("What happened").fill("The heater in the intern's apartment broke.");
  await submit(host, "Report the incident");
  await expect(host.getByRole("status")).toHaveText("The incident was reported to the program office.");
  await expect(host.getByTestId("incident")).toContainText("The heater in the intern's apartment broke.");

  const op = await newPage(browser, "en-US");
  await signInOperator(op);
  await op.goto(`/en/operator/rounds/${DEMO_OUTCOMES_ROUND_ID}/incidents`);
  await expect(op.getByRole("heading", { level: 1 })).toContainText("Incidents");
  await expectAccessible(op);
  // the operator's own report of the same placement, with notes only the office reads
  await op.getByRole("combobox", { name: /^Intern\b/ }).selectOption(DEMO_OUTCOMES_PLACEMENTS.active);
  await op.getByLabel("Category").selectOption("health");
  await op.getByLabel("Severity").selectOption("low");
  await op.getByLabel("What happened").fill("Caught a cold after the heater broke.");
  await op.getByLabel("Confidential notes (program office only)").fill("Clinic visit on Tuesday; insurance claim 7781.");
  await submit(op, "Record the incident");
  await expect(op.getByRole("status")).toHaveText("The incident was recorded.");

  const incident = op.getByTestId("incident").filter({ hasText: "heater in the intern's apartment" });
  await incident.getByLabel("Action", { exact: true }).fill("Landlord to replace the heater");
  await incident.getByLabel("Due date").fill("2030-01-15");
  await submitIn(op, incident, "Add the action");
  await expect(op.getByRole("status")).toHaveText("The follow-up action was added.");
  await expect(op.getByTestId("incident-action")).toContainText("Landlord to replace the heater");
  await submit(op, "Mark done: Landlord to replace the heater");
  await expect(op.getByRole("status")).toHaveText("The follow-up action is done.");
  await expect(op.getByTestId("incident-action")).toContainText("done");
  await incident.getByLabel("What was done").fill("A new heater was installed by the landlord.");
  await submitIn(op, incident, "Resolve");
  await expect(op.getByRole("status")).toHaveText("The incident was resolved.");
  await expectAccessible(op);

  await op.goto(`/en/operator/rounds/${DEMO_OUTCOMES_ROUND_ID}/outcomes`);
  await expect(op.getByRole("heading", { level: 1 })).toContainText("Outcomes at 6 and 12 months");
  await expect(op.getByTestId("outcome-6")).toContainText("E-mailed");
  await expect(op.getByTestId("outcome-6")).toContainText("Employed the intern: Yes");
  await expect(op.getByTestId("totals-6").getByRole("cell")).toHaveText(["1", "1", "0", "1"]);
  await expectAccessible(op);
  await op.context().close();

  await host.goto("/en/host/incidents");
  await expect(host.getByTestId("incident").filter({ hasText: "heater in the intern's apartment" })).toContainText(
    "A new heater was installed by the landlord.",
  );
  await expect(host.getByTestId("incident").filter({ hasText: "Caught a cold" })).toBeVisible();
  await expect(host.locator("body")).not.toContainText("Clinic visit");
  await expect(host.locator("body")).not.toContainText("Landlord to replace the heater");
  await host.goto("/ja/host/incidents");
  await expect(host.getByRole("heading", { level: 1 })).toHaveText("インシデント");
  await expectAccessible(host);
  await host.context().close();
});

test("the intern sees the mid-term interview scheduled ahead and reports a problem in Indonesian", async ({ browser }) => {
  const page = await newPage(browser, "id-ID");
  await signIn(page, DEMO_OUTCOMES_LOGINS.activeIntern);
  await page.goto("/id/internship");
  await expect(page.getByTestId("upcoming-check-in")).toContainText("Wawancara tengah periode");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Laporkan masalah ke sekretariat" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laporkan masalah");
  await expectAccessible(page);
  await submit(page, "Kirim laporan");
  await expect(page.locator(".error-summary")).toBeVisible();
  await page.getByLabel("Kategori").selectOption("work");
  await page.getByLabel("Seberapa serius?").selectOption("low");
  await page.getByLabel("Apa yang terjadi").fill("Saya diminta bekerja pada hari Minggu.");
  await submit(page, "Kirim laporan");
  await expect(page.getByRole("status")).toHaveText("Laporan Anda telah dikirim ke sekretariat.");
  await expect(page.getByTestId("incident")).toHaveCount(1);
  await expect(page.locator("body")).not.toContainText("heater");
  await expectAccessible(page);
  await page.context().close();
});
