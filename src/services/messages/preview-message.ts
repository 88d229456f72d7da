/** The operator's preview: how many recipients, and the message as one sample recipient per language sees it. Nothing is written. */
import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { audienceFilter, messageSchema } from "./message-schemas.ts";
import { findRecipients } from "./recipients.ts";
import { versions, checkRefs, plan } from "./message-plan.ts";

export interface MessagePreview {
  recipients: number;
  samples: { locale: Locale; recipients: number; sampleName: string; subject: string; body: string }[];
}

export async function previewMessage(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<MessagePreview> {
  authorize(actor, "round.manage");
  const input = parseInput(messageSchema, raw);
  const filter = audienceFilter(input);
  await checkRefs(ctx.db, filter);
  const planned = plan(await findRecipients(ctx.db, filter), versions(input));
  const byLocale = new Map<Locale, typeof planned>();
  for (const p of planned) byLocale.set(p.version, [...(byLocale.get(p.version) ?? []), p]);
  return {
    recipients: planned.length,
    samples: [...byLocale.entries()].map(([locale, list]) => ({
      locale,
      recipients: list.length,
      sampleName: list[0]!.name,
      subject: list[0]!.subject,
      body: list[0]!.body,
    })),
  };
}
