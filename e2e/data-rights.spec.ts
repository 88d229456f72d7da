import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * Data rights complete (issue 19 item 7), JavaScript on and off, axe: the operator sets a round's
 * retention schedule and the privacy notice shows it; a host member downloads their data and deletes
 * their account; a person who registered for an information session without an account opens their
 * data from the e-mailed link (in Vietnamese), downloads it and erases it.
 */
test.describe.configure({ mode: "serial" });

const OPERATOR = "operator-rights@demo.jip.example";
const HOST = "host-rights@demo.jip.example";
const REGISTRANT_LINK = "/vi/sessions/my-data/demo-data-rights-registrant-link-0000000000";
const DEMO_ROUND_ID = "00000000-0000-4000-8000-000000002027";

test("the operator sets a round's retention schedule (bad input explained); the privacy notice shows it", async ({ page }) => {
  await staffSignIn(OPERATOR)(page);
  await page.goto(`/en/operator/rounds/${DEMO_ROUND_ID}`);
  await page.getByRole("link", { name: "Retention of personal data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Retention of personal data");
  await expect(page.getByLabel(/^Applicants not selected/)).toHaveValue("12");
  await expectAccessible(page);
  await page.getByLabel(/^Applicants not selected/).fill("0");
  await submit(page, "Save the schedule");
  await expect(page.getByRole("alert")).toContainText("Applicants not selected");
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);
  await page.getByLabel(/^Applicants not selected/).fill("9");
  await page.getByLabel(/^Participants/).fill("48");
  await submit(page, "Save the schedule");
  await expect(page.getByTestId("retention-saved")).toHaveText("The schedule was saved.");
  await expect(page.getByLabel(/^Applicants not selected/)).toHaveValue("9");

  await page.goto("/vi/privacy");
  const schedule = page.getByRole("table");
  await expect(schedule).toContainText("9 tháng sau khi kết thúc");
  await expect(schedule).toContainText("48 tháng sau khi kết thúc");
  await expect(page.getByText("Địa chỉ IP trong nhật ký bảo mật: xóa sau 90 ngày.")).toBeVisible();
  await expectAccessible(page);
});

test("a host member downloads their data and deletes their account", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(HOST);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
  await page.goto("/en/account");
  await page.getByRole("link", { name: "My data: download or delete" }).click();
  await expect(
    page.getByText("Your registrations for information sessions and the group messages sent to you are erased too.", { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
  const download = await page.request.get("/en/account/data.json");
  expect(download.headers()["content-disposition"]).toMatch(/attachment/);
  const data = (await download.json()) as { hostOrganizations: { organization: string; role: string }[] };
  expect(data.hostOrganizations).toEqual([expect.objectContaining({ organization: "権利工業株式会社", role: "admin" })]);

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Delete my account");
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("I understand that my account and my personal data will be deleted.").check();
  await submit(page, "Delete my account");
  await expect(page).toHaveURL(/\/en\/\?deleted=1/);
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail address").fill(HOST);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, "Sign in");
  await expect(page.getByRole("alert")).toBeVisible();
});

test("a registrant without an account opens their data from the e-mailed link, downloads it and erases it", async ({ page }) => {
  await page.goto(REGISTRANT_LINK);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dữ liệu đăng ký buổi giới thiệu của bạn");
  await expect(page.getByText("visitor-rights@demo.jip.example")).toBeVisible();
  await expectAccessible(page);
  const download = await page.request.get(`${REGISTRANT_LINK}/data.json`);
  expect(download.headers()["content-disposition"]).toMatch(/attachment/);
  const data = (await download.json()) as { sessionRegistrations: { name: string; session: { title: string } }[] };
  expect(data.sessionRegistrations).toEqual([
    expect.objectContaining({ name: "Trần Minh Anh", session: expect.objectContaining({ title: "Buổi giới thiệu trực tuyến" }) }),
  ]);

  await submit(page, "Xóa dữ liệu của tôi");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveTitle(/^Error:|^Lỗi:/);
  await expectAccessible(page);
  await page.getByLabel("Tôi hiểu rằng các đăng ký và dữ liệu của tôi sẽ bị xóa.").check();
  await submit(page, "Xóa dữ liệu của tôi");
  await expect(page.getByRole("status")).toHaveText("Dữ liệu của bạn đã bị xóa. Liên kết này không còn sử dụng được.");
  await expectAccessible(page);
  // The link now opens only that message; the data file is gone.
  await page.goto(REGISTRANT_LINK);
  await expect(page.getByRole("status")).toHaveText("Dữ liệu của bạn đã bị xóa. Liên kết này không còn sử dụng được.");
  expect((await page.request.get(`${REGISTRANT_LINK}/data.json`)).status()).toBe(404);
});
