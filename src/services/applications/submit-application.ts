import { sql } from "kysely";
import { applicationReceiptNumber } from "../../domain/receipt-number.ts";
import type { Unmet } from "../../domain/eligibility.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { eligibilityOf, loadApplication, loadEligibilityRules } from "./application-record.ts";
import { takesApplications } from "../../domain/round-phases.ts";
import { getOpenRound } from "./get-open-round.ts";
import { type NextStep, nextStepFor } from "../../domain/next-steps.ts";
import { PROGRAM_TIME_ZONE } from "../../domain/time.ts";
import { formatInstant } from "../../i18n/format.ts";
import { DEFAULT_LOCALE, isLocale } from "../../i18n/locales.ts";
import { translator } from "../../i18n/translator.ts";

/** The next step as one sentence of the receipt e-mail, in the applicant's language, the date in Japan time. */
function describeNextStep(next: NextStep | null, localeName: string): string {
  if (!next) return "";
  const locale = isLocale(localeName) ? localeName : DEFAULT_LOCALE;
  const at = next.at ? formatInstant(next.at, locale, PROGRAM_TIME_ZONE) : "";
  return translator(locale)(`nextSteps.${next.code}`, { dated: next.at ? "yes" : "no", at });
}

export type SubmitRefusal =
  { code: "not_eligible"; unmet: Unmet[] } | { code: "deadline_passed"; at: Date } | { code: "no_application" } | { code: "not_draft"; status: string };

/**
 * Submits the applicant's draft once. Idempotent: a double click, a retry or a
 * second tab returns the same receipt. Refused while an eligibility rule is
 * unmet (unless an operator overrode it with a reason) or after the deadline.
 * The receipt e-mail goes out in the applicant's language after the commit.
 */
export async function submitApplication(
  ctx: ServiceContext,
  actor: Actor | null,
): Promise<{ receiptNumber: string; applicationId: string; alreadySubmitted: boolean }> {
  const who = authorize(actor, "application.manage");
  const now = ctx.clock();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const round = await getOpenRound({ db: trx });
    const row = await trx
      .selectFrom("applications")
      .select(["id", "status", "receipt_number", "round_id"])
      .where("applicant_user_id", "=", who.userId)
      .where("round_id", "=", round?.id ?? "")
      .forUpdate()
      .executeTakeFirst();
    if (!round || !row) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "no_application" }]);
    // A retry returns the receipt; a withdrawn application is refused (not_draft) rather than reported as received.
    if (row.receipt_number && row.status !== "withdrawn") return { receiptNumber: row.receipt_number, applicationId: row.id, alreadySubmitted: true };
    if (row.status !== "draft") throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_draft", status: row.status }]);
    if (!takesApplications(round, now)) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "deadline_passed", at: round.applicationClose! }]);
    const app = (await loadApplication(trx, row.id))!;
    const { effective } = eligibilityOf(app, await loadEligibilityRules(trx, row.round_id));
    if (!effective.eligible) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_eligible", unmet: effective.unmet }]);
    const { rows } = await sql<{ n: string }>`select nextval('application_receipt_seq')::text as n`.execute(trx);
    const receiptNumber = applicationReceiptNumber(round.fiscalYear, rows[0]!.n);
    await trx
      .updateTable("applications")
      .set({ status: "submitted", receipt_number: receiptNumber, submitted_at: now, current_step: "review", updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await trx
      .insertInto("application_status_history")
      .values({ application_id: row.id, from_status: "draft", to_status: "submitted", changed_by: who.userId, changed_at: now })
      .execute();
    const deadlines = await trx.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", row.round_id).execute();
    const next = nextStepFor("submitted", Object.fromEntries(deadlines.map((d) => [d.kind, d.due_at])));
    await ctx.mailer.queue(
      {
        to: who.email,
        template: "applicationReceipt",
        locale: who.locale,
        params: { name: who.name, receipt: receiptNumber, url: `${ctx.publicUrl}/${who.locale}/application/status`, next: describeNextStep(next, who.locale) },
      },
      trx,
    );
    // Last: the audit entry locks the head of the hash chain (one row every audited change waits for)
    // until the commit, so everything else of the submission is done before it is taken (issue #20 item 2).
    await writeAudit(trx, who, {
      action: "application.submit",
      entityType: "application",
      entityId: row.id,
      before: { status: "draft" },
      after: { status: "submitted", receiptNumber },
    });
    return { receiptNumber, applicationId: row.id, alreadySubmitted: false, roundName: round.nameEn };
  });
  return { receiptNumber: result.receiptNumber, applicationId: result.applicationId, alreadySubmitted: result.alreadySubmitted };
}
