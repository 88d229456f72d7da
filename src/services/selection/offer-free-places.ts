/**
 * A freed place is offered to the waiting list (internal helper, issue 14,
 * ADR 0033). While the round is in its selection phase with final results,
 * every free place (the round's places minus the selected applicants and the
 * open offers) is offered to the first person on the waiting list who fits
 * the quotas (src/domain/selection/waiting-list.ts `nextOffer`); people who
 * had an offer already (declined, lapsed) are not asked again. Each offer is
 * a selection_offers row with its deadline (the round's `selection_offer_days`),
 * an e-mail in the person's language with the deadline in their own zone, and
 * an audit entry naming who was passed over and why. Runs inside the caller's
 * transaction, with the round row locked by the caller.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nextOffer, type Candidate as QuotaCandidate } from "../../domain/selection/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { applicantOf, whenFor } from "../interviews/interview-mail.ts";
import { loadCandidates, roundSettings } from "./selection-board-data.ts";

const DAY_MS = 24 * 3600_000;

export function offerPageUrl(ctx: Pick<ServiceContext, "publicUrl">, locale: string): string {
  return `${ctx.publicUrl}/${locale}/application/offer`;
}

/** Offers every free place of the round; returns the applications offered a place, in order. */
export async function offerFreePlaces(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor | null,
  roundId: string,
  freedBy: string | null,
): Promise<string[]> {
  const round = await roundSettings(trx, roundId);
  if (!round || round.phase !== "selection" || !round.selection_results_final) return [];
  const { selection_offer_days: days } = await trx.selectFrom("rounds").select("selection_offer_days").where("id", "=", roundId).executeTakeFirstOrThrow();
  const candidates = await loadCandidates(trx, roundId);
  const offers = await trx.selectFrom("selection_offers").select(["application_id", "status"]).where("round_id", "=", roundId).execute();
  const open = new Set(offers.filter((o) => o.status === "open").map((o) => o.application_id));
  const asked = new Set(offers.map((o) => o.application_id));
  const attrs = (c: (typeof candidates)[number]): QuotaCandidate => ({
    id: c.id,
    attributes: { nationality: c.nationality, region: c.region, field: c.field },
  });
  const holders = candidates.filter((c) => c.status === "selected" || (c.status === "waitlisted" && open.has(c.id))).map(attrs);
  let waiting = candidates
    .filter((c) => c.status === "waitlisted" && !asked.has(c.id))
    .sort((a, b) => (a.waitlistRank ?? 1e9) - (b.waitlistRank ?? 1e9))
    .map(attrs);

  const offered: string[] = [];
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  for (;;) {
    const next = nextOffer({ holders, waiting, places: round.intern_capacity, quotas: round.quotas });
    if (!next.ok || !next.offer) {
      if (offered.length === 0)
        await writeAudit(trx, actor, {
          action: "selection.no_promotion",
          entityType: "round",
          entityId: roundId,
          after: next.ok ? { freedBy, freePlaces: next.freePlaces, passedOver: next.passedOver } : { freedBy, issues: next.issues },
        });
      return offered;
    }
    const id = next.offer.id;
    await trx
      .insertInto("selection_offers")
      .values({
        id: crypto.randomUUID(),
        application_id: id,
        round_id: roundId,
        freed_by: freedBy,
        waitlist_position: next.offer.position,
        offered_at: now,
        expires_at: expiresAt,
      })
      .execute();
    const person = await applicantOf(trx, id);
    if (person)
      await ctx.mailer.queue(
        {
          to: person.email,
          template: "selectionOffers.mail.offer",
          locale: person.locale,
          params: { name: person.name, deadline: whenFor(expiresAt, person), url: offerPageUrl(ctx, person.locale) },
        },
        trx,
      );
    await writeAudit(trx, actor, {
      action: "selection.offered",
      entityType: "application",
      entityId: id,
      after: { freedBy, waitingListPosition: next.offer.position, expiresAt: expiresAt.toISOString(), passedOver: next.passedOver },
    });
    offered.push(id);
    const taken = waiting.find((w) => w.id === id)!;
    holders.push(taken);
    waiting = waiting.filter((w) => w.id !== id);
  }
}
