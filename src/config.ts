/**
 * The process environment, validated once. Every setting has a default that
 * works for `npm start` on a laptop.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type ClamdAddress, clamdAddressFrom } from "./domain/malware/clamd-protocol.ts";

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().trim().min(1).optional(),
  MAIL_FROM: z.string().trim().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  CLAMD_SOCKET: z.string().trim().optional(),
  CLAMD_HOST: z.string().trim().optional(),
  CLAMD_PORT: z.string().trim().optional(),
});

export interface AppConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  outboxDir: string;
  documentsDir: string;
  port: number;
  host: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  authSecret: string;
  /** The malware scanner for uploads (CLAMD_SOCKET, or CLAMD_HOST + CLAMD_PORT); absent: uploads are not scanned (ADR 0028). */
  clamd?: ClamdAddress | null;
  /** Tests only: the in-memory PGlite starts from this dump of an already migrated data folder. */
  pgliteSnapshot?: Blob | undefined;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment variable ${issue.path.join(".")} is invalid: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let clamd: ClamdAddress | null;
  try {
    clamd = clamdAddressFrom(e);
  } catch (err) {
    throw new ConfigError(`environment variable CLAMD_PORT is invalid: ${(err as Error).message}`);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    outboxDir: path.join(dataDir, "outbox"),
    documentsDir: path.join(dataDir, "documents"),
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    authSecret: e.BETTER_AUTH_SECRET ?? persistedSecret(dataDir),
    clamd,
  };
}

/** Without BETTER_AUTH_SECRET, a random secret is made once and kept in the data folder. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch {
    throw new ConfigError(`data folder ${dataDir} is not writable`);
  }
}

/** Where people write about their personal information (the privacy notice's contact): PRIVACY_CONTACT, else the program office's default address. */
export function privacyContact(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.PRIVACY_CONTACT?.trim();
  return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : "privacy@jip.example";
}
