/**
 * better-auth, configured once (ADR 0004). Sessions, password hashing,
 * e-mail verification, password reset and TOTP two-factor are better-auth's;
 * roles, rate limiting of sign-in and the rules of who may see what are ours.
 */
import { betterAuth } from "better-auth";
import { twoFactor } from "better-auth/plugins";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface AuthHooks {
  /** After a password was reset by its link (the sign-in limiter forgets the account's counters). */
  passwordReset(input: { userId: string; email: string }): Promise<void>;
}

export interface AuthMailer {
  sendVerification(input: { userId: string; email: string; name: string; locale: string; url: string }): Promise<void>;
  sendPasswordReset(input: { userId: string; email: string; name: string; locale: string; url: string }): Promise<void>;
}

export interface AuthConfig {
  kysely: Kysely<Database>;
  baseURL: string;
  secret: string;
  mailer: AuthMailer;
  hooks: AuthHooks;
}

export function createAuth(config: AuthConfig) {
  return betterAuth({
    appName: "JIP Platform",
    baseURL: config.baseURL,
    basePath: "/api/auth",
    secret: config.secret,
    // Failed sign-ins are expected traffic (and counted by our limiter): log only errors.
    logger: { level: "error" },
    database: { db: config.kysely as unknown as Kysely<never>, type: "postgres" },
    // Our own limiter (src/services/auth/login-rate-limit.ts) counts failures per account and per IP.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => config.hooks.passwordReset({ userId: user.id, email: user.email }),
      sendResetPassword: async ({ user, url }) => {
        await config.mailer.sendPasswordReset({
          userId: user.id,
          email: user.email,
          name: user.name,
          locale: (user as { locale?: string }).locale ?? "en",
          url,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) => {
        await config.mailer.sendVerification({
          userId: user.id,
          email: user.email,
          name: user.name,
          locale: (user as { locale?: string }).locale ?? "en",
          url,
        });
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "applicant", input: false },
        locale: { type: "string", required: false, defaultValue: "en", input: true },
        timeZone: { type: "string", required: false, input: true },
      },
    },
    // Every session ends 12 hours after sign-in, used or not (issue 11 item 5); staff sessions also end
    // after 30 minutes idle, and sensitive actions need the password again (src/services/auth/session-policy.ts).
    session: { expiresIn: 60 * 60 * 12, disableSessionRefresh: true },
    // Reset-password tokens (and every other verification value) are stored as SHA-256 hashes, never in clear.
    verification: { storeIdentifier: "hashed" },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    plugins: [twoFactor({ issuer: "JIP Platform", skipVerificationOnEnable: false })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
