/**
 * Matching after the run (issue 15, ADR 0034) on PGlite and PostgreSQL: the committee's approval
 * is its own state before publication; publication e-mails every applicant of the run (offer or
 * not, in their language and zone) and every member of a host with offers; regional floors are
 * stored with the run and their shortfall shown; a declined offer's place is filled from the
 * selection's waiting list, in its order, through a new round of the matching.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { NotFoundError } from "#src/services/errors.ts";
import { answerOfferAsApplicant } from "#src/services/matching/answer-offer-as-applicant.ts";
import { answerOfferAsHost } from "#src/services/matching/answer-offer-as-host.ts";
import { approveMatchingRun } from "#src/services/matching/approve-matching-run.ts";
import { getMatchingOverview } from "#src/services/matching/get-matching-overview.ts";
import { getMatchingRun } from "#src/services/matching/get-matching-run.ts";
import { getShortlistSuggestion } from "#src/services/matching/get-shortlist-suggestion.ts";
import { getMyMatchingResult } from "#src/services/matching/get-my-matching-result.ts";
import { moveWaitingListIntoMatching } from "#src/services/matching/move-waiting-list-into-matching.ts";
import { publishMatchingRun } from "#src/services/matching/publish-matching-run.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";
import { saveMyRankList } from "#src/services/matching/save-my-rank-list.ts";
import { savePositionRankList } from "#src/services/matching/save-position-rank-list.ts";
import { insertAcceptedHost, insertMatchingRound, insertSelectedApplicant } from "../support/phase-inputs/selected-applicants.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertHostWithAdmin } from "./support/host-organization.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const DAY = 24 * 60 * 60 * 1000;
const ranks = (ids: string[]) => ({ intent: "submit", rank: Object.fromEntries(ids.map((id, i) => [id, String(i + 1)])) });

const org = (env: TestEnv, name: string, prefecture: string, locale: string) =>
  insertHostWithAdmin(env, { nameJa: `${name}株式会社`, nameEn: `${name} Co.`, prefecture, locale });

describe.each(DATABASE_KINDS)("matching offers, committee approval and replacement on %s", (kind) => {
  const env = useTestDatabase(kind);
  let roundId: string;
  let operator: Actor;
  let ministry: Actor;
  let tokyo: Awaited<ReturnType<typeof org>>;
  let aichi: Awaited<ReturnType<typeof org>>;
  let PA1: string, PB1: string;
  const A: { id: string; actor: Actor; email: string }[] = [];
  const W: { id: string; actor: Actor; email: string }[] = [];

  beforeAll(async () => {
    env.clock.reset();
    roundId = await insertMatchingRound(env.db, { matchingClose: new Date(env.clock.now().getTime() + 10 * DAY) });
    operator = actorFor(await createUser(env, "operator"));
    ministry = actorFor(await createUser(env, "ministry"));
    tokyo = await org(env, "東京", "13", "ja");
    aichi = await org(env, "愛知", "23", "en");
    [PA1] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: tokyo.orgId,
      positions: [{ title: "Sales A1", prefectureCode: "13", capacity: 1 }],
    })) as [string];
    [PB1] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: aichi.orgId,
      positions: [{ title: "Engineer B1", prefectureCode: "23", capacity: 1 }],
    })) as [string];
    const locales = ["vi", "en", "th"];
    for (let i = 1; i <= 3; i++) {
      const user = await createUser(env, "applicant", { locale: locales[i - 1] });
      const id = await insertSelectedApplicant(env.db, { roundId, userId: user.id, receiptNumber: `JIP-2027-10000${i}` });
      A.push({ id, actor: actorFor(user), email: user.email });
    }
    await env.db.updateTable("user").set({ timeZone: "Asia/Ho_Chi_Minh" }).where("email", "=", A[0]!.email).execute();
    // The waiting list: the second one inserted is first on it.
    for (let i = 1; i <= 2; i++) {
      const user = await createUser(env, "applicant", { locale: "id" });
      const id = await insertSelectedApplicant(env.db, { roundId, userId: user.id, receiptNumber: `JIP-2027-20000${i}`, status: "waitlisted" });
      await env.db
        .insertInto("selection_decisions")
        .values({ application_id: id, round_id: roundId, decision: "waitlisted", waitlist_rank: 3 - i })
        .execute();
      W.push({ id, actor: actorFor(user), email: user.email });
    }
  });

  it("a run with floors shows each region's shortfall; only a committee-approved run is published", async () => {
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    await saveMyRankList(env.ctx, a1.actor, ranks([PA1, PB1]));
    await saveMyRankList(env.ctx, a2.actor, ranks([PA1]));
    await saveMyRankList(env.ctx, a3.actor, ranks([PA1]));
    await savePositionRankList(env.ctx, tokyo.actor, { positionId: PA1, form: ranks([a2.id, a1.id, a3.id]) });
    await savePositionRankList(env.ctx, aichi.actor, { positionId: PB1, form: ranks([a1.id]) });

    const bad = await validationErrorOf(runMatching(env.ctx, operator, { roundId, form: { floor: { kanto: "two" } } }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["floor.kanto"]);
    const { runId } = await runMatching(env.ctx, operator, { roundId, form: { floor: { kanto: "2", chubu: "1", tohoku: "1" } } });
    const view = await getMatchingRun(env.ctx, operator, runId);
    expect(view.regions.find((r) => r.code === "kanto")).toMatchObject({ matched: 1, floor: 2, belowFloor: 1 });
    expect(view.regions.find((r) => r.code === "chubu")).toMatchObject({ matched: 1, floor: 1, belowFloor: 0 });
    expect(view.regions.find((r) => r.code === "tohoku")).toMatchObject({ seats: 0, matched: 0, floor: 1, belowFloor: 1 });
    expect(view).toMatchObject({ status: "computed", canApprove: true, canPublish: false, review: null });

    const early = await refusalOf(publishMatchingRun(env.ctx, operator, runId));
    expect(early.refusals[0]?.code).toBe("not_reviewed");
    expect(await caught(approveMatchingRun(env.ctx, ministry, { runId, form: { approvedOn: "2027-08-01", reference: "M-1" } }))).toBeInstanceOf(Error);
    const invalid = await validationErrorOf(approveMatchingRun(env.ctx, operator, { runId, form: { approvedOn: "2027-02-30", reference: " " } }));
    expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["approvedOn", "reference"]);

    await approveMatchingRun(env.ctx, operator, { runId, form: { approvedOn: "2027-08-01", reference: "Minutes 7" } });
    const reviewed = await getMatchingRun(env.ctx, operator, runId);
    expect(reviewed).toMatchObject({ status: "reviewed", canApprove: false, canPublish: true, review: { approvedOn: "2027-08-01", reference: "Minutes 7" } });
    expect((await getMatchingRun(env.ctx, ministry, runId)).canPublish).toBe(false);
    const twice = await refusalOf(approveMatchingRun(env.ctx, operator, { runId, form: { approvedOn: "2027-08-01", reference: "Minutes 7" } }));
    expect(twice.refusals[0]).toMatchObject({ code: "not_computed", status: "reviewed" });
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_id", "=", runId)
      .where("action", "=", "matching.committee_approval")
      .execute();
    expect(audit).toHaveLength(1);

    // A variant run after the approval is discarded by the publication.
    const { runId: variant } = await runMatching(env.ctx, operator, { roundId, form: { cap: { kanto: "0" } } });
    await publishMatchingRun(env.ctx, operator, runId);
    const statuses = Object.fromEntries(
      (await env.db.selectFrom("matching_runs").select(["id", "status"]).where("round_id", "=", roundId).execute()).map((r) => [r.id, r.status]),
    );
    expect(statuses).toEqual({ [runId]: "published", [variant]: "discarded" });
    const lateApproval = await refusalOf(approveMatchingRun(env.ctx, operator, { runId: variant, form: { approvedOn: "2027-08-01", reference: "M" } }));
    expect(lateApproval.refusals[0]).toMatchObject({ code: "not_computed" });
  });

  it("publication e-mails every applicant of the run in their language and zone, and each host member", async () => {
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const mails = await env.db.selectFrom("outbound_emails").select(["to_address", "template", "locale", "subject", "body_text"]).execute();
    const to = (email: string) => mails.filter((m) => m.to_address === email);
    expect(to(a1.email)).toHaveLength(1);
    expect(to(a1.email)[0]).toMatchObject({ template: "matchingOffers.mail.offer", locale: "vi", subject: "Đề nghị ghép nối của bạn: Engineer B1" });
    expect(to(a1.email)[0]!.body_text).toContain("愛知 Co.");
    expect(to(a1.email)[0]!.body_text).toContain("(Asia/Ho_Chi_Minh)");
    expect(to(a1.email)[0]!.body_text).toContain("/vi/matching/result");
    expect(to(a2.email)[0]).toMatchObject({ template: "matchingOffers.mail.offer", locale: "en", subject: "Your matching offer: Sales A1" });
    expect(to(a3.email)[0]).toMatchObject({ template: "matchingOffers.mail.noOffer", locale: "th" });
    expect(to(a3.email)[0]!.body_text).not.toContain("Sales A1");
    expect(to(tokyo.email)).toHaveLength(1);
    expect(to(tokyo.email)[0]).toMatchObject({
      template: "matchingOffersStaff.mail.hostOffers",
      locale: "ja",
      subject: "マッチングのオファーの確認：東京株式会社",
    });
    expect(to(aichi.email)[0]!.body_text).toContain("1 offer for the positions of 愛知 Co.");
    expect(mails.some((m) => m.subject.includes("matchingOffers"))).toBe(false);
  });

  it("a declined offer's place is filled from the waiting list, in order, through a new round", async () => {
    const [, a2] = A as [(typeof A)[0], (typeof A)[0]];
    const [w1, w2] = W as [(typeof W)[0], (typeof W)[0]];
    const offer = (await getMyMatchingResult(env.ctx, a2.actor))!.offers[0]!;
    await answerOfferAsApplicant(env.ctx, a2.actor, { offerId: offer.id, form: { answer: "declined" } });
    // The host hears of the decline, the applicant by receipt number only.
    const told = await env.db
      .selectFrom("outbound_emails")
      .select(["subject", "body_text"])
      .where("to_address", "=", tokyo.email)
      .where("template", "=", "matchingOffersStaff.mail.applicantAnswered")
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe("JIP-2027-100002がSales A1のオファーを辞退しました");
    expect(told[0]!.body_text).not.toContain("Nguyen");

    const overview = await getMatchingOverview(env.ctx, operator, roundId);
    expect(overview.waitingList.map((w) => w.id)).toEqual([w2.id, w1.id]);
    expect(overview.canMoveWaitingList).toBe(true);
    expect(overview.next.seats).toBe(1);
    expect((await getMatchingOverview(env.ctx, ministry, roundId)).canMoveWaitingList).toBe(false);

    const tooMany = await refusalOf(moveWaitingListIntoMatching(env.ctx, operator, { roundId, form: { count: "2" } }));
    expect(tooMany.refusals[0]).toMatchObject({ code: "more_than_free", free: 1 });
    await validationErrorOf(moveWaitingListIntoMatching(env.ctx, operator, { roundId, form: { count: "0" } }));
    expect(await caught(moveWaitingListIntoMatching(env.ctx, ministry, { roundId, form: { count: "1" } }))).toBeInstanceOf(Error);

    expect(await moveWaitingListIntoMatching(env.ctx, operator, { roundId, form: { count: "1" } })).toEqual({ moved: [w2.id] });
    const apps = await env.db.selectFrom("applications").select(["id", "status"]).where("id", "in", [w1.id, w2.id]).execute();
    expect(Object.fromEntries(apps.map((a) => [a.id, a.status]))).toEqual({ [w1.id]: "waitlisted", [w2.id]: "selected" });
    const history = await env.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status", "reason"])
      .where("application_id", "=", w2.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(history).toEqual({ from_status: "waitlisted", to_status: "selected", reason: "matching_replacement" });
    const decision = await env.db
      .selectFrom("selection_decisions")
      .select(["decision", "reason"])
      .where("application_id", "=", w2.id)
      .executeTakeFirstOrThrow();
    expect(decision).toEqual({ decision: "selected", reason: "matching_replacement" });
    const mail = await env.db
      .selectFrom("outbound_emails")
      .select(["template", "locale", "subject", "body_text"])
      .where("to_address", "=", w2.email)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ template: "matchingOffers.mail.fromWaitingList", locale: "id", subject: "Ada tempat kosong: urutkan posisi magang" });
    expect(mail.body_text).toContain("/id/matching");
    expect(
      await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", w2.id).where("action", "=", "matching.moved_from_waiting_list").execute(),
    ).toHaveLength(1);

    // The moved applicant ranks; the host ranks them; the next round gives them the freed place.
    await saveMyRankList(env.ctx, w2.actor, ranks([PA1]));
    await savePositionRankList(env.ctx, tokyo.actor, { positionId: PA1, form: ranks([w2.id]) });
    const { runId } = await runMatching(env.ctx, operator, { roundId, form: {} });
    const second = await getMatchingRun(env.ctx, operator, runId);
    expect(second.stage).toBe(2);
    expect(second.results.filter((r) => r.positionId).map((r) => [r.applicationId, r.positionId])).toEqual([[w2.id, PA1]]);
    await approveMatchingRun(env.ctx, operator, { runId, form: { approvedOn: "2027-08-20", reference: "Minutes 8" } });
    await publishMatchingRun(env.ctx, operator, runId);
    expect((await getMyMatchingResult(env.ctx, w2.actor))?.offers[0]).toMatchObject({ positionId: PA1, status: "pending" });
    // The host confirms: the applicant hears it in their language, the offer still waiting for their answer.
    const w2Offer = (await getMyMatchingResult(env.ctx, w2.actor))!.offers[0]!;
    await answerOfferAsHost(env.ctx, tokyo.actor, { offerId: w2Offer.id, form: { answer: "accepted" } });
    const confirmed = await env.db
      .selectFrom("outbound_emails")
      .select(["subject", "locale"])
      .where("to_address", "=", w2.email)
      .where("template", "=", "matchingOffers.mail.hostAnswered")
      .executeTakeFirstOrThrow();
    expect(confirmed).toEqual({ subject: "Tawaran untuk Sales A1: perusahaan penerima mengonfirmasi", locale: "id" });

    // No free place left; after the ranking deadline, moving is refused with the deadline.
    const none = await refusalOf(moveWaitingListIntoMatching(env.ctx, operator, { roundId, form: { count: "1" } }));
    expect(none.refusals[0]).toMatchObject({ code: "more_than_free", free: 0 });
    env.clock.advance(11 * DAY);
    const closed = await refusalOf(moveWaitingListIntoMatching(env.ctx, operator, { roundId, form: { count: "1" } }));
    expect(closed.refusals[0]).toMatchObject({ code: "ranking_closed" });
  });

  it("suggests each position's shortlist ranked on fit, with what each applicant meets and misses", async () => {
    const [a1, a2] = A as [(typeof A)[0], (typeof A)[0]];
    const [w1, w2] = W as [(typeof W)[0], (typeof W)[0]];
    await env.db.updateTable("positions").set({ required_jlpt_level: "N2" }).where("id", "=", PA1).execute();
    await env.db
      .updateTable("host_organizations")
      .set({ overseas_countries: ["VN"] })
      .where("id", "=", tokyo.orgId)
      .execute();
    await env.db
      .updateTable("applications")
      .set({ preferred_fields: ["sales"], preferred_jsic: ["E"] })
      .where("id", "=", a1.id)
      .execute();
    await env.db.updateTable("application_languages").set({ jlpt_level: "N1" }).where("application_id", "=", a1.id).where("kind", "=", "jlpt").execute();
    await env.db.updateTable("applications").set({ nationality: "TH" }).where("id", "=", a2.id).execute();

    const view = await getShortlistSuggestion(env.ctx, ministry, PA1);
    expect(view.position).toMatchObject({ title: "Sales A1", requiredJlptLevel: "N2", targetCountries: ["VN"], fields: ["sales"] });
    const ids = view.candidates.map((c) => c.id);
    expect(ids).toContain(w2.id);
    expect(ids).not.toContain(w1.id);
    expect(view.candidates[0]).toMatchObject({ id: a1.id, score: 8, maxScore: 9, listed: true, nationality: "VN" });
    expect(view.candidates[0]!.met.sort()).toEqual(["country", "field", "industry", "japanese"]);
    expect(view.candidates[0]!.missed).toEqual(["region"]);
    const second = view.candidates.find((c) => c.id === a2.id)!;
    expect(second.missed.sort()).toEqual(["country", "field", "japanese", "region"]);
    expect(view.candidates.at(-1)!.id).toBe(a2.id);
    expect(await caught(getShortlistSuggestion(env.ctx, tokyo.actor, PA1))).toBeInstanceOf(Error);
    expect(await caught(getShortlistSuggestion(env.ctx, operator, crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
  });
});
