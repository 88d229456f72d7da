/**
 * Builds everything a use case needs from the configuration: database,
 * auth, mailer, clock. Used by the web server and by the jip command.
 */
import { createAuth } from "./auth/create-auth.ts";
import type { AppConfig } from "./config.ts";
import { type Db, connect } from "./db/connect.ts";
import { forgetLoginFailures } from "./services/auth/login-rate-limit.ts";
import type { ServiceContext } from "./services/context.ts";
import { createMailer } from "./services/mail/mailer.ts";
import { type SecretBox, createSecretBox } from "./services/mail/secret-box.ts";
import { type MailTransport, createTransport } from "./services/mail/transport.ts";
import { createClamdScanner } from "./services/malware/clamd-scanner.ts";
import { createDiskStorage } from "./storage/file-storage.ts";

export interface Runtime extends ServiceContext {
  database: Db;
  /** Where the e-mail delivery job hands queued e-mails (SMTP or the development outbox). */
  transport: MailTransport;
  /** Seals and opens the text of e-mails that carry a secret link (never shown to staff). */
  mailSecrets: SecretBox;
}

export async function createRuntime(config: AppConfig, clock: () => Date = () => new Date()): Promise<Runtime> {
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir, loadDataDir: config.pgliteSnapshot });
  const db = database.kysely;
  const mailSecrets = createSecretBox(config.authSecret);
  const mailer = createMailer({ db, clock, secrets: mailSecrets });
  const transport = createTransport({ outboxDir: config.outboxDir, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const auth = createAuth({
    kysely: db,
    baseURL: config.publicUrl,
    secret: config.authSecret,
    mailer: {
      sendVerification: ({ email, name, locale, url }) =>
        mailer.queue({ to: email, template: "verifyEmail", locale, params: { name, url } }).then(() => undefined),
      sendPasswordReset: ({ email, name, locale, url }) =>
        mailer.queue({ to: email, template: "resetPassword", locale, params: { name, url } }).then(() => undefined),
    },
    hooks: { passwordReset: ({ email }) => forgetLoginFailures(db, email) },
  });
  const files = createDiskStorage(config.documentsDir);
  const scanner = config.clamd ? createClamdScanner(config.clamd) : null;
  return { database, db, auth, mailer, transport, mailSecrets, files, scanner, clock, publicUrl: config.publicUrl, mailFrom: config.mailFrom };
}
