import { sql } from "kysely";
import { applicationReceiptNumber } from "../../domain/receipt-number.ts";
import type { Unmet } from "../../domain/eligibility.ts";
import { auditRowOf } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { reusableQuery } from "../../db/reusable-query.ts";
import { ROUND_RULE_COLUMNS, applicationRecordColumns, eligibilityOf, eligibilityRulesOf, loadedApplicationOf } from "./application-record.ts";
import { takesApplications } from "../../domain/round-phases.ts";
import { openRoundIdQuery } from "./get-open-round.ts";
import { type NextStep, nextStepFor } from "../../domain/next-steps.ts";
import { PROGRAM_TIME_ZONE } from "../../domain/time.ts";
import { formatInstant } from "../../i18n/format.ts";
import { localeOr } from "../../i18n/locales.ts";
import { translator } from "../../i18n/translator.ts";

/** The next step as one sentence of the receipt e-mail, in the applicant's language, the date in Japan time. */
function describeNextStep(next: NextStep | null, localeName: string): string {
  if (!next) return "";
  const locale = localeOr(localeName);
  const at = next.at ? formatInstant(next.at, locale, PROGRAM_TIME_ZONE) : "";
  return translator(locale)(`nextSteps.${next.code}`, { dated: next.at ? "yes" : "no", at });
}

/**
 * The submission's one read (issue #20 item 2): the applicant's application in the open round (as getOpenRound
 * picks it) with everything the eligibility check reads, its round's phase, rules, deadlines and DAC list's
 * countries, and, while it is a draft, the receipt's sequence number. The application's row is locked to the
 * commit; a row another transaction holds is skipped (SKIP LOCKED), not waited for, because a statement that
 * waits for a row lock reads the other tables (documents, consents, overrides) as they were before the wait. A
 * draft refused after this read (a rule unmet, the deadline passed) leaves its number unused: receipt numbers
 * are unique and increasing, not gapless (a rolled-back submission always left one unused too).
 */
const submissionRead = reusableQuery((db, applicantUserId) =>
  db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .selectAll("a")
    .select((eb) => [
      ...applicationRecordColumns(eb as unknown as Parameters<typeof applicationRecordColumns>[0]),
      "r.phase as round_phase",
      "r.fiscal_year as round_fiscal_year",
      ...ROUND_RULE_COLUMNS.map((c) => `r.${c}` as const),
      sql<string[]>`array(select d.country_code from dac_list_entries d where d.version = r.dac_list_version)`.as("dac_countries"),
      sql<
        { kind: string; due_at: string }[]
      >`coalesce((select json_agg(json_build_object('kind', k.kind, 'due_at', k.due_at)) from round_deadlines k where k.round_id = r.id), '[]')`.as(
        "deadlines",
      ),
      sql<string | null>`case when a.status = 'draft' then nextval('application_receipt_seq')::text end`.as("receipt_seq"),
    ])
    .where("a.applicant_user_id", "=", applicantUserId)
    .where("a.round_id", "=", openRoundIdQuery(db))
    .forUpdate(["a"])
    .skipLocked(),
);

/** Waits for the applicant's application in the open round to be free and locks it (the read found it held). */
const applicationLock = reusableQuery((db, applicantUserId) =>
  db
    .selectFrom("applications as a")
    .select("a.id")
    .where("a.applicant_user_id", "=", applicantUserId)
    .where("a.round_id", "=", openRoundIdQuery(db))
    .forUpdate(["a"]),
);

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
    let [row] = await submissionRead(trx, who.userId);
    // Not found, or held by another transaction (a save, an upload, an operator's override, another tab's
    // submission): wait for the row, then read again in a new statement, which sees what that transaction
    // committed. The lock is ours by then, so the read does not skip it.
    if (!row && (await applicationLock(trx, who.userId)).length > 0) [row] = await submissionRead(trx, who.userId);
    if (!row) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "no_application" }]);
    // A retry returns the receipt; a withdrawn application is refused (not_draft) rather than reported as received.
    if (row.receipt_number && row.status !== "withdrawn") return { receiptNumber: row.receipt_number, applicationId: row.id, alreadySubmitted: true };
    if (row.status !== "draft" || row.receipt_seq === null) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_draft", status: row.status }]);
    const dueAt = Object.fromEntries(row.deadlines.map((d) => [d.kind, new Date(d.due_at)]));
    const applicationClose = dueAt["application_close"] ?? null;
    if (!takesApplications({ phase: row.round_phase, applicationClose }, now))
      throw new RefusedError<SubmitRefusal>("refusal", [{ code: "deadline_passed", at: applicationClose! }]);
    const { effective } = eligibilityOf(loadedApplicationOf(row), eligibilityRulesOf(row, row.dac_countries));
    if (!effective.eligible) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_eligible", unmet: effective.unmet }]);
    const receiptNumber = applicationReceiptNumber(row.round_fiscal_year, row.receipt_seq);
    const mail = ctx.mailer.rowOf({
      to: who.email,
      template: "applicationReceipt",
      locale: who.locale,
      params: {
        name: who.name,
        receipt: receiptNumber,
        url: `${ctx.publicUrl}/${who.locale}/application/status`,
        next: describeNextStep(nextStepFor("submitted", dueAt), who.locale),
      },
    });
    // The audit entry is chained to the log when the transaction commits (ADR 0051): the chain's head, one row
    // every audited change waits for, is held only while PostgreSQL commits.
    const audit = auditRowOf(who, {
      action: "application.submit",
      entityType: "application",
      entityId: row.id,
      before: { status: "draft" },
      after: { status: "submitted", receiptNumber },
    });
    // The one write (issue #20 item 2): the status history, the receipt e-mail, the audit entry and the
    // application marked submitted with its receipt number, in one statement: four round trips in all with the
    // read, BEGIN and COMMIT (each statement was a round trip, and each cost Node a system call: ADR 0049).
    await trx
      .with("history", (db) =>
        db
          .insertInto("application_status_history")
          .values({ application_id: row.id, from_status: "draft", to_status: "submitted", changed_by: who.userId, changed_at: now }),
      )
      .with("mail", (db) => db.insertInto("outbound_emails").values(mail))
      .with("audit", (db) => db.insertInto("audit_pending").values(audit))
      .updateTable("applications")
      .set({ status: "submitted", receipt_number: receiptNumber, submitted_at: now, current_step: "review", updated_at: now })
      .where("id", "=", row.id)
      .execute();
    return { receiptNumber, applicationId: row.id, alreadySubmitted: false };
  });
  return { receiptNumber: result.receiptNumber, applicationId: result.applicationId, alreadySubmitted: result.alreadySubmitted };
}
