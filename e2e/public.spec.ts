import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/fixtures.ts";

const LOCALES = ["ja", "en", "vi", "id", "zh", "th"] as const;

test("the home page is served in every applicant language, accessible, with a plain-link language switcher", async ({ page }) => {
  for (const locale of LOCALES) {
    const response = await page.goto(`/${locale}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${locale}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/en/");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/ja\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("国際化促進インターンシップ事業");
});

test("the root address sends the visitor to their language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(test.info().project.use.baseURL + "/");
  await expect(page).toHaveURL(/\/vi\/$/);
  await context.close();
});

test("an unknown page is a localized 404", async ({ page }) => {
  const response = await page.goto("/ja/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  await expectAccessible(page);
});

test("staff pages are Japanese and English only", async ({ page }) => {
  await page.goto("/th/operator");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Foperator/);
});
