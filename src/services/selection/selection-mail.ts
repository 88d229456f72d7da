/** The decision e-mails of the selection (issue 14), in the applicant's language (internal helper). */
import type { ServiceContext } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";
import type { Applicant } from "../interviews/interview-mail.ts";

export function decisionMail(ctx: Pick<ServiceContext, "publicUrl">, person: Applicant, decision: string, waitlistRank: number | null): MailMessage {
  return {
    to: person.email,
    template: "selectionDecision",
    locale: person.locale,
    params: { name: person.name, decision, position: waitlistRank ?? 0, url: `${ctx.publicUrl}/${person.locale}/application/status` },
  };
}

export function promotedMail(ctx: Pick<ServiceContext, "publicUrl">, person: Applicant): MailMessage {
  return {
    to: person.email,
    template: "selectionPromoted",
    locale: person.locale,
    params: { name: person.name, url: `${ctx.publicUrl}/${person.locale}/application/status` },
  };
}
