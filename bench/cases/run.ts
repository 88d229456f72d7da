/**
 * Case-study library benchmark (issue #18). Run after `npx react-router build`:
 *   node --import tsx/esm bench/cases/run.ts
 *
 * On a throw-away PostgreSQL database (127.0.0.1:5432, dropped at the end):
 * 1,000 published cases of 250 generated host companies (mulberry32, fixed
 * seed; Japanese and English text from phrase pools, facts spread over the
 * themes, regions, size classes, industries and nationalities), written
 * with the same search tokens the publish use case computes.
 *
 * 1. The library page with three filters (theme, region, size), and with
 *    three filters plus a Japanese search word, and a deep page: server time
 *    as the median time to the last byte of GET /en/cases?… from the built
 *    server on that database (loopback, no compression), target under 50 ms;
 *    the use case alone in process. Baseline in the same run: the same
 *    filters and search done the obvious way, every published case loaded
 *    and filtered in JavaScript (matchesQuery: the same rule).
 *    Checked: the page, the use case and the baseline find the same cases.
 * 2. Page weight of each public page (library, filtered library, a case, a
 *    withdrawn case, the home page with its latest cases): HTML + CSS + JS
 *    as gzip bytes on the wire; target under 100 KB each; every <img> must
 *    be lazy-loaded (loading="lazy" with width and height). Image bytes are
 *    printed for information.
 * Exit code 1 when a check fails or a target is missed.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import sharp from "sharp";
import { type Kysely, sql } from "kysely";
import { connect } from "#src/db/connect.ts";
import { migrateToLatest } from "#src/db/migrate.ts";
import type { Database } from "#src/db/schema.ts";
import { CASE_THEMES, type CaseContent, emptyVersion, versionText } from "#src/domain/cases/content.ts";
import { documentTokens, foldForSearch, matchesQuery, parseSearchQuery } from "#src/domain/cases/search.ts";
import { sizeClassOf, JSIC_DIVISIONS } from "#src/domain/host-organization.ts";
import { regionOf } from "#src/domain/regions.ts";
import { libraryFiltersFrom, listPublishedCases, LIBRARY_PAGE_SIZE } from "#src/services/cases/public-cases.ts";
import type { ServiceContext } from "#src/services/context.ts";
import { createDiskStorage } from "#src/storage/file-storage.ts";

const PORT = 4629;
const BASE = `http://localhost:${PORT}`;
const ADMIN = process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = 1000;
const TARGET_MS = 50;
const BUDGET = 100 * 1024;

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20271118);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const uuid = () => {
  const h = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const JA_PHRASES = [
  "海外展開に向けて市場調査を行いました。",
  "インターン生が現地企業を訪問し、商談資料を作成しました。",
  "社内で英語の朝会を始め、情報共有が進みました。",
  "新商品の試作品を作り、展示会に出品しました。",
  "ベトナムの取引先との打合せを通訳しました。",
  "端材を活用した雑貨の販路を開拓しました。",
  "ハラール認証の要件を整理しました。",
  "海外の大学との交流が始まりました。",
  "業務マニュアルを英語とタイ語に翻訳しました。",
  "外国人のお客様へのおもてなしを見直しました。",
];
const EN_WORDS = [
  "market",
  "research",
  "intern",
  "customers",
  "export",
  "prototype",
  "meeting",
  "team",
  "English",
  "partners",
  "university",
  "factory",
  "products",
  "sales",
  "Vietnam",
  "Thailand",
  "Indonesia",
  "design",
  "quality",
  "training",
];
const NATIONALITIES = ["VN", "ID", "TH", "PH", "IN", "MY", "MM", "BD", "LK", "NP", "KE", "NG", "MN", "KH", "LA"];

function jaText(n: number): string {
  return Array.from({ length: n }, () => pick(JA_PHRASES)).join("");
}
function enText(n: number): string {
  return Array.from({ length: n }, () => pick(EN_WORDS)).join(" ") + ".";
}

async function seed(db: Kysely<Database>, imageId: string): Promise<void> {
  const orgs: { id: string; prefecture: string; jsic: string; employees: number }[] = [];
  for (let i = 0; i < 250; i++) {
    const prefecture = String(1 + Math.floor(rand() * 47)).padStart(2, "0");
    orgs.push({ id: uuid(), prefecture, jsic: pick(JSIC_DIVISIONS), employees: Math.floor(Math.exp(rand() * Math.log(3000))) });
  }
  await db
    .insertInto("host_organizations")
    .values(
      orgs.map((o, i) => ({
        id: o.id,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: `ベンチ工業${i}株式会社`,
        name_en: `Bench Kogyo ${i}`,
        prefecture_code: o.prefecture,
        jsic_division: o.jsic,
        employees: o.employees,
        overseas_status: "ongoing",
      })),
    )
    .execute();
  const rows = [];
  for (let n = 1; n <= CASES; n++) {
    const org = pick(orgs);
    const theme = pick(CASE_THEMES);
    const ja = {
      ...emptyVersion(),
      title: `事例${n}：${jaText(1).slice(0, 30)}`,
      summary: jaText(2),
      company: jaText(3),
      challenge: jaText(4),
      internWork: jaText(8),
      results: jaText(4),
      quotes: [{ text: jaText(1), by: "代表取締役" }],
    };
    const en = {
      ...emptyVersion(),
      title: `Case ${n}: ${enText(6)}`,
      summary: enText(25),
      company: enText(40),
      challenge: enText(60),
      internWork: enText(120),
      results: enText(60),
      quotes: [{ text: enText(15), by: "President" }],
    };
    const content: CaseContent = {
      theme,
      internName: "",
      internNationality: pick(NATIONALITIES),
      ja,
      en,
      images: n % 2 ? [{ id: imageId, alt: { ja: "写真", en: "Photo" }, showsIntern: false }] : [],
    };
    const text = [versionText(ja), versionText(en), "写真", "Photo"].join("\n");
    const at = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000);
    rows.push({
      id: uuid(),
      number: n,
      organization_id: org.id,
      status: "published",
      content: JSON.stringify(content),
      published_content: JSON.stringify(content),
      published_revision: 1,
      published_languages: ["ja", "en"],
      published_at: at,
      republished_at: at,
      created_at: at,
      updated_at: at,
      fact_theme: theme,
      fact_jsic_division: org.jsic,
      fact_region: regionOf(org.prefecture),
      fact_prefecture_code: org.prefecture,
      fact_size_class: sizeClassOf(org.employees),
      fact_intern_nationality: content.internNationality,
      fact_fiscal_year: 2016 + (n % 10),
      search_text: foldForSearch(text),
      search_tokens: documentTokens(text),
    });
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto("case_studies")
      .values(rows.slice(i, i + 100))
      .execute();
  await sql`select setval('case_study_number_seq', ${CASES})`.execute(db);
  // One withdrawn case for the "withdrawn" page.
  await db.updateTable("case_studies").set({ status: "withdrawn", withdrawn_at: new Date() }).where("number", "=", CASES).execute();
  await sql`analyze case_studies`.execute(db);
}

function get(url: string, gzip: boolean): Promise<{ status: number; ms: number; bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: gzip ? { "accept-encoding": "gzip" } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: Buffer.concat(chunks), headers: res.headers }),
        );
      })
      .on("error", reject);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function timeRequests(url: string, runs = 30): Promise<{ ms: number; html: string; status: number }> {
  for (let i = 0; i < 5; i++) await get(url, false);
  const times: number[] = [];
  let last = await get(url, false);
  for (let i = 0; i < runs; i++) {
    last = await get(url, false);
    times.push(last.ms);
  }
  return { ms: median(times), html: last.bytes.toString("utf8"), status: last.status };
}

async function timeFn(fn: () => Promise<unknown>, runs = 30): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return median(times);
}

const numbersIn = (html: string) => [...html.matchAll(/href="\/en\/cases\/(\d+)"/g)].map((m) => Number(m[1]));

let failed = false;
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failed = true;
    console.log(`CHECK FAILED: ${what}`);
  }
};

const dbName = `jip_bench_cases_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(ADMIN);
url.pathname = `/${dbName}`;
const tmp = mkdtempSync(path.join(tmpdir(), "jip-bench-cases-"));
let server: ReturnType<typeof spawn> | null = null;
const database = await connect({ databaseUrl: url.toString() });
try {
  const db = database.kysely;
  await migrateToLatest(db);
  // One real image (for the cards and the case page), stored as the upload use case stores it.
  const files = createDiskStorage(path.join(tmp, "documents"));
  const imageId = uuid();
  const photo = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: { r: 40, g: 110, b: 150 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const small = await sharp(photo).resize({ width: 640 }).jpeg({ quality: 80 }).toBuffer();
  await files.put(`${imageId}.jpg`, photo);
  const smallKey = `${uuid()}.jpg`;
  await files.put(smallKey, small);
  const t0 = Date.now();
  await seed(db, imageId);
  const firstCase = await db.selectFrom("case_studies").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
  await db
    .insertInto("case_study_images")
    .values({
      id: imageId,
      case_id: firstCase.id,
      content_type: "image/jpeg",
      large_key: `${imageId}.jpg`,
      large_width: 1600,
      large_height: 1067,
      large_bytes: photo.length,
      small_key: smallKey,
      small_width: 640,
      small_height: 427,
      small_bytes: small.length,
      original_sha256: "bench",
    })
    .execute();
  console.log(`seeded ${CASES} published cases (250 companies) in ${Date.now() - t0} ms`);

  server = spawn("node", ["server.js"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: url.toString(), DATA_DIR: tmp, PUBLIC_URL: BASE, NODE_ENV: "production", JIP_JOBS: "off" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await get(`${BASE}/healthz`, false)).status === 200) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  const ctx = { db } as unknown as ServiceContext;
  const scenarios = [
    { name: "3 filters (theme, region, size)", qs: "theme=overseas_expansion&region=kanto&size=10to99" },
    { name: "3 filters + Japanese search", qs: "theme=overseas_expansion&region=kanto&size=10to99&q=市場調査" },
    { name: "no filter, page 5", qs: "page=5" },
  ];
  for (const s of scenarios) {
    const params = new URLSearchParams(s.qs);
    const filters = libraryFiltersFrom(params);
    const page = { page: Number(params.get("page") ?? 1), size: LIBRARY_PAGE_SIZE };
    const http1 = await timeRequests(`${BASE}/en/cases?${params}`);
    check(http1.status === 200, `${s.name}: status ${http1.status}`);
    const useCase = await timeFn(() => listPublishedCases(ctx, "en", filters, page));
    // Baseline: every published case loaded, filtered and searched in JavaScript.
    const baselineRun = async () => {
      const all = await db
        .selectFrom("case_studies")
        .select(["number", "published_content", "fact_theme", "fact_region", "fact_size_class", "published_at"])
        .where("status", "=", "published")
        .execute();
      const q = filters.q ? parseSearchQuery(filters.q) : null;
      const hits = all
        .filter(
          (r) =>
            (!filters.theme || r.fact_theme === filters.theme) &&
            (!filters.region || r.fact_region === filters.region) &&
            (!filters.size || r.fact_size_class === filters.size),
        )
        .filter((r) => {
          if (!q) return true;
          const c = r.published_content as CaseContent;
          return matchesQuery([versionText(c.ja), versionText(c.en), "写真", "Photo"].join("\n"), q);
        })
        .sort((a, b) => b.published_at!.getTime() - a.published_at!.getTime());
      return hits.slice((page.page - 1) * page.size, page.page * page.size).map((r) => r.number);
    };
    const baseline = await timeFn(baselineRun, 10);
    const fromPage = numbersIn(http1.html);
    const fromUseCase = (await listPublishedCases(ctx, "en", filters, page)).cases.items.map((c) => c.number);
    const fromBaseline = (await baselineRun()) as number[];
    check(
      JSON.stringify(fromPage) === JSON.stringify(fromUseCase) && JSON.stringify(fromUseCase) === JSON.stringify(fromBaseline),
      `${s.name}: page, use case and baseline disagree`,
    );
    check(fromUseCase.length > 0, `${s.name}: nothing found`);
    console.log(
      `library ${s.name}: ${http1.ms.toFixed(1)} ms server time, page (${(http1.ms / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target); use case ${useCase.toFixed(1)} ms (${(useCase / baseline).toFixed(2)} vs baseline ${baseline.toFixed(1)} ms: load all + filter in JS); ${fromUseCase.length} on the page`,
    );
    if (s.name.startsWith("3 filters (") && http1.ms > TARGET_MS) failed = true;
  }

  const pages = [
    { name: "library", path: "/en/cases" },
    { name: "library, filtered", path: "/en/cases?theme=overseas_expansion&region=kanto&size=10to99" },
    { name: "a case (ja)", path: "/ja/cases/1" },
    { name: "a case (en)", path: "/en/cases/1" },
    { name: "withdrawn case (410)", path: `/en/cases/${CASES}` },
    { name: "home with latest cases", path: "/en/" },
  ];
  for (const p of pages) {
    const res = await get(`${BASE}${p.path}`, true);
    const html = (res.headers["content-encoding"] === "gzip" ? gunzipSync(res.bytes) : res.bytes).toString("utf8");
    const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]!);
    let assetBytes = 0;
    for (const a of assets) assetBytes += (await get(`${BASE}${a}`, true)).bytes.length;
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    const lazy = imgs.every((i) => /loading="lazy"/.test(i) && /width="\d+"/.test(i) && /height="\d+"/.test(i));
    let imageBytes = 0;
    for (const src of new Set(imgs.map((i) => /src="([^"]+)"/.exec(i)?.[1]).filter((s): s is string => Boolean(s))))
      imageBytes += (await get(`${BASE}${src}`, true)).bytes.length;
    const total = res.bytes.length + assetBytes;
    console.log(
      `page weight ${p.name} [${res.status}]: ${(total / 1024).toFixed(1)} KB on the wire (${(total / BUDGET).toFixed(2)} of the 100 KB budget): html ${(res.bytes.length / 1024).toFixed(1)} KB, css+js ${(assetBytes / 1024).toFixed(1)} KB in ${assets.length} files; ${imgs.length} images, all lazy with sizes: ${lazy ? "yes" : "NO"}, ${(imageBytes / 1024).toFixed(1)} KB loaded only as they scroll into view`,
    );
    check(total <= BUDGET, `${p.name} over the page budget`);
    check(lazy, `${p.name}: an image is not lazy-loaded with its size`);
    check(res.status === (p.name.startsWith("withdrawn") ? 410 : 200), `${p.name}: status ${res.status}`);
  }
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await database.close();
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
