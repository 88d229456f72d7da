import { sql } from "kysely";
import { applicationReceiptPrefix } from "../../domain/receipt-number.ts";
import type { Unmet } from "../../domain/eligibility.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import type { Selectable } from "kysely";
import type { RoundsTable } from "../../db/schema.ts";
import { eligibilityOf, eligibilityRulesOf, loadApplication } from "./application-record.ts";
import { APPLICATION_PHASE, takesApplications } from "../../domain/round-phases.ts";
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

/** The open round's row, its DAC countries and deadlines, and the applicant's application in it (submitApplication's first read). */
type SubmitRow = Selectable<RoundsTable> & {
  app_id: string;
  app_status: string;
  app_receipt: string | null;
  dac_countries: string[];
  deadlines: { kind: string; due_at: string }[];
};

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
    // One statement (issue #20 item 2): the open round (as getOpenRound picks it) with its deadlines and its
    // DAC list's countries, joined to this applicant's application in it, whose row is locked to the commit.
    const { rows: found } = await sql<SubmitRow>`
      select r.*, a.id as app_id, a.status as app_status, a.receipt_number as app_receipt,
        array(select d.country_code from dac_list_entries d where d.version = r.dac_list_version) as dac_countries,
        coalesce((select json_agg(json_build_object('kind', k.kind, 'due_at', k.due_at)) from round_deadlines k where k.round_id = r.id), '[]') as deadlines
      from rounds r join applications a on a.round_id = r.id and a.applicant_user_id = ${who.userId}
      where r.id = (select o.id from rounds o where o.phase = ${APPLICATION_PHASE} order by o.fiscal_year desc, o.created_at desc limit 1)
      for update of a`.execute(trx);
    const row = found[0];
    if (!row) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "no_application" }]);
    // A retry returns the receipt; a withdrawn application is refused (not_draft) rather than reported as received.
    if (row.app_receipt && row.app_status !== "withdrawn") return { receiptNumber: row.app_receipt, applicationId: row.app_id, alreadySubmitted: true };
    if (row.app_status !== "draft") throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_draft", status: row.app_status }]);
    const dueAt = Object.fromEntries(row.deadlines.map((d) => [d.kind, new Date(d.due_at)]));
    const applicationClose = dueAt["application_close"] ?? null;
    if (!takesApplications({ phase: row.phase, applicationClose }, now))
      throw new RefusedError<SubmitRefusal>("refusal", [{ code: "deadline_passed", at: applicationClose! }]);
    const app = (await loadApplication(trx, row.app_id))!;
    const { effective } = eligibilityOf(app, eligibilityRulesOf(row, row.dac_countries));
    if (!effective.eligible) throw new RefusedError<SubmitRefusal>("refusal", [{ code: "not_eligible", unmet: effective.unmet }]);
    // One statement (issue #20 item 2): the receipt's sequence number, the status history row and the application
    // marked submitted with its receipt number (the prefix from the domain, the sequence's next value appended).
    const { rows } = await sql<{ receipt_number: string }>`
      with seq as (select nextval('application_receipt_seq')::text as n),
      history as (
        insert into application_status_history (application_id, from_status, to_status, changed_by, changed_at)
        values (${row.app_id}, 'draft', 'submitted', ${who.userId}, ${now}))
      update applications
      set status = 'submitted', receipt_number = ${applicationReceiptPrefix(row.fiscal_year)} || (select n from seq),
        submitted_at = ${now}, current_step = 'review', updated_at = ${now}
      where id = ${row.app_id}
      returning receipt_number`.execute(trx);
    const receiptNumber = rows[0]!.receipt_number;
    const next = nextStepFor("submitted", dueAt);
    await ctx.mailer.queue(
      {
        to: who.email,
        template: "applicationReceipt",
        locale: who.locale,
        params: { name: who.name, receipt: receiptNumber, url: `${ctx.publicUrl}/${who.locale}/application/status`, next: describeNextStep(next, who.locale) },
      },
      trx,
    );
    // The audit entry is chained to the log when the transaction commits (ADR 0051): the chain's head, one row
    // every audited change waits for, is held only while PostgreSQL commits (issue #20 item 2).
    await writeAudit(trx, who, {
      action: "application.submit",
      entityType: "application",
      entityId: row.app_id,
      before: { status: "draft" },
      after: { status: "submitted", receiptNumber },
    });
    return { receiptNumber, applicationId: row.app_id, alreadySubmitted: false };
  });
  return { receiptNumber: result.receiptNumber, applicationId: result.applicationId, alreadySubmitted: result.alreadySubmitted };
}
