/** How many e-mails have failed and are not yet sent (shown to operators on their home page and the e-mail log). */
import { roleGrants } from "../../domain/roles.ts";
import type { Actor, ServiceContext } from "../context.ts";

/** null when the caller may not read the e-mail log. */
export async function countFailedEmails(ctx: Pick<ServiceContext, "db">, actor: Actor | null): Promise<number | null> {
  if (!actor || !roleGrants(actor.role, "outbox.read")) return null;
  const { failed } = await ctx.db
    .selectFrom("outbound_emails")
    .select((eb) => eb.fn.countAll<string>().as("failed"))
    .where("status", "=", "failed")
    .executeTakeFirstOrThrow();
  return Number(failed);
}
