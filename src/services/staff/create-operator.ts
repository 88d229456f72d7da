import { randomBytes } from "node:crypto";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { email as emailSchema, password as passwordSchema, personName } from "../auth/auth-schemas.ts";
import { hashPassword, insertVerifiedUser } from "../auth/create-verified-user.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";

/**
 * `bin/jip create-operator EMAIL`: the first operator of an installation, made
 * at the command line (whoever can run it already controls the server).
 * Returns the one-time password to print; two-factor enrolment is required at
 * first sign-in.
 */
export async function createOperator(
  ctx: ServiceContext,
  raw: { email: string; name?: string | undefined; password?: string | undefined },
): Promise<{ id: string; password: string }> {
  const input = parseInput(z.object({ email: emailSchema, name: personName.optional(), password: passwordSchema.optional() }), raw);
  const password = input.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(ctx, password);
  const { id } = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertVerifiedUser(trx, ctx.clock(), {
      email: input.email,
      name: input.name ?? input.email.split("@")[0]!,
      passwordHash,
      role: "operator",
      locale: "ja",
    });
    await writeAudit(trx, null, { action: "staff.create_operator", entityType: "user", entityId: created.id, after: { email: input.email, role: "operator" } });
    return created;
  });
  return { id, password };
}
