import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { staffSignIn } from "./support/staff-sign-in.ts";
import { DEMO_PASSWORD, decodeSubject, expectAccessible, latestMailTo, serverOf, submit } from "./support/fixtures.ts";

/**
 * Messages to groups: the operator composes a message to the submitted
 * applicants of the demo round in Japanese, English and Vietnamese (bad input
 * first), previews it (count and samples, nothing sent), sends it; the
 * delivery job e-mails each recipient in their language; a Vietnamese
 * applicant reads it in the inbox in Vietnamese (then it is read); an
 * applicant whose application is a draft gets nothing.
 */
test.describe.configure({ mode: "serial" });

const OPERATOR = "operator-messages@demo.jip.example";
const DEMO_ROUND_ID = "00000000-0000-4000-8000-000000002027";
const VIETNAMESE_SUBMITTED = "applicant01@demo.jip.example"; // Nguyễn Thị Lan, submitted, locale vi
const VIETNAMESE_DRAFT = "applicant03@demo.jip.example"; // Lê Hoàng Anh, draft, locale vi
let token = "";
let messageUrl = "";

const signInOperator = staffSignIn(OPERATOR);

async function signInApplicant(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: false }).first().fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
}

/** Subjects of every e-mail to this address in the server's outbox. */
function subjectsTo(to: string): string[] {
  const dir = path.join(serverOf(test.info()).dataDir, "outbox");
  const files = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  return files
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .map((raw) => raw.slice(0, raw.indexOf("\n\n")))
    .filter((headers) => new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}$`, "mi").test(headers))
    .map(decodeSubject);
}

test("the operator previews a message to submitted applicants, then sends it; the job delivers it", async ({ page }) => {
  token = `${test.info().project.name}-${Date.now().toString(36)}`;
  await signInOperator(page);
  await page.goto("/en/operator");
  await page.getByRole("link", { name: "Messages" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages to groups");
  await page.getByRole("link", { name: "New message to a group" }).click();
  await expectAccessible(page);

  await page.getByLabel(/^Recipients/).selectOption("applicants");
  await page.getByLabel("Round", { exact: true }).selectOption(DEMO_ROUND_ID);
  await page.getByLabel("Application status", { exact: true }).selectOption("submitted");
  await page.getByLabel("Subject (English)").fill(`Interview schedule ${token}`);
  await page.getByLabel("Message (English)").fill("Dear {name}, interviews start in June.");
  await page.getByLabel("Subject (Tiếng Việt)").fill(`Lịch phỏng vấn ${token}`);
  // Japanese missing, Vietnamese body missing: explained, nothing lost.
  await submit(page, "Preview");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Subject (日本語)");
  await expect(summary).toContainText("Message (Tiếng Việt)");
  await expect(page.getByLabel("Subject (English)")).toHaveValue(`Interview schedule ${token}`);
  await expectAccessible(page);

  await page.getByLabel("Subject (日本語)").fill(`面接日程 ${token}`);
  await page.getByLabel("Message (日本語)").fill("{name} 様、面接は6月に始まります。");
  await page.getByLabel("Message (Tiếng Việt)").fill("Kính gửi {name}, phỏng vấn bắt đầu vào tháng Sáu.");
  await submit(page, "Preview");
  const count = page.getByTestId("preview-count");
  await expect(count).toHaveText(/^\d+ recipients?$/);
  const recipients = Number((await count.textContent())!.match(/\d+/)![0]);
  expect(recipients).toBeGreaterThan(1);
  await expect(page.getByTestId("sample-vi")).toContainText("Kính gửi Nguyễn Thị Lan, phỏng vấn bắt đầu vào tháng Sáu.");
  await expect(page.getByTestId("sample-en")).toContainText("interviews start in June.");
  await expect(page.getByLabel("Message (Tiếng Việt)")).toHaveValue("Kính gửi {name}, phỏng vấn bắt đầu vào tháng Sáu.");
  await expectAccessible(page);
  // The preview sent nothing.
  expect(subjectsTo(VIETNAMESE_SUBMITTED).filter((s) => s.includes(token))).toEqual([]);

  await submit(page, `Send to ${recipients} recipients`);
  await expect(page).toHaveURL(/\/en\/operator\/messages\/[0-9a-f-]+\?done=sent$/);
  messageUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("status")).toContainText("being delivered in the background");
  await expectAccessible(page);

  // The e-mail job (every second) delivers each recipient once, in their language.
  const mail = await latestMailTo(test.info(), VIETNAMESE_SUBMITTED, new RegExp(token));
  expect(decodeSubject(mail.headers)).toBe(`Lịch phỏng vấn ${token}`);
  expect(mail.body).toContain("Kính gửi Nguyễn Thị Lan, phỏng vấn bắt đầu vào tháng Sáu.");
  await expect
    .poll(
      async () => {
        await page.goto(messageUrl);
        return [await page.getByTestId("count-pending").textContent(), await page.getByTestId("count-sent").textContent()];
      },
      { timeout: 20_000 },
    )
    .toEqual(["0", String(recipients)]);
  await expect(page.getByTestId("count-failed")).toHaveText("0");
  await expect(page.getByText("No failed deliveries.")).toBeVisible();
  expect(subjectsTo(VIETNAMESE_SUBMITTED).filter((s) => s.includes(token))).toHaveLength(1);
  expect(subjectsTo("applicant12@demo.jip.example").filter((s) => s.includes(token))).toEqual([`Interview schedule ${token}`]);
  expect(subjectsTo(VIETNAMESE_DRAFT).filter((s) => s.includes(token))).toEqual([]);
  await expectAccessible(page);

  // The list shows the message with its counts.
  await page.getByRole("link", { name: "All messages" }).click();
  const row = page.getByRole("row").filter({ hasText: `Interview schedule ${token}` });
  await expect(row.getByRole("cell")).toHaveText(["Applicants of a round (by status)", /\S/, "0", String(recipients), "0"]);
  await expectAccessible(page);
});

test("the Vietnamese applicant reads it in the inbox in Vietnamese; a draft applicant has nothing", async ({ page }) => {
  await signInApplicant(page, VIETNAMESE_SUBMITTED);
  await page.goto("/vi/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hộp thư");
  const item = page.getByTestId("inbox-item").filter({ hasText: token });
  await expect(item).toContainText("Chưa đọc");
  await expectAccessible(page);
  await item.getByRole("link", { name: `Lịch phỏng vấn ${token}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lịch phỏng vấn ${token}`);
  await expect(page.getByTestId("message-body")).toHaveText("Kính gửi Nguyễn Thị Lan, phỏng vấn bắt đầu vào tháng Sáu.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Quay lại hộp thư" }).click();
  await expect(page.getByTestId("inbox-item").filter({ hasText: token })).not.toContainText("Chưa đọc");

  await page.context().clearCookies();
  await signInApplicant(page, VIETNAMESE_DRAFT);
  await page.goto("/vi/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hộp thư");
  await expect(page.getByText(token)).toHaveCount(0);
});
