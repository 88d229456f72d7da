import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { loadRound, loadRubric, loadSettings } from "./screening-record.ts";
import { scoringStarted } from "./save-round-rubric.ts";

/** The round's rubric for the operator's editor: the criteria and scale, whether it is still the default, and whether it is locked (scoring started, or screening closed). */
export async function getRoundRubric(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  const [rubric, settings, started] = await Promise.all([loadRubric(ctx.db, roundId), loadSettings(ctx.db, roundId), scoringStarted(ctx, roundId)]);
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    rubric,
    isDefault: rubric.id === null,
    locked: started ? ("scoring" as const) : settings.closedAt ? ("closed" as const) : null,
  };
}
