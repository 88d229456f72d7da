import { type Page, expect, test } from "@playwright/test";
import { expectAccessible, latestMailTo, uniqueEmail } from "./support/fixtures.ts";

/**
 * The applicant's whole journey up to submission: sign up, fill every step,
 * fail eligibility and see why, fix it, upload (a rejected file first),
 * submit twice (one submission), receipt and status, withdraw.
 * JavaScript on runs it in English, JavaScript off in Vietnamese.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function save(page: Page) {
  await Promise.all([page.waitForLoadState("load"), page.locator('form[data-autosave] button[type="submit"]').click()]);
}

test("an applicant completes, submits and withdraws an application", async ({ page }) => {
  test.setTimeout(180_000);
  const jsOn = test.info().project.use.javaScriptEnabled !== false;
  const lang = jsOn ? "en" : "vi";
  const email = uniqueEmail(`journey-${lang}`, test.info());

  await page.goto(`/${lang}/apply`);
  await expectAccessible(page);
  await page.goto(`/${lang}/sign-up`);
  await page.locator('input[name="name"]').fill("Trần Thị Mai");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("journey-password-1");
  await page.locator('input[name="passwordConfirm"]').fill("journey-password-1");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/check-email$`));
  const mail = await latestMailTo(test.info(), email);
  await page.goto(mail.links.find((l) => l.includes("/api/auth/verify-email"))!);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("journey-password-1");
  await page.locator('button[type="submit"]').click();

  // Personal details: a nationality that is not on the DAC list, and a bad date first.
  await page.goto(`/${lang}/application`);
  await expect(page).toHaveURL(new RegExp(`/${lang}/application/personal$`));
  await expectAccessible(page);
  await page.locator('input[name="familyName"]').fill("Trần <b>");
  await page.locator('input[name="givenName"]').fill("Thị Mai");
  // The date of birth is three boxes: a whole date typed into the day box is refused, never read as another date.
  await page.locator('input[name="dateOfBirth.day"]').pressSequentially("14051996");
  await page.locator('select[name="nationality"]').selectOption("JP");
  await page.locator('select[name="residenceCountry"]').selectOption("VN");
  await page.locator('input[name="priorParticipant"][value="no"]').check();
  await page.locator('select[name="heardAbout"]').selectOption("university");
  await save(page);
  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.locator('select[name="heardAbout"]')).toHaveValue("university");
  await expect(page.locator("#field-dateOfBirth-error")).toBeVisible();
  await expect(page.locator('input[name="dateOfBirth.day"]')).toHaveValue("14051996");
  await expect(page.locator('.error-summary a[href="#field-dateOfBirth-day"]')).toBeVisible();
  await expect(page.locator('input[name="familyName"]')).toHaveValue("Trần <b>");
  await expect(page.getByTestId("eligibility-unmet")).toContainText(jsOn ? "is not on the list" : "Nhật Bản");
  // A rule they cannot change (nationality) stops the applicant right after the personal step (issue 19 item 4).
  await expect(page.getByTestId("blocking-eligibility")).toBeVisible();
  await expectAccessible(page);
  // While that stop applies, the review page does not offer Submit (issue 19 item 4).
  await page.goto(`/${lang}/application/review`);
  await expect(page.getByTestId("blocking-eligibility")).toBeVisible();
  await expect(page.locator('input[name="intent"][value="submit"]')).toHaveCount(0);
  await page.goto(`/${lang}/application/personal`);
  await page.locator('input[name="dateOfBirth.day"]').fill("12");
  await page.locator('input[name="dateOfBirth.month"]').fill("4");
  await page.locator('input[name="dateOfBirth.year"]').fill("1999");
  await page.locator('select[name="nationality"]').selectOption("VN");
  await save(page);
  await expect(page).toHaveURL(new RegExp(`/${lang}/application/contact$`));
  await expect(page.getByTestId("blocking-eligibility")).toHaveCount(0);

  await page.locator('input[name="phone"]').fill("+84 912 345 678");
  await save(page);
  await expect(page).toHaveURL(/\/application\/education$/);
  await page.locator('input[name="university"]').fill("Đại học Quốc gia Hà Nội");
  await page.locator('select[name="degree"]').selectOption("bachelor");
  await page.locator('input[name="field"]').fill("Kinh tế");
  await page.locator('input[name="graduationYear"]').fill("2021");
  await save(page);
  await expect(page).toHaveURL(/\/application\/languages$/);
  await expectAccessible(page);
  await page.locator('select[name="jlptLevel"]').selectOption("N4");
  await save(page);
  await expect(page).toHaveURL(/\/application\/motivation$/);
  // N4 alone is not enough: the eligibility summary says so.
  await expect(page.getByTestId("eligibility-unmet")).toContainText("N3");
  await page.goto(`/${lang}/application/languages`);
  await page.locator('select[name="englishTest"]').selectOption("toeic_lr");
  await page.locator('input[name="englishScore"]').fill("785");
  await save(page);
  await page.locator('textarea[name="motivationLearn"]').fill("Quản lý chất lượng kiểu Nhật, kaizen và 5S.");
  await page.locator('textarea[name="motivationUse"]').fill("Áp dụng tại công ty gia đình ở Đà Nẵng.");
  await save(page);
  await expect(page).toHaveURL(/\/application\/preferences$/);
  await page.locator('input[name="preferredRegions"][value="kyushu_okinawa"]').check();
  await page.locator('input[name="availablePeriods"][value="A"]').check();
  await save(page);
  await expect(page).toHaveURL(/\/application\/documents$/);
  await expectAccessible(page);

  // A file that is not a PDF/JPEG/PNG is refused, whatever its name; nothing else changes.
  await page.locator('select[name="kind"]').selectOption("graduation_certificate");
  await page.locator('input[name="file"]').setInputFiles({ name: "diploma.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a pdf") });
  await Promise.all([page.waitForLoadState("load"), page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click()]);
  await expect(page.locator("#field-file-error")).toBeVisible();
  await expect(page.getByTestId("documents")).toHaveCount(0);
  await page.locator('select[name="kind"]').selectOption("graduation_certificate");
  await page.locator('input[name="file"]').setInputFiles({ name: "bằng tốt nghiệp.pdf", mimeType: "application/pdf", buffer: PDF });
  await Promise.all([page.waitForLoadState("load"), page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click()]);
  await expect(page.getByTestId("documents")).toContainText("bằng tốt nghiệp.pdf");
  await expectAccessible(page);

  // Submitting before the agreements is refused and explained.
  await page.goto(`/${lang}/application/review`);
  await Promise.all([page.waitForLoadState("load"), page.locator('input[name="intent"][value="submit"] + button').click()]);
  await expect(page.locator(".error-summary")).toBeVisible();
  await page.goto(`/${lang}/application/consents`);
  await page.locator('input[name="consentPurpose"]').check();
  await page.locator('input[name="consentPrivacy"]').check();
  await save(page);
  await expect(page).toHaveURL(/\/application\/review$/);
  await expectAccessible(page);
  await expect(page.locator(".eligibility .notice")).toBeVisible();

  await Promise.all([page.waitForLoadState("load"), page.locator('input[name="intent"][value="submit"] + button').click()]);
  await expect(page).toHaveURL(new RegExp(`/${lang}/application/receipt$`));
  const receipt = (await page.getByTestId("receipt-number").textContent())!;
  expect(receipt).toMatch(/^JIP\d{2}-\d+$/);
  // The receipt says what comes next, and when (issue 19 item 10); so do the e-mail and the status page below.
  const nextStep = (await page.getByTestId("next-steps").locator("p").textContent())!;
  expect(nextStep.length).toBeGreaterThan(20);
  await expectAccessible(page);
  // A second submission (another tab, a retry) yields the same receipt.
  const again = await page.request.post(`/${lang}/application/review`, { form: { intent: "submit" } });
  expect(again.url()).toMatch(/\/application\/receipt$/);
  expect(await again.text()).toContain(receipt);
  const receiptMail = await latestMailTo(test.info(), email, new RegExp(receipt));
  expect(receiptMail.headers).toMatch(new RegExp(`Content-Language: ${lang}`));
  expect(receiptMail.body.replace(/\s+/g, " ")).toContain(nextStep.replace(/\s+/g, " ").slice(0, 40));

  await page.goto(`/${lang}/application/status`);
  await expect(page.getByTestId("application-status")).toBeVisible();
  await expect(page.getByTestId("next-steps")).toContainText(nextStep.slice(0, 40));
  await expectAccessible(page);
  await page.locator('textarea[name="reason"]').fill("Tôi đã nhận được việc làm.");
  await Promise.all([page.waitForLoadState("load"), page.locator('form:has(textarea[name="reason"]) button[type="submit"]').click()]);
  await expect(page.locator('p[role="status"]')).toBeVisible();
  await expect(page.locator('textarea[name="reason"]')).toHaveCount(0);
  await expectAccessible(page);
});
