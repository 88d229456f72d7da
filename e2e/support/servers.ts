/**
 * The two servers the browser tests run against (see playwright.config.ts).
 * E2E_PORT_BASE moves both ports (and their data folders) so that two
 * developers' runs on one machine do not collide.
 */
import path from "node:path";

const base = Number(process.env.E2E_PORT_BASE ?? 4310);

export const SERVERS = {
  pglite: { port: base, dataDir: path.resolve(`reports/e2e-data-pglite-${base}`) },
  postgres: { port: base + 1, dataDir: path.resolve(`reports/e2e-data-postgres-${base + 1}`) },
} as const;

export type ServerKind = keyof typeof SERVERS;
