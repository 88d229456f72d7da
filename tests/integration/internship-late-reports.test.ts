/**
 * Late daily reports and reminders (issue 16, ADR 0035) on PGlite and
 * PostgreSQL: the operator sees which working days have no daily report and
 * reminds the intern by e-mail in the intern's language, once per day.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { listLateReports, sendReportReminders } from "#src/services/internship/late-reports.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { submitDailyReport } from "#src/services/internship/submit-daily-report.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught } from "./support/expect-errors.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let intern: Actor;
  let internEmail: string;
  let roundId: string;
  let placementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    const user = await createUser(env, "applicant", { name: "Somchai", locale: "th" });
    intern = actorFor(user, { locale: "th" });
    internEmail = user.email;
    roundId = await insertRound(env, `FY2027 late ${kind}`);
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName: "Srisuk", givenName: "Somchai", nationality: "TH", userId: user.id },
    });
    // Monday 2027-10-04 to the end of the year; today Monday 2027-10-11 in Japan
    env.clock.set("2027-10-11T03:00:00Z");
    ({ id: placementId } = await createPlacementFromOffer(env.ctx, operator, {
      offerId: offer.offerId,
      cohort: "A",
      startsOn: "2027-10-04",
      endsOn: "2027-12-24",
    }));
  });

  const mails = () => env.db.selectFrom("outbound_emails").select(["subject", "body_text", "locale"]).where("to_address", "=", internEmail).execute();

  it("lists the working days without a daily report up to yesterday", async () => {
    await submitDailyReport(env.ctx, intern, { day: "2027-10-04", did: "ประชุมทีม" });
    await recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-06", status: "leave" });
    await recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-09", status: "present" });
    const view = await listLateReports(env.ctx, operator, roundId);
    expect(view.rows.map((r) => [r.internName, r.lateDays, r.remindedDays])).toEqual([
      ["Somchai Srisuk", ["2027-10-05", "2027-10-07", "2027-10-08", "2027-10-09"], []],
    ]);
    expect(await caught(listLateReports(env.ctx, host.actor, roundId))).toBeInstanceOf(ForbiddenError);
  });

  it("reminds the intern once per late day, in Thai, through the e-mail queue; sending again sends nothing new", async () => {
    expect(await caught(sendReportReminders(env.ctx, host.actor, { roundId }))).toBeInstanceOf(ForbiddenError);
    expect(await sendReportReminders(env.ctx, operator, { roundId })).toEqual({ emails: 1, days: 4 });
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.locale).toBe("th");
    expect(sent[0]!.subject).toBe("รายงานประจำวันที่ต้องเขียน: 4 วัน");
    expect(sent[0]!.body_text).toContain("2027-10-05, 2027-10-07, 2027-10-08, 2027-10-09");
    expect(sent[0]!.body_text).toContain("/th/internship");

    expect(await sendReportReminders(env.ctx, operator, { roundId })).toEqual({ emails: 0, days: 0 });
    expect(await mails()).toHaveLength(1);
    const view = await listLateReports(env.ctx, operator, roundId);
    expect(view.rows[0]!.remindedDays).toHaveLength(4);

    // a day later: only the new late day
    env.clock.set("2027-10-12T03:00:00Z");
    expect(await sendReportReminders(env.ctx, operator, { roundId })).toEqual({ emails: 1, days: 1 });
    expect((await mails()).map((m) => m.subject).sort()).toEqual(["รายงานประจำวันที่ต้องเขียน: 1 วัน", "รายงานประจำวันที่ต้องเขียน: 4 วัน"]);
    const audit = await env.db.selectFrom("audit_log").select("after").where("entity_id", "=", roundId).where("action", "=", "daily_report.remind").execute();
    expect(audit).toHaveLength(3);
  });
});
