/**
 * The committee's selection page (issue 14): the ranked candidates with their
 * document and interview scores, the suggestion (selected, or why not:
 * "nationality quota VN: 2 of 2"), the quotas' outcome and any shortfall, and
 * each decision taken.
 */
import { formatQuotas } from "../../domain/selection/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { roundSelectionOffers } from "./round-selection-offers.ts";
import { loadCandidates, roundSettings, suggest } from "./selection-board-data.ts";

export async function getSelectionBoard(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "selection.decide");
  const round = await roundSettings(ctx.db, roundId);
  if (!round) throw new NotFoundError("round");
  const candidates = await loadCandidates(ctx.db, roundId);
  const { ranking, selection } = suggest(round, candidates);
  const { selection_offer_days: offerDays } = await ctx.db
    .selectFrom("rounds")
    .select("selection_offer_days")
    .where("id", "=", roundId)
    .executeTakeFirstOrThrow();
  const offers = await roundSelectionOffers(ctx.db, roundId, ctx.clock());
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const selected = selection.ok ? new Set(selection.selected.map((s) => s.id)) : new Set<string>();
  const skipped = selection.ok ? new Map(selection.notSelected.map((n) => [n.id, n.reasons])) : new Map();
  return {
    round: {
      id: round.id,
      nameJa: round.name_ja,
      nameEn: round.name_en,
      phase: round.phase,
      places: round.intern_capacity,
      final: round.selection_results_final,
      documentWeight: round.selection_document_weight,
      interviewWeight: round.selection_interview_weight,
      quotasText: formatQuotas(round.quotas),
      offerDays,
    },
    offers,
    issues: selection.ok ? [] : selection.issues.map((i) => i.code),
    rows: ranking.ranked.map((r) => {
      const c = byId.get(r.id)!;
      return {
        id: r.id,
        position: r.position,
        score: r.score,
        receiptNumber: c.receiptNumber,
        name: c.name,
        nationality: c.nationality,
        document: c.document,
        interview: c.interview,
        suggestion: selected.has(r.id) ? ("selected" as const) : ("not_selected" as const),
        skipReasons: (skipped.get(r.id) ?? []) as {
          code: string;
          places?: number;
          count?: number;
          placesLeft?: number;
          quota?: { attribute: string; values: readonly string[]; limit: number; kind: string };
        }[],
        decision: c.decision,
        waitlistRank: c.waitlistRank,
        reason: c.reason,
        status: c.status,
      };
    }),
    excluded: ranking.excluded.map((e) => ({ ...e, receiptNumber: byId.get(e.id)?.receiptNumber ?? null, name: byId.get(e.id)?.name ?? "" })),
    quotas: selection.ok ? selection.quotas.map((q) => ({ ...q.quota, values: [...q.quota.values], count: q.count, available: q.available, met: q.met })) : [],
    shortfalls: selection.ok ? selection.shortfalls.map((s) => ({ ...s.quota, values: [...s.quota.values], achievable: s.achievable, short: s.short })) : [],
  };
}
