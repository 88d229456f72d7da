import sharp from "sharp";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_CASE_LOGINS } from "#src/db/seed/demo-cases.ts";
import { DEMO_PASSWORD, expectAccessible, submit } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The case-study journey (issue 18): a host drafts a case in Japanese with
 * an image (a file that is not an image first: refused, the text kept); the
 * operator adds the English version, sees the diff, approves and publishes;
 * a visitor filters the library by theme and region in English, opens the
 * case, and searches a Japanese word in the Japanese library; the operator
 * withdraws it and its address says so (410). axe on every page.
 */
test.describe.configure({ mode: "serial" });

const signInOperator = staffSignIn(DEMO_CASE_LOGINS.operator);
const JA = {
  title: "繊維の端材を東南アジアへ：神戸の織物会社の海外展開",
  summary: "神戸の織物会社が、マレーシア出身のインターン生と端材の新しい販路を東南アジアに見つけました。",
  company: "神戸市でシャツ用の生地を織る従業員60名の企業です。",
  challenge: "毎月出る端材の使い道がなく、海外の販路もありませんでした。",
  internWork: "インターン生がクアラルンプールの雑貨メーカー50社を調べ、<b>試作品</b>を届けました。",
  results: "2社と取引が始まりました。",
};
const EN = {
  title: "Fabric offcuts to Southeast Asia: a Kobe weaver goes abroad",
  summary: "A weaver in Kobe found new buyers for its fabric offcuts in Southeast Asia with its intern from Malaysia.",
  company: "A 60-employee company in Kobe that weaves shirt fabrics.",
  challenge: "Offcuts piled up every month, and the company had no sales abroad.",
  internWork: "The intern researched 50 makers of household goods in Kuala Lumpur and sent them <b>samples</b>.",
  results: "Two companies became customers.",
};
const run = { caseUrl: "", publicPath: "" };

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale });
  return context.newPage();
}

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 30, g: 120, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Hidden Name" } })
    .toBuffer();
}

test("a host drafts a case in Japanese with an image; a file that is not an image is refused and the text kept", async ({ browser }) => {
  const page = await newPage(browser, "ja-JP");
  await page.goto("/ja/sign-in");
  await page.locator("input[name=email]").fill(DEMO_CASE_LOGINS.host);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await submit(page, "ログイン");
  await page.goto("/ja/host/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("事例");
  await expectAccessible(page);
  await page.getByRole("link", { name: "事例を書く" }).click();
  await expect(page).toHaveURL(/\/ja\/host\/cases\/new$/);
  await expectAccessible(page);
  await submit(page, "作成して書き始める");
  await expect(page.locator(".error-summary")).toContainText("テーマ");
  await page.getByLabel("海外展開", { exact: true }).check();
  await submit(page, "作成して書き始める");
  await expect(page).toHaveURL(/\/ja\/host\/cases\/[0-9a-f-]{36}$/);
  run.caseUrl = new URL(page.url()).pathname.replace("/ja/host/", "/en/operator/");
  await expect(page.getByText("インターン生の知見を生かして", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  for (const [key, value] of Object.entries(JA)) {
    const label = { title: "タイトル", summary: "概要", company: "企業の概要", challenge: "課題", internWork: "インターン生の取り組み", results: "成果" }[key]!;
    await page.getByLabel(`${label} (日本語)`, { exact: true }).fill(value);
  }
  await page.getByLabel("声 1: 発言 (日本語)", { exact: true }).fill("端材が商品になるとは思いませんでした。");
  await page.getByLabel("声 1: 発言者（例：代表取締役、ベトナム出身のインターン生） (日本語)", { exact: true }).fill("代表取締役");
  await page.getByLabel("インターン生の国籍").selectOption("MY");
  // Not an image: refused with a clear message; everything typed is still there.
  await page.getByLabel("画像ファイル").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<svg onload=alert(1)>") });
  await submit(page, "保存する");
  await expect(page.locator(".error-summary")).toContainText("JPEG または PNG の画像ではありません");
  await expect(page.getByLabel("タイトル (日本語)", { exact: true })).toHaveValue(JA.title);
  await expectAccessible(page);
  // A real photo: resized and added.
  await page.getByLabel("画像ファイル").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await page.getByLabel("画像の説明（日本語。画像が見えない方のため）").last().fill("端材で作った試作品");
  await submit(page, "保存する");
  await expect(page.getByRole("status")).toHaveText("画像を追加しました。");
  await expect(page.getByLabel("タイトル (日本語)", { exact: true })).toHaveValue(JA.title);
  const thumb = page.locator(".case-image img");
  await expect(thumb).toHaveAttribute("alt", "端材で作った試作品");
  const img = await page.request.get(await thumb.getAttribute("src").then((s) => s!));
  expect(img.status()).toBe(200);
  expect((await img.body()).includes(Buffer.from("Hidden Name"))).toBe(false);
  await submit(page, "確認を依頼する");
  await expect(page.getByRole("status")).toHaveText("事務局に確認を依頼しました。");
  await expect(page.getByTestId("case-status")).toHaveText("確認中");
  await page.context().close();
});

test("the operator adds the English version, sees the diff, approves and publishes", async ({ page }) => {
  await signInOperator(page);
  await page.goto("/en/operator");
  await expect(page.getByTestId("case-counts")).toContainText("Japan Internship Program FY2027");
  await page.goto("/en/operator/cases?status=in_review");
  await expectAccessible(page);
  await page.getByRole("link", { name: JA.title }).click();
  await expect(page).toHaveURL(new RegExp(`${run.caseUrl}$`));
  await expect(page.getByTestId("case-status")).toHaveText("In review");
  await expectAccessible(page);
  for (const [key, value] of Object.entries(EN)) {
    const label = {
      title: "Title",
      summary: "Summary",
      company: "The company",
      challenge: "The challenge",
      internWork: "What the intern did",
      results: "Results",
    }[key]!;
    await page.getByLabel(`${label} (English)`, { exact: true }).fill(value);
  }
  await page.getByLabel("Quote 1: What was said (English)", { exact: true }).fill("We never thought offcuts could become products.");
  await page.getByLabel("Quote 1: Who said it (e.g. President, or Intern from Vietnam) (English)", { exact: true }).fill("President");
  await page.getByLabel("Description in English (for people who cannot see the image)").first().fill("A prototype made from fabric offcuts");
  await submit(page, "Save");
  await expect(page.getByRole("status")).toContainText("Saved (revision");
  await page.getByRole("link", { name: "Revisions and changes" }).click();
  await expect(page.getByTestId("diff")).toContainText("Title (English)");
  await expect(page.getByTestId("diff").locator("ins").first()).toContainText("Fabric offcuts to Southeast Asia");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the case study" }).click();
  await submit(page, "Approve");
  await expect(page.getByTestId("case-status")).toHaveText("Approved");
  await expect(page.getByLabel("Japanese", { exact: true })).toBeChecked();
  await expect(page.getByLabel("English", { exact: true })).toBeChecked();
  await submit(page, "Publish");
  await expect(page.getByRole("status")).toContainText("Published. Its public address:");
  run.publicPath = (await page.getByRole("status").textContent())!.match(/\/en\/cases\/\d+/)![0];
  await expect(page.getByTestId("case-status")).toHaveText("Published");
});

test("a visitor filters the library by theme and region in English, opens the case, and searches a Japanese word in Japanese", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await page.goto("/en/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case studies");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Overseas business expansion" }).click();
  await expect(page).toHaveURL(/theme=overseas_expansion/);
  await page.getByLabel("Region").selectOption("kinki");
  await submit(page, "Show case studies");
  await expect(page).toHaveURL(/theme=overseas_expansion/);
  await expect(page).toHaveURL(/region=kinki/);
  await expect(page.getByTestId("case-count")).toHaveText("1 case study");
  await expect(page.getByRole("link", { name: "Remove filter: Kinki" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: EN.title }).click();
  await expect(page).toHaveURL(new RegExp(`${run.publicPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(EN.title);
  // Markup typed into the text is shown as text, never run.
  await expect(page.getByText("sent them <b>samples</b>.", { exact: false })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", EN.title);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "Article", headline: EN.title, inLanguage: "en" });
  await expect(page.locator("img").first()).toHaveAttribute("loading", "lazy");
  await expectAccessible(page);
  await page.goto("/ja/cases");
  await page.getByLabel("キーワード").fill("端材");
  await submit(page, "事例を表示");
  await expect(page).toHaveURL(/q=%E7%AB%AF%E6%9D%90/);
  await expect(page.getByTestId("case-count")).toHaveText("1件の事例");
  await expect(page.getByRole("link", { name: JA.title })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("a withdrawn case keeps its address, answering 410 with a page that says so", async ({ page, browser }) => {
  await signInOperator(page);
  await page.goto(run.caseUrl);
  await page.getByLabel("Why is it withdrawn? (kept in the history)").fill("The company asked us to update the figures first.");
  await submit(page, "Withdraw from the library");
  await expect(page.getByTestId("case-status")).toHaveText("Withdrawn");
  const visitor = await newPage(browser, "en-US");
  const response = await visitor.goto(run.publicPath);
  expect(response!.status()).toBe(410);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This case study has been withdrawn");
  await expectAccessible(visitor);
  await visitor.context().close();
});
