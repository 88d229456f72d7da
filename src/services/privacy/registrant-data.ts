/**
 * Data rights of a person who registered for an information session without an account (issue 19
 * item 7): the cancel link from their e-mail is the key (only who received it holds it); with it
 * they download what the platform holds under that e-mail address, or erase it.
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { NotFoundError } from "../errors.ts";
import { promoteWaitlisted } from "../sessions/waiting-list.ts";
import { hashToken } from "../tokens.ts";
import { parseInput } from "../validation.ts";
import { eraseMessageDeliveries, eraseRegistrations, messagesForExport, registrationIdsOf, registrationsForExport } from "./personal-records.ts";

async function registrationByToken(db: Kysely<Database>, token: string) {
  const reg = await db
    .selectFrom("session_registrations")
    .select(["id", "email"])
    .where("cancel_token_hash", "=", hashToken(token))
    .where("personal_data_erased_at", "is", null)
    .executeTakeFirst();
  if (!reg) throw new NotFoundError("session_registration");
  return reg;
}

/**
 * Whose data the link opens (the page shows the address, so the person sees what they are about to
 * erase), or null when it was erased already.
 */
export async function getRegistrantIdentity(ctx: ServiceContext, token: string): Promise<{ email: string | null }> {
  const reg = await ctx.db
    .selectFrom("session_registrations")
    .select(["email", "personal_data_erased_at"])
    .where("cancel_token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!reg) throw new NotFoundError("session_registration");
  return { email: reg.personal_data_erased_at ? null : reg.email };
}

/** Everything held under the registration's e-mail address: registrations, group messages, e-mails sent. Audited. */
export async function exportRegistrantData(ctx: ServiceContext, token: string, locale: string): Promise<Record<string, unknown>> {
  const reg = await registrationByToken(ctx.db, token);
  const person = { userId: null, email: reg.email };
  const [registrations, messages, emails] = await Promise.all([
    registrationsForExport(ctx.db, person, locale),
    messagesForExport(ctx.db, person),
    ctx.db
      .selectFrom("outbound_emails")
      .select(["subject", "template", "locale", "created_at"])
      .where((eb) => sameEmail(eb, "to_address", reg.email))
      .orderBy("created_at")
      .execute(),
  ]);
  await writeAudit(ctx.db, null, {
    action: "session.registrant_export",
    entityType: "session_registration",
    entityId: reg.id,
    after: { registrations: registrations.length, messages: messages.length },
  });
  return { exportedAt: ctx.clock().toISOString(), email: reg.email, sessionRegistrations: registrations, messagesReceived: messages, emailsSent: emails };
}

const deleteSchema = z.object({ confirm: z.literal("on", { error: "errors.consentRequired" }) });

/**
 * Erases every registration under the e-mail address (a place still held for a session to come is
 * given to whoever waits first), the group messages and the e-mails sent to it. An account with the
 * same address is not touched: its owner deletes it from the account's page. Audited without the address.
 */
export async function deleteRegistrantData(ctx: ServiceContext, token: string, raw: unknown): Promise<{ registrations: number }> {
  parseInput(deleteSchema, raw);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const reg = await registrationByToken(trx, token);
    const hasAccount = await trx
      .selectFrom("user")
      .select("id")
      .where((eb) => sameEmail(eb, "email", reg.email))
      .executeTakeFirst();
    const ids = await registrationIdsOf(trx, { userId: null, email: reg.email });
    const { freedSessions } = await eraseRegistrations(trx, ids, now);
    for (const sessionId of freedSessions) await ctx.mailer.queueAll(await promoteWaitlisted(ctx, trx, sessionId), trx);
    if (!hasAccount) {
      await eraseMessageDeliveries(trx, { userId: null, email: reg.email });
      await trx
        .deleteFrom("outbound_emails")
        .where((eb) => sameEmail(eb, "to_address", reg.email))
        .execute();
    }
    await writeAudit(trx, null, {
      action: "session.registrant_erase",
      entityType: "session_registration",
      entityId: reg.id,
      after: { registrations: ids.length },
    });
    return { registrations: ids.length };
  });
}
