/**
 * The operator's outcomes of a round (issue 16 item 5, ADR 0039): for each
 * completed placement and milestone, when it is due, whether the host was
 * asked and what it answered, with the number of "yes" per question.
 */
import { OUTCOME_MILESTONES, type OutcomeMilestone, outcomeWindow } from "../../domain/internship/outcomes.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import type { OutcomeAnswers } from "./host-outcome.ts";
import { placementQuery, tokyoToday, toPlacementRow } from "./placement-access.ts";

export interface OutcomeCell {
  milestone: OutcomeMilestone;
  dueOn: string;
  requestedAt: Date | null;
  /** When the one reminder went out (14 days after the request, unanswered), or null. */
  remindedAt: Date | null;
  answeredAt: Date | null;
  answers: OutcomeAnswers | null;
}

export interface OutcomeRow {
  placementId: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  lastDay: string;
  milestones: OutcomeCell[];
}

export async function listOutcomes(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const placements = (await placementQuery(ctx.db).where("placements.round_id", "=", round.id).where("placements.status", "=", "completed").execute())
    .map(toPlacementRow)
    .sort((a, b) => a.internName.localeCompare(b.internName));
  const ids = placements.map((p) => p.id);
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom("outcome_followups")
          .select([
            "placement_id",
            "months_after",
            "requested_at",
            "reminded_at",
            "answered_at",
            "intern_hired",
            "university_tie",
            "new_overseas_business",
            "notes",
          ])
          .where("placement_id", "in", ids)
          .execute();
  const by = new Map(rows.map((r) => [`${r.placement_id}/${r.months_after}`, r]));
  const out: OutcomeRow[] = placements.map((p) => ({
    placementId: p.id,
    internName: p.internName,
    organizationNameJa: p.organizationNameJa,
    organizationNameEn: p.organizationNameEn,
    lastDay: p.endsOn,
    milestones: OUTCOME_MILESTONES.map((m): OutcomeCell => {
      const r = by.get(`${p.id}/${m}`);
      return {
        milestone: m,
        dueOn: outcomeWindow(p.endsOn, m).dueOn,
        requestedAt: r?.requested_at ?? null,
        remindedAt: r?.reminded_at ?? null,
        answeredAt: r?.answered_at ?? null,
        answers:
          r?.answered_at != null
            ? { internHired: r.intern_hired, universityTie: r.university_tie, newOverseasBusiness: r.new_overseas_business, notes: r.notes }
            : null,
      };
    }),
  }));
  const totals = OUTCOME_MILESTONES.map((m) => {
    const answered = out.map((o) => o.milestones.find((c) => c.milestone === m)!.answers).filter((a): a is OutcomeAnswers => a !== null);
    return {
      milestone: m,
      answered: answered.length,
      internHired: answered.filter((a) => a.internHired).length,
      universityTie: answered.filter((a) => a.universityTie).length,
      newOverseasBusiness: answered.filter((a) => a.newOverseasBusiness).length,
    };
  });
  return { round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en }, today: tokyoToday(ctx.clock()), rows: out, totals };
}
