/**
 * Every kind of personal record is erased (issue 19 "Done when", ADR 0041): an intern's internship
 * records (daily reports and the supervisor's comments, check-in notes, incidents' descriptions and
 * notes, final reports, survey comments, the placement's details) and what reviewers, interviewers,
 * the committee and operators wrote about an application (screening comments, interview notes,
 * selection and override reasons, conflicts of interest, the values in their audit entries) — on
 * account deletion and by the retention job on the round's schedules. What the yearly report and the
 * accounts need stays: attendance days, the allowance ledger, survey answers to the fixed questions,
 * incident categories, scores and decisions. The internship records are made through their use
 * cases, and so are the screening scores and comments and the eligibility override; the interview notes,
 * selection reason and conflict of interest are inserted as those phases leave them (as
 * tests/support/phase-inputs does).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { recordEligibilityOverride } from "#src/services/applications/record-eligibility-override.ts";
import { verifyAuditChain } from "#src/services/audit/verify-audit-chain.ts";
import type { Actor } from "#src/services/context.ts";
import { answerSurvey } from "#src/services/internship/answer-survey.ts";
import { recordCheckIn } from "#src/services/internship/check-ins.ts";
import { commentOnDailyReport } from "#src/services/internship/comment-on-daily-report.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { addIncidentAction } from "#src/services/internship/incident-actions.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { resolveIncident } from "#src/services/internship/resolve-incident.ts";
import { submitDailyReport } from "#src/services/internship/submit-daily-report.ts";
import { submitFinalReport } from "#src/services/internship/submit-final-report.ts";
import { uploadPresentationSlides } from "#src/services/internship/final-presentations.ts";
import { applyRetention } from "#src/services/privacy/apply-retention.ts";
import { saveReviewScores } from "#src/services/screening/save-review-scores.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, type TestEnv, type TestUser, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

/** Every free text written in these tests carries this mark: after erasure none may be left. */
const MARK = "PERSONAL-";

interface Person {
  user: TestUser;
  actor: Actor;
  applicationId: string;
  placementId: string | null;
}

/** The rows of every table holding records about these applications and placements, as one string. */
async function recordsOf(env: TestEnv, applicationIds: string[], placementIds: string[]): Promise<string> {
  const db = env.db;
  const apps = applicationIds.length ? applicationIds : ["00000000-0000-0000-0000-000000000000"];
  const pls = placementIds.length ? placementIds : ["00000000-0000-0000-0000-000000000000"];
  const assignments = (await db.selectFrom("review_assignments").select("id").where("application_id", "in", apps).execute()).map((a) => a.id);
  const interviews = (await db.selectFrom("interviews").select("id").where("application_id", "in", apps).execute()).map((i) => i.id);
  const incidents = (await db.selectFrom("incidents").select("id").where("placement_id", "in", pls).execute()).map((i) => i.id);
  const entityIds = [...apps, ...pls, ...assignments, ...interviews, ...incidents];
  const parts = await Promise.all([
    db.selectFrom("applications").selectAll().where("id", "in", apps).execute(),
    db.selectFrom("application_status_history").selectAll().where("application_id", "in", apps).execute(),
    db.selectFrom("review_assignments").selectAll().where("application_id", "in", apps).execute(),
    db
      .selectFrom("review_scores")
      .selectAll()
      .where("assignment_id", "in", assignments.length ? assignments : ["x"])
      .execute(),
    db.selectFrom("interviews").selectAll().where("application_id", "in", apps).execute(),
    db.selectFrom("selection_decisions").selectAll().where("application_id", "in", apps).execute(),
    db.selectFrom("eligibility_overrides").selectAll().where("application_id", "in", apps).execute(),
    db.selectFrom("conflicts_of_interest").selectAll().where("application_id", "in", apps).execute(),
    db.selectFrom("placements").selectAll().where("id", "in", pls).execute(),
    db.selectFrom("daily_reports").selectAll().where("placement_id", "in", pls).execute(),
    db.selectFrom("check_ins").selectAll().where("placement_id", "in", pls).execute(),
    db.selectFrom("incidents").selectAll().where("placement_id", "in", pls).execute(),
    db
      .selectFrom("incident_actions")
      .selectAll()
      .where("incident_id", "in", incidents.length ? incidents : ["-"])
      .execute(),
    db.selectFrom("reports").selectAll().where("placement_id", "in", pls).execute(),
    db.selectFrom("survey_responses").selectAll().where("placement_id", "in", pls).execute(),
    db.selectFrom("outcome_followups").selectAll().where("placement_id", "in", pls).execute(),
    db.selectFrom("audit_log").select(["before", "after"]).where("entity_id", "in", entityIds).execute(),
  ]);
  return JSON.stringify(parts);
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let reviewer: TestUser;
  let host: { orgId: string; actor: Actor };
  let roundId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    reviewer = await createUser(env, "reviewer");
    await env.db.insertInto("reviewers").values({ user_id: reviewer.id }).execute();
    host = await orgWithMember(env, "さくら精機");
    roundId = await insertRound(env, `Erasure round ${kind}`);
    // The round closes at its last deadline: unselected applicants' data goes 12 months later, participants' 60.
    await env.db
      .insertInto("round_deadlines")
      .values({ round_id: roundId, kind: "application_close", due_at: new Date("2027-03-31T14:59:00Z") })
      .execute();
  });

  /** What reviewers, interviewers, the committee and an operator write about an application. */
  async function reviewRecords(applicationId: string): Promise<void> {
    // The assignment as the assignment run leaves it; the reviewer then scores it through the use case.
    const assignmentId = crypto.randomUUID();
    await env.db.insertInto("review_assignments").values({ id: assignmentId, application_id: applicationId, reviewer_user_id: reviewer.id }).execute();
    await saveReviewScores(env.ctx, actorFor(reviewer), assignmentId, {
      intent: "submit",
      score: { motivation: "4", background: "3", language: "5", bridge: "2" },
      comment: { motivation: `${MARK}mentions family business` },
      recommendation: "recommend",
      overallComment: `${MARK}strong motivation, weak Japanese`,
    });
    const interviewId = crypto.randomUUID();
    await env.db
      .insertInto("interviews")
      .values({
        id: interviewId,
        application_id: applicationId,
        round_id: roundId,
        stage: "first",
        starts_at: new Date("2027-04-20T01:00:00Z"),
        ends_at: new Date("2027-04-20T01:30:00Z"),
        status: "done",
        notes: `${MARK}nervous, talked about health`,
        comment: `${MARK}good fit for manufacturing`,
      })
      .execute();
    await env.db.insertInto("interview_scores").values({ interview_id: interviewId, criterion: "motivation", score: 4 }).execute();
    await env.db
      .insertInto("selection_decisions")
      .values({ application_id: applicationId, round_id: roundId, decision: "selected", reason: `${MARK}committee discussed family situation` })
      .execute();
    await env.db
      .insertInto("conflicts_of_interest")
      .values({ id: crypto.randomUUID(), reviewer_user_id: reviewer.id, application_id: applicationId, reason: `${MARK}my former student` })
      .execute();
    await recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "language", reason: `${MARK}certificate seen at the embassy` });
  }

  /** An intern with a placement and every kind of internship record, each made through its use case. */
  async function intern(name: string): Promise<Person> {
    const user = await createUser(env, "applicant", { name });
    const actor = actorFor(user);
    env.clock.set("2027-10-20T03:00:00Z");
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: host.orgId,
      intern: { familyName: name, givenName: "Somchai", nationality: "TH", userId: user.id },
    });
    const { id: placementId } = await createPlacementFromOffer(env.ctx, operator, {
      offerId: offer.offerId,
      cohort: "A",
      startsOn: "2027-10-01",
      endsOn: "2027-12-24",
    });
    await env.db
      .updateTable("placements")
      .set({ supervisor_name: `${MARK}Tanaka Ichiro`, housing: `${MARK}Sakura dormitory room 3`, insurance_policy: `${MARK}POL-123` })
      .where("id", "=", placementId)
      .execute();
    await submitDailyReport(env.ctx, actor, { day: "2027-10-19", did: `${MARK}visited a customer`, learned: `${MARK}keigo`, issues: `${MARK}felt ill` });
    await commentOnDailyReport(env.ctx, host.actor, { placementId, day: "2027-10-19", comment: `${MARK}well done`, confirm: "yes" });
    await recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-19", status: "present" });
    await recordCheckIn(env.ctx, operator, {
      placementId,
      kind: "mid_term_interview",
      day: "2027-10-20",
      notes: `${MARK}homesick`,
      followUp: `${MARK}call weekly`,
    });
    const { id: incidentId } = await reportIncident(env.ctx, operator, {
      placementId,
      category: "health",
      severity: "high",
      description: `${MARK}hospital visit`,
      confidentialNotes: `${MARK}diagnosis: flu`,
    });
    await addIncidentAction(env.ctx, operator, { incidentId, action: `${MARK}call the clinic about the flu`, dueOn: "2027-10-25" });
    await resolveIncident(env.ctx, operator, { incidentId, resolution: `${MARK}recovered` });
    await answerSurvey(env.ctx, actor, { match_fit: "yes", overall_satisfaction: "satisfied", comment: `${MARK}my supervisor was kind` });
    await submitFinalReport(env.ctx, actor, { summary: `${MARK}I researched the Thai market`, outcomes: `${MARK}a job offer` });
    await answerSurvey(env.ctx, host.actor, {
      placementId,
      match_fit: "yes",
      overall_satisfaction: "satisfied",
      intern_japanese_level: "daily",
      intern_english_level: "business",
      comment: `${MARK}hard-working`,
    });
    await submitFinalReport(env.ctx, host.actor, { placementId, summary: `${MARK}good results` });
    await uploadPresentationSlides(env.ctx, actor, { file: new File([`%PDF-1.4\n${MARK}my slides`], "slides.pdf", { type: "application/pdf" }) });
    await env.db
      .insertInto("outcome_followups")
      .values({ id: crypto.randomUUID(), placement_id: placementId, months_after: 6, intern_hired: true, notes: `${MARK}now works in Bangkok office` })
      .execute();
    await env.db
      .insertInto("allowance_ledger")
      .values({
        placement_id: placementId,
        round_id: roundId,
        kind: "base",
        party: "intern",
        item: "intern_allowance_in_person",
        month: "2027-10",
        amount_yen: 3000,
      })
      .execute();
    env.clock.reset();
    await reviewRecords(offer.applicationId);
    return { user, actor, applicationId: offer.applicationId, placementId };
  }

  /** An applicant who was not selected, with what reviewers wrote about them. */
  async function unselected(name: string): Promise<Person> {
    const user = await createUser(env, "applicant", { name });
    const applicationId = crypto.randomUUID();
    await env.db
      .insertInto("applications")
      .values({ id: applicationId, round_id: roundId, applicant_user_id: user.id, status: "rejected", family_name: `${MARK}${name}`, nationality: "VN" })
      .execute();
    await reviewRecords(applicationId);
    return { user, actor: actorFor(user), applicationId, placementId: null };
  }

  /** What stays for the yearly report and the accounts. */
  async function expectFiguresKept(p: Person): Promise<void> {
    const placementId = p.placementId!;
    expect(await env.db.selectFrom("attendance_days").select(["day", "status"]).where("placement_id", "=", placementId).execute()).toEqual([
      { day: "2027-10-19", status: "present" },
    ]);
    expect(await env.db.selectFrom("allowance_ledger").select(["amount_yen", "month"]).where("placement_id", "=", placementId).execute()).toEqual([
      { amount_yen: 3000, month: "2027-10" },
    ]);
    const surveys = await env.db
      .selectFrom("survey_responses as r")
      .innerJoin("surveys as s", "s.id", "r.survey_id")
      .select(["s.audience", "r.answers", "r.respondent_user_id"])
      .where("r.placement_id", "=", placementId)
      .orderBy("s.audience")
      .execute();
    expect(surveys.map((s) => [s.audience, typeof s.answers === "string" ? JSON.parse(s.answers) : s.answers, s.respondent_user_id])).toEqual([
      ["host", { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "daily", intern_english_level: "business" }, null],
      ["intern", { match_fit: "yes", overall_satisfaction: "satisfied" }, null],
    ]);
    expect(await env.db.selectFrom("incidents").select(["category", "severity", "status"]).where("placement_id", "=", placementId).execute()).toEqual([
      { category: "health", severity: "high", status: "resolved" },
    ]);
    expect(await env.db.selectFrom("placements").select(["starts_on", "ends_on", "mode"]).where("id", "=", placementId).executeTakeFirst()).toEqual({
      starts_on: "2027-10-01",
      ends_on: "2027-12-24",
      mode: "in_person",
    });
    expect(await env.db.selectFrom("outcome_followups").select("intern_hired").where("placement_id", "=", placementId).execute()).toEqual([
      { intern_hired: true },
    ]);
  }

  async function expectReviewFiguresKept(p: Person): Promise<void> {
    const a = await env.db
      .selectFrom("review_assignments as a")
      .innerJoin("review_scores as s", "s.assignment_id", "a.id")
      .select(["a.recommendation", "s.score"])
      .where("a.application_id", "=", p.applicationId)
      .execute();
    expect(a.map((r) => [r.recommendation, Number(r.score)]).sort()).toEqual([
      ["recommend", 2],
      ["recommend", 3],
      ["recommend", 4],
      ["recommend", 5],
    ]);
    expect(await env.db.selectFrom("selection_decisions").select("decision").where("application_id", "=", p.applicationId).execute()).toEqual([
      { decision: "selected" },
    ]);
    const interview = await env.db
      .selectFrom("interviews as i")
      .innerJoin("interview_scores as s", "s.interview_id", "i.id")
      .select(["i.status", "s.score"])
      .where("i.application_id", "=", p.applicationId)
      .execute();
    expect(interview).toEqual([{ status: "done", score: 4 }]);
  }

  it("deleting an intern's account erases their internship records and what reviewers wrote about them; the figures stay, the chain verifies", async () => {
    const p = await intern("Srisuk");
    expect(await recordsOf(env, [p.applicationId], [p.placementId!])).toContain(MARK);
    await env.db.insertInto("login_throttle").values({ email: p.user.email, ip: "203.0.113.5", failures: 2, last_failure_at: new Date() }).execute();
    const slides = await env.db.selectFrom("presentation_slides").select("storage_key").where("placement_id", "=", p.placementId!).executeTakeFirstOrThrow();
    expect(new TextDecoder().decode(await env.ctx.files.get(slides.storage_key))).toContain(MARK);
    await deleteMyAccount(env.ctx, p.actor, { password: p.user.password, confirm: "on" });
    expect(await recordsOf(env, [p.applicationId], [p.placementId!])).not.toContain(MARK);
    expect(await env.db.selectFrom("presentation_slides").select("id").where("placement_id", "=", p.placementId!).execute()).toEqual([]);
    await expect(env.ctx.files.get(slides.storage_key)).rejects.toThrow();
    expect(await env.db.selectFrom("login_throttle").select("ip").where("email", "=", p.user.email).execute()).toEqual([]);
    await expectFiguresKept(p);
    await expectReviewFiguresKept(p);
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
  });

  it("the retention job erases reviewers' comments about those not selected on their schedule, and participants' internship records on theirs", async () => {
    const p = await intern("Chaiyaporn");
    const u = await unselected("Tran");
    const mine = (r: Awaited<ReturnType<typeof applyRetention>>) => r.rounds.find((x) => x.roundId === roundId);

    // 12 months after the round closed: those not selected are erased, the participant not yet.
    expect(mine(await applyRetention(env.ctx, new Date("2028-04-01T00:00:00Z")))).toMatchObject({ unselected: 1, participants: 0 });
    expect(await recordsOf(env, [u.applicationId], [])).not.toContain(MARK);
    await expectReviewFiguresKept(u);
    expect(await recordsOf(env, [p.applicationId], [p.placementId!])).toContain(MARK);

    // 60 months after: the participant's records go too; the figures stay.
    expect(mine(await applyRetention(env.ctx, new Date("2032-04-01T00:00:00Z")))).toMatchObject({ participants: 1 });
    expect(await recordsOf(env, [p.applicationId], [p.placementId!])).not.toContain(MARK);
    await expectFiguresKept(p);
    await expectReviewFiguresKept(p);
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
  });
});
