import { operatorMayApprove } from "../../domain/cases/workflow.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { moveCase } from "./move-case.ts";

/** The operator approves a case in review; it can then be published (and still edited). */
export async function approveCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string }): Promise<void> {
  await moveCase(ctx, actor, input.caseId, { mayMove: operatorMayApprove, to: "approved", event: "approved", action: "case.approve", reason: "" });
}
