/**
 * The waiting list (ADR 0013). The committee's waiting list is ordered; the
 * suggestion is the candidates not selected, in rank order.
 *
 * When a place is free (a selected candidate withdrew), the next offer goes
 * to the first person on the list who *fits the quotas*:
 * - adding them keeps every maximum quota (counted over the candidates who
 *   hold a place now: selected and not withdrawn, plus open offers), and
 * - among those, they leave the minimums no worse than anyone else on the
 *   list would: the vector of shortfalls (in the quotas' priority order)
 *   after adding them is the lexicographically smallest any listed candidate
 *   achieves. So if the withdrawal left "region africa" one short and someone
 *   from Africa is on the list, the first such person is offered the place.
 * Everyone passed over before them is listed with the reason. A declined or
 * expired offer: remove that person from `waiting` and ask again; two free
 * places: make the first offer, count its person as a holder, ask again.
 */
import { expandQuotas, inGroup, type Candidate, type QuotaRef } from "./quota-groups.ts";
import { validateQuotaRules, type QuotaRule, type QuotaRuleIssue } from "./quota-language.ts";
import type { NotSelectedCandidate, Selection } from "./select.ts";

export interface NextOfferInput {
  /** candidates holding a place now: selected and not withdrawn, plus open offers */
  readonly holders: readonly Candidate[];
  /** the waiting list in order, only people who can still be offered a place */
  readonly waiting: readonly Candidate[];
  readonly places: number;
  readonly quotas: readonly QuotaRule[];
}

export type PassOverReason =
  | { readonly code: "max_quota_full"; readonly quota: QuotaRef; readonly count: number }
  /** the person offered counts toward these unmet minimums and this one does not */
  | { readonly code: "another_restores_minimum"; readonly offered: string; readonly minimums: readonly { readonly quota: QuotaRef; readonly count: number }[] };

export interface PassedOver {
  readonly id: string;
  /** 1-based position on the waiting list */
  readonly position: number;
  readonly reasons: readonly PassOverReason[];
}

export type NextOffer =
  | {
      readonly ok: true;
      /** places − holders (≤ 0: nobody is offered a place) */
      readonly freePlaces: number;
      /** the person to offer the place to, or null (no free place, or nobody on the list fits) */
      readonly offer: { readonly id: string; readonly position: number } | null;
      /** people before the offered one (everyone, when nobody fits), with why */
      readonly passedOver: readonly PassedOver[];
      /** minimums still unmet after the offer is accepted */
      readonly unmetMinimums: readonly { readonly quota: QuotaRef; readonly count: number }[];
    }
  | { readonly ok: false; readonly issues: readonly (QuotaRuleIssue | { readonly code: "invalid_places"; readonly places: number })[] };

/** The suggested waiting list: the candidates not selected, in rank order (the first `length`, if given). */
export function suggestWaitingList(selection: Selection, length?: number): NotSelectedCandidate[] {
  return selection.notSelected.slice(0, length ?? selection.notSelected.length);
}

export function nextOffer(input: NextOfferInput): NextOffer {
  const issues = validateQuotaRules(input.quotas);
  if (issues.length > 0 || !Number.isSafeInteger(input.places) || input.places < 0) {
    return {
      ok: false,
      issues: [...issues, ...(Number.isSafeInteger(input.places) && input.places >= 0 ? [] : [{ code: "invalid_places" as const, places: input.places }])],
    };
  }
  const refs = expandQuotas(input.quotas, [...input.holders, ...input.waiting]);
  const held = refs.map((ref) => input.holders.filter((h) => inGroup(ref, h)).length);
  const unmetAfter = (c: Candidate | null) =>
    refs.flatMap((ref, r) => {
      const count = held[r]! + (c && inGroup(ref, c) ? 1 : 0);
      return ref.kind === "min" && count < ref.limit ? [{ quota: ref, count, r }] : [];
    });
  const freePlaces = input.places - input.holders.length;
  if (freePlaces <= 0)
    return { ok: true, freePlaces, offer: null, passedOver: [], unmetMinimums: unmetAfter(null).map(({ quota, count }) => ({ quota, count })) };

  const shortfalls = (c: Candidate) => refs.map((ref, r) => (ref.kind === "min" ? Math.max(0, ref.limit - held[r]! - (inGroup(ref, c) ? 1 : 0)) : 0));
  const fullMaxima = (c: Candidate): PassOverReason[] =>
    refs.flatMap((ref, r) =>
      ref.kind === "max" && inGroup(ref, c) && held[r]! >= ref.limit ? [{ code: "max_quota_full" as const, quota: ref, count: held[r]! }] : [],
    );
  const lexLess = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };

  let best: number[] | null = null;
  let offerIndex = -1;
  input.waiting.forEach((c, i) => {
    if (fullMaxima(c).length > 0) return;
    const v = shortfalls(c);
    if (!best || lexLess(v, best)) {
      best = v;
      offerIndex = i;
    }
  });

  const stop = offerIndex < 0 ? input.waiting.length : offerIndex;
  const offered = offerIndex < 0 ? null : input.waiting[offerIndex]!;
  const passedOver: PassedOver[] = [];
  for (let i = 0; i < stop; i++) {
    const c = input.waiting[i]!;
    let reasons = fullMaxima(c);
    if (reasons.length === 0 && offered) {
      const minimums = refs.flatMap((ref, r) =>
        ref.kind === "min" && held[r]! < ref.limit && inGroup(ref, offered) && !inGroup(ref, c) ? [{ quota: ref, count: held[r]! }] : [],
      );
      reasons = [{ code: "another_restores_minimum", offered: offered.id, minimums }];
    }
    passedOver.push({ id: c.id, position: i + 1, reasons });
  }
  return {
    ok: true,
    freePlaces,
    offer: offered ? { id: offered.id, position: offerIndex + 1 } : null,
    passedOver,
    unmetMinimums: unmetAfter(offered).map(({ quota, count }) => ({ quota, count })),
  };
}
