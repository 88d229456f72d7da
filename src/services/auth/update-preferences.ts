import { z } from "zod";
import { isValidTimeZone } from "../../domain/time.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { signedIn } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({
  locale: z.enum(LOCALES, { error: "errors.invalid" }),
  timeZone: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || isValidTimeZone(v), { error: "errors.timeZone" }),
});

/** The user's language (used for every e-mail) and time zone (for showing times). */
export async function updatePreferences(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = signedIn(actor);
  const input = parseInput(schema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("user").select(["locale", "timeZone"]).where("id", "=", who.userId).executeTakeFirstOrThrow();
    await trx.updateTable("user").set({ locale: input.locale, timeZone: input.timeZone, updatedAt: ctx.clock() }).where("id", "=", who.userId).execute();
    await writeAudit(trx, who, { action: "user.preferences", entityType: "user", entityId: who.userId, before, after: input });
  });
}
