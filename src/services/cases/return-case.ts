import { operatorMayReturn } from "../../domain/cases/workflow.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { caseReasonSchema, moveCase } from "./move-case.ts";

const schema = caseReasonSchema(4000);

/** The operator sends the case back to the host for changes, saying what to change (e-mailed to the host's members). */
export async function returnCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  authorize(actor, "case.edit");
  const { body } = parseInput(schema, input.form);
  await moveCase(ctx, actor, input.caseId, { mayMove: operatorMayReturn, to: "changes_requested", event: "returned", action: "case.return", reason: body });
}
