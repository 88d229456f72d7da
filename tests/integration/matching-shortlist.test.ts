/**
 * The office-shortlist mode of the matching (issue 15, ADR 0037) on PGlite and PostgreSQL: the
 * round's mode is set by the operator and locked once a rank list is saved; the operator's
 * shortlist per position (started from the fit suggestion) limits what the host sees and ranks and
 * what each applicant may rank; the host offers interview slots, a shortlisted applicant books
 * one (with its calendar file), the host records that it took place. Open ranking is unchanged.
 */
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { bookMatchingInterview } from "#src/services/matching/book-matching-interview.ts";
import { getHostMatchingInterviewIcs, getMyMatchingInterviewIcs } from "#src/services/matching/get-matching-interview-ics.ts";
import { getMatchingOverview } from "#src/services/matching/get-matching-overview.ts";
import { getMyMatchingInterviews } from "#src/services/matching/get-my-matching-interviews.ts";
import { getMyRankList } from "#src/services/matching/get-my-rank-list.ts";
import { getPositionRankList } from "#src/services/matching/get-position-rank-list.ts";
import { getShortlistSuggestion } from "#src/services/matching/get-shortlist-suggestion.ts";
import { getShortlistedCandidate } from "#src/services/matching/get-shortlisted-candidate.ts";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { offerMatchingInterviewSlot } from "#src/services/matching/offer-matching-interview-slot.ts";
import { recordMatchingInterviewHeld } from "#src/services/matching/record-matching-interview-held.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";
import { saveMyRankList } from "#src/services/matching/save-my-rank-list.ts";
import { savePositionRankList } from "#src/services/matching/save-position-rank-list.ts";
import { saveShortlist } from "#src/services/matching/save-shortlist.ts";
import { setMatchingMode } from "#src/services/matching/set-matching-mode.ts";
import { insertAcceptedHost, insertMatchingRound, insertSelectedApplicant } from "../support/phase-inputs/selected-applicants.ts";
import { DATABASE_KINDS, TEST_PASSWORD, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertHostWithAdmin } from "./support/host-organization.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const DAY = 24 * 60 * 60 * 1000;
const ranks = (ids: string[], intent = "submit") => ({ intent, rank: Object.fromEntries(ids.map((id, i) => [id, String(i + 1)])) });

const org = (env: TestEnv, name: string, prefecture: string) =>
  insertHostWithAdmin(env, { nameJa: `${name}株式会社`, nameEn: `${name} Co.`, prefecture, locale: "ja" });

describe.each(DATABASE_KINDS)("matching in office-shortlist mode on %s", (kind) => {
  const env = useTestDatabase(kind);
  let roundId: string;
  let operator: Actor;
  let ministry: Actor;
  let tokyo: Awaited<ReturnType<typeof org>>;
  let aichi: Awaited<ReturnType<typeof org>>;
  let PA: string, PB: string;
  const A: { id: string; actor: Actor }[] = [];
  /** The outcome recorded for a1's host interview: of two members recording at once, either may win. */
  let heldOutcome: string;

  beforeAll(async () => {
    env.clock.reset();
    roundId = await insertMatchingRound(env.db, { matchingClose: new Date(env.clock.now().getTime() + 20 * DAY) });
    operator = actorFor(await createUser(env, "operator"));
    ministry = actorFor(await createUser(env, "ministry"));
    tokyo = await org(env, "東京", "13");
    aichi = await org(env, "愛知", "23");
    [PA] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: tokyo.orgId,
      positions: [{ title: "Sales A", prefectureCode: "13", capacity: 1 }],
    })) as [string];
    [PB] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: aichi.orgId,
      positions: [{ title: "Engineer B", prefectureCode: "23", capacity: 1 }],
    })) as [string];
    for (let i = 1; i <= 3; i++) {
      const user = await createUser(env, "applicant", { locale: "vi" });
      A.push({ id: await insertSelectedApplicant(env.db, { roundId, userId: user.id, receiptNumber: `JIP-2027-30000${i}` }), actor: actorFor(user) });
    }
  });

  it("the operator sets the mode before any rank list (audited); the ministry may not; once a list is saved it is locked", async () => {
    expect((await getMatchingOverview(env.ctx, operator, roundId)).mode).toEqual({ mode: "open_ranking", lock: null, canSet: true });
    expect(await caught(setMatchingMode(env.ctx, ministry, { roundId, form: { mode: "office_shortlist" } }))).toBeInstanceOf(ForbiddenError);
    const bad = await validationErrorOf(setMatchingMode(env.ctx, operator, { roundId, form: { mode: "lottery" } }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["mode"]);
    expect(await setMatchingMode(env.ctx, operator, { roundId, form: { mode: "office_shortlist" } })).toEqual({ changed: true });
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "matching.mode_set")
      .where("entity_id", "=", roundId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ mode: "office_shortlist" });

    // another round in open ranking: a saved list locks its mode
    const other = await insertMatchingRound(env.db, { matchingClose: new Date(env.clock.now().getTime() + 20 * DAY) });
    const user = await createUser(env, "applicant", { locale: "en" });
    await insertSelectedApplicant(env.db, { roundId: other, userId: user.id, receiptNumber: "JIP-2027-399999" });
    const [PO] = (await insertAcceptedHost(env.db, {
      roundId: other,
      organizationId: tokyo.orgId,
      positions: [{ title: "Other", prefectureCode: "13", capacity: 1 }],
    })) as [string];
    await saveMyRankList(env.ctx, actorFor(user), ranks([PO], "save"));
    const locked = await refusalOf(setMatchingMode(env.ctx, operator, { roundId: other, form: { mode: "office_shortlist" } }));
    expect(locked.messages).toBe("matchingShortlistStaff.refusals");
    expect(locked.refusals[0]).toMatchObject({ code: "mode_locked", rankLists: 1 });
    expect((await getMatchingOverview(env.ctx, operator, other)).mode).toMatchObject({ mode: "open_ranking", canSet: false });
  });

  it("the operator saves a shortlist started from the suggestion (audited); only selected applicants of the round", async () => {
    const suggestion = await getShortlistSuggestion(env.ctx, operator, PA);
    expect(suggestion.shortlist).toMatchObject({ mode: "office_shortlist", saved: [], canEdit: true });
    expect(suggestion.shortlist.prefilled.length).toBeGreaterThan(0);
    expect((await getShortlistSuggestion(env.ctx, ministry, PA)).shortlist.canEdit).toBe(false);
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const stranger = await refusalOf(saveShortlist(env.ctx, operator, { positionId: PA, form: { applicants: [a1.id, crypto.randomUUID()] } }));
    expect(stranger.refusals[0]).toMatchObject({ code: "not_selected_applicant", count: 1 });
    expect(await saveShortlist(env.ctx, operator, { positionId: PA, form: { applicants: [a1.id, a2.id] } })).toMatchObject({ count: 2, added: 2 });
    expect(await saveShortlist(env.ctx, operator, { positionId: PB, form: { applicants: a3.id } })).toMatchObject({ count: 1 });
    expect((await getShortlistSuggestion(env.ctx, operator, PA)).shortlist.saved.sort()).toEqual([a1.id, a2.id].sort());
    const audit = await env.db.selectFrom("audit_log").select("after").where("action", "=", "matching.shortlist_saved").where("entity_id", "=", PA).execute();
    expect(audit).toHaveLength(1);
    expect(((audit[0]!.after as { shortlist: string[] }).shortlist ?? []).sort()).toEqual([a1.id, a2.id].sort());
  });

  it("the host sees and opens only its shortlisted candidates (403 otherwise), and ranks only them", async () => {
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const view = await getPositionRankList(env.ctx, tokyo.actor, PA);
    expect(view.shortlist.map((c) => c.applicationId).sort()).toEqual([a1.id, a2.id].sort());
    const profile = await getShortlistedCandidate(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id });
    expect(profile.candidate.code).toBe("JIP-2027-300001");
    expect(JSON.stringify(profile)).not.toMatch(/applicant\.example|\+84|2000-01-01|Nguyen/);
    expect(await caught(getShortlistedCandidate(env.ctx, tokyo.actor, { positionId: PA, applicationId: a3.id }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getShortlistedCandidate(env.ctx, aichi.actor, { positionId: PA, applicationId: a1.id }))).toBeInstanceOf(NotFoundError);

    const outside = await refusalOf(savePositionRankList(env.ctx, tokyo.actor, { positionId: PA, form: ranks([a1.id, a3.id]) }));
    expect(outside.messages).toBe("matchingShortlistStaff.refusals");
    expect(outside.refusals[0]).toMatchObject({ code: "not_on_shortlist", count: 1 });
    expect(await savePositionRankList(env.ctx, tokyo.actor, { positionId: PA, form: ranks([a2.id, a1.id]) })).toEqual({ submitted: true });
  });

  it("an applicant sees and ranks only the positions they are shortlisted for; the run uses only shortlisted pairs", async () => {
    const [a1, , a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    expect((await getMyRankList(env.ctx, a1.actor))!.positions.map((p) => p.id)).toEqual([PA]);
    const refused = await refusalOf(saveMyRankList(env.ctx, a1.actor, ranks([PA, PB])));
    expect(refused.messages).toBe("matchingShortlist.refusals");
    expect(refused.refusals[0]).toMatchObject({ code: "not_shortlisted", count: 1 });
    expect(await saveMyRankList(env.ctx, a1.actor, ranks([PA]))).toEqual({ submitted: true });
    expect(await saveMyRankList(env.ctx, a3.actor, ranks([PB]))).toEqual({ submitted: true });
    await savePositionRankList(env.ctx, aichi.actor, { positionId: PB, form: ranks([a3.id]) });
    // the mode is locked now
    expect((await refusalOf(setMatchingMode(env.ctx, operator, { roundId, form: { mode: "open_ranking" } }))).refusals[0]).toMatchObject({
      code: "mode_locked",
    });
    // a shortlist change after the lists: the run drops pairs no longer on it
    await saveShortlist(env.ctx, operator, { positionId: PB, form: { applicants: [] } });
    const { runId } = await runMatching(env.ctx, operator, { roundId, form: {} });
    const run = await env.db.selectFrom("matching_runs").select("instance").where("id", "=", runId).executeTakeFirstOrThrow();
    const instance = run.instance as { applicants: { id: string; preferences: string[] }[] };
    expect(instance.applicants.map((a) => a.id)).toEqual([a1.id]);
  });

  it("the host offers a slot, a shortlisted applicant books it (e-mail and calendar file for both), the host records it took place", async () => {
    const [a1, , a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const noPlace = await validationErrorOf(
      offerMatchingInterviewSlot(env.ctx, tokyo.actor, { positionId: PA, form: { startsAt: "2027-04-10T10:00", lengthMinutes: "30" } }),
    );
    expect(Object.keys(noPlace.fieldErrors)).toEqual(["place"]);
    const { slotId } = await offerMatchingInterviewSlot(env.ctx, tokyo.actor, {
      positionId: PA,
      form: { startsAt: "2027-04-10T10:00", lengthMinutes: "30", meetingUrl: "https://meet.example/abc" },
    });
    const slot = await env.db.selectFrom("interview_slots").selectAll().where("id", "=", slotId).executeTakeFirstOrThrow();
    expect(slot).toMatchObject({ stage: "host", position_id: PA });
    expect(slot.starts_at.toISOString()).toBe("2027-04-10T01:00:00.000Z");

    // not shortlisted for PA: refused as not invited
    const notInvited = await refusalOf(bookMatchingInterview(env.ctx, a3.actor, { slotId }));
    expect(notInvited.refusals.map((r) => r.code)).toContain("not_invited");

    const mine = await getMyMatchingInterviews(env.ctx, a1.actor, "Asia/Ho_Chi_Minh");
    expect(mine.positions!.map((p) => p.id)).toEqual([PA]);
    expect(mine.positions![0]!.slots.map((s) => s.id)).toEqual([slotId]);
    expect(await bookMatchingInterview(env.ctx, a1.actor, { slotId })).toMatchObject({ kind: "booked" });
    // full now
    const second = await createUser(env, "applicant", { locale: "th" });
    const a4 = await insertSelectedApplicant(env.db, { roundId, userId: second.id, receiptNumber: "JIP-2027-300004" });
    await env.db.insertInto("matching_shortlists").values({ position_id: PA, application_id: a4, round_id: roundId, added_at: env.clock.now() }).execute();
    expect((await refusalOf(bookMatchingInterview(env.ctx, actorFor(second), { slotId }))).refusals.map((r) => r.code)).toContain("slot_full");

    const mail = await env.db
      .selectFrom("outbound_emails")
      .select(["template", "locale", "body_text", "attachments"])
      .where("template", "=", "interviewBooked")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain("/vi/matching/interviews");
    const ics = await getMyMatchingInterviewIcs(env.ctx, a1.actor, PA);
    expect(ics.content).toContain("DTSTART:20270410T010000Z");
    const hostIcs = await getHostMatchingInterviewIcs(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id });
    const uid = (s: string) => /UID:(.*)/.exec(s.replace(/\r\n /g, ""))?.[1];
    expect(uid(hostIcs.content)).toBe(uid(ics.content));
    // Each in its reader's language, organized by the address the e-mails come from (DEFAULT_FROM here).
    const unfolded = (s: string) => s.replace(/\r\n /g, "");
    expect(unfolded(ics.content)).toContain("SUMMARY:Chương trình Thực tập tại Nhật Bản: phỏng vấn\r\n");
    expect(unfolded(ics.content)).toContain('ORGANIZER;CN="Văn phòng Chương trình Thực tập tại Nhật Bản":mailto:no-reply@jip.example\r\n');
    expect(tokyo.actor.locale).toBe("en");
    expect(unfolded(hostIcs.content)).toContain("SUMMARY:Japan Internship Program: interview for Sales A\r\n");
    expect(unfolded(hostIcs.content)).toContain('ORGANIZER;CN="Japan Internship Program office":mailto:no-reply@jip.example\r\n');
    // the selection's pages do not show it
    expect(await env.db.selectFrom("interviews").select("position_id").where("application_id", "=", a1.id).execute()).toEqual([{ position_id: PA }]);

    const early = await refusalOf(recordMatchingInterviewHeld(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id, form: { outcome: "done" } }));
    expect(early.refusals[0]?.code).toBe("not_started");
    env.clock.set("2027-04-10T01:05:00Z");
    expect((await getShortlistedCandidate(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id })).canRecordHeld).toBe(true);
    // Two members record it at once (a double click, two tabs): one is recorded, the other told it already was.
    // On PostgreSQL another connection holds the row until both have read it and wait for the lock (PGlite has
    // one connection: its transactions never interleave).
    const { id: interviewId } = await env.db.selectFrom("interviews").select("id").where("application_id", "=", a1.id).executeTakeFirstOrThrow();
    const holder = env.kind === "postgres" ? new pg.Client({ connectionString: env.databaseUrl }) : null;
    if (holder) {
      await holder.connect();
      await holder.query("begin");
      await holder.query("select 1 from interviews where id = $1 for update", [interviewId]);
    }
    const attempts = Promise.allSettled(
      (["done", "no_show"] as const).map((outcome) =>
        recordMatchingInterviewHeld(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id, form: { outcome } }),
      ),
    );
    if (holder) {
      // pg_stat_activity is read once per transaction unless its snapshot is cleared (the holder is in one).
      let waiting = 0;
      for (let tries = 0; waiting < 2 && tries < 500; tries++) {
        await new Promise((r) => setTimeout(r, 20));
        await holder.query("select pg_stat_clear_snapshot()");
        const { rows } = await holder.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        waiting = Number(rows[0]!.n);
      }
      expect(waiting).toBe(2);
      await holder.query("commit");
      await holder.end();
    }
    const both = await attempts;
    const recorded = both.flatMap((r) => (r.status === "fulfilled" ? [r.value.status] : []));
    expect(recorded).toHaveLength(1);
    heldOutcome = recorded[0]!;
    const refused = both.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && (await refusalOf(Promise.reject(refused.reason))).refusals[0]?.code).toBe("already_recorded");
    expect((await getShortlistedCandidate(env.ctx, tokyo.actor, { positionId: PA, applicationId: a1.id })).interview?.status).toBe(recorded[0]);
    expect(await env.db.selectFrom("audit_log").select("action").where("action", "like", "matching.interview_%").orderBy("id").execute()).toEqual([
      { action: "matching.interview_slot_offered" },
      { action: "matching.interview_booked" },
      { action: "matching.interview_held" },
    ]);
    env.clock.reset();
  });

  it("taking an applicant off the shortlist cancels their host interview, with the calendar's cancellation (audited)", async () => {
    const [a1, a2] = A as [(typeof A)[0], (typeof A)[0]];
    const { slotId } = await offerMatchingInterviewSlot(env.ctx, tokyo.actor, {
      positionId: PA,
      form: { startsAt: "2027-04-11T10:00", lengthMinutes: "30", meetingUrl: "https://meet.example/def" },
    });
    expect(await bookMatchingInterview(env.ctx, a2.actor, { slotId })).toMatchObject({ kind: "booked" });
    const saved = await saveShortlist(env.ctx, operator, { positionId: PA, form: { applicants: [a1.id] } });
    expect(saved.count).toBe(1);
    expect(saved.removed).toBeGreaterThan(0);
    expect(await env.db.selectFrom("interviews").select(["status", "ics_sequence"]).where("application_id", "=", a2.id).execute()).toEqual([
      { status: "cancelled", ics_sequence: 1 },
    ]);
    const mail = await env.db.selectFrom("outbound_emails").select(["to_address", "attachments"]).where("template", "=", "interviewCancelled").execute();
    expect(mail.map((m) => m.to_address)).toEqual([a2.actor.email]);
    expect(JSON.stringify(mail[0]!.attachments)).toContain("METHOD:CANCEL");
    expect(await env.db.selectFrom("audit_log").select("action").where("action", "=", "matching.interview_cancelled").execute()).toHaveLength(1);
    // the other applicant's interview is untouched
    expect(await env.db.selectFrom("interviews").select("status").where("application_id", "=", a1.id).execute()).toEqual([{ status: heldOutcome }]);
  });

  it("a host member who offered interview times can still delete their account: the slot and its interview stay, without an interviewer", async () => {
    const slots = await env.db.selectFrom("interview_slots").select("id").where("interviewer_user_id", "=", tokyo.actor.userId).execute();
    expect(slots.length).toBeGreaterThan(0);
    await deleteMyAccount(env.ctx, tokyo.actor, { password: TEST_PASSWORD, confirm: "on" });
    const after = await env.db
      .selectFrom("interview_slots")
      .select(["id", "interviewer_user_id"])
      .where(
        "id",
        "in",
        slots.map((s) => s.id),
      )
      .execute();
    expect(after.map((s) => s.interviewer_user_id)).toEqual(slots.map(() => null));
    const statuses = await env.db
      .selectFrom("interviews")
      .select("status")
      .where(
        "slot_id",
        "in",
        slots.map((s) => s.id),
      )
      .execute();
    expect(statuses.map((i) => i.status).sort()).toEqual(["cancelled", heldOutcome].sort());
  });
});
