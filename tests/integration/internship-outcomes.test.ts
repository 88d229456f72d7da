/**
 * Outcomes, incidents and check-ins (issue 16 items 5 and 8, ADR 0039) on
 * PGlite and PostgreSQL: the outcome job asks the host on the day 6 and 12
 * months after a completed placement's last day (not the day before, not
 * twice, not twice from two runs at once), in the host's language; the host
 * answers and changes its answers while the milestone is open; the operator
 * sees them per round; a host that has not answered is reminded once, 14 days
 * after it was asked. Incidents reported by the host and the intern never
 * carry or show the operator's confidential notes; the operator's follow-up
 * actions; check-ins scheduled ahead, seen by the intern and the host.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { answerOutcome, getHostOutcome } from "#src/services/internship/host-outcome.ts";
import { addIncidentAction, completeIncidentAction } from "#src/services/internship/incident-actions.ts";
import { listIncidents } from "#src/services/internship/list-incidents.ts";
import { listOutcomes } from "#src/services/internship/list-outcomes.ts";
import { listHostIncidents, listMyIncidents } from "#src/services/internship/list-shared-incidents.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { resolveIncident } from "#src/services/internship/resolve-incident.ts";
import { sendOutcomeReminders } from "#src/services/internship/send-outcome-reminders.ts";
import { sendOutcomeRequests } from "#src/services/internship/send-outcome-requests.ts";
import { hostUpcomingCheckIns, myUpcomingCheckIns, scheduleCheckIn } from "#src/services/internship/upcoming-check-ins.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let supervisor: Actor;
  let supervisorEmail: string;
  let other: { orgId: string; actor: Actor };
  let intern: Actor;
  let roundId: string;
  let completedId: string;
  let secondId: string;
  let activeId: string;

  async function placement(familyName: string, userId: string | null, startsOn: string, endsOn: string, supervisorUserId?: string): Promise<string> {
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName, givenName: "Test", nationality: "VN", userId },
    });
    const { id } = await createPlacementFromOffer(env.ctx, operator, { offerId: offer.offerId, cohort: "A", startsOn, endsOn, supervisorUserId });
    return id;
  }

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    other = await orgWithMember(env, "あおば工業");
    const sup = await createUser(env, "host", { name: "佐藤 花子", locale: "ja" });
    supervisorEmail = sup.email;
    await env.db.insertInto("host_memberships").values({ organization_id: host.orgId, user_id: sup.id, org_role: "member" }).execute();
    supervisor = actorFor(sup, { locale: "ja" });
    const internUser = await createUser(env, "applicant", { name: "Lan", locale: "vi" });
    intern = actorFor(internUser, { locale: "vi" });
    roundId = await insertRound(env, `FY2027 outcomes ${kind}`);
    env.clock.set("2027-10-01T03:00:00Z");
    completedId = await placement("Nguyen", null, "2027-10-01", "2027-12-24", sup.id);
    secondId = await placement("Tran", null, "2027-10-01", "2027-12-24");
    activeId = await placement("Le", internUser.id, "2027-10-01", "2027-12-24");
    // as completion would leave them (both final reports and surveys are the internship tests' concern)
    await env.db.updateTable("placements").set({ status: "completed" }).where("id", "in", [completedId, secondId]).execute();
    await env.db.updateTable("placements").set({ status: "active" }).where("id", "=", activeId).execute();
  });

  const outcomeMails = () =>
    env.db
      .selectFrom("outbound_emails")
      .select(["to_address", "subject", "body_text", "locale"])
      .where("template", "=", "internshipOutcomes.mail.request")
      .orderBy("to_address")
      .execute();

  it("asks the host on the day 6 months after the last day, not the day before, and once", async () => {
    // 2028-06-23 23:59 in Japan: the day before
    expect(await sendOutcomeRequests(env.ctx, new Date("2028-06-23T14:59:00Z"))).toEqual({ queued: 0 });
    expect(await outcomeMails()).toHaveLength(0);
    // 2028-06-24 00:00 in Japan: the day; two runs at once queue one e-mail per placement
    const both = await Promise.all([
      sendOutcomeRequests(env.ctx, new Date("2028-06-23T15:00:00Z")),
      sendOutcomeRequests(env.ctx, new Date("2028-06-23T15:00:00Z")),
    ]);
    expect(both[0].queued + both[1].queued).toBe(2);
    expect(await sendOutcomeRequests(env.ctx, new Date("2028-06-24T03:00:00Z"))).toEqual({ queued: 0 });
    const mails = await outcomeMails();
    expect(mails).toHaveLength(2);
    // the supervisor (Japanese) for the first; the organization's admin (English) for the second
    const toSupervisor = mails.find((m) => m.to_address === supervisorEmail)!;
    expect(toSupervisor.locale).toBe("ja");
    expect(toSupervisor.subject).toBe("Nguyen Testさんのインターンシップ終了から6か月のご報告のお願い");
    expect(toSupervisor.body_text).toContain(`/ja/host/internship/${completedId}/outcomes/6`);
    const toAdmin = mails.find((m) => m.to_address === host.actor.email)!;
    expect(toAdmin.locale).toBe("en");
    expect(toAdmin.subject).toBe("6-month follow-up: the internship of Tran Test");
    const rows = await env.db.selectFrom("outcome_followups").select(["placement_id", "months_after", "due_on", "email_id"]).execute();
    expect(rows.map((r) => [r.placement_id === completedId || r.placement_id === secondId, r.months_after, r.due_on, r.email_id !== null])).toEqual([
      [true, 6, "2028-06-24", true],
      [true, 6, "2028-06-24", true],
    ]);
    // a placement not completed is never asked
    expect(rows.some((r) => r.placement_id === activeId)).toBe(false);
    const audit = await env.db.selectFrom("audit_log").select(["actor_role"]).where("action", "=", "outcome.request").execute();
    expect(audit).toEqual([{ actor_role: "system" }, { actor_role: "system" }]);
  });

  it("lets a member of the host answer the open milestone and change it, nobody else", async () => {
    env.clock.set("2028-06-20T03:00:00Z");
    const early = await refusalOf(
      answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "6", internHired: "yes", universityTie: "no", newOverseasBusiness: "no" }),
    );
    expect(early.refusals).toEqual([{ code: "not_yet", dueOn: "2028-06-24", closesOn: "2028-12-24" }]);

    env.clock.set("2028-06-25T03:00:00Z");
    const bad = await validationErrorOf(answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "6", internHired: "maybe" }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["internHired", "newOverseasBusiness", "universityTie"]);
    expect(
      await caught(
        answerOutcome(env.ctx, other.actor, { placementId: completedId, months: "6", internHired: "yes", universityTie: "no", newOverseasBusiness: "no" }),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(await caught(getHostOutcome(env.ctx, supervisor, completedId, "7"))).toBeInstanceOf(NotFoundError);
    expect(await caught(getHostOutcome(env.ctx, host.actor, activeId, "6"))).toBeInstanceOf(NotFoundError);

    await answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "6", internHired: "no", universityTie: "yes", newOverseasBusiness: "no" });
    env.clock.set("2028-07-01T03:00:00Z");
    await answerOutcome(env.ctx, host.actor, {
      placementId: completedId,
      months: "6",
      internHired: "yes",
      universityTie: "yes",
      newOverseasBusiness: "no",
      notes: "Hired from April 2029.",
    });
    const view = await getHostOutcome(env.ctx, supervisor, completedId, "6");
    expect(view.open).toBe(true);
    expect(view.answers).toEqual({ internHired: true, universityTie: true, newOverseasBusiness: false, notes: "Hired from April 2029." });
    expect(view.answeredAt).toEqual(new Date("2028-07-01T03:00:00Z"));

    const staff = await listOutcomes(env.ctx, operator, roundId);
    const row = staff.rows.find((r) => r.placementId === completedId)!;
    expect(row.milestones.map((m) => [m.milestone, m.dueOn, m.requestedAt !== null, m.answers?.internHired ?? null])).toEqual([
      [6, "2028-06-24", true, true],
      [12, "2028-12-24", false, null],
    ]);
    expect(staff.totals).toEqual([
      { milestone: 6, answered: 1, internHired: 1, universityTie: 1, newOverseasBusiness: 0 },
      { milestone: 12, answered: 0, internHired: 0, universityTie: 0, newOverseasBusiness: 0 },
    ]);
    expect(await caught(listOutcomes(env.ctx, host.actor, roundId))).toBeInstanceOf(ForbiddenError);
    const audit = await env.db.selectFrom("audit_log").select("action").where("action", "=", "outcome.answer").execute();
    expect(audit).toHaveLength(2);
  });

  it("reminds a host that has not answered once, 14 days after it was asked, in its language; never one that answered", async () => {
    const reminders = () =>
      env.db
        .selectFrom("outbound_emails")
        .select(["to_address", "subject", "body_text", "locale"])
        .where("template", "=", "internshipOutcomes.mail.reminder")
        .execute();
    // asked on 2028-06-24 (Japan): 2028-07-07 is the 13th day after
    expect(await sendOutcomeReminders(env.ctx, new Date("2028-07-07T14:59:00Z"))).toEqual({ queued: 0 });
    // 2028-07-08 in Japan: the unanswered one (the second placement) is reminded; two runs at once send one e-mail
    const both = await Promise.all([
      sendOutcomeReminders(env.ctx, new Date("2028-07-07T15:00:00Z")),
      sendOutcomeReminders(env.ctx, new Date("2028-07-07T15:00:00Z")),
    ]);
    expect(both[0].queued + both[1].queued).toBe(1);
    expect(await sendOutcomeReminders(env.ctx, new Date("2028-08-01T03:00:00Z"))).toEqual({ queued: 0 });
    const mails = await reminders();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(host.actor.email);
    expect(mails[0]!.locale).toBe("en");
    expect(mails[0]!.subject).toBe("Reminder: 6-month follow-up on the internship of Tran Test");
    expect(mails[0]!.body_text).toContain(`/en/host/internship/${secondId}/outcomes/6`);
    expect(mails[0]!.body_text).toContain("June 24, 2028");
    const rows = await env.db
      .selectFrom("outcome_followups")
      .select(["placement_id", "reminded_at", "reminder_email_id"])
      .where("months_after", "=", 6)
      .execute();
    expect(rows.find((r) => r.placement_id === secondId)).toMatchObject({ reminded_at: new Date("2028-07-07T15:00:00Z") });
    expect(rows.find((r) => r.placement_id === secondId)!.reminder_email_id).not.toBeNull();
    expect(rows.find((r) => r.placement_id === completedId)).toMatchObject({ reminded_at: null, reminder_email_id: null });
    const audit = await env.db.selectFrom("audit_log").select(["actor_role", "entity_id"]).where("action", "=", "outcome.remind").execute();
    expect(audit).toEqual([{ actor_role: "system", entity_id: secondId }]);
    const staff = await listOutcomes(env.ctx, operator, roundId);
    expect(staff.rows.find((r) => r.placementId === secondId)!.milestones[0]!.remindedAt).toEqual(new Date("2028-07-07T15:00:00Z"));
    expect(staff.rows.find((r) => r.placementId === completedId)!.milestones[0]!.remindedAt).toBeNull();
  });

  it("closes the 6-month answers at the 12-month milestone, asks that one on its day, and keeps it open 60 days", async () => {
    env.clock.set("2028-12-24T03:00:00Z");
    const closed = await refusalOf(
      answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "6", internHired: "no", universityTie: "no", newOverseasBusiness: "no" }),
    );
    expect(closed.refusals.map((r) => r.code)).toEqual(["closed"]);
    expect(await sendOutcomeRequests(env.ctx, new Date("2028-12-23T14:59:00Z"))).toEqual({ queued: 0 });
    expect(await sendOutcomeRequests(env.ctx)).toEqual({ queued: 2 });
    expect(await sendOutcomeRequests(env.ctx)).toEqual({ queued: 0 });
    expect((await outcomeMails()).filter((m) => m.subject.includes("12"))).toHaveLength(2);
    env.clock.set("2029-02-21T03:00:00Z");
    await answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "12", internHired: "yes", universityTie: "yes", newOverseasBusiness: "yes" });
    env.clock.set("2029-02-22T03:00:00Z");
    expect(
      (
        await refusalOf(
          answerOutcome(env.ctx, supervisor, { placementId: completedId, months: "12", internHired: "no", universityTie: "no", newOverseasBusiness: "no" }),
        )
      ).refusals.map((r) => r.code),
    ).toEqual(["closed"]);
    expect(await sendOutcomeRequests(env.ctx)).toEqual({ queued: 0 });
  });

  it("keeps the operator's confidential notes from the host and the intern", async () => {
    env.clock.set("2027-11-10T03:00:00Z");
    const byOperator = await reportIncident(env.ctx, operator, {
      placementId: activeId,
      category: "health",
      severity: "medium",
      description: "Fever for two days.",
      confidentialNotes: "SECRET: clinic diagnosis details",
    });
    const byHost = await reportIncident(env.ctx, host.actor, {
      placementId: activeId,
      category: "housing",
      severity: "low",
      description: "The apartment heater broke.",
      confidentialNotes: "SECRET: a host cannot write this",
    });
    const byIntern = await reportIncident(env.ctx, intern, {
      placementId: completedId,
      category: "work",
      severity: "high",
      description: "Asked to work on Sundays.",
      confidentialNotes: "SECRET: an intern cannot write this",
    });
    const stored = await env.db.selectFrom("incidents").select(["id", "placement_id", "confidential_notes"]).execute();
    expect(stored.find((s) => s.id === byOperator.id)?.confidential_notes).toBe("SECRET: clinic diagnosis details");
    expect(stored.find((s) => s.id === byHost.id)?.confidential_notes).toBeNull();
    // the intern reports about their own placement, whatever id the form carries
    expect(stored.find((s) => s.id === byIntern.id)).toEqual({ id: byIntern.id, placement_id: activeId, confidential_notes: null });
    await expect(
      caught(reportIncident(env.ctx, other.actor, { placementId: activeId, category: "work", severity: "low", description: "x" })),
    ).resolves.toBeInstanceOf(ForbiddenError);

    const hostView = await listHostIncidents(env.ctx, host.actor);
    // what the intern reported goes to the program office only: it may be about the host
    expect(hostView.incidents.map((i) => i.description).sort()).toEqual(["Fever for two days.", "The apartment heater broke."]);
    expect(JSON.stringify(hostView)).not.toContain("SECRET");
    expect((await listHostIncidents(env.ctx, other.actor)).incidents).toEqual([]);
    const internView = await listMyIncidents(env.ctx, intern);
    expect(internView.incidents.map((i) => [i.category, i.severity, i.description])).toEqual([["work", "high", "Asked to work on Sundays."]]);
    expect(JSON.stringify(internView)).not.toContain("SECRET");
    expect(await caught(listHostIncidents(env.ctx, intern))).toBeInstanceOf(ForbiddenError);

    await resolveIncident(env.ctx, operator, { incidentId: byIntern.id, resolution: "Spoke with the host: Sundays off." });
    const resolved = await listMyIncidents(env.ctx, intern);
    expect(resolved.incidents[0]).toMatchObject({ status: "resolved", resolution: "Spoke with the host: Sundays off." });
    const staff = await listIncidents(env.ctx, operator, roundId);
    expect(staff.incidents.find((i) => i.id === byOperator.id)?.confidentialNotes).toBe("SECRET: clinic diagnosis details");
  });

  it("lets the operator add follow-up actions with a due date and mark them done once", async () => {
    const [incident] = await env.db.selectFrom("incidents").select("id").where("category", "=", "health").execute();
    const bad = await validationErrorOf(addIncidentAction(env.ctx, operator, { incidentId: incident!.id, action: "", dueOn: "2027-02-30" }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["action", "dueOn"]);
    expect(await caught(addIncidentAction(env.ctx, host.actor, { incidentId: incident!.id, action: "Call", dueOn: "2027-11-12" }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await caught(addIncidentAction(env.ctx, operator, { incidentId: "nope", action: "Call", dueOn: "2027-11-12" }))).toBeInstanceOf(NotFoundError);
    await addIncidentAction(env.ctx, operator, { incidentId: incident!.id, action: "Visit the clinic with the intern", dueOn: "2027-11-15" });
    const { id } = await addIncidentAction(env.ctx, operator, { incidentId: incident!.id, action: "Call the intern", dueOn: "2027-11-11" });
    await completeIncidentAction(env.ctx, operator, { actionId: id });
    expect((await refusalOf(completeIncidentAction(env.ctx, operator, { actionId: id }))).refusals).toEqual([{ code: "action_done" }]);
    const view = await listIncidents(env.ctx, operator, roundId);
    expect(view.incidents.find((i) => i.id === incident!.id)?.actions.map((a) => [a.description, a.dueOn, a.doneAt !== null])).toEqual([
      ["Call the intern", "2027-11-11", true],
      ["Visit the clinic with the intern", "2027-11-15", false],
    ]);
    expect(JSON.stringify(await listHostIncidents(env.ctx, host.actor))).not.toContain("Visit the clinic");
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", incident!.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["incident.action.add", "incident.action.add", "incident.action.done", "incident.report"]);
  });

  it("schedules check-ins ahead, shown to the intern and the host without the notes", async () => {
    env.clock.set("2027-11-10T03:00:00Z");
    const past = await refusalOf(scheduleCheckIn(env.ctx, operator, { placementId: activeId, kind: "check_in", day: "2027-11-09" }));
    expect(past.refusals).toEqual([{ code: "schedule_outside", day: "2027-11-09", first: "2027-11-10", last: "2027-12-24" }]);
    expect(await caught(scheduleCheckIn(env.ctx, host.actor, { placementId: activeId, kind: "check_in", day: "2027-11-20" }))).toBeInstanceOf(ForbiddenError);
    expect((await refusalOf(scheduleCheckIn(env.ctx, operator, { placementId: completedId, kind: "check_in", day: "2027-11-20" }))).refusals[0]?.code).toBe(
      "not_active",
    );
    await scheduleCheckIn(env.ctx, operator, { placementId: activeId, kind: "mid_term_interview", day: "2027-11-19" });
    await scheduleCheckIn(env.ctx, operator, { placementId: activeId, kind: "check_in", day: "2027-11-10" });
    // a check-in held before today (recorded with notes) is not upcoming
    await env.db
      .insertInto("check_ins")
      .values({ id: crypto.randomUUID(), placement_id: activeId, kind: "check_in", held_at: new Date("2027-11-01T03:00:00Z"), notes: "SECRET notes" })
      .execute();
    const mine = await myUpcomingCheckIns(env.ctx, intern);
    expect(mine.map((c) => [c.day, c.kind])).toEqual([
      ["2027-11-10", "check_in"],
      ["2027-11-19", "mid_term_interview"],
    ]);
    expect(JSON.stringify(mine)).not.toContain("notes");
    expect((await hostUpcomingCheckIns(env.ctx, host.actor, activeId)).map((c) => c.day)).toEqual(["2027-11-10", "2027-11-19"]);
    expect(await caught(hostUpcomingCheckIns(env.ctx, other.actor, activeId))).toBeInstanceOf(ForbiddenError);
    env.clock.set("2027-11-11T03:00:00Z");
    expect((await myUpcomingCheckIns(env.ctx, intern)).map((c) => c.day)).toEqual(["2027-11-19"]);
  });

  it("does not mark a milestone asked when the company has nobody to ask; asks once someone joins", async () => {
    const lonely = await orgWithMember(env, "ひとり工業");
    await env.db.deleteFrom("host_memberships").where("organization_id", "=", lonely.orgId).execute();
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: lonely.orgId,
      intern: { familyName: "Pham", givenName: "Test", nationality: "VN", userId: null },
    });
    env.clock.set("2027-10-01T03:00:00Z");
    const { id } = await createPlacementFromOffer(env.ctx, operator, { offerId: offer.offerId, cohort: "A", startsOn: "2027-10-01", endsOn: "2028-01-31" });
    await env.db.updateTable("placements").set({ status: "completed" }).where("id", "=", id).execute();
    env.clock.reset();
    expect(await sendOutcomeRequests(env.ctx, new Date("2028-07-31T03:00:00Z"))).toEqual({ queued: 0 });
    expect(await env.db.selectFrom("outcome_followups").select("id").where("placement_id", "=", id).execute()).toEqual([]);
    await env.db.insertInto("host_memberships").values({ organization_id: lonely.orgId, user_id: lonely.actor.userId, org_role: "admin" }).execute();
    expect(await sendOutcomeRequests(env.ctx, new Date("2028-08-01T03:00:00Z"))).toEqual({ queued: 1 });
  });
});
