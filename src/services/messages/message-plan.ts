/** What a message to a group becomes: its versions, who gets which, rendered; its references checked. Internal to preview and send. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { ValidationError } from "../errors.ts";
import { type AudienceFilter, type MessageInput } from "./message-schemas.ts";
import { type Recipient } from "./recipients.ts";
import { type Versions, renderText, versionFor } from "./render.ts";

export function versions(input: MessageInput): { subject: Versions; body: Versions } {
  const pick = (v: Record<string, string | null>) => Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => Boolean(e[1]))) as Versions;
  return { subject: pick(input.subjects), body: pick(input.bodies) };
}

export async function checkRefs(db: Kysely<Database>, filter: AudienceFilter): Promise<void> {
  if (filter.kind === "sessionRegistrants") {
    const s = await db.selectFrom("information_sessions").select("id").where("id", "=", filter.sessionId).executeTakeFirst();
    if (!s) throw new ValidationError({ sessionId: [{ key: "errors.chooseOne" }] });
    return;
  }
  const r = await db.selectFrom("rounds").select("id").where("id", "=", filter.roundId).executeTakeFirst();
  if (!r) throw new ValidationError({ roundId: [{ key: "errors.chooseOne" }] });
  if (filter.kind === "hosts" && filter.regionCode) {
    const region = await db.selectFrom("regions").select("code").where("code", "=", filter.regionCode).executeTakeFirst();
    if (!region) throw new ValidationError({ regionCode: [{ key: "errors.chooseOne" }] });
  }
}

export function plan(recipients: Recipient[], texts: { subject: Versions; body: Versions }) {
  return recipients.map((r) => {
    const locale = versionFor(texts.subject, r.locale, r.host ? "host" : "person");
    return { ...r, version: locale, subject: renderText(texts.subject[locale] ?? "", r), body: renderText(texts.body[locale] ?? "", r) };
  });
}
