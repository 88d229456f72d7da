import { sql } from "kysely";
import { hostApplicationReceiptNumber } from "../../domain/receipt-number.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Refusal, RefusedError } from "../errors.ts";
import { requireMembership } from "./membership.ts";
import { loadRound, editableApplication } from "./host-application-record.ts";
import { organizationAttributes } from "./organization-attributes.ts";

/**
 * Submits the application: complete plan and at least one position; a receipt number on first submission.
 * The application keeps the organization's attributes as submitted (organization_snapshot, for the
 * yearly report), and every member of the organization is told by e-mail (issue 19 item 8).
 */
export async function submitHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ receiptNumber: string }> {
  const m = await requireMembership(ctx.db, actor);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    // ADR 0029: only an organization an operator has verified may submit.
    const verification = await trx.selectFrom("host_organizations").select("verification_status").where("id", "=", m.organizationId).executeTakeFirstOrThrow();
    if (verification.verification_status !== "verified")
      throw new RefusedError("hostApplication.refusals", [
        { code: verification.verification_status === "rejected" ? "organization_rejected" : "organization_pending" },
      ]);
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
    if (full.status === "submitted") return { receiptNumber: full.receipt_number! };
    const round = await loadRound(trx, roundId);
    let receipt = full.receipt_number;
    if (!receipt) {
      const seq = await sql<{ n: string }>`select nextval('host_application_receipt_seq') as n`.execute(trx);
      receipt = hostApplicationReceiptNumber(round.fiscal_year, seq.rows[0]!.n);
    }
    const org = await trx.selectFrom("host_organizations").selectAll().where("id", "=", m.organizationId).executeTakeFirstOrThrow();
    await trx
      .updateTable("host_applications")
      .set({
        status: "submitted",
        receipt_number: receipt,
        submitted_at: ctx.clock(),
        updated_at: ctx.clock(),
        organization_snapshot: JSON.stringify(organizationAttributes(org)),
      })
      .where("id", "=", app.id)
      .execute();
    const members = await trx
      .selectFrom("host_memberships")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.email", "user.locale"])
      .where("host_memberships.organization_id", "=", m.organizationId)
      .execute();
    await ctx.mailer.queueAll(
      members.map((member) => ({
        to: member.email,
        template: "hostSubmitted" as const,
        locale: member.locale === "en" ? ("en" as const) : ("ja" as const),
        params: {
          organization: org.name_ja,
          round: member.locale === "en" ? round.name_en : round.name_ja,
          receipt,
          url: `${ctx.publicUrl}/${member.locale === "en" ? "en" : "ja"}/host/rounds/${roundId}`,
        },
      })),
      trx,
    );
    await writeAudit(trx, m.actor, {
      action: "host_application.submit",
      entityType: "host_application",
      entityId: app.id,
      before: { status: full.status },
      after: { status: "submitted", receiptNumber: receipt },
    });
    return { receiptNumber: receipt };
  });
  return { receiptNumber: result.receiptNumber };
}
