/**
 * Creates a user whose e-mail address is already proven: insertVerifiedUser (a
 * staff member or host who followed an invitation link, with their own hash) and
 * createVerifiedUser (demo data and tests): the user row and its password
 * account, the password hashed by better-auth's own hasher, exactly as
 * better-auth's adapter writes them.
 * Pass the use case's open transaction as `db`, so the account exists only if
 * the rest of the use case (e.g. marking the invitation accepted) commits.
 * Sign-up (sign-up.ts) writes its not-yet-verified user with the same insert.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { UserRole } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";

export interface VerifiedUserInput {
  email: string;
  name: string;
  password: string;
  role: UserRole;
  locale: string;
}

/** The password hash better-auth will check at sign-in (slow on purpose: hash before opening a transaction). */
export async function hashPassword(ctx: Pick<ServiceContext, "auth">, password: string): Promise<string> {
  return (await ctx.auth.$context).password.hash(password);
}

/** The address already belongs to an account (found, or another transaction inserted it first). */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`a user with e-mail ${email} already exists`);
    this.name = "EmailTakenError";
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
}

export async function insertVerifiedUser(
  db: Kysely<Database>,
  now: Date,
  input: Omit<VerifiedUserInput, "password"> & { passwordHash: string; emailVerified?: boolean },
): Promise<{ id: string }> {
  const email = input.email.toLowerCase();
  const existing = await userWithEmail(db, email).select("id").executeTakeFirst();
  if (existing) throw new EmailTakenError(email);
  const id = crypto.randomUUID();
  try {
    await db
      .insertInto("user")
      .values({
        id,
        email,
        name: input.name,
        emailVerified: input.emailVerified ?? true,
        image: null,
        createdAt: now,
        updatedAt: now,
        twoFactorEnabled: false,
        role: input.role,
        locale: input.locale,
        timeZone: null,
      })
      .execute();
  } catch (err) {
    throw isUniqueViolation(err) ? new EmailTakenError(email) : err;
  }
  await db
    .insertInto("account")
    .values({ id: crypto.randomUUID(), userId: id, providerId: "credential", accountId: id, password: input.passwordHash, createdAt: now, updatedAt: now })
    .execute();
  return { id };
}

/**
 * One hash per password per process, for createVerifiedUser only: the demo data's 95 accounts share the demo
 * password, and the tests' accounts the test password, and scrypt is slow on purpose (209 ms per hash measured
 * here under load), so hashing the same password for every account cost seconds per seed and per test file. A stored
 * hash holds its own salt, so accounts sharing one sign in as before; they only show that their passwords are
 * the same, which for demo and test accounts everybody knows.
 */
const sharedHashes = new Map<string, Promise<string>>();

/** Demo data and tests (see sharedHashes). Accounts of real people are made by sign-up and invitations, each hashed alone. */
export async function createVerifiedUser(
  ctx: Pick<ServiceContext, "auth" | "db"> & { clock?: () => Date },
  input: VerifiedUserInput,
  db: Kysely<Database> = ctx.db,
): Promise<{ id: string }> {
  let hashed = sharedHashes.get(input.password);
  if (!hashed) {
    hashed = hashPassword(ctx, input.password);
    sharedHashes.set(input.password, hashed);
    hashed.catch(() => sharedHashes.delete(input.password));
  }
  const passwordHash = await hashed;
  return insertVerifiedUser(db, ctx.clock?.() ?? new Date(), { ...input, passwordHash });
}
