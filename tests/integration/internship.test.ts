/**
 * The internship period (issue 16) on PGlite and PostgreSQL: a placement from
 * an accepted offer, daily reports, attendance, the allowance ledger in exact
 * yen and its CSV, final reports, evaluation surveys and completion.
 * Accepted offers come from tests/support/phase-inputs/offers.ts (matching, #15).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { answerSurvey } from "#src/services/internship/answer-survey.ts";
import { commentOnDailyReport } from "#src/services/internship/comment-on-daily-report.ts";
import { completePlacement } from "#src/services/internship/complete-placement.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { exportAllowanceCsv } from "#src/services/internship/export-allowance-csv.ts";
import { getHostPlacement } from "#src/services/internship/get-host-placement.ts";
import { getMyInternship } from "#src/services/internship/get-my-internship.ts";
import { listHostPlacements } from "#src/services/internship/list-host-placements.ts";
import { listPlacements } from "#src/services/internship/list-placements.ts";
import { listIncidents } from "#src/services/internship/list-incidents.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { resolveIncident } from "#src/services/internship/resolve-incident.ts";
import { submitDailyReport } from "#src/services/internship/submit-daily-report.ts";
import { submitFinalReport } from "#src/services/internship/submit-final-report.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, actorFor, createUser } from "./support/databases.ts";
import { useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { orgWithMember } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let otherHost: { orgId: string; actor: Actor };
  let intern: Actor;
  let onlineIntern: Actor;
  let otherIntern: Actor;
  let roundId: string;
  let offer: Awaited<ReturnType<typeof insertAcceptedOffer>>;
  let onlineOffer: Awaited<ReturnType<typeof insertAcceptedOffer>>;
  let placementId: string;
  let onlinePlacementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    otherHost = await orgWithMember(env, "博多フーズ");
    intern = actorFor(await createUser(env, "applicant", { name: "Somchai" }), { locale: "th" });
    onlineIntern = actorFor(await createUser(env, "applicant", { name: "Lan" }));
    otherIntern = actorFor(await createUser(env, "applicant", { name: "Other" }));
    roundId = crypto.randomUUID();
    await env.db
      .insertInto("rounds")
      .values({
        id: roundId,
        fiscal_year: 2027,
        name_ja: "2027年度",
        name_en: `FY2027 ${kind}`,
        phase: "internship",
        eligibility_reference_date: "2027-04-01",
        dac_list_version: "2024-2025",
        intern_daily_allowance_yen: 3000,
        online_daily_allowance_yen: 1000,
        host_daily_subsidy_yen: 2000,
      })
      .execute();
    offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName: "Srisuk", givenName: "Somchai", nationality: "TH", userId: intern.userId },
    });
    onlineOffer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      mode: "online",
      intern: { familyName: "Nguyen", givenName: "Lan", nationality: "VN", userId: onlineIntern.userId },
    });
    env.clock.set("2027-10-20T03:00:00Z");
  });

  it("creates a placement from an accepted offer: the application becomes placed, with its history and an audit entry; once per offer", async () => {
    const bad = await validationErrorOf(
      createPlacementFromOffer(env.ctx, operator, { offerId: offer.offerId, cohort: "A", startsOn: "2027-10-01", endsOn: "2027-09-01" }),
    );
    expect(Object.keys(bad.fieldErrors)).toEqual(["endsOn"]);
    expect(
      await caught(createPlacementFromOffer(env.ctx, host.actor, { offerId: offer.offerId, cohort: "A", startsOn: "2027-10-01", endsOn: "2027-12-24" })),
    ).toBeInstanceOf(ForbiddenError);
    const before = await listPlacements(env.ctx, operator, roundId);
    expect(before.openOffers.map((o) => o.offerId).sort()).toEqual([offer.offerId, onlineOffer.offerId].sort());

    ({ id: placementId } = await createPlacementFromOffer(env.ctx, operator, {
      offerId: offer.offerId,
      cohort: "A",
      startsOn: "2027-10-01",
      endsOn: "2027-12-24",
    }));
    ({ id: onlinePlacementId } = await createPlacementFromOffer(env.ctx, operator, {
      offerId: onlineOffer.offerId,
      cohort: "B",
      startsOn: "2027-10-04",
      endsOn: "2027-12-24",
    }));
    const app = await env.db.selectFrom("applications").select("status").where("id", "=", offer.applicationId).executeTakeFirstOrThrow();
    expect(app.status).toBe("placed");
    const history = await env.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status"])
      .where("application_id", "=", offer.applicationId)
      .orderBy("id")
      .execute();
    expect(history.at(-1)).toEqual({ from_status: "matched", to_status: "placed" });
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", placementId).execute();
    expect(audit.map((a) => a.action)).toContain("placement.create");

    const again = await refusalOf(
      createPlacementFromOffer(env.ctx, operator, { offerId: offer.offerId, cohort: "A", startsOn: "2027-10-01", endsOn: "2027-12-24" }),
    );
    expect(again.refusals).toEqual([{ code: "already_placed" }]);

    const list = await listPlacements(env.ctx, operator, roundId);
    expect(list.openOffers).toEqual([]);
    expect(list.placements.map((p) => [p.cohort, p.internName, p.mode])).toEqual([
      ["A", "Somchai Srisuk", "in_person"],
      ["B", "Nguyen Lan", "online"],
    ]);
    const online = await env.db.selectFrom("placements").select("mode").where("id", "=", onlinePlacementId).executeTakeFirstOrThrow();
    expect(online.mode).toBe("online");
  });

  it("refuses a placement from an offer that is not accepted", async () => {
    const pending = await insertAcceptedOffer(env.db, { roundId, organizationId: host.orgId, intern: { familyName: "P", givenName: "Q", nationality: "VN" } });
    await env.db.updateTable("offers").set({ status: "pending" }).where("id", "=", pending.offerId).execute();
    const r = await refusalOf(
      createPlacementFromOffer(env.ctx, operator, { offerId: pending.offerId, cohort: "A", startsOn: "2027-10-01", endsOn: "2027-12-24" }),
    );
    expect(r.refusals).toEqual([{ code: "offer_not_accepted", status: "pending" }]);
  });

  it("the intern writes daily reports: not for a future day or a day outside the placement; a second report for a day edits it until confirmed", async () => {
    const future = await refusalOf(submitDailyReport(env.ctx, intern, { day: "2027-10-21", did: "x" }));
    expect(future.refusals).toEqual([{ code: "future_day", today: "2027-10-20", day: "2027-10-21" }]);
    const outside = await refusalOf(submitDailyReport(env.ctx, intern, { day: "2027-09-30", did: "x" }));
    expect(outside.refusals[0]).toMatchObject({ code: "outside_placement", startsOn: "2027-10-01", endsOn: "2027-12-24" });
    const empty = await validationErrorOf(submitDailyReport(env.ctx, intern, { day: "2027-10-19", did: "  " }));
    expect(Object.keys(empty.fieldErrors)).toEqual(["did"]);

    expect(await submitDailyReport(env.ctx, intern, { day: "2027-10-19", did: "ทำวิจัยตลาด", learned: "มารยาททางธุรกิจ" })).toEqual({
      day: "2027-10-19",
      edited: false,
    });
    expect(await submitDailyReport(env.ctx, intern, { day: "2027-10-19", did: "ทำวิจัยตลาดเวียดนาม", issues: "" })).toEqual({ day: "2027-10-19", edited: true });
    await submitDailyReport(env.ctx, intern, { day: "2027-10-20", did: "Visited a customer" });
    const mine = await getMyInternship(env.ctx, intern);
    expect(mine.placement?.id).toBe(placementId);
    expect(mine.reports.map((r) => [r.day, r.did, r.learned])).toEqual([
      ["2027-10-20", "Visited a customer", null],
      ["2027-10-19", "ทำวิจัยตลาดเวียดนาม", null],
    ]);
    // Another intern has no placement: nothing of Somchai's is theirs to see.
    expect((await getMyInternship(env.ctx, otherIntern)).placement).toBeNull();
    expect(await caught(submitDailyReport(env.ctx, otherIntern, { day: "2027-10-19", did: "x" }))).toBeInstanceOf(NotFoundError);
  });

  it("the supervisor reads, comments and confirms; a confirmed report can no longer be edited; another host gets 403", async () => {
    const listed = await listHostPlacements(env.ctx, host.actor);
    expect(listed.find((p) => p.id === placementId)?.unconfirmedReports).toBe(2);
    await commentOnDailyReport(env.ctx, host.actor, { placementId, day: "2027-10-19", comment: "よくできました", confirm: "yes" });
    const view = await getHostPlacement(env.ctx, host.actor, placementId);
    expect(view.reports.find((r) => r.day === "2027-10-19")).toMatchObject({ hostComment: "よくできました", confirmed: true });
    const r = await refusalOf(submitDailyReport(env.ctx, intern, { day: "2027-10-19", did: "changed" }));
    expect(r.refusals).toEqual([{ code: "report_confirmed", day: "2027-10-19" }]);
    expect(await caught(getHostPlacement(env.ctx, otherHost.actor, placementId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(commentOnDailyReport(env.ctx, otherHost.actor, { placementId, day: "2027-10-19", comment: "x" }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getHostPlacement(env.ctx, intern, placementId))).toBeInstanceOf(ForbiddenError);
  });

  it("attendance: hours beyond a day and a missing online hours are refused; a future day too", async () => {
    const beyond = await validationErrorOf(
      recordAttendance(env.ctx, host.actor, { placementId: onlinePlacementId, day: "2027-10-05", status: "present", hours: "25" }),
    );
    expect(beyond.fieldErrors.hours).toEqual([{ key: "internshipStaff.errors.hoursBeyondDay" }]);
    const missing = await validationErrorOf(recordAttendance(env.ctx, host.actor, { placementId: onlinePlacementId, day: "2027-10-05", status: "present" }));
    expect(missing.fieldErrors.hours).toEqual([{ key: "internshipStaff.errors.hoursRequired" }]);
    const future = await refusalOf(recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-25", status: "present" }));
    expect(future.refusals[0]).toMatchObject({ code: "future_day" });
    const status = await validationErrorOf(recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-05", status: "sick" }));
    expect(Object.keys(status.fieldErrors)).toEqual(["status"]);
  });

  it("the ledger pays confirmed days in exact yen at the round's rates, in person and online, and exports a CSV", async () => {
    // In person, October: 3 present, 1 holiday (paid to the intern only), 1 absent (paid to nobody).
    for (const [day, status] of [
      ["2027-10-01", "present"],
      ["2027-10-02", "holiday"],
      ["2027-10-04", "present"],
      ["2027-10-05", "absent"],
      ["2027-10-06", "present"],
    ] as const) {
      await recordAttendance(env.ctx, host.actor, { placementId, day, status });
    }
    // Online: 2 days with hours, 1 holiday (not paid online).
    await recordAttendance(env.ctx, host.actor, { placementId: onlinePlacementId, day: "2027-10-04", status: "present", hours: "4" });
    await recordAttendance(env.ctx, host.actor, { placementId: onlinePlacementId, day: "2027-10-05", status: "present", hours: "3.5" });
    await recordAttendance(env.ctx, host.actor, { placementId: onlinePlacementId, day: "2027-10-09", status: "holiday" });
    // Recorded again: changed, still one day.
    await recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-06", status: "present" });

    const ledger = await computeAllowanceLedger(env.ctx, operator, { roundId, month: "2027-10" });
    const amounts = ledger.rows.map((r) => [r.internName, r.party, r.item, r.amountYen]);
    expect(amounts).toEqual([
      ["Somchai Srisuk", "host", "host_subsidy", 6000],
      ["Somchai Srisuk", "intern", "intern_allowance", 12000],
      ["Nguyen Lan", "host", "host_subsidy", 4000],
      ["Nguyen Lan", "intern", "intern_allowance", 2000],
    ]);
    expect(ledger.internTotalYen).toBe(14000);
    expect(ledger.hostTotalYen).toBe(10000);
    expect(ledger.issues).toEqual([]);
    const somchai = ledger.rows.find((r) => r.internName === "Somchai Srisuk" && r.party === "intern")!;
    expect(somchai.derivation.en.join("; ")).toContain("4 days in person × ¥3,000 = ¥12,000; rate from 2027-04-01");
    expect(somchai.derivation.en.join("; ")).toContain("1 day in person absent: not paid");
    expect(await caught(computeAllowanceLedger(env.ctx, host.actor, { roundId }))).toBeInstanceOf(ForbiddenError);

    const { csv } = await exportAllowanceCsv(env.ctx, operator, { roundId, month: "2027-10", locale: "en" });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("month,cohort,intern,host,mode,payee,item,amount_yen,derivation");
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^2027-10,A,Somchai Srisuk,さくら精機 Co\.,in_person,intern,intern_allowance,12000,/);
    const exported = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", roundId).execute();
    expect(exported.map((a) => a.action)).toContain("allowance.export");
  });

  it("final reports and surveys from both sides, stored under the report's codes; completing makes the application completed", async () => {
    const early = await refusalOf(completePlacement(env.ctx, operator, { placementId }));
    expect(early.refusals).toEqual([
      { code: "final_report_missing", side: "intern" },
      { code: "survey_missing", side: "intern" },
      { code: "final_report_missing", side: "host" },
      { code: "survey_missing", side: "host" },
    ]);
    const out = await validationErrorOf(answerSurvey(env.ctx, intern, { match_fit: "maybe", overall_satisfaction: "satisfied" }));
    expect(Object.keys(out.fieldErrors)).toEqual(["match_fit"]);
    await answerSurvey(env.ctx, intern, { match_fit: "no", overall_satisfaction: "satisfied", comment: "" });
    await answerSurvey(env.ctx, intern, { match_fit: "yes", overall_satisfaction: "satisfied", comment: "ขอบคุณ" });
    await submitFinalReport(env.ctx, intern, { summary: "I researched the Thai market.", outcomes: "" });
    const hostOut = await validationErrorOf(
      answerSurvey(env.ctx, host.actor, { placementId, match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "fluent" }),
    );
    expect(Object.keys(hostOut.fieldErrors).sort()).toEqual(["intern_english_level", "intern_japanese_level"]);
    expect(await caught(answerSurvey(env.ctx, otherHost.actor, { placementId, match_fit: "yes" }))).toBeInstanceOf(ForbiddenError);
    await answerSurvey(env.ctx, host.actor, {
      placementId,
      match_fit: "yes",
      overall_satisfaction: "not_satisfied",
      intern_japanese_level: "daily",
      intern_english_level: "business",
    });
    await submitFinalReport(env.ctx, host.actor, { placementId, summary: "市場調査の成果がありました。" });

    const responses = await env.db
      .selectFrom("survey_responses")
      .innerJoin("surveys", "surveys.id", "survey_responses.survey_id")
      .select(["surveys.audience", "survey_responses.answers"])
      .where("survey_responses.placement_id", "=", placementId)
      .orderBy("surveys.audience")
      .execute();
    const parsed = responses.map((r) => [r.audience, typeof r.answers === "string" ? JSON.parse(r.answers) : r.answers]);
    expect(parsed).toEqual([
      ["host", { match_fit: "yes", overall_satisfaction: "not_satisfied", intern_japanese_level: "daily", intern_english_level: "business", comment: null }],
      ["intern", { match_fit: "yes", overall_satisfaction: "satisfied", comment: "ขอบคุณ" }],
    ]);
    expect((await getMyInternship(env.ctx, intern)).survey).toMatchObject({ match_fit: "yes" });

    await completePlacement(env.ctx, operator, { placementId });
    const app = await env.db.selectFrom("applications").select("status").where("id", "=", offer.applicationId).executeTakeFirstOrThrow();
    expect(app.status).toBe("completed");
    const last = await env.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status"])
      .where("application_id", "=", offer.applicationId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ from_status: "placed", to_status: "completed" });
    const after = await refusalOf(submitDailyReport(env.ctx, intern, { day: "2027-10-18", did: "late" }));
    expect(after.refusals).toEqual([{ code: "not_active" }]);
  });

  it("incidents: a host reports one (its confidential note is dropped), the operator adds notes, sees them and resolves it once", async () => {
    const bad = await validationErrorOf(
      reportIncident(env.ctx, host.actor, { placementId: onlinePlacementId, category: "weather", severity: "high", description: "" }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["category", "description"]);
    expect(
      await caught(reportIncident(env.ctx, otherHost.actor, { placementId: onlinePlacementId, category: "health", severity: "low", description: "x" })),
    ).toBeInstanceOf(ForbiddenError);
    const { id: hostIncident } = await reportIncident(env.ctx, host.actor, {
      placementId: onlinePlacementId,
      category: "work",
      severity: "medium",
      description: "The intern missed two online meetings.",
      confidentialNotes: "should not be kept",
    });
    await reportIncident(env.ctx, operator, {
      placementId,
      category: "health",
      severity: "high",
      description: "Hospital visit.",
      confidentialNotes: "Diagnosis: flu.",
    });
    const before = await listIncidents(env.ctx, operator, roundId);
    expect(before.incidents.map((i) => [i.internName, i.category, i.severity, i.confidentialNotes, i.reporterRole, i.status])).toEqual([
      ["Somchai Srisuk", "health", "high", "Diagnosis: flu.", "operator", "open"],
      ["Nguyen Lan", "work", "medium", null, "host", "open"],
    ]);
    expect(await caught(listIncidents(env.ctx, host.actor, roundId))).toBeInstanceOf(ForbiddenError);
    await resolveIncident(env.ctx, operator, { incidentId: hostIncident, resolution: "Talked with the intern; meetings moved to mornings." });
    const again = await refusalOf(resolveIncident(env.ctx, operator, { incidentId: hostIncident, resolution: "again" }));
    expect(again.refusals).toEqual([{ code: "incident_resolved" }]);
    const after = await listIncidents(env.ctx, operator, roundId);
    expect(after.incidents.map((i) => [i.internName, i.status])).toEqual([
      ["Somchai Srisuk", "open"],
      ["Nguyen Lan", "resolved"],
    ]);
  });
});
