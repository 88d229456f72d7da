/**
 * The late daily report reminder job (issue 16, ADR 0040) on PGlite and
 * PostgreSQL: by timer, each intern of a placement in progress is reminded
 * through the e-mail queue of the working days without a daily report, at
 * most once per day — whatever the number of ticks, two ticks at once (two
 * processes) or the operator's button.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sendDueDailyReportReminders } from "#src/jobs/daily-report-reminders.ts";
import type { Actor } from "#src/services/context.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { sendReportReminders } from "#src/services/internship/late-reports.ts";
import { submitDailyReport } from "#src/services/internship/submit-daily-report.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let intern: Actor;
  let internEmail: string;
  let roundId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    const host = await orgWithMember(env, "ひかり工業");
    const user = await createUser(env, "applicant", { name: "Budi", locale: "id" });
    intern = actorFor(user, { locale: "id" });
    internEmail = user.email;
    roundId = await insertRound(env, `FY2027 reminder job ${kind}`);
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName: "Santoso", givenName: "Budi", nationality: "ID", userId: user.id },
    });
    // a second placement without an account: nothing to send it
    const other = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName: "Wijaya", givenName: "Sari", nationality: "ID" },
    });
    env.clock.set("2027-10-06T03:00:00Z");
    for (const o of [offer, other])
      await createPlacementFromOffer(env.ctx, operator, { offerId: o.offerId, cohort: "A", startsOn: "2027-10-04", endsOn: "2027-12-24" });
  });

  const mails = () =>
    env.db.selectFrom("outbound_emails").select(["subject", "body_text", "locale"]).where("to_address", "=", internEmail).orderBy("created_at").execute();
  const jobAudits = () =>
    env.db
      .selectFrom("audit_log")
      .select(["actor_role", "after"])
      .where("entity_id", "=", roundId)
      .where("action", "=", "daily_report.remind")
      .where("actor_role", "=", "system")
      .execute();

  it("reminds each intern once per missing day, by timer, through the e-mail queue in the intern's language", async () => {
    await submitDailyReport(env.ctx, intern, { day: "2027-10-04", did: "Rapat tim" });
    // Wednesday 10-06 in Japan: Tuesday 10-05 is late
    expect(await sendDueDailyReportReminders(env.ctx)).toEqual({ emails: 1, days: 1 });
    const first = await mails();
    expect(first).toHaveLength(1);
    expect(first[0]!.locale).toBe("id");
    expect(first[0]!.body_text).toContain("2027-10-05");
    expect(await jobAudits()).toHaveLength(1);
    // the next ticks the same day: nothing (and nothing audited)
    expect(await sendDueDailyReportReminders(env.ctx)).toEqual({ emails: 0, days: 0 });
    expect(await jobAudits()).toHaveLength(1);
  });

  it("two ticks at once (two processes) and the operator's button never remind a day twice", async () => {
    env.clock.set("2027-10-08T03:00:00Z");
    await submitDailyReport(env.ctx, intern, { day: "2027-10-06", did: "Pelatihan" });
    // Friday: Thursday 10-07 is newly late; 10-05 was reminded already
    const [a, b] = await Promise.all([sendDueDailyReportReminders(env.ctx), sendDueDailyReportReminders(env.ctx)]);
    expect([a.emails + b.emails, a.days + b.days]).toEqual([1, 1]);
    expect(await sendReportReminders(env.ctx, operator, { roundId })).toEqual({ emails: 0, days: 0 });
    const sent = await mails();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body_text).toContain("2027-10-07");
    expect(sent[1]!.body_text).not.toContain("2027-10-05");
    const reminded = await env.db.selectFrom("daily_report_reminders").select("day").orderBy("day").execute();
    expect(reminded.map((r) => r.day)).toEqual(["2027-10-05", "2027-10-07"]);
    expect(await jobAudits()).toHaveLength(2);
  });
});
