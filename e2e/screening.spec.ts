import { type Browser, type Page, expect, test } from "@playwright/test";
import { staffSignIn } from "./support/staff-sign-in.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";

/**
 * Document screening (issue 13), JavaScript on and off, axe on every page:
 * the operator finds the screening round's rubric locked (its demo reviewers
 * scored already) and sets the rubric of the next round (a bad weight first),
 * then invites two reviewers to the demo screening round; each
 * reviewer enrols two-factor authentication, declares languages, capacity and
 * an affiliation; the operator previews then commits the assignment; both
 * reviewers score blind (the page shows neither the applicant's name nor
 * e-mail), one declares a conflict of interest; the operator computes the
 * normalized ranking, sees each reviewer's statistics and closes screening
 * (the first three to interview); the round, blocked by the reads still
 * missing, moves to selection with the operator's reason.
 */
const ROUND = "00000000-0000-4000-8000-000000013027";
/** The main demo round (recruitment, nothing scored): its rubric can still be edited. */
const NEXT_ROUND = "00000000-0000-4000-8000-000000002027";
const OPERATOR = "operator-screening@demo.jip.example";
const REVIEWERS = ["reviewer-e2e1@demo.jip.example", "reviewer-e2e2@demo.jip.example"];
/** Every applicant of the demo screening round (src/db/seed/demo-screening.ts): none may appear on a reviewer's page. */
const APPLICANT_NAMES = ["Võ", "Thanh Hà", "Đặng", "Quốc Bảo", "Hidayat", "Kusuma", "Boonmee", "Reyes", "Patel", "Hossain", "Gurung", "Otieno"];

/** Password, then TOTP (enrolled on the first call from the reviewer's home, which requires it); ends on the reviewer's home. */
function reviewerSignIn(email: string): (page: Page) => Promise<void> {
  const signIn = staffSignIn(email, DEMO_PASSWORD, "/en/reviewer");
  return async (page) => {
    await signIn(page);
    await page.goto("/en/reviewer");
  };
}

async function newPage(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
  return context.newPage();
}

async function scoreFirstAssignment(page: Page, value: string) {
  await page.goto("/en/reviewer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Applications to review");
  await expectAccessible(page);
  const row = page.getByTestId("assignment-row").filter({ hasText: "Not started" }).first();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Review of application JIP27-");
  const html = await page.content();
  for (const name of APPLICANT_NAMES) expect(html).not.toContain(name);
  expect(html).not.toContain("applicant-d");
  expect(html).not.toContain("@demo.jip.example</");
  await expectAccessible(page);
  // a submission without every criterion is refused field by field
  await submit(page, "Submit scores");
  await expect(page.getByRole("alert").first()).toBeVisible();
  for (const criterion of ["Motivation", "Education and experience", "Language ability", "Potential as a bridge"]) {
    await page
      .getByRole("group", { name: `Score for ${criterion}` })
      .getByLabel(value, { exact: true })
      .check();
  }
  await page.getByRole("group", { name: "Overall recommendation" }).getByLabel("Recommend", { exact: true }).check();
  await page.getByLabel("Comment on Motivation").fill("Concrete goals.");
  await submit(page, "Submit scores");
  await expect(page.getByTestId("review-state")).toHaveText("Submitted");
  await expectAccessible(page);
}

test("screening: invite, profile, assignment, blind scoring, conflict, ranking, closing", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const js = test.info().project.use.javaScriptEnabled !== false;
  const operator = await newPage(browser, baseURL, js);
  await staffSignIn(OPERATOR)(operator);
  await operator.goto(`/en/operator/rounds/${ROUND}`);
  await operator.getByRole("link", { name: "Screening board" }).click();
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Screening: FY2027 autumn round (screening demo)");
  await expectAccessible(operator);

  // the rubric: this round's demo reviewers have scored already, so it is shown locked; the
  // operator sets the rubric of the next round (the main demo round, nothing scored yet) instead
  await operator.getByRole("link", { name: "Rubric" }).click();
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Rubric: FY2027 autumn round (screening demo)");
  await expect(operator.getByTestId("rubric-locked")).toHaveText("The rubric is locked: reviewers have started scoring with it.");
  await operator.goto(`/en/operator/rounds/${NEXT_ROUND}/screening/rubric`);
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("Rubric: Japan Internship Program FY2027");
  await expect(operator.getByTestId("rubric-origin")).toHaveText("This round uses the default rubric. Saving here gives the round its own.");
  await expectAccessible(operator);
  const criterion1 = () => operator.getByRole("group", { name: "Criterion 1", exact: true });
  await expect(criterion1().getByLabel("Name (English)")).toHaveValue("Motivation");
  await criterion1().getByLabel("Weight").fill("0");
  await submit(operator, "Save the rubric");
  await expect(operator.getByRole("alert").first()).toContainText("Enter a weight greater than 0 and at most 100.");
  await criterion1().getByLabel("Weight").fill("4");
  await submit(operator, "Save the rubric");
  await expect(operator.getByTestId("rubric-saved")).toHaveText("The rubric was saved (4 criteria).");
  await expect(operator.getByTestId("rubric-origin")).toHaveText("This round has its own rubric.");
  await expect(criterion1().getByLabel("Weight")).toHaveValue("4");
  await expectAccessible(operator);
  await operator.goto(`/en/operator/rounds/${ROUND}/screening`);

  // bad input first, then the two reviewers (existing reviewer accounts join at once)
  await operator.getByLabel("E-mail address").fill("not-an-address");
  await submit(operator, "Invite");
  await expect(operator.getByRole("alert").first()).toBeVisible();
  for (const email of REVIEWERS) {
    await operator.getByLabel("E-mail address").fill(email);
    await submit(operator, "Invite");
    await expect(operator.getByRole("status")).toHaveText("The reviewer was added to the round.");
  }
  await expect(operator.getByTestId("board-reviewer")).toHaveCount(5);

  // each reviewer: two-factor enrolment, then the profile
  const reviewerPages: Page[] = [];
  for (const [i, email] of REVIEWERS.entries()) {
    const page = await newPage(browser, baseURL, js);
    await reviewerSignIn(email)(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Applications to review");
    await expect(page.getByText("No application is assigned to you yet.")).toBeVisible();
    await page.getByRole("link", { name: "Your reviewer profile" }).click();
    await expectAccessible(page);
    await page.getByLabel("English").check();
    await page.getByLabel("Capacity").fill("6");
    await page.getByLabel("Fields of expertise").fill("engineering");
    if (i === 0) await page.getByLabel("Affiliations").fill("CHULALONGKORN UNIV.");
    await submit(page, "Save profile");
    await expect(page.getByRole("status")).toHaveText("Your profile was saved.");
    reviewerPages.push(page);
  }

  // preview (nothing saved), then commit; a third read is raised to each application
  await operator.reload();
  await operator.getByLabel("Reads per application").fill("3");
  await submit(operator, "Preview");
  await expect(operator.getByTestId("assignment-preview")).toContainText("10 applications, 5 reviewers");
  await expectAccessible(operator);
  await expect(operator.getByTestId("fully-assigned")).toHaveText("10");
  await submit(operator, "Commit the assignment");
  await expect(operator.getByTestId("assigned-notice")).toContainText("10 reads added");
  await expect(operator.getByTestId("reads-setting")).toHaveText("3");
  await expectAccessible(operator);

  // both reviewers score blind; the first declares a conflict on another application
  await scoreFirstAssignment(reviewerPages[0]!, "4");
  await scoreFirstAssignment(reviewerPages[1]!, "2");
  const r1 = reviewerPages[0]!;
  await r1.goto("/en/reviewer");
  const before = await r1.getByTestId("assignment-row").count();
  await r1.getByTestId("assignment-row").filter({ hasText: "Not started" }).first().getByRole("link").click();
  await submit(r1, "Declare a conflict of interest");
  await expect(r1.getByRole("alert").first()).toBeVisible();
  await r1.getByLabel("Reason").fill("I taught this applicant at my university.");
  await submit(r1, "Declare a conflict of interest");
  await expect(r1).toHaveURL(/\/en\/reviewer\?released=1$/);
  await expect(r1.getByTestId("assignment-row")).toHaveCount(before - 1);

  // the ranking: reviewer statistics and the normalized ranking; then screening closes
  await operator.goto(`/en/operator/rounds/${ROUND}/screening/ranking`);
  await expectAccessible(operator);
  await submit(operator, "Compute the ranking");
  await expect(operator.getByRole("status")).toContainText("The ranking was computed");
  await expect(operator.getByTestId("reviewer-stats")).toHaveCount(4);
  await expect(operator.getByTestId("rank-row").first()).toBeVisible();
  await expectAccessible(operator);
  await operator.getByLabel("Applications to interview").fill("3");
  await submit(operator, "Close screening");
  await expect(operator.getByTestId("closed-notice")).toHaveText("Screening was closed: 3 applications moved to interview.");
  await expect(operator.getByTestId("rank-row").filter({ hasText: "Interview" })).toHaveCount(3);
  await expectAccessible(operator);

  // selection: refused while reads are missing (k = 3, few submitted), then moved on with the operator's reason
  await operator.goto(`/en/operator/rounds/${ROUND}`);
  await expect(operator.getByText(/fewer than 3 submitted reads/)).toBeVisible();
  await submit(operator, "Move to “Selection”");
  await expect(operator.getByRole("alert").first()).toContainText("fewer than 3 submitted reads");
  await expect(operator.getByTestId("round-phase")).toHaveText("Screening");
  await operator.getByLabel(/Reason for moving on without every read/).fill("The committee ranks on the reads submitted.");
  await submit(operator, "Move to “Selection”");
  await expect(operator.getByTestId("round-phase")).toHaveText("Selection");
  await expectAccessible(operator);
});
