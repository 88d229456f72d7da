/**
 * The e-mails of matching after publication (issue 15, ADR 0034): each applicant of a published
 * run hears in their language whether they have an offer (position, company, the answer deadline
 * in their own zone and Japan time) or not; each member of a host organization with offers hears
 * how many of its positions' offers wait for its confirmation (ja/en); an applicant moved from the
 * waiting list into matching is asked to rank the positions by the ranking deadline. Queued in the
 * use case's transaction.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { PROGRAM_TIME_ZONE } from "../../domain/time.ts";
import { formatInstant } from "../../i18n/format.ts";
import type { ServiceContext } from "../context.ts";
import { type Applicant, applicantsOf, whenFor } from "../interviews/interview-mail.ts";
import type { MailMessage } from "../mail/mailer.ts";

export interface PublishedOffer {
  applicationId: string;
  positionId: string;
  title: string;
  organizationJa: string;
  organizationEn: string | null;
  organizationId: string;
}

/** The e-mails of one publication: every applicant of the run (offer or not) and every member of an organization with offers. */
export async function publicationMails(
  db: Kysely<Database>,
  ctx: Pick<ServiceContext, "publicUrl">,
  input: { applicationIds: readonly string[]; offers: readonly PublishedOffer[]; respondBy: Date; stage: number },
): Promise<MailMessage[]> {
  const people = await applicantsOf(db, input.applicationIds);
  const offerOf = new Map(input.offers.map((o) => [o.applicationId, o]));
  const mails: MailMessage[] = [];
  for (const id of input.applicationIds) {
    const person = people.get(id);
    if (!person) continue;
    const offer = offerOf.get(id);
    const url = `${ctx.publicUrl}/${person.locale}/matching/result`;
    mails.push(
      offer
        ? {
            to: person.email,
            template: "matchingOffers.mail.offer",
            locale: person.locale,
            params: {
              name: person.name,
              position: offer.title,
              organization: person.locale === "ja" ? offer.organizationJa : (offer.organizationEn ?? offer.organizationJa),
              respondBy: whenFor(input.respondBy, person),
              url,
            },
          }
        : { to: person.email, template: "matchingOffers.mail.noOffer", locale: person.locale, params: { name: person.name, stage: input.stage, url } },
    );
  }
  const perOrganization = new Map<string, number>();
  for (const o of input.offers) perOrganization.set(o.organizationId, (perOrganization.get(o.organizationId) ?? 0) + 1);
  if (perOrganization.size > 0) {
    const members = await db
      .selectFrom("host_memberships as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .innerJoin("host_organizations as o", "o.id", "m.organization_id")
      .select(["m.organization_id", "u.name", "u.email", "u.locale", "o.name_ja", "o.name_en"])
      .where("m.organization_id", "in", [...perOrganization.keys()])
      .orderBy("u.email")
      .execute();
    for (const m of members) {
      const locale = m.locale === "en" ? "en" : "ja";
      mails.push({
        to: m.email,
        template: "matchingOffersStaff.mail.hostOffers",
        locale,
        params: {
          name: m.name,
          organization: locale === "ja" ? m.name_ja : (m.name_en ?? m.name_ja),
          count: perOrganization.get(m.organization_id) ?? 0,
          respondBy: `${formatInstant(input.respondBy, locale, PROGRAM_TIME_ZONE)} (${PROGRAM_TIME_ZONE})`,
          url: `${ctx.publicUrl}/${locale}/host/matching`,
        },
      });
    }
  }
  return mails;
}

/** An applicant moved from the waiting list into matching: rank the positions by the ranking deadline. */
export function movedIntoMatchingMail(ctx: Pick<ServiceContext, "publicUrl">, person: Applicant, rankBy: Date | null): MailMessage {
  return {
    to: person.email,
    template: "matchingOffers.mail.fromWaitingList",
    locale: person.locale,
    params: { name: person.name, rankBy: rankBy ? whenFor(rankBy, person) : "—", url: `${ctx.publicUrl}/${person.locale}/matching` },
  };
}

/**
 * The other side hears of an answer: the host's members (ja/en) when the applicant accepts or
 * declines (the applicant by receipt number only), the applicant (their language) when the host
 * confirms or declines — with whether the offer is now settled. Queued in the answer's transaction.
 */
export async function answerMails(
  db: Kysely<Database>,
  ctx: Pick<ServiceContext, "publicUrl">,
  offer: { applicationId: string; positionId: string },
  side: "applicant" | "host",
  answer: "accepted" | "declined",
  status: string,
): Promise<MailMessage[]> {
  const p = await db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
    .select(["p.id", "p.title", "o.id as organization_id", "o.name_ja", "o.name_en"])
    .where("p.id", "=", offer.positionId)
    .executeTakeFirstOrThrow();
  if (side === "host") {
    const person = (await applicantsOf(db, [offer.applicationId])).get(offer.applicationId);
    if (!person) return [];
    const outcome = answer === "declined" ? "declined" : status === "accepted" ? "matched" : "confirmed";
    return [
      {
        to: person.email,
        template: "matchingOffers.mail.hostAnswered",
        locale: person.locale,
        params: {
          name: person.name,
          position: p.title,
          organization: person.locale === "ja" ? p.name_ja : (p.name_en ?? p.name_ja),
          outcome,
          url: `${ctx.publicUrl}/${person.locale}/matching/result`,
        },
      },
    ];
  }
  const app = await db.selectFrom("applications").select(["receipt_number"]).where("id", "=", offer.applicationId).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom("host_memberships as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["u.name", "u.email", "u.locale"])
    .where("m.organization_id", "=", p.organization_id)
    .orderBy("u.email")
    .execute();
  const outcome = answer === "declined" ? "declined" : status === "accepted" ? "matched" : "accepted";
  return members.map((m) => {
    const locale = m.locale === "en" ? "en" : "ja";
    return {
      to: m.email,
      template: "matchingOffersStaff.mail.applicantAnswered",
      locale,
      params: { name: m.name, code: app.receipt_number ?? "—", position: p.title, outcome, url: `${ctx.publicUrl}/${locale}/host/matching/${p.id}` },
    };
  });
}
