/**
 * What the host's placement page shows beside ADR 0022's sections (issue 16
 * items 2 and 6, ADR 0038): whether the supervisor has completed the host
 * training — and, when the round requires it before the placement starts,
 * that the placement is held back — and the final presentation with the
 * intern's slides.
 */
import { trainingBlock } from "../../domain/internship/training.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { supervisorIssuesOf } from "../host-training/training-records.ts";
import { presentationOf } from "./final-presentations.ts";
import { hostPlacement, tokyoToday } from "./placement-access.ts";

export async function getHostPlacementExtras(ctx: ServiceContext, actor: Actor | null, placementId: string) {
  const { placement } = await hostPlacement(ctx.db, actor, placementId);
  const round = await ctx.db.selectFrom("rounds").select("training_before_start").where("id", "=", placement.roundId).executeTakeFirstOrThrow();
  const issues = await supervisorIssuesOf(ctx.db, placement.supervisorUserId, placement.roundId);
  const open = placement.status === "active" || placement.status === "planned";
  return {
    training: {
      required: round.training_before_start,
      issues,
      block: open ? trainingBlock(round.training_before_start, issues, placement.startsOn, tokyoToday(ctx.clock())) : ("none" as const),
    },
    presentation: await presentationOf(ctx.db, placement.id),
  };
}
