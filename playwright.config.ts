import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { SERVERS } from "./e2e/support/servers.ts";

/**
 * Browser tests in Debian's Chromium (Playwright never downloads a browser here), in two
 * projects: JavaScript on against PostgreSQL, JavaScript off against the
 * embedded PGlite — so every journey runs both ways and on both databases.
 */
/**
 * Debian's headless shell (package chromium-headless-shell: the same Chromium, without the browser's user
 * interface, as Playwright itself runs headless tests) when it is installed, else Debian's chromium. On the same
 * tests the shell took 40 % less CPU (docs/performance.md, "Test suite time"). CHROMIUM_PATH overrides.
 */
const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p)) ?? "/usr/bin/chromium";
const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // Per port base, so parallel runs on one machine never clean each other's artifacts.
  outputDir: `test-results/${process.env.E2E_PORT_BASE ?? "e2e"}`,
  // Generous: these are whole journeys with axe on every page, and a busy 2-core machine runs
  // them several times slower (a limit only decides how long a real failure takes to report).
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // More workers than cores: a browser test spends much of its time waiting (on pages, e-mails, jobs). On four specs,
  // two workers kept the 2-core machine busy 52 % of the time, four 65 % (docs/performance.md, "Test suite time").
  // E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  globalTeardown: "./e2e/global-teardown.ts",
  // No trace by default: recording one (DOM snapshots, screenshots) took a fifth of the browser tests' CPU, for a
  // file CI never shows. To get one for a failing test: E2E_TRACE=retain-on-failure (or --trace on).
  use: { trace: (process.env.E2E_TRACE ?? "off") as "off" | "on" | "retain-on-failure", locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" },
  projects: [
    {
      name: "js-on-postgres",
      use: { ...chromium, javaScriptEnabled: true, baseURL: `http://localhost:${SERVERS.postgres.port}` },
      metadata: { server: "postgres" },
    },
    {
      name: "js-off-pglite",
      use: { ...chromium, javaScriptEnabled: false, baseURL: `http://localhost:${SERVERS.pglite.port}` },
      // It writes a failed e-mail into the server's database, which only the PostgreSQL server lets a test open.
      testIgnore: ["**/email-failures.spec.ts"],
      metadata: { server: "pglite" },
    },
  ],
  webServer: [
    {
      command: `bash e2e/support/serve.sh postgres ${SERVERS.postgres.port}`,
      url: `http://localhost:${SERVERS.postgres.port}/healthz`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `bash e2e/support/serve.sh pglite ${SERVERS.pglite.port}`,
      url: `http://localhost:${SERVERS.pglite.port}/healthz`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
