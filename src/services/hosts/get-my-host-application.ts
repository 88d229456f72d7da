/** The host's view of its application for a round: agreement, goals, support plan, positions, status, and whether it may still be edited. */
import {
  type HostReadOnlyReason,
  hostApplicationEditable,
  hostApplicationReadOnlyReason,
  hostApplicationWithdrawable,
} from "../../domain/host-organization.ts";
import { inHostApplicationPhase } from "../../domain/round-phases.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requireMembership } from "./membership.ts";
import type { OrganizationAttributes } from "./organization-attributes.ts";
import { type HostRoundSummary, type PositionView, type SupportPlan, loadPositions, loadRound, supportPlanOf } from "./host-application-record.ts";

export interface HostApplicationView {
  round: HostRoundSummary & { fiscalYear: number };
  organizationName: string;
  editable: boolean;
  /** Why it cannot be changed (null when it can). */
  readOnlyReason: HostReadOnlyReason | null;
  /** The caller (an admin) may withdraw it now. */
  withdrawable: boolean;
  application:
    | (SupportPlan & {
        id: string;
        status: string;
        receiptNumber: string | null;
        agreesWithPurpose: boolean;
        decisionReason: string | null;
        decidedAt: Date | null;
        submittedAt: Date | null;
        /** The organization's attributes as submitted (null before the first submission). */
        organizationSnapshot: OrganizationAttributes | null;
      })
    | null;
  positions: PositionView[];
}

export async function getMyHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<HostApplicationView> {
  const m = await requireMembership(ctx.db, actor);
  const round = await loadRound(ctx.db, roundId);
  const org = await ctx.db.selectFrom("host_organizations").select("name_ja").where("id", "=", m.organizationId).executeTakeFirstOrThrow();
  const app = await ctx.db
    .selectFrom("host_applications")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("organization_id", "=", m.organizationId)
    .executeTakeFirst();
  if (!app && !inHostApplicationPhase(round.phase)) throw new NotFoundError("round");
  const closesAt = round.due_at ?? null;
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, closesAt, fiscalYear: round.fiscal_year },
    organizationName: org.name_ja,
    editable: hostApplicationEditable(app?.status ?? "draft", { phase: round.phase, hostApplicationClose: closesAt }, ctx.clock()),
    readOnlyReason: hostApplicationReadOnlyReason(app?.status ?? "draft", { phase: round.phase, hostApplicationClose: closesAt }, ctx.clock()),
    withdrawable: app ? hostApplicationWithdrawable(app.status) && m.orgRole === "admin" : false,
    application: app
      ? {
          id: app.id,
          status: app.status,
          receiptNumber: app.receipt_number,
          agreesWithPurpose: app.agrees_with_purpose,
          ...supportPlanOf(app),
          decisionReason: app.decision_reason,
          decidedAt: app.decided_at,
          submittedAt: app.submitted_at,
          organizationSnapshot: (app.organization_snapshot as OrganizationAttributes | null) ?? null,
        }
      : null,
    positions: app ? await loadPositions(ctx.db, app.id) : [],
  };
}
