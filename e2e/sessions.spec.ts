import { expect, test } from "@playwright/test";
import { staffSignIn } from "./support/staff-sign-in.ts";
import { expectAccessible, latestMailTo, mailsTo, submit, uniqueEmail } from "./support/fixtures.ts";

/**
 * Information sessions: the operator creates a session with two places (bad
 * input first), three people register without an account (the third waits),
 * one cancels with the link from their e-mail and the third is promoted and
 * told, the server's reminder job (the session starts within 24 hours) sends
 * each registered person exactly one reminder, the operator marks attendance (check boxes and a CSV), the attendee gets the apply link with
 * the session as its source, signs up and starts an application, and the
 * operator's list shows the funnel with the application attributed.
 */
test.describe.configure({ mode: "serial" });

const OPERATOR = "operator-sessions@demo.jip.example";
const DEMO_ROUND_ID = "00000000-0000-4000-8000-000000002027";
let sessionId = "";
const people: { name: string; email: string }[] = [];

const signInOperator = staffSignIn(OPERATOR);

/** A date-time input value ("YYYY-MM-DDTHH:mm") for `hours` from now, in the venue's time zone. */
function venueTime(hours: number, timeZone = "Asia/Ho_Chi_Minh"): string {
  const at = new Date(Date.now() + hours * 3600_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(at)
    .replace(" ", "T");
}

/** The cancel link of the newest e-mail to this address whose subject matches. */
async function linkIn(to: string, subject: RegExp, pattern: RegExp): Promise<string> {
  const mail = await latestMailTo(test.info(), to, subject);
  const text = mail.body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const m = pattern.exec(text);
  if (!m) throw new Error(`no link matching ${pattern} in ${text}`);
  return m[0];
}

test("the operator creates a session with two places; bad input is explained and kept", async ({ page }) => {
  await signInOperator(page);
  await page.goto(`/en/operator/sessions/new?round=${DEMO_ROUND_ID}`);
  await expectAccessible(page);
  const title = `Hanoi information session ${test.info().project.name} ${Date.now()}`;
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Venue", { exact: true }).fill("Hall A, Hanoi University");
  await page.getByLabel("City", { exact: true }).fill("Hanoi");
  await page.getByLabel("Country", { exact: true }).selectOption("VN");
  await page.getByLabel(/^Time zone of the venue/).fill("Asia/Ho_Chi_Minh");
  await page.getByLabel(/^Start/).fill("2020-01-10T18:00");
  await page.getByLabel(/^End/).fill("2020-01-10T17:00");
  await page.getByLabel(/^Capacity/).fill("0");
  await submit(page, "Create the session");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Please correct the following");
  await expect(summary).toContainText("Title (日本語)");
  await expect(summary).toContainText("Enter a number of at least the allowed minimum.");
  await expect(page.getByLabel("Title (English)")).toHaveValue(title);
  await expect(page.getByLabel("City", { exact: true })).toHaveValue("Hanoi");
  await expectAccessible(page);

  await page.getByLabel("Title (日本語)").fill("ハノイ説明会");
  await page.getByLabel("Title (Tiếng Việt)").fill("Buổi giới thiệu tại Hà Nội");
  await page.getByLabel(/^Capacity/).fill("2");
  await submit(page, "Create the session");
  const timing = page.getByRole("alert");
  await expect(timing).toContainText("The start must be in the future.");
  await expect(timing).toContainText("The end must be after the start.");

  // Tomorrow, within the reminder window: the server's reminder job will write to everyone registered.
  await page.getByLabel(/^Start/).fill(venueTime(20));
  await page.getByLabel(/^End/).fill(venueTime(22));
  await page.getByLabel(/^Language of the session/).selectOption("vi");
  await submit(page, "Create the session");
  await expect(page.getByRole("status")).toHaveText("The session has been created.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  sessionId = /\/operator\/sessions\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await expectAccessible(page);
});

test("three people register without an account; the third joins the waiting list", async ({ page }) => {
  await page.goto("/vi/sessions?country=VN&language=vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các buổi giới thiệu");
  await expect(page.getByRole("link", { name: "Buổi giới thiệu tại Hà Nội" }).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/vi/sessions?mode=online");
  await expect(page.locator(`a[href="/vi/sessions/${sessionId}"]`)).toHaveCount(0);

  for (const n of [1, 2, 3]) {
    const p = { name: `Nguyễn Văn ${n}`, email: uniqueEmail(`session-${n}`, test.info()) };
    people.push(p);
    await page.goto(n === 3 ? `/vi/sessions/${sessionId}` : `/en/sessions/${sessionId}`);
    if (n === 1) await expectAccessible(page);
    if (n === 3) {
      await expect(page.getByText("Đã hết chỗ: bạn có thể đăng ký danh sách chờ")).toBeVisible();
      await page.getByLabel(/^Họ và tên/).fill(p.name);
      await page.getByLabel(/^Địa chỉ email/).fill(p.email);
      await page.getByLabel(/^Quốc gia cư trú/).selectOption("VN");
      await submit(page, "Đăng ký danh sách chờ");
      await expect(page.getByTestId("registration-result")).toContainText("bạn đang ở trong danh sách chờ");
    } else {
      if (n === 1) {
        // Missing fields: explained, what was typed kept.
        await page.getByLabel(/^Full name/).fill(p.name);
        await submit(page, "Register");
        await expect(page.getByRole("alert")).toContainText("E-mail address");
        await expect(page.getByLabel(/^Full name/)).toHaveValue(p.name);
        await expectAccessible(page);
      }
      await page.getByLabel(/^Full name/).fill(p.name);
      await page.getByLabel(/^E-mail address/).fill(p.email);
      await page.getByLabel(/^Country of residence/).selectOption("VN");
      await page.getByLabel(/^University or company/).fill("Hanoi University");
      await submit(page, "Register");
      await expect(page.getByTestId("registration-result")).toContainText("You are registered.");
    }
    await expectAccessible(page);
  }
  const confirmation = await latestMailTo(test.info(), people[0]!.email, /Registration confirmed/);
  expect(confirmation.headers + confirmation.body).toMatch(/text\/calendar/);
  await latestMailTo(test.info(), people[2]!.email, /Danh sách chờ/);
});

test("one person cancels with the e-mail link; the first on the waiting list is promoted and told", async ({ page }) => {
  const cancel = await linkIn(people[1]!.email, /Registration confirmed/, /http:\/\/[^\s]+\/sessions\/cancel\/[A-Za-z0-9_-]+/);
  await page.goto(cancel);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cancel my registration");
  await expectAccessible(page);
  await submit(page, "Cancel my registration");
  await expect(page.getByRole("status")).toHaveText("Your registration has been cancelled.");
  await expectAccessible(page);
  await latestMailTo(test.info(), people[2]!.email, /Bạn đã có chỗ/);
});

test("the reminder job writes once to each registered person, however often it runs", async () => {
  // The server runs the job every few seconds: wait for the reminders, then for several more runs.
  const first = await latestMailTo(test.info(), people[0]!.email, /Reminder/);
  expect(first.body).toContain("Hall A, Hanoi University");
  await latestMailTo(test.info(), people[2]!.email, /Nhắc nhở/);
  await new Promise((r) => setTimeout(r, 12_000));
  expect(mailsTo(test.info(), people[0]!.email, /Reminder/)).toHaveLength(1);
  expect(mailsTo(test.info(), people[2]!.email, /Nhắc nhở/)).toHaveLength(1);
  // The second person may have been reminded before cancelling, never twice.
  expect(mailsTo(test.info(), people[1]!.email, /Reminder/).length).toBeLessThanOrEqual(1);
});

test("the operator marks attendance; the attendee gets the apply link with the session; the list shows the funnel", async ({ page }) => {
  await signInOperator(page);
  await page.goto(`/en/operator/sessions/${sessionId}`);
  await expectAccessible(page);
  await page.getByLabel(`${people[0]!.name} attended`).check();
  await submit(page, "Save attendance");
  await expect(page.getByRole("status")).toHaveText("The attendance has been saved. New attendees receive a follow-up e-mail.");
  await expect(page.getByLabel(`${people[0]!.name} attended`)).toBeChecked();
  // The third person (promoted) attended too, as the video-meeting export shows.
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({
    name: "attendance.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`Name,Email\n${people[2]!.name},${people[2]!.email}\nGuest,guest@example.org\n`),
  });
  await submit(page, "Upload and mark attendance");
  await expect(page.getByTestId("csv-result")).toContainText("1 registered person found in the file and marked as attending.");
  await expect(page.getByTestId("csv-result")).toContainText("guest@example.org");
  await expect(page.getByLabel(`${people[2]!.name} attended`)).toBeChecked();
  await expectAccessible(page);
  const apply = await linkIn(people[0]!.email, /Thank you for attending/, /http:\/\/[^\s]+\/en\/apply\?session=[0-9a-f-]{36}/);
  expect(apply).toContain(`session=${sessionId}`);

  await page.goto(`/en/operator/sessions?round=${DEMO_ROUND_ID}`);
  const row = page.getByTestId(`session-row-${sessionId}`);
  await expect(row.getByTestId("count-registered")).toHaveText("2");
  await expect(row.getByTestId("count-waitlisted")).toHaveText("0");
  await expect(row.getByTestId("count-attended")).toHaveText("2");
  await expect(row.getByTestId("count-applications")).toHaveText("0");
  await expectAccessible(page);
});

test("the attendee follows the apply link, signs up and starts an application; the session gets the credit", async ({ page, browser }) => {
  const attendee = people[0]!;
  const apply = await linkIn(attendee.email, /Thank you for attending/, /http:\/\/[^\s]+\/en\/apply\?session=[0-9a-f-]{36}/);
  await page.goto(apply);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/en/sign-up");
  await page.locator('input[name="name"]').fill(attendee.name);
  await page.locator('input[name="email"]').fill(attendee.email);
  await page.locator('input[name="password"]').fill("session-password-1");
  await page.locator('input[name="passwordConfirm"]').fill("session-password-1");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/en\/check-email$/);
  const verify = await latestMailTo(test.info(), attendee.email, /Confirm your e-mail address/);
  await page.goto(verify.links.find((l) => l.includes("/api/auth/verify-email"))!);
  await page.locator('input[name="email"]').fill(attendee.email);
  await page.locator('input[name="password"]').fill("session-password-1");
  await page.locator('button[type="submit"]').click();
  await page.goto("/en/application/personal");
  await page.locator('input[name="familyName"]').fill("Nguyễn");
  await page.locator('input[name="givenName"]').fill("Văn Một");
  await page.locator('input[name="dateOfBirth.day"]').fill("12");
  await page.locator('input[name="dateOfBirth.month"]').fill("4");
  await page.locator('input[name="dateOfBirth.year"]').fill("1999");
  await page.locator('select[name="nationality"]').selectOption("VN");
  await page.locator('select[name="residenceCountry"]').selectOption("VN");
  await page.locator('input[name="priorParticipant"][value="no"]').check();
  await Promise.all([page.waitForLoadState("load"), page.locator('form[data-autosave] button[type="submit"]').click()]);
  await expect(page).toHaveURL(/\/en\/application\/contact$/);

  const staff = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  const op = await staff.newPage();
  await signInOperator(op);
  await op.goto(`/en/operator/sessions?round=${DEMO_ROUND_ID}`);
  await expect(op.getByTestId(`session-row-${sessionId}`).getByTestId("count-applications")).toHaveText("1");
  // The round's dashboard shows the same funnel per session.
  await op.goto(`/en/operator/rounds/${DEMO_ROUND_ID}`);
  const row = op.getByTestId("round-session-row").filter({ has: op.locator(`a[href$="/operator/sessions/${sessionId}"]`) });
  await expect(row.locator("td").nth(2)).toHaveText("1");
  await expectAccessible(op);
  await staff.close();
});
