/**
 * Interviews and committee selection (issue 14) on PGlite and PostgreSQL:
 * slots opened in Asia/Tokyo, overlaps refused, invitations, booking in the
 * applicant's own zone with the calendar file (same UID, higher SEQUENCE,
 * METHOD:CANCEL), refusals (not invited, full, cutoff), no double booking under
 * concurrency, interview scores, the ranking with a nationality quota and its
 * skip reason, decisions, final results with e-mails and status history, and a
 * declined place going to the first waiting-list applicant who fits the quotas.
 * Screening's output is inserted by tests/support/phase-inputs/screened-applications.ts.
 */
import { sql } from "kysely";
import { expireSelectionOffers, sendInterviewReminders } from "#src/jobs/selection-jobs.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { INTERVIEW_CRITERIA, SELECTION_DECISIONS, SELECTION_STAGES, SLOT_STAGES } from "#src/domain/interviews/index.ts";
import { bookInterviewSlot } from "#src/services/interviews/book-interview-slot.ts";
import { cancelInterviewBooking } from "#src/services/interviews/cancel-interview-booking.ts";
import { createInterviewSlots } from "#src/services/interviews/create-interview-slots.ts";
import { getInterviewForScoring } from "#src/services/interviews/get-interview-for-scoring.ts";
import { getInterviewIcs } from "#src/services/interviews/get-interview-ics.ts";
import { getMyInterview } from "#src/services/interviews/get-my-interview.ts";
import { inviteToInterview } from "#src/services/interviews/invite-to-interview.ts";
import { listInterviewSlots } from "#src/services/interviews/list-interview-slots.ts";
import { listMyInterviews } from "#src/services/interviews/list-my-interviews.ts";
import { previewInterviewInvitations } from "#src/services/interviews/preview-interview-invitations.ts";
import { recordInterviewResult } from "#src/services/interviews/record-interview-result.ts";
import { applySelectionSuggestion } from "#src/services/selection/apply-selection-suggestion.ts";
import { decideSelection } from "#src/services/selection/decide-selection.ts";
import { declineSelectedPlace } from "#src/services/selection/decline-selected-place.ts";
import { finalizeSelection } from "#src/services/selection/finalize-selection.ts";
import { getMySelectionOffer } from "#src/services/selection/get-my-selection-offer.ts";
import { getMySelectionOutcome } from "#src/services/selection/get-my-selection-outcome.ts";
import { respondToSelectionOffer } from "#src/services/selection/respond-to-selection-offer.ts";
import { getSelectionBoard } from "#src/services/selection/get-selection-board.ts";
import { updateSelectionSettings } from "#src/services/selection/update-selection-settings.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "#src/services/errors.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertScreenedApplication } from "../support/phase-inputs/screened-applications.ts";
import { insertSelectionRound, screenedApplicant } from "./support/selection.ts";
import { caught, refusalOf } from "./support/expect-errors.ts";

async function mailsTo(env: TestEnv, to: string) {
  return env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", to).orderBy("created_at").orderBy("id").execute();
}

/** The e-mails to `to` queued while `fn` runs (the test clock stands still, so creation times do not order them). */
async function mailsDuring(env: TestEnv, to: string, fn: () => Promise<unknown>) {
  const before = new Set((await mailsTo(env, to)).map((m) => m.id));
  await fn();
  return (await mailsTo(env, to)).filter((m) => !before.has(m.id));
}

function icsOf(mail: { attachments: unknown }): string {
  const list = (typeof mail.attachments === "string" ? JSON.parse(mail.attachments) : mail.attachments) as { content: string }[];
  return list[0]!.content;
}

const slotPlan = (interviewer: string, overrides: Record<string, unknown> = {}) => ({
  stage: "first",
  date: "2027-04-10",
  from: "10:00",
  until: "12:00",
  lengthMinutes: "30",
  breakMinutes: "10",
  capacity: "1",
  interviewers: [interviewer],
  place: "",
  meetingUrl: "https://meet.example/jip",
  ...overrides,
});

describe.each(DATABASE_KINDS)("interviews and selection on %s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let interviewer: Actor;
  let otherReviewer: Actor;
  let roundId: string;
  let a1: Awaited<ReturnType<typeof screenedApplicant>>;
  let a2: Awaited<ReturnType<typeof screenedApplicant>>;
  let a3: Awaited<ReturnType<typeof screenedApplicant>>;
  let a4: Awaited<ReturnType<typeof screenedApplicant>>;
  let slotIds: string[];

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    interviewer = actorFor(await createUser(env, "reviewer", { name: "Interviewer Sato" }));
    otherReviewer = actorFor(await createUser(env, "reviewer"));
    roundId = await insertSelectionRound(env, 2);
    a1 = await screenedApplicant(env, roundId, "VN", 90, "Asia/Ho_Chi_Minh", "vi");
    a2 = await screenedApplicant(env, roundId, "VN", 85);
    a3 = await screenedApplicant(env, roundId, "ID", 70);
    a4 = await screenedApplicant(env, roundId, "KE", 60);
  });

  it("allows exactly the criteria, stages and decisions src/domain/interviews declares", async () => {
    const checks = await sql<{ tbl: string; def: string }>`
      select c.relname as tbl, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      where k.contype = 'c'`.execute(env.db);
    const allowed = (table: string, column: string): string[] => {
      const def = checks.rows.find((r) => r.tbl === table && new RegExp(`\\(\\(?${column}\\b[^,]*(= ANY|IN)`, "i").test(r.def))?.def;
      if (!def) throw new Error(`no CHECK on ${table}.${column}`);
      return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort();
    };
    expect(allowed("interview_scores", "criterion")).toEqual([...INTERVIEW_CRITERIA].sort());
    expect(allowed("interview_slots", "stage")).toEqual([...SLOT_STAGES].sort());
    expect(allowed("interview_invitations", "stage")).toEqual([...SELECTION_STAGES].sort());
    expect(allowed("selection_decisions", "decision")).toEqual([...SELECTION_DECISIONS].sort());
  });

  it("opens slots in Japan time, stored in UTC, and refuses a slot overlapping the same interviewer's", async () => {
    expect(await createInterviewSlots(env.ctx, operator, roundId, slotPlan(interviewer.userId))).toEqual({ created: 3 });
    const view = await listInterviewSlots(env.ctx, operator, roundId);
    expect(view.slots.map((s) => s.startsAt.toISOString())).toEqual(["2027-04-10T01:00:00.000Z", "2027-04-10T01:40:00.000Z", "2027-04-10T02:20:00.000Z"]);
    slotIds = view.slots.map((s) => s.id);

    const refused = await refusalOf(createInterviewSlots(env.ctx, operator, roundId, slotPlan(interviewer.userId, { from: "11:30", until: "13:00" })));
    expect(refused.refusals[0]).toMatchObject({ code: "interviewer_overlap", interviewer: "Interviewer Sato" });
    expect((await listInterviewSlots(env.ctx, operator, roundId)).slots).toHaveLength(3);
    // bad plans are field errors; only staff may interview; only operators open slots
    expect(await caught(createInterviewSlots(env.ctx, operator, roundId, slotPlan(interviewer.userId, { until: "09:00" })))).toBeInstanceOf(ValidationError);
    expect(await caught(createInterviewSlots(env.ctx, operator, roundId, slotPlan(a1.user.id, { date: "2027-04-11" })))).toBeInstanceOf(ValidationError);
    expect(await caught(createInterviewSlots(env.ctx, interviewer, roundId, slotPlan(interviewer.userId)))).toBeInstanceOf(ForbiddenError);
  });

  it("refuses a booking without an invitation, then invites the top of the ranking, a hand-picked list and everyone left, after a preview", async () => {
    const refused = await refusalOf(bookInterviewSlot(env.ctx, a1.actor, { slotId: slotIds[0] }));
    expect(refused.refusals.map((r) => r.code)).toEqual(["not_invited"]);
    const receipt = async (applicationId: string) =>
      (await env.db.selectFrom("applications").select("receipt_number").where("id", "=", applicationId).executeTakeFirstOrThrow()).receipt_number!;

    // the preview counts and names, in ranking order (document score 90, 85, …), and changes nothing
    const preview = await previewInterviewInvitations(env.ctx, operator, roundId, { stage: "first", mode: "top", top: "2" });
    expect(preview).toMatchObject({ count: 2, alreadyInvited: 0, unknown: [] });
    expect(preview.first.map((p) => p.receiptNumber)).toEqual([await receipt(a1.applicationId), await receipt(a2.applicationId)]);
    expect(await env.db.selectFrom("interview_invitations").select("application_id").where("round_id", "=", roundId).execute()).toEqual([]);
    expect(await caught(previewInterviewInvitations(env.ctx, operator, roundId, { stage: "first", mode: "top", top: "0" }))).toBeInstanceOf(ValidationError);
    expect(await caught(previewInterviewInvitations(env.ctx, interviewer, roundId, { stage: "first" }))).toBeInstanceOf(ForbiddenError);

    expect(await inviteToInterview(env.ctx, operator, roundId, "first", { mode: "top", top: "2" })).toEqual({ invited: 2 });
    expect((await mailsTo(env, a1.user.email)).map((m) => m.template)).toEqual(["interviewInvitation"]);
    expect(await mailsTo(env, a3.user.email)).toEqual([]);
    // the top 3 now: a1 and a2 were invited already (not e-mailed again), a3 is new
    expect(await previewInterviewInvitations(env.ctx, operator, roundId, { stage: "first", mode: "top", top: "3" })).toMatchObject({
      count: 1,
      alreadyInvited: 2,
    });

    // a hand-picked list: an unknown receipt number is named and nothing is sent
    const list = `${(await receipt(a4.applicationId)).toLowerCase()}, NOPE-1`;
    expect((await previewInterviewInvitations(env.ctx, operator, roundId, { stage: "first", mode: "list", receiptNumbers: list })).unknown).toEqual(["NOPE-1"]);
    const unknown = await refusalOf(inviteToInterview(env.ctx, operator, roundId, "first", { mode: "list", receiptNumbers: list }));
    expect(unknown.refusals[0]).toMatchObject({ code: "unknown_receipt_numbers", numbers: "NOPE-1" });
    expect(await mailsTo(env, a4.user.email)).toEqual([]);
    expect(await inviteToInterview(env.ctx, operator, roundId, "first", { mode: "list", receiptNumbers: await receipt(a4.applicationId) })).toEqual({
      invited: 1,
    });
    expect(await inviteToInterview(env.ctx, operator, roundId, "first")).toEqual({ invited: 1 });
    expect((await mailsTo(env, a3.user.email)).map((m) => m.template)).toEqual(["interviewInvitation"]);
    const audit = await env.db.selectFrom("audit_log").select("after").where("action", "=", "interview.invited").where("entity_id", "=", roundId).execute();
    expect(audit.map((a) => JSON.stringify(a.after))).toEqual([
      expect.stringContaining('"top":2'),
      expect.stringContaining('"mode":"list"'),
      expect.stringContaining('"mode":"all"'),
    ]);
    expect((await refusalOf(inviteToInterview(env.ctx, operator, roundId, "first"))).refusals[0]!.code).toBe("nobody_to_invite");
  });

  it("books in the applicant's own zone with a calendar file; moves (higher SEQUENCE, same UID) and cancels (METHOD:CANCEL)", async () => {
    const page = await getMyInterview(env.ctx, a1.actor);
    expect(page.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(page.stages[0]!.slots).toHaveLength(3);

    const [booked, ...others] = await mailsDuring(env, a1.user.email, async () =>
      expect(await bookInterviewSlot(env.ctx, a1.actor, { slotId: slotIds[0] })).toMatchObject({ kind: "booked" }),
    );
    expect(others).toEqual([]);
    expect(booked!.template).toBe("interviewBooked");
    expect(booked!.body_text).toContain("Asia/Ho_Chi_Minh");
    expect(booked!.body_text).toContain("08:00"); // 10:00 in Tokyo is 08:00 in Hanoi
    const first = icsOf(booked!);
    expect(first).toContain("METHOD:REQUEST");
    expect(first).toContain("SEQUENCE:0");
    const uid = /UID:(.+)/.exec(first)![1]!.trim();

    // full slot, same slot, booking twice
    expect((await refusalOf(bookInterviewSlot(env.ctx, a2.actor, { slotId: slotIds[0] }))).refusals.map((r) => r.code)).toEqual(["slot_full"]);
    expect((await refusalOf(bookInterviewSlot(env.ctx, a1.actor, { slotId: slotIds[0] }))).refusals.map((r) => r.code)).toEqual(["same_slot"]);

    const [moved] = await mailsDuring(env, a1.user.email, async () =>
      expect(await bookInterviewSlot(env.ctx, a1.actor, { slotId: slotIds[1] })).toMatchObject({ kind: "moved" }),
    );
    expect(icsOf(moved!)).toContain(`UID:${uid}`);
    expect(icsOf(moved!)).toContain("SEQUENCE:1");
    expect((await getInterviewIcs(env.ctx, a1.actor, "first")).content).toContain("SEQUENCE:1");
    // the freed slot can be booked by someone else
    expect(await bookInterviewSlot(env.ctx, a2.actor, { slotId: slotIds[0] })).toMatchObject({ kind: "booked" });

    const [cancelled] = await mailsDuring(env, a1.user.email, () => cancelInterviewBooking(env.ctx, a1.actor, "first"));
    expect(cancelled!.template).toBe("interviewCancelled");
    expect(icsOf(cancelled!)).toContain("METHOD:CANCEL");
    expect(icsOf(cancelled!)).toContain("SEQUENCE:2");
    expect(icsOf(cancelled!)).toContain(`UID:${uid}`);
    const [again] = await mailsDuring(env, a1.user.email, () => bookInterviewSlot(env.ctx, a1.actor, { slotId: slotIds[1] }));
    expect(icsOf(again!)).toContain("SEQUENCE:3");
  });

  it("refuses changes after the cutoff (24 hours before the slot)", async () => {
    env.clock.set("2027-04-09T12:00:00Z"); // 13h40 before a1's slot at 01:40Z on the 10th
    try {
      const refused = await refusalOf(cancelInterviewBooking(env.ctx, a1.actor, "first"));
      expect(refused.refusals.map((r) => r.code)).toEqual(["cutoff_passed"]);
      expect((await refusalOf(bookInterviewSlot(env.ctx, a3.actor, { slotId: slotIds[2] }))).refusals.map((r) => r.code)).toEqual(["cutoff_passed"]);
    } finally {
      env.clock.reset();
    }
  });

  it("lets the interviewer record attendance and scores, not another reviewer; the applicant never sees them", async () => {
    const mine = await listMyInterviews(env.ctx, interviewer);
    const a1Interview = mine.find((i) => i.receiptNumber && i.startsAt.toISOString() === "2027-04-10T01:40:00.000Z")!;
    expect(a1Interview).toBeDefined();
    expect(await listMyInterviews(env.ctx, otherReviewer)).toEqual([]);
    expect(await caught(getInterviewForScoring(env.ctx, otherReviewer, a1Interview.id))).toBeInstanceOf(NotFoundError);
    const invalid = (await caught(
      recordInterviewResult(env.ctx, interviewer, a1Interview.id, { attendance: "done", scores: { motivation: "5" } }),
    )) as ValidationError;
    expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["scores.communication", "scores.fit", "scores.japanese"]);
    await recordInterviewResult(env.ctx, interviewer, a1Interview.id, {
      attendance: "done",
      scores: { motivation: "5", communication: "5", japanese: "4", fit: "5" },
      comment: "Clear goals.",
    });
    const scored = await getInterviewForScoring(env.ctx, interviewer, a1Interview.id);
    expect(scored.status).toBe("done");
    expect(scored.criteria.map((c) => c.score)).toEqual([5, 5, 4, 5]);
    expect(await caught(listMyInterviews(env.ctx, a1.actor))).toBeInstanceOf(ForbiddenError);
  });

  it("ranks, applies a nationality quota with its reason, decides, finalizes with e-mails, and promotes from the waiting list", async () => {
    await updateSelectionSettings(env.ctx, operator, roundId, { places: "2", documentWeight: "50", interviewWeight: "50", quotas: "max 1 per nationality" });
    const board = await getSelectionBoard(env.ctx, operator, roundId);
    expect(board.rows.map((r) => r.id)).toEqual([a1.applicationId, a2.applicationId, a3.applicationId, a4.applicationId]);
    expect(board.rows.map((r) => r.suggestion)).toEqual(["selected", "not_selected", "selected", "not_selected"]);
    expect(board.rows[1]!.skipReasons[0]).toMatchObject({ code: "max_quota_full", count: 1, quota: { attribute: "nationality", values: ["VN"], limit: 1 } });
    expect(board.rows[3]!.skipReasons[0]).toMatchObject({ code: "places_filled", places: 2 });

    // overriding the suggestion needs a reason
    expect(await caught(decideSelection(env.ctx, operator, roundId, { applicationId: a2.applicationId, decision: "selected" }))).toBeInstanceOf(
      ValidationError,
    );
    expect((await refusalOf(finalizeSelection(env.ctx, operator, roundId))).refusals[0]).toMatchObject({ code: "undecided", count: 4 });

    expect(await applySelectionSuggestion(env.ctx, operator, roundId, { waitlistLength: "2" })).toEqual({ decided: 4 });
    const decided = await getSelectionBoard(env.ctx, operator, roundId);
    expect(decided.rows.map((r) => [r.decision, r.waitlistRank])).toEqual([
      ["selected", null],
      ["waitlisted", 1],
      ["selected", null],
      ["waitlisted", 2],
    ]);
    // the committee changes its mind on a4, with a reason
    await decideSelection(env.ctx, operator, roundId, { applicationId: a4.applicationId, decision: "waitlisted", reason: "Keeps its place." });

    const [decision] = await mailsDuring(env, a1.user.email, async () => expect(await finalizeSelection(env.ctx, operator, roundId)).toEqual({ notified: 4 }));
    const statuses = await env.db.selectFrom("applications").select(["id", "status"]).where("round_id", "=", roundId).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [a1.applicationId]: "selected",
      [a2.applicationId]: "waitlisted",
      [a3.applicationId]: "selected",
      [a4.applicationId]: "waitlisted",
    });
    const history = await env.db.selectFrom("application_status_history").selectAll().where("application_id", "=", a2.applicationId).orderBy("id").execute();
    expect(history[history.length - 1]).toMatchObject({ from_status: "interview", to_status: "waitlisted" });
    expect(decision!.template).toBe("selectionDecision");
    expect(decision!.locale).toBe("vi");
    expect(decision!.body_text).toContain("trúng tuyển");
    const a2Decision = (await mailsTo(env, a2.user.email)).find((m) => m.template === "selectionDecision");
    expect(a2Decision!.body_text).toContain("position 1");
    expect(await getMySelectionOutcome(env.ctx, a2.actor)).toMatchObject({ outcome: "waitlisted", waitlistPosition: 1 });

    // decisions are locked once final
    expect(
      (await refusalOf(decideSelection(env.ctx, operator, roundId, { applicationId: a2.applicationId, decision: "selected", reason: "x" }))).refusals[0]!.code,
    ).toBe("results_final");
    expect(
      (await refusalOf(updateSelectionSettings(env.ctx, operator, roundId, { places: "3", documentWeight: "50", interviewWeight: "50", quotas: "" })))
        .refusals[0]!.code,
    ).toBe("results_final");

    // a3 (ID) declines: a2 (VN) is first on the list but VN is full (a1 holds it), so a4 (KE) is offered the place, with a deadline
    const [offerMail] = await mailsDuring(env, a4.user.email, async () =>
      expect(await declineSelectedPlace(env.ctx, a3.actor, { reason: "Accepted a job offer." })).toEqual({ promoted: a4.applicationId }),
    );
    expect(offerMail!.template).toBe("selectionOffers.mail.offer");
    expect(offerMail!.body_text).toContain(env.clock.now().getUTCFullYear().toString());
    expect(await env.db.selectFrom("applications").select("status").where("id", "=", a4.applicationId).executeTakeFirstOrThrow()).toEqual({
      status: "waitlisted",
    });
    const offer = await getMySelectionOffer(env.ctx, a4.actor);
    expect(offer).toMatchObject({ status: "open" });
    expect(offer!.expiresAt.getTime() - env.clock.now().getTime()).toBe(7 * 24 * 3600_000);
    expect((await getMySelectionOutcome(env.ctx, a4.actor))!.offer).toMatchObject({ status: "open" });
    // only the person offered the place may answer; a bad answer is a field error
    expect((await refusalOf(respondToSelectionOffer(env.ctx, a2.actor, { answer: "accept" }))).refusals[0]!.code).toBe("no_offer");
    expect(await caught(respondToSelectionOffer(env.ctx, a4.actor, { answer: "maybe" }))).toBeInstanceOf(ValidationError);
    const [promotedMail] = await mailsDuring(env, a4.user.email, async () =>
      expect(await respondToSelectionOffer(env.ctx, a4.actor, { answer: "accept" })).toEqual({ answer: "accept", offeredNext: null }),
    );
    expect(promotedMail!.template).toBe("selectionPromoted");
    expect((await refusalOf(respondToSelectionOffer(env.ctx, a4.actor, { answer: "accept" }))).refusals[0]!.code).toBe("no_offer");
    const after = await env.db
      .selectFrom("applications")
      .select(["id", "status"])
      .where("id", "in", [a3.applicationId, a4.applicationId, a2.applicationId])
      .execute();
    expect(Object.fromEntries(after.map((s) => [s.id, s.status]))).toEqual({
      [a3.applicationId]: "withdrawn",
      [a4.applicationId]: "selected",
      [a2.applicationId]: "waitlisted",
    });
    expect(await getMySelectionOutcome(env.ctx, a4.actor)).toMatchObject({ outcome: "selected", promoted: true });
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "=", "selection.offered")
      .where("entity_id", "=", a4.applicationId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain("max_quota_full");
    expect(
      await env.db
        .selectFrom("audit_log")
        .select("actor_user_id")
        .where("action", "=", "selection.offer_accepted")
        .where("entity_id", "=", a4.applicationId)
        .execute(),
    ).toEqual([{ actor_user_id: a4.user.id }]);
    expect((await refusalOf(declineSelectedPlace(env.ctx, a3.actor, {}))).refusals[0]!.code).toBe("not_selected");
  });

  it("reads world regions from nationalities: a minimum for Africa reserves a place for the Kenyan applicant", async () => {
    const round = await insertSelectionRound(env, 2);
    const vn = await screenedApplicant(env, round, "VN", 90);
    const id = await screenedApplicant(env, round, "ID", 80);
    const ke = await screenedApplicant(env, round, "KE", 60);
    await updateSelectionSettings(env.ctx, operator, round, { places: "2", documentWeight: "100", interviewWeight: "0", quotas: "min 1 region = africa" });
    const board = await getSelectionBoard(env.ctx, operator, round);
    expect(Object.fromEntries(board.rows.map((r) => [r.id, r.suggestion]))).toEqual({
      [vn.applicationId]: "selected",
      [id.applicationId]: "not_selected",
      [ke.applicationId]: "selected",
    });
    expect(board.shortfalls).toEqual([]);
  });

  it("seats a panel of interviewers on one slot: each member's other slots count as overlaps, and every member may score", async () => {
    const round = await insertSelectionRound(env, 3);
    const third = actorFor(await createUser(env, "reviewer", { name: "Third Reviewer" }));
    const panelPlan = slotPlan(interviewer.userId, {
      date: "2027-05-10",
      from: "10:00",
      until: "11:00",
      breakMinutes: "0",
      interviewers: [interviewer.userId, otherReviewer.userId],
      arrangement: "panel",
    });
    expect(await createInterviewSlots(env.ctx, operator, round, panelPlan)).toEqual({ created: 2 });
    const view = await listInterviewSlots(env.ctx, operator, round);
    expect(view.slots).toHaveLength(2);
    expect(view.slots[0]!.interviewer).toContain("Interviewer Sato");
    expect(view.slots[0]!.interviewer).toContain("Test reviewer");
    // the panel's second member cannot be given another slot at the same time
    const overlap = await refusalOf(
      createInterviewSlots(env.ctx, operator, round, slotPlan(otherReviewer.userId, { date: "2027-05-10", from: "10:15", until: "10:45", breakMinutes: "0" })),
    );
    expect(overlap.refusals[0]).toMatchObject({ code: "interviewer_overlap" });
    expect(await caught(createInterviewSlots(env.ctx, operator, round, { ...panelPlan, date: "2027-05-11", arrangement: "round-robin" }))).toBeInstanceOf(
      ValidationError,
    );

    const c = await screenedApplicant(env, round, "TH", 70);
    await inviteToInterview(env.ctx, operator, round, "first");
    const { interviewId } = await bookInterviewSlot(env.ctx, c.actor, { slotId: view.slots[0]!.id });
    // both panel members see and may score it; a reviewer not on the panel may not
    expect((await listMyInterviews(env.ctx, otherReviewer)).map((i) => i.id)).toContain(interviewId);
    expect((await listMyInterviews(env.ctx, third)).map((i) => i.id)).not.toContain(interviewId);
    expect(await getInterviewForScoring(env.ctx, otherReviewer, interviewId)).toMatchObject({ id: interviewId });
    expect(await caught(getInterviewForScoring(env.ctx, third, interviewId))).toBeInstanceOf(NotFoundError);
  });

  it("offers a freed place with a deadline: a declined offer passes on at once, a lapsed one by the job, exactly once", async () => {
    try {
      const round = await insertSelectionRound(env, 1);
      const b1 = await screenedApplicant(env, round, "VN", 90);
      const b2 = await screenedApplicant(env, round, "ID", 80, "Asia/Jakarta", "id");
      const b3 = await screenedApplicant(env, round, "TH", 70, "Asia/Bangkok", "th");
      const b4 = await screenedApplicant(env, round, "KE", 60);
      await applySelectionSuggestion(env.ctx, operator, round, { waitlistLength: "3" });
      await finalizeSelection(env.ctx, operator, round);

      // b1 declines: b2 (first on the list) is offered the place, in Indonesian with the deadline in Jakarta time
      const [offerMail] = await mailsDuring(env, b2.user.email, async () =>
        expect(await declineSelectedPlace(env.ctx, b1.actor, {})).toEqual({ promoted: b2.applicationId }),
      );
      expect(offerMail).toMatchObject({ template: "selectionOffers.mail.offer" });
      expect(offerMail!.body_text).toContain("Asia/Jakarta");
      expect(offerMail!.body_text).toContain("Sekretariat Program Magang Jepang");
      expect(await expireSelectionOffers(env.ctx, env.clock.now())).toEqual({ expired: 0, offered: 0 });

      // b2 declines the offer: withdrawn, and b3 is offered the place at once
      expect(await respondToSelectionOffer(env.ctx, b2.actor, { answer: "decline" })).toEqual({ answer: "decline", offeredNext: b3.applicationId });
      expect((await getMySelectionOffer(env.ctx, b2.actor))!.status).toBe("declined");
      expect(await getMySelectionOutcome(env.ctx, b2.actor)).toMatchObject({ outcome: "withdrawn" });

      // b3 lets the deadline pass: the answer is refused, the job expires the offer (once) and offers b4 the place
      env.clock.advance(7 * 24 * 3600_000 + 60_000);
      expect((await refusalOf(respondToSelectionOffer(env.ctx, b3.actor, { answer: "accept" }))).refusals[0]!.code).toBe("offer_expired");
      expect((await getMySelectionOffer(env.ctx, b3.actor))!.status).toBe("expired");
      const [r1, r2] = await Promise.all([expireSelectionOffers(env.ctx, env.clock.now()), expireSelectionOffers(env.ctx, env.clock.now())]);
      expect([r1.expired + r2.expired, r1.offered + r2.offered]).toEqual([1, 1]);
      expect(await expireSelectionOffers(env.ctx, env.clock.now())).toEqual({ expired: 0, offered: 0 });
      expect((await mailsTo(env, b3.user.email)).map((m) => m.template)).toContain("selectionOffers.mail.expired");
      expect((await mailsTo(env, b3.user.email)).find((m) => m.template === "selectionOffers.mail.expired")!.locale).toBe("th");
      expect(await getMySelectionOutcome(env.ctx, b3.actor)).toMatchObject({ outcome: "waitlisted", offer: { status: "expired" } });
      expect((await getMySelectionOffer(env.ctx, b4.actor))!.status).toBe("open");
      const expiredAudit = await env.db
        .selectFrom("audit_log")
        .select(["actor_role"])
        .where("action", "=", "selection.offer_expired")
        .where("entity_id", "=", b3.applicationId)
        .execute();
      expect(expiredAudit).toEqual([{ actor_role: "system" }]);

      // b4 accepts: selected; the place is taken, so nobody else is offered one
      await respondToSelectionOffer(env.ctx, b4.actor, { answer: "accept" });
      const statuses = await env.db.selectFrom("applications").select(["id", "status"]).where("round_id", "=", round).execute();
      expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
        [b1.applicationId]: "withdrawn",
        [b2.applicationId]: "withdrawn",
        [b3.applicationId]: "waitlisted",
        [b4.applicationId]: "selected",
      });
      const offers = await env.db
        .selectFrom("selection_offers")
        .select(["application_id", "status", "waitlist_position"])
        .where("round_id", "=", round)
        .execute();
      expect(offers.map((o) => [o.application_id, o.status]).sort()).toEqual(
        [
          [b2.applicationId, "declined"],
          [b3.applicationId, "expired"],
          [b4.applicationId, "accepted"],
        ].sort(),
      );
    } finally {
      env.clock.reset();
    }
  });

  it("reminds of an interview 24 hours ahead, once, in the applicant's language and zone, and again after a move", async () => {
    try {
      const round = await insertSelectionRound(env, 5);
      await createInterviewSlots(
        env.ctx,
        operator,
        round,
        slotPlan(otherReviewer.userId, { date: "2027-04-25", from: "09:00", until: "10:00", breakMinutes: "0", meetingUrl: "https://meet.example/r" }),
      );
      const slots = (await listInterviewSlots(env.ctx, operator, round)).slots.map((s) => s.id);
      const c1 = await screenedApplicant(env, round, "ID", 80, "Asia/Jakarta", "id");
      await inviteToInterview(env.ctx, operator, round, "first");
      await bookInterviewSlot(env.ctx, c1.actor, { slotId: slots[0] }); // 2027-04-25 00:00 UTC = 07:00 in Jakarta

      expect(await sendInterviewReminders(env.ctx, new Date("2027-04-23T00:00:00Z"))).toEqual({ queued: 0 });
      const [reminder, ...more] = await mailsDuring(env, c1.user.email, async () =>
        expect(await sendInterviewReminders(env.ctx, new Date("2027-04-24T00:00:00Z"))).toEqual({ queued: 1 }),
      );
      expect(more).toEqual([]);
      expect(reminder).toMatchObject({ template: "selectionOffers.mail.interviewReminder", locale: "id" });
      expect(reminder!.body_text).toMatch(/07[.:]00/); // Indonesian writes 07.00
      expect(reminder!.body_text).toContain("Asia/Jakarta");
      expect(reminder!.body_text).toContain("https://meet.example/r");
      // two runs at once (two app nodes) and a later run send nothing more
      const runs = await Promise.all([
        sendInterviewReminders(env.ctx, new Date("2027-04-24T01:00:00Z")),
        sendInterviewReminders(env.ctx, new Date("2027-04-24T01:00:00Z")),
      ]);
      expect(runs.map((r) => r.queued)).toEqual([0, 0]);

      // a move (allowed here up to the interview) is reminded of at its new time; a cancelled one is not
      await env.db.updateTable("rounds").set({ interview_cutoff_hours: 0 }).where("id", "=", round).execute();
      env.clock.set("2027-04-24T02:00:00Z");
      await bookInterviewSlot(env.ctx, c1.actor, { slotId: slots[1] });
      const [again] = await mailsDuring(env, c1.user.email, () => sendInterviewReminders(env.ctx, new Date("2027-04-24T03:00:00Z")));
      expect(again!.template).toBe("selectionOffers.mail.interviewReminder");
      expect(again!.body_text).toMatch(/07[.:]30/);
      await cancelInterviewBooking(env.ctx, c1.actor, "first");
      await env.db.updateTable("interviews").set({ reminder_sent_at: null }).where("application_id", "=", c1.applicationId).execute();
      expect(await sendInterviewReminders(env.ctx, new Date("2027-04-24T04:00:00Z"))).toEqual({ queued: 0 });
    } finally {
      env.clock.reset();
    }
  });

  it("never books a slot beyond its capacity, whatever the concurrency", async () => {
    const round = await insertSelectionRound(env, 10);
    await createInterviewSlots(
      env.ctx,
      operator,
      round,
      slotPlan(otherReviewer.userId, { date: "2027-04-20", from: "09:00", until: "10:00", breakMinutes: "0" }),
    );
    const slots = (await listInterviewSlots(env.ctx, operator, round)).slots.map((s) => s.id);
    expect(slots).toHaveLength(2);
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await screenedApplicant(env, round, "TH", 50 + i));
    await inviteToInterview(env.ctx, operator, round, "first");
    const results = await Promise.allSettled(people.map((p, i) => bookInterviewSlot(env.ctx, p.actor, { slotId: slots[i % 2]! })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const booked = await env.db.selectFrom("interviews").select(["slot_id"]).where("round_id", "=", round).where("status", "=", "scheduled").execute();
    expect(booked.map((b) => b.slot_id).sort()).toEqual([...slots].sort());
  });
  it.runIf(kind === "postgres")("books 500 attempts at 100 slots, five at once on every slot: exactly 100 bookings, none double", async () => {
    const round = await insertSelectionRound(env, 10);
    const slots = Array.from({ length: 100 }, (_, i) => ({
      id: crypto.randomUUID(),
      round_id: round,
      stage: "first",
      interviewer_user_id: otherReviewer.userId,
      starts_at: new Date(Date.UTC(2027, 5, 1) + i * 1800_000),
      ends_at: new Date(Date.UTC(2027, 5, 1) + (i + 1) * 1800_000),
    }));
    await env.db.insertInto("interview_slots").values(slots).execute();
    // 500 applicants inserted directly (no password hashing), invited
    const people = Array.from({ length: 500 }, (_, i) => ({ userId: crypto.randomUUID(), email: `load-${i}-${round.slice(0, 8)}@test.jip.example` }));
    await env.db
      .insertInto("user")
      .values(
        people.map((p, i) => ({
          id: p.userId,
          name: `Load ${i}`,
          email: p.email,
          emailVerified: true,
          image: null,
          twoFactorEnabled: false,
          role: "applicant",
          locale: "en",
          timeZone: null,
        })),
      )
      .execute();
    const apps: string[] = [];
    for (const p of people)
      apps.push(await insertScreenedApplication(env.db, { roundId: round, applicantUserId: p.userId, nationality: "TH", documentScore: 50 }));
    await env.db
      .insertInto("interview_invitations")
      .values(apps.map((id) => ({ application_id: id, round_id: round, stage: "first" })))
      .execute();
    // waves of 50 attempts at once: 10 slots, each tried by 5 people simultaneously (the pool has 10 connections)
    const outcomes: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const batch = people.slice(wave * 50, wave * 50 + 50).map((p, j) => {
        const actor: Actor = {
          userId: p.userId,
          email: p.email,
          name: "Load",
          role: "applicant",
          locale: "en",
          timeZone: null,
          twoFactorEnabled: false,
          recentlyAuthenticated: true,
          ip: null,
        };
        return bookInterviewSlot(env.ctx, actor, { slotId: slots[wave * 10 + (j % 10)]!.id }).then(
          () => "booked",
          (err: unknown) => (err instanceof Error && "refusals" in err ? (err as { refusals: { code: string }[] }).refusals[0]!.code : String(err)),
        );
      });
      outcomes.push(...(await Promise.all(batch)));
    }
    expect(outcomes.filter((o) => o === "booked")).toHaveLength(100);
    expect(outcomes.filter((o) => o !== "booked").every((o) => o === "slot_full")).toBe(true);
    const rows = await env.db
      .selectFrom("interviews")
      .select(["slot_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("round_id", "=", round)
      .where("status", "=", "scheduled")
      .groupBy("slot_id")
      .execute();
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  });
});
