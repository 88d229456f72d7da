import { sql } from "kysely";
import { hostApplicationReceiptNumber } from "../../domain/receipt-number.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Refusal, RefusedError } from "../errors.ts";
import { requireMembership } from "./membership.ts";
import { loadRound, editableApplication } from "./host-application-record.ts";

/** Submits the application: complete plan and at least one position; a receipt number on first submission. */
export async function submitHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ receiptNumber: string }> {
  const m = await requireMembership(ctx.db, actor);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const full = await trx.selectFrom("host_applications").selectAll().where("id", "=", app.id).executeTakeFirstOrThrow();
    const problems: Refusal[] = [];
    if (!full.agrees_with_purpose || !full.supervisor_name) problems.push({ code: "plan_missing" });
    const n = await trx
      .selectFrom("positions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("host_application_id", "=", app.id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) === 0) problems.push({ code: "no_positions" });
    if (problems.length) throw new RefusedError("hostApplication.refusals", problems);
    if (full.status === "submitted") return { receiptNumber: full.receipt_number!, mail: false };
    const round = await loadRound(trx, roundId);
    let receipt = full.receipt_number;
    if (!receipt) {
      const seq = await sql<{ n: string }>`select nextval('host_application_receipt_seq') as n`.execute(trx);
      receipt = hostApplicationReceiptNumber(round.fiscal_year, seq.rows[0]!.n);
    }
    // The organization as it is at submission: the yearly report counts the host with these attributes (issue 17).
    const org = await trx
      .selectFrom("host_organizations")
      .select(["jsic_division", "employees", "overseas_status", "prefecture_code"])
      .where("id", "=", full.organization_id)
      .executeTakeFirstOrThrow();
    const organizationSnapshot = {
      jsicDivision: org.jsic_division,
      employees: org.employees,
      overseasStatus: org.overseas_status,
      prefectureCode: org.prefecture_code,
    };
    await trx
      .updateTable("host_applications")
      .set({
        status: "submitted",
        receipt_number: receipt,
        submitted_at: ctx.clock(),
        updated_at: ctx.clock(),
        organization_snapshot: JSON.stringify(organizationSnapshot),
      })
      .where("id", "=", app.id)
      .execute();
    await writeAudit(trx, m.actor, {
      action: "host_application.submit",
      entityType: "host_application",
      entityId: app.id,
      before: { status: full.status },
      after: { status: "submitted", receiptNumber: receipt },
    });
    return { receiptNumber: receipt, mail: true };
  });
  return { receiptNumber: result.receiptNumber };
}
