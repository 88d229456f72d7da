import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_HOST_TRAINING_LOGINS } from "#src/db/seed/demo-host-training.ts";
import { DEMO_INTERNSHIP_LOGINS, DEMO_INTERNSHIP_ROUND_ID } from "#src/db/seed/demo-internship.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * Host training and final presentations (issue 16 items 2 and 6, ADR 0038),
 * on the demo internship round: a host member takes the first e-learning
 * module in Japanese (a wrong answer is named, then all right completes it);
 * the operator turns on "training before the placement starts", sees the
 * Thai intern's placement listed (no supervisor), schedules a session and
 * records the host member's attendance, and schedules the Thai intern's final
 * presentation; the intern uploads slides; the host member sees the
 * presentation and downloads the slides, marked "not scanned" (these servers
 * have no malware scanner; e2e/malware-scan.spec.ts has one). It changes
 * nothing the internship specs read. axe on every page; JavaScript on and off.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_HOST_TRAINING_LOGINS.operator);

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale });
  return context.newPage();
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
}

test("a host member completes the first e-learning module in Japanese; a wrong answer is named", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await signIn(page, DEMO_HOST_TRAINING_LOGINS.hostMember);
  await page.goto("/ja/host");
  await page.getByRole("link", { name: "受入企業研修" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("受入企業研修");
  await expect(page.getByTestId("module-program")).toContainText("未修了");
  await expect(page.getByTestId("training-session").first()).toContainText("キックオフ研修");
  await expectAccessible(page);

  await page.getByRole("link", { name: "プログラムとインターンの在留資格" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("受入企業研修：プログラムとインターンの在留資格");
  const q1 = page.getByRole("group", { name: "プログラムの在留資格でインターンができることは何ですか。" });
  const q2 = page.getByRole("group", { name: "インターンの日当と受入企業の補助金は何に基づきますか。" });
  const q3 = page.getByRole("group", { name: "インターンシップ中、すべての受入れを見守るのは誰ですか。" });
  await q1.getByLabel("受入企業でのインターンシップのみ").check();
  await q2.getByLabel("書かれた日報の数").check();
  await q3.getByLabel("事務局").check();
  await submit(page, "答え合わせをする");
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("インターンの日当と受入企業の補助金は何に基づきますか。");
  await expect(summary).toContainText("この答えは正しくありません");
  await expect(summary).not.toContainText("プログラムの在留資格でインターンができることは何ですか。");
  await expect(q1.getByLabel("受入企業でのインターンシップのみ")).toBeChecked();
  await expectAccessible(page);

  await q2.getByLabel("記録・確認された出勤日").check();
  await submit(page, "答え合わせをする");
  await expect(page.getByRole("status")).toHaveText("全問正解です。このモジュールを修了として記録しました。");
  await page.getByRole("link", { name: "受入企業研修に戻る" }).click();
  await expect(page.getByTestId("module-program")).toContainText("に修了");
  await expect(page.getByTestId("module-safety")).toContainText("未修了");
  await page.context().close();
});

test("the operator requires training before the start, sees the placement held back, schedules a session and records attendance", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signInOperator(page);
  await page.goto(`/en/operator/rounds/${DEMO_INTERNSHIP_ROUND_ID}/placements`);
  await page.getByRole("link", { name: "Host training" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Host training:");
  await expect(page.getByTestId("training-setting")).toContainText("Off:");
  await expectAccessible(page);

  await page.getByLabel("Yes: hold back placements whose supervisor has not completed it").check();
  await submit(page, "Save the setting");
  await expect(page.getByRole("status")).toHaveText("The setting was saved.");
  await expect(page.getByTestId("training-setting")).toContainText("On:");
  const somchai = page.getByTestId("unready-placement").filter({ hasText: "Somchai Srisuk" });
  await expect(somchai).toContainText("No supervisor named");
  await expect(somchai).toContainText("Started without a trained supervisor");

  await page.getByRole("combobox", { name: "Session" }).selectOption("follow_up");
  await page.getByLabel("Date and time (Japan)").fill("2026-12-15T10:00");
  await submit(page, "Schedule the session");
  await expect(page.locator(".error-summary")).toContainText("Enter a place, an online link, or both.");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Place", exact: true }).fill("Osaka office, room 3");
  await submit(page, "Schedule the session");
  await expect(page.getByRole("status")).toHaveText("The session was scheduled.");

  const session = page.getByTestId("operator-session").filter({ hasText: "Osaka office, room 3" });
  await session.getByLabel("新井 美咲", { exact: false }).check();
  await Promise.all([page.waitForLoadState("load"), session.getByRole("button", { name: "Save the attendance" }).click()]);
  await expect(page.getByRole("status")).toHaveText("The attendance was saved.");
  await expect(page.getByTestId("operator-session").filter({ hasText: "Osaka office, room 3" }).getByLabel("新井 美咲", { exact: false })).toBeChecked();
  const member = page.getByTestId("round-member-training").filter({ hasText: "新井 美咲" });
  await expect(member).toContainText("Safety, harassment and incidents");
  await expect(member).not.toContainText("The program and the intern's status");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Final presentations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Final presentations:");
  await page.getByRole("combobox", { name: "Intern" }).selectOption({ label: "Somchai Srisuk" });
  await page.getByLabel("Date and time (Japan)").fill("2026-12-22T15:00");
  await page.getByLabel("Online link").fill("https://meet.example.org/final-somchai");
  await submit(page, "Schedule the presentation");
  await expect(page.getByRole("status")).toHaveText("The final presentation was scheduled.");
  await expect(page.getByTestId("presentation").filter({ hasText: "Somchai Srisuk" })).toContainText("https://meet.example.org/final-somchai");
  await expectAccessible(page);
  await page.context().close();
});

test("the intern uploads slides; the host member sees the presentation and downloads them", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await signIn(page, DEMO_INTERNSHIP_LOGINS.thaiIntern);
  await page.goto("/en/internship");
  await page.getByRole("link", { name: "Final presentation and slides" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Final presentation");
  await expect(page.getByTestId("presentation-schedule")).toContainText("https://meet.example.org/final-somchai");
  await expectAccessible(page);

  await page.getByLabel("Slides (PDF or PowerPoint)").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not slides") });
  await submit(page, "Upload the slides");
  await expect(page.locator(".error-summary")).toContainText("The file must be a PDF or a PowerPoint (PPTX) file.");
  await expectAccessible(page);
  await page.getByLabel("Slides (PDF or PowerPoint)").setInputFiles({
    name: "final-somchai.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await submit(page, "Upload the slides");
  await expect(page.getByRole("status")).toHaveText("Your slides were uploaded.");
  await expect(page.getByTestId("my-slides")).toContainText("final-somchai.pdf");
  await page.context().close();

  const host = await newPage(browser, "ja-JP");
  await signIn(host, DEMO_HOST_TRAINING_LOGINS.hostMember);
  await host.goto("/ja/host/internship");
  await host.getByRole("link", { name: "Somchai Srisuk" }).click();
  await expect(host.getByTestId("training-block")).toContainText("指導担当者が受入企業研修を修了する必要があります");
  await expect(host.getByTestId("host-presentation")).toContainText("https://meet.example.org/final-somchai");
  // The shared e2e servers run without a malware scanner: the slides are served, marked as not scanned (ADR 0028).
  await expect(host.getByTestId("slides-status")).toContainText("final-somchai.pdf をダウンロード — 未チェック（マルウェアスキャナー未設定）");
  const link = host.getByRole("link", { name: "final-somchai.pdf をダウンロード" });
  const href = (await link.getAttribute("href")) ?? "";
  const download = await host.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).toString()).toContain("%PDF-1.4");
  await expectAccessible(host);
  await host.context().close();
});
