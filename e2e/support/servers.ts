/** The two servers the browser tests run against (see playwright.config.ts). */
import path from "node:path";

export const SERVERS = {
  pglite: { port: 4310, dataDir: path.resolve("reports/e2e-data-pglite") },
  postgres: { port: 4311, dataDir: path.resolve("reports/e2e-data-postgres") },
} as const;

export type ServerKind = keyof typeof SERVERS;
