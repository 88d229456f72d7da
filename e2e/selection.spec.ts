import { type Browser, type Page, expect, test } from "@playwright/test";
import { staffSignIn } from "./support/staff-sign-in.ts";
import { DEMO_PASSWORD, expectAccessible, latestMailTo, submit } from "./support/fixtures.ts";

/**
 * Interviews and committee selection (issue 14), on the selection demo round:
 * the operator opens first-interview slots in Asia/Tokyo (an overlapping set
 * is refused); the Vietnamese applicant sees them in Asia/Ho_Chi_Minh time,
 * books one, downloads the calendar file, moves the booking (higher
 * SEQUENCE); the interviewer scores the interview; the committee sets the
 * nationality quota and the page explains the skip; the suggestion is taken and the
 * results go final; the applicant reads the decision in Vietnamese; a selected
 * applicant declines and the first waiting-list applicant is offered the place
 * with a deadline in their own zone, and accepts it in Vietnamese; the
 * operator sets the offer period after final results and sees the offer open,
 * then accepted, on the committee page. The operator
 * also invites the top 2 of the ranking to the second interview after a preview.
 * Runs with JavaScript on and off; axe on every page.
 */
const ROUND = "00000000-0000-4000-8000-000000002114";
const OPERATOR = "operator-selection@demo.jip.example";
const INTERVIEWER = "interviewer@demo.jip.example";

/** A day 20 days from now, as a date in Tokyo (YYYY-MM-DD). */
function tokyoDay(daysAhead: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );
}

async function applicantPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: false }).first().fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
  return page;
}

/** A staff member signed in (enrolling two-factor authentication) in a context of their own. */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await staffSignIn(email, DEMO_PASSWORD, "/en/reviewer")(page);
  return page;
}

test("slots in Tokyo time, booking in Hanoi time, scores, quota, final results, and the waiting list", async ({ page, browser }) => {
  test.setTimeout(360_000); // a long journey (slots to a waiting-list offer); the shared machine runs it at load 20+
  const day = tokyoDay(20);
  await staffSignIn(OPERATOR)(page);

  // the operator opens two 30-minute slots from 10:00 Japan time
  await page.goto(`/en/operator/rounds/${ROUND}/interviews`);
  await expectAccessible(page);
  await page.getByLabel("Date").fill(day);
  await page.getByLabel("First slot starts at").fill("10:00");
  await page.getByLabel("Last slot ends by").fill("11:00");
  await page.getByLabel("Length (minutes)").fill("30");
  await page.getByLabel("Break between slots (minutes)").fill("0");
  await page.getByLabel(/面接官 木村/).check();
  await submit(page, "Create the slots");
  await expect(page.getByRole("status")).toContainText("2 slots were created.");
  // the same interviewer at an overlapping time is refused, with the reason
  await page.getByLabel("Date").fill(day);
  await page.getByLabel("First slot starts at").fill("10:15");
  await page.getByLabel("Last slot ends by").fill("10:45");
  await page.getByLabel("Length (minutes)").fill("30");
  await page.getByLabel("Break between slots (minutes)").fill("0");
  await page.getByLabel(/面接官 木村/).check();
  await submit(page, "Create the slots");
  await expect(page.getByText(/already has a slot at that time/).first()).toBeVisible();
  await expectAccessible(page);

  // the operator invites the top 2 of the screening ranking to the second interview, after a preview of the count
  await page.locator("#invite-stage").selectOption("second");
  await page.getByLabel("The top of the screening ranking").check();
  await page.getByLabel("How many from the top").fill("2");
  await submit(page, "Preview the invitations");
  await expect(page.getByTestId("invite-preview")).toContainText("Second interview: 2 applicants would be invited (0 already invited");
  await expect(page.getByTestId("invite-preview")).toContainText("Tran Minh");
  await expectAccessible(page);
  await submit(page, "Send 2 invitations");
  await expect(page.getByRole("status")).toContainText("2 applicants were invited.");

  // the Vietnamese applicant books in Hanoi time (10:00 in Tokyo is 08:00 in Hanoi)
  const applicant = await applicantPage(browser, "sel01@demo.jip.example");
  await applicant.goto("/vi/application/interview");
  await expect(applicant.getByTestId("interview-zone")).toContainText("Asia/Ho_Chi_Minh");
  await expectAccessible(applicant);
  await applicant
    .getByLabel(/08:00.*Asia\/Ho_Chi_Minh/)
    .first()
    .check();
  await submit(applicant, "Đặt giờ này");
  await expect(applicant.getByRole("status")).toContainText("Bạn đã đặt lịch phỏng vấn");
  await expect(applicant.getByTestId("booking-first")).toContainText("08:00");
  const first = await (await applicant.request.get("/vi/application/interview/calendar/first")).text();
  expect(first).toContain("METHOD:REQUEST");
  expect(first).toContain("SEQUENCE:0");
  await latestMailTo(test.info(), "sel01@demo.jip.example", /Đã đặt lịch phỏng vấn/);
  // …and moves it to 08:30: the calendar file keeps its UID with a higher SEQUENCE
  await applicant
    .getByLabel(/08:30.*Asia\/Ho_Chi_Minh/)
    .first()
    .check();
  await submit(applicant, "Đổi lịch");
  await expect(applicant.getByTestId("booking-first")).toContainText("08:30");
  const moved = await (await applicant.request.get("/vi/application/interview/calendar/first")).text();
  expect(moved).toContain("SEQUENCE:1");
  expect(/UID:.*/.exec(moved)![0]).toBe(/UID:.*/.exec(first)![0]);
  await expectAccessible(applicant);

  // the interviewer records the result
  const interviewer = await staffPage(browser, INTERVIEWER);
  await interviewer.goto("/en/interviews");
  await expectAccessible(interviewer);
  await interviewer.getByRole("link", { name: /Nguyen Lan/ }).click();
  await interviewer.getByLabel("Held").check();
  for (const label of ["Motivation", "Communication", "Japanese ability", "Fit with the program"]) await interviewer.getByLabel(label).selectOption("5");
  await interviewer.getByLabel(/^Comment/).fill("Clear goals; good Japanese.");
  await submit(interviewer, "Save the result");
  await expect(interviewer.getByRole("status")).toContainText("The result has been saved.");
  await expectAccessible(interviewer);

  // the committee: at most 2 per nationality over 3 places; the skipped Vietnamese applicant is told why
  await page.goto(`/en/operator/rounds/${ROUND}/selection`);
  await expectAccessible(page);
  await page.getByLabel("Quotas", { exact: true }).fill("max 2 per nationality");
  await submit(page, "Save the rules");
  await expect(page.getByRole("status")).toContainText("Saved.");
  await expect(page.getByTestId("row-JIP26-S04")).toContainText("nationality quota VN: 2 of 2");
  await page.getByLabel("Length of the waiting list").fill("2");
  await submit(page, "Take the suggestion for everyone not decided yet");
  await expect(page.getByTestId("row-JIP26-S01")).toContainText("Selected");
  await expect(page.getByTestId("row-JIP26-S04")).toContainText("Waiting list (position 1)");
  await submit(page, "Mark the results final and notify the applicants");
  await expect(page.getByTestId("selection-final")).toBeVisible();
  await expectAccessible(page);
  // after final results the operator can still set how long a waiting-list offer stays open (1 to 60 days)
  await expect(page.getByTestId("selection-offers-none")).toBeVisible();
  await page.getByLabel("Days an offer stays open").fill("61");
  await submit(page, "Save the offer period");
  await expect(page.getByRole("alert").first()).toContainText("Enter a smaller number.");
  await page.getByLabel("Days an offer stays open").fill("10");
  await submit(page, "Save the offer period");
  await expect(page.getByLabel("Days an offer stays open")).toHaveValue("10");

  // the applicant reads the decision in Vietnamese
  await applicant.goto("/vi/application/status");
  await expect(applicant.getByTestId("selection-outcome")).toContainText("Chúc mừng: bạn đã trúng tuyển.");
  await expectAccessible(applicant);
  await latestMailTo(test.info(), "sel01@demo.jip.example", /Kết quả tuyển chọn/);

  // a selected applicant declines: the first on the waiting list (also Vietnamese, so the quota still fits) is selected
  const declining = await applicantPage(browser, "sel02@demo.jip.example");
  await declining.goto("/en/application/status");
  await declining.getByRole("link", { name: "Decline my place" }).click();
  await expectAccessible(declining);
  await declining.getByLabel(/^Reason/).fill("I accepted a job offer at home.");
  await submit(declining, "Decline my place");
  await expect(declining.getByTestId("selection-outcome")).toContainText("You have declined your place.");
  // the place is offered to them with a deadline (in Hanoi time); they accept it in Vietnamese
  await latestMailTo(test.info(), "sel04@demo.jip.example", /Bạn được mời nhận một suất/);
  // the committee page lists the open offer with its deadline
  await page.goto(`/en/operator/rounds/${ROUND}/selection`);
  await expect(page.getByTestId("offer-JIP26-S04")).toContainText("Open");
  await expectAccessible(page);
  const promoted = await applicantPage(browser, "sel04@demo.jip.example");
  await promoted.goto("/vi/application/status");
  await expect(promoted.getByTestId("selection-offer")).toContainText("Bạn được mời nhận một suất từ danh sách chờ.");
  await expectAccessible(promoted);
  await promoted.getByRole("link", { name: "Nhận hoặc từ chối suất" }).click();
  await expect(promoted.getByTestId("offer-deadline")).toContainText("Asia/Ho_Chi_Minh");
  await expectAccessible(promoted);
  await submit(promoted, "Gửi câu trả lời");
  await expect(promoted.getByRole("alert").first()).toBeVisible();
  await promoted.getByLabel("Tôi nhận suất này").check();
  await submit(promoted, "Gửi câu trả lời");
  await expect(promoted.getByRole("status")).toContainText("Cảm ơn bạn: bạn đã trúng tuyển.");
  await expectAccessible(promoted);
  await latestMailTo(test.info(), "sel04@demo.jip.example", /Bạn đã trúng tuyển từ danh sách chờ/);
  await promoted.goto("/vi/application/status");
  await expect(promoted.getByTestId("selection-outcome")).toContainText("trúng tuyển từ danh sách chờ");
  await page.goto(`/en/operator/rounds/${ROUND}/selection`);
  await expect(page.getByTestId("offer-JIP26-S04")).toContainText("Accepted");
});
