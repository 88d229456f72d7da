/**
 * What every use case receives: the database, the auth library, the mailer,
 * a clock (tests control time), and who is calling.
 */
import type { Kysely } from "kysely";
import type { Auth } from "../auth/create-auth.ts";
import type { Database } from "../db/schema.ts";
import type { UserRole } from "../domain/roles.ts";
import type { FileStorage } from "../storage/file-storage.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { MalwareScanner } from "./malware/clamd-scanner.ts";

export interface ServiceContext {
  db: Kysely<Database>;
  auth: Auth;
  mailer: Mailer;
  /** Uploaded documents (outside the database and the web root). */
  files: FileStorage;
  /** clamd, when configured: uploads then wait as "being checked" until the scan job finds them clean (ADR 0028). */
  scanner?: MalwareScanner | null;
  clock: () => Date;
  /** Absolute origin used in links sent by e-mail, e.g. http://localhost:3000 */
  publicUrl: string;
  /** The From of every e-mail (MAIL_FROM; DEFAULT_FROM when unset): also the organizer of the calendar files they carry. */
  mailFrom?: string | undefined;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  locale: string;
  timeZone: string | null;
  twoFactorEnabled: boolean;
  /** The password was entered in this session within REAUTH_WINDOW_MS (sign-in or confirm-password): sensitive actions need it. */
  recentlyAuthenticated: boolean;
  ip: string | null;
}
