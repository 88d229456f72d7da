/**
 * better-auth, configured once (ADR 0004). Sessions, password hashing,
 * e-mail verification, password reset and TOTP two-factor are better-auth's;
 * roles, rate limiting of sign-in and the rules of who may see what are ours.
 */
import { betterAuth } from "better-auth";
import { twoFactor } from "better-auth/plugins";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface AuthMailer {
  sendVerification(input: { userId: string; email: string; name: string; locale: string; url: string }): Promise<void>;
  sendPasswordReset(input: { userId: string; email: string; name: string; locale: string; url: string }): Promise<void>;
}

export interface AuthConfig {
  kysely: Kysely<Database>;
  baseURL: string;
  secret: string;
  mailer: AuthMailer;
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
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    plugins: [twoFactor({ issuer: "JIP Platform", skipVerificationOnEnable: false })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
