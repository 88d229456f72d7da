import { operatorMayWithdraw } from "../../domain/cases/workflow.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { caseReasonSchema, moveCase } from "./move-case.ts";

const schema = caseReasonSchema(2000);

/**
 * Unpublishes a case: it leaves the library, and its address answers 410
 * with a page that says it was withdrawn (links shared earlier do not break
 * into a 404). It can be published again at the same address.
 */
export async function withdrawCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  authorize(actor, "case.edit");
  const { body } = parseInput(schema, input.form);
  await moveCase(ctx, actor, input.caseId, {
    mayMove: operatorMayWithdraw,
    to: "withdrawn",
    event: "withdrawn",
    action: "case.withdraw",
    reason: body,
    set: (now) => ({ withdrawn_at: now }),
  });
}
