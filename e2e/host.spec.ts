import { type Browser, type Page, expect, test } from "@playwright/test";
import { corporateNumberCheckDigit } from "#src/domain/corporate-number.ts";
import { expectAccessible, latestMailTo, submit, uniqueEmail } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * The host journey: a host signs up and registers the organization (a bad
 * corporate number first), invites a colleague who accepts, applies for the
 * open round with two positions and submits; an operator filters the host
 * applications, opens this one and accepts it; the host sees the decision.
 * Host pages in Japanese (the colleague's in English), operator pages in English.
 */
test.describe.configure({ mode: "serial" });

const OPERATOR = "operator2@demo.jip.example";
const signInOperator = staffSignIn(OPERATOR);
const DEMO_ROUND_ID = "00000000-0000-4000-8000-000000002027";
const HOST_PASSWORD = "host-password-2027";

const run = { admin: "", colleague: "", nameJa: "", nameEn: "", corporateNumber: "", receipt: "" };

function newCorporateNumber(): string {
  const base = String(Date.now()).slice(-10) + String(Math.floor(Math.random() * 90) + 10);
  return `${corporateNumberCheckDigit(base)}${base}`;
}

async function signIn(page: Page, lang: "ja" | "en", email: string, password: string, next?: string) {
  await page.goto(`/${lang}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await submit(page, lang === "ja" ? "ログイン" : "Sign in");
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled, locale: "ja-JP" });
  return context.newPage();
}

test("a host signs up, registers the organization (bad corporate number first) and a colleague joins", async ({ page, browser }) => {
  const info = test.info();
  const stamp = `${info.project.name}-${Date.now().toString(36)}`;
  run.admin = uniqueEmail("host-admin", info);
  run.colleague = uniqueEmail("host-colleague", info);
  run.nameJa = `北海道テスト精工株式会社 ${stamp}`;
  run.nameEn = `Hokkaido Test Seiko ${stamp}`;
  run.corporateNumber = newCorporateNumber();

  // Host pages are Japanese and English only.
  await page.goto("/vi/host/sign-up");
  await expect(page).toHaveURL(/\/en\/host\/sign-up$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account for your organization");
  await expectAccessible(page);
  await page.goto("/ja/host/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("受入企業のアカウント作成");
  await expectAccessible(page);
  await page.getByLabel("氏名").fill("北海 太郎");
  await page.getByLabel("メールアドレス").fill(run.admin);
  await page.locator("input[name=password]").fill(HOST_PASSWORD);
  await page.locator("input[name=passwordConfirm]").fill(HOST_PASSWORD);
  await submit(page, "アカウントを作成");
  await expect(page).toHaveURL(/\/ja\/check-email$/);
  const verify = await latestMailTo(info, run.admin);
  await page.goto(verify.links.find((l) => l.includes("/api/auth/verify-email"))!);
  await signIn(page, "ja", run.admin, HOST_PASSWORD, "/ja/host");
  await expect(page).toHaveURL(/\/ja\/host$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("組織を登録する");
  await expectAccessible(page);
  await page.getByRole("link", { name: "組織を登録する", exact: true }).last().click();
  await expect(page).toHaveURL(/\/ja\/host\/organization\/new$/);
  await expectAccessible(page);

  // A corporate number whose check digit is wrong: refused, saying which rule failed; everything typed is kept.
  const wrong = `${(Number(run.corporateNumber[0]) % 9) + 1}${run.corporateNumber.slice(1)}`;
  await page.getByLabel("法人番号").fill(wrong);
  await page.getByLabel("法人格").selectOption("株式会社");
  await page.getByLabel("組織の種類").selectOption("sme");
  await page.getByLabel("名称（日本語）").fill(run.nameJa);
  await page.getByLabel("名称（英語）").fill(run.nameEn);
  await page.getByLabel("郵便番号").fill("060-0001");
  await page.getByLabel("都道府県").selectOption("01");
  await page.getByLabel("所在地（日本語）").fill("札幌市中央区北1条西1丁目");
  await page.getByLabel("業種（日本標準産業分類の大分類）").selectOption("E");
  await page.getByLabel("従業員数").fill("12.5");
  await page.locator("select[name=overseasStatus]").selectOption("ongoing");
  // Overseas countries are ticked in a list grouped by region (issue 19 item 8), not typed as codes.
  const countries = page.getByRole("group", { name: "海外展開先の国" });
  await countries.getByText(/^東南アジア/).click();
  await countries.getByLabel("ベトナム", { exact: true }).check();
  await countries.getByLabel("タイ", { exact: true }).check();
  await page.getByLabel("英語", { exact: true }).check();
  await submit(page, "組織を登録");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("次の項目を修正してください");
  await expect(summary).toContainText("チェックデジット");
  await expect(summary).toContainText("整数で入力してください。");
  await expect(page.getByLabel("法人番号")).toHaveValue(wrong);
  await expect(page.getByLabel("名称（日本語）")).toHaveValue(run.nameJa);
  await expect(page.getByLabel("英語", { exact: true })).toBeChecked();
  await expect(page.getByLabel("都道府県")).toHaveValue("01");
  await expect(countries.getByLabel("ベトナム", { exact: true })).toBeChecked();
  await expect(countries.getByLabel("タイ", { exact: true })).toBeChecked();
  await expect(countries.getByText(/^東南アジア/)).toContainText("2か国を選択");
  await expectAccessible(page);

  await page.getByLabel("法人番号").fill(run.corporateNumber);
  await page.getByLabel("従業員数").fill("12");
  await submit(page, "組織を登録");
  await expect(page).toHaveURL(/\/ja\/host\?registered=1$/);
  await expect(page.getByRole("status")).toHaveText("組織を登録しました。このアカウントが組織の管理者です。");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(run.nameJa);
  // A new organization waits for the program office's check (ADR 0029).
  await expect(page.getByTestId("organization-verification")).toContainText("組織は事務局による確認待ちです。");
  await expect(page.locator("dd", { hasText: "10～99人" })).toHaveCount(1);
  await expect(page.locator("dd", { hasText: "北海道" }).first()).toBeVisible();
  await expectAccessible(page);

  // Invite a colleague (the e-mail in English).
  await page.getByRole("link", { name: "メンバー" }).click();
  await expectAccessible(page);
  await page.getByLabel("メールアドレス").fill(run.colleague);
  await page.getByLabel("メールの言語").selectOption("en");
  await submit(page, "招待を送信");
  await expect(page.getByRole("status")).toHaveText("招待を送信しました。");
  await expect(page.getByText(run.colleague)).toBeVisible();

  const mail = await latestMailTo(info, run.colleague);
  const link = mail.links.find((l) => l.includes("/en/host/invitation/"))!;
  const cp = await newPage(browser);
  await cp.goto(link);
  await expect(cp.getByRole("heading", { level: 1 })).toHaveText(`Join ${run.nameJa}`);
  await expectAccessible(cp);
  await cp.getByLabel("Full name").fill("Hanako Kita");
  await cp.locator("input[name=password]").fill(HOST_PASSWORD);
  await cp.locator("input[name=passwordConfirm]").fill(HOST_PASSWORD);
  await submit(cp, "Create account and join");
  await expect(cp).toHaveURL(/\/en\/sign-in\?next=/);
  await cp.locator("input[name=email]").fill(run.colleague);
  await cp.locator("input[name=password]").fill(HOST_PASSWORD);
  await submit(cp, "Sign in");
  await expect(cp).toHaveURL(/\/en\/host\?joined=1$/);
  await expect(cp.getByRole("status")).toHaveText("You have joined the organization.");
  await expect(cp.getByRole("heading", { level: 1 })).toHaveText(run.nameEn);
  await expectAccessible(cp);
  await cp.context().close();

  await page.goto("/ja/host/members");
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody tr", { hasText: "Hanako Kita" })).toContainText("メンバー");
});

test("the host applies for the open round with two positions; submitting waits for the operator to verify the organization", async ({ page, browser }) => {
  await signIn(page, "ja", run.admin, HOST_PASSWORD, "/ja/host");
  await page.getByRole("link", { name: "2027年度 国際化促進インターンシップ事業" }).click();
  await expect(page).toHaveURL(new RegExp(`/ja/host/rounds/${DEMO_ROUND_ID}$`));
  await expect(page.getByTestId("host-application-status")).toHaveText("下書き");
  await expectAccessible(page);

  // Saving without agreeing: refused, what was typed is kept.
  await page.getByLabel("海外展開のための知見の獲得").check();
  await page.getByRole("textbox", { name: "どのように取り組みますか" }).fill("東南アジアの市場調査をインターン生と行う。");
  await page.getByRole("textbox", { name: "指導担当者" }).fill("北海 太郎");
  await page.getByRole("textbox", { name: "業務指導" }).fill("週1回の面談と日報へのコメント。");
  await page.getByRole("textbox", { name: "住居の支援" }).fill("社宅を用意する。");
  await page.getByRole("textbox", { name: "通勤" }).fill("バス定期券を支給する。");
  await page.getByRole("textbox", { name: "保険" }).fill("事業の保険に加入する。");
  await page.getByRole("textbox", { name: "来日時の支援" }).fill("新千歳空港まで出迎える。");
  await submit(page, "保存");
  await expect(page.getByRole("alert")).toContainText("申請するには事業の趣旨への同意が必要です。");
  await expect(page.getByRole("textbox", { name: "指導担当者" })).toHaveValue("北海 太郎");
  await expect(page.getByLabel("海外展開のための知見の獲得")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/事業の趣旨に賛同し/).check();
  await submit(page, "保存");
  await expect(page.getByRole("status")).toHaveText("保存しました。");

  // First position: capacity 0 is refused with a clear message.
  await page.getByRole("link", { name: "ポジションを追加" }).click();
  await expectAccessible(page);
  await page.getByLabel("ポジション名").fill("海外営業アシスタント");
  await page.getByLabel("業務内容").fill("ベトナム向けの商談資料の作成。");
  await page.getByLabel("勤務地（都道府県）").selectOption("01");
  await page.getByLabel("受入人数").fill("0");
  await page.getByLabel("必要な語学力").selectOption("N3");
  await page.getByLabel("分野").fill("営業, マーケティング");
  await submit(page, "ポジションを保存");
  await expect(page.getByRole("alert")).toContainText("受入人数は1人以上にしてください。");
  await expect(page.getByLabel("ポジション名")).toHaveValue("海外営業アシスタント");
  await expectAccessible(page);
  await page.getByLabel("受入人数").fill("1");
  await submit(page, "ポジションを保存");
  await expect(page.getByRole("status")).toHaveText("ポジションを保存しました。");

  await page.getByRole("link", { name: "ポジションを追加" }).click();
  await page.getByLabel("ポジション名").fill("Production engineering intern");
  await page.getByLabel("業務内容").fill("Kaizen on the machining line.");
  await page.getByLabel("部署").fill("製造部");
  await page.getByLabel("勤務地（都道府県）").selectOption("01");
  await page.getByLabel("受入人数").fill("2");
  await page.getByLabel("必要な語学力").selectOption("english");
  await submit(page, "ポジションを保存");
  await expect(page.locator("#positions + table tbody tr")).toHaveCount(2);
  await expectAccessible(page);

  // Not yet verified: a clear refusal, the draft kept.
  await submit(page, "申請を提出");
  await expect(page.getByText("組織は事務局による確認待ちのため、まだ申請を提出できません。")).toBeVisible();
  await expect(page.getByTestId("host-application-status")).toHaveText("下書き");

  // The operator checks the registered name and address against the corporate number and verifies it.
  const op = await newPage(browser);
  await signInOperator(op);
  await op.goto("/en/operator/organizations");
  await expect(op.getByRole("heading", { level: 1 })).toHaveText("Organization verification");
  const pending = op.locator("tbody tr", { hasText: run.corporateNumber });
  await expect(pending).toContainText(run.nameJa);
  await expect(pending).toContainText(run.admin);
  await expectAccessible(op);
  await pending.getByRole("link", { name: run.corporateNumber }).click();
  await submit(op, "Record verification");
  await expect(op.getByRole("alert")).toContainText("Please correct the following");
  await expectAccessible(op);
  await op.getByLabel("Decision").selectOption("verified");
  await op.getByLabel("Reason").fill("商号・所在地が法人番号公表サイトの登録情報と一致。");
  await submit(op, "Record verification");
  await expect(op.getByRole("status")).toHaveText("The verification has been recorded and the host has been told.");
  await expect(op.locator("tbody tr", { hasText: run.corporateNumber })).toHaveCount(0);
  await op.context().close();

  await submit(page, "申請を提出");
  await expect(page.getByRole("status")).toContainText("申請を提出しました。受付番号：JIPH27-");
  await expect(page.getByTestId("host-application-status")).toHaveText("提出済み");
  run.receipt = (await page.getByTestId("host-application-receipt").textContent()) ?? "";
  expect(run.receipt).toMatch(/^JIPH27-\d+$/);
  await expectAccessible(page);
});

test("an operator filters the host applications, opens this one and accepts it; the host sees the decision", async ({ page }) => {
  const info = test.info();
  await signInOperator(page);
  await page.goto("/en/operator/hosts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Host applications");
  await expectAccessible(page);

  await page.getByLabel("Region").selectOption("hokkaido");
  await page.getByLabel("Size class").selectOption("10to99");
  await page.getByLabel("Overseas operations").selectOption("ongoing");
  await page.getByLabel("Kind").selectOption("sme");
  await submit(page, "Filter");
  await expect(page).toHaveURL(/region=hokkaido/);
  const row = page.locator("tbody tr", { hasText: run.nameEn });
  await expect(row).toHaveCount(1);
  await expect(page.locator("tbody tr", { hasText: "Sakura Seiki" })).toHaveCount(0);
  await expect(row).toContainText("Hokkaido");
  await expect(row).toContainText("2 (3)");
  await expectAccessible(page);

  await row.getByRole("link", { name: run.nameEn }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Host application ${run.receipt}`);
  await expect(page.getByTestId("host-status")).toHaveText("Submitted");
  await expectAccessible(page);
  await submit(page, "Record decision");
  await expect(page.getByRole("alert")).toContainText("Please correct the following");
  await expectAccessible(page);
  await page.getByLabel("Decision").selectOption("accepted");
  await page.getByLabel("Reason").fill("受入体制が十分で、海外展開の計画が具体的です。");
  await submit(page, "Record decision");
  await expect(page.getByRole("status")).toHaveText("The decision has been recorded and the host company has been told.");
  await expect(page.getByTestId("host-status")).toHaveText("Accepted");

  // The CSV export carries the same filtered list.
  const csv = await page.request.get("/en/operator/hosts/export.csv?region=hokkaido");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(run.nameEn);
  expect(text).toContain(`${run.receipt},accepted,${run.corporateNumber}`);
  // The round dashboard counts host applications by region, sector and size.
  await page.goto(`/en/operator/rounds/${DEMO_ROUND_ID}`);
  await expect(page.getByTestId("host-counts-region")).toContainText("Hokkaido");
  await expect(page.getByTestId("host-counts-size")).toContainText("10–99");
  await expectAccessible(page);

  const mail = await latestMailTo(info, run.admin, /採択/);
  expect(mail.body).toContain("受入体制が十分で、海外展開の計画が具体的です。");

  await page.context().clearCookies();
  await signIn(page, "ja", run.admin, HOST_PASSWORD, `/ja/host/rounds/${DEMO_ROUND_ID}`);
  await expect(page.getByTestId("host-decision")).toHaveText("採択");
  await expect(page.getByText("受入体制が十分で、海外展開の計画が具体的です。")).toBeVisible();
  await expect(page.getByTestId("host-application-status")).toHaveText("採択");
  await expectAccessible(page);
  await page.goto("/en/host");
  // Other specs may open more rounds on the same server: find this round's row.
  await expect(page.getByTestId("host-round-status").filter({ hasText: "Accepted" })).toHaveCount(1);
  await expectAccessible(page);
});
