/**
 * The matching phase (issue 15) on PGlite and PostgreSQL: both sides rank, the operator runs the
 * engine on a frozen snapshot with and without a regional cap, compares, publishes; offers are
 * answered; a second round fills the freed seat. Selection's output comes from
 * tests/support/phase-inputs/selected-applicants.ts (the rows #14 would produce).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { solve } from "#src/domain/matching/index.ts";
import type { MatchingInstance } from "#src/domain/matching/index.ts";
import type { Actor } from "#src/services/context.ts";
import { NotFoundError, RefusedError } from "#src/services/errors.ts";
import { answerOfferAsApplicant } from "#src/services/matching/answer-offer-as-applicant.ts";
import { answerOfferAsHost } from "#src/services/matching/answer-offer-as-host.ts";
import { approveMatchingRun } from "#src/services/matching/approve-matching-run.ts";
import { getMatchingOverview } from "#src/services/matching/get-matching-overview.ts";
import { getMatchingRun } from "#src/services/matching/get-matching-run.ts";
import { getMyMatchingResult } from "#src/services/matching/get-my-matching-result.ts";
import { getMyRankList } from "#src/services/matching/get-my-rank-list.ts";
import { getPositionRankList } from "#src/services/matching/get-position-rank-list.ts";
import { listMyMatchingPositions } from "#src/services/matching/list-my-matching-positions.ts";
import { publishMatchingRun } from "#src/services/matching/publish-matching-run.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";
import { saveMyRankList } from "#src/services/matching/save-my-rank-list.ts";
import { savePositionRankList } from "#src/services/matching/save-position-rank-list.ts";
import { insertAcceptedHost, insertMatchingRound, insertSelectedApplicant } from "../support/phase-inputs/selected-applicants.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertHostWithAdmin } from "./support/host-organization.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const DAY = 24 * 60 * 60 * 1000;

const org = (env: TestEnv, name: string, prefecture: string) => insertHostWithAdmin(env, { nameJa: name, prefecture });

const ranks = (ids: string[], intent = "submit") => ({ intent, rank: Object.fromEntries(ids.map((id, i) => [id, String(i + 1)])) });

describe.each(DATABASE_KINDS)("matching phase on %s", (kind) => {
  const env = useTestDatabase(kind);
  let roundId: string;
  let operator: Actor;
  let ministry: Actor;
  let tokyo: { orgId: string; actor: Actor };
  let aichi: { orgId: string; actor: Actor };
  let PA1: string, PA2: string, PB1: string;
  const A: { id: string; actor: Actor }[] = [];

  beforeAll(async () => {
    env.clock.reset();
    roundId = await insertMatchingRound(env.db, { matchingClose: new Date(env.clock.now().getTime() + 10 * DAY) });
    operator = actorFor(await createUser(env, "operator"));
    ministry = actorFor(await createUser(env, "ministry"));
    tokyo = await org(env, "東京商事", "13");
    aichi = await org(env, "愛知精工", "23");
    [PA1, PA2] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: tokyo.orgId,
      positions: [
        { title: "Sales A1", prefectureCode: "13", capacity: 1 },
        { title: "Sales A2", prefectureCode: "13", capacity: 1 },
      ],
    })) as [string, string];
    [PB1] = (await insertAcceptedHost(env.db, {
      roundId,
      organizationId: aichi.orgId,
      positions: [{ title: "Engineer B1", prefectureCode: "23", capacity: 1 }],
    })) as [string];
    for (let i = 1; i <= 4; i++) {
      const user = await createUser(env, "applicant");
      const id = await insertSelectedApplicant(env.db, { roundId, userId: user.id, receiptNumber: `JIP-2027-00000${i}` });
      A.push({ id, actor: actorFor(user) });
    }
  });

  it("applicants rank positions; bad lists are refused with reasons", async () => {
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const mine = await getMyRankList(env.ctx, a1.actor);
    expect(mine?.positions.map((p) => p.id).sort()).toEqual([PA1, PA2, PB1].sort());
    expect(mine?.open).toBe(true);

    const dup = await validationErrorOf(saveMyRankList(env.ctx, a1.actor, { intent: "save", rank: { [PA1]: "1", [PB1]: "1" } }));
    expect(Object.keys(dup.fieldErrors).sort()).toEqual([`rank.${PA1}`, `rank.${PB1}`].sort());
    const range = await validationErrorOf(saveMyRankList(env.ctx, a1.actor, { intent: "save", rank: { [PA1]: "9" } }));
    expect(range.fieldErrors[`rank.${PA1}`]?.[0]?.key).toBe("matching.errors.rankOutOfRange");
    const foreign = await refusalOf(saveMyRankList(env.ctx, a1.actor, { intent: "save", rank: { [crypto.randomUUID()]: "1" } }));
    expect(foreign.refusals[0]?.code).toBe("not_rankable");
    const empty = await refusalOf(saveMyRankList(env.ctx, a1.actor, { intent: "submit", rank: {} }));
    expect(empty.refusals[0]?.code).toBe("empty_list");

    // Gaps are fine: 1, 3 orders like 1, 2. A saved draft is not submitted.
    await saveMyRankList(env.ctx, a1.actor, { intent: "save", rank: { [PB1]: "3", [PA1]: "1" } });
    const draft = await getMyRankList(env.ctx, a1.actor);
    expect(draft?.ranks).toEqual({ [PA1]: 1, [PB1]: 2 });
    expect(draft?.submittedAt).toBeNull();
    await saveMyRankList(env.ctx, a1.actor, ranks([PA1, PB1]));
    await saveMyRankList(env.ctx, a2.actor, ranks([PA1, PA2]));
    await saveMyRankList(env.ctx, a3.actor, ranks([PA1, PB1, PA2]));
    expect((await getMyRankList(env.ctx, a3.actor))?.submittedAt).not.toBeNull();
    const audit = await env.db.selectFrom("audit_log").select("action").where("action", "=", "rank_list.submit").execute();
    expect(audit.length).toBe(3);
  });

  it("hosts see limited profiles of their shortlist only and rank within it", async () => {
    const [a1, a2, a3, a4] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const view = await getPositionRankList(env.ctx, tokyo.actor, PA1);
    expect(view.shortlist.map((c) => c.applicationId).sort()).toEqual([a1.id, a2.id, a3.id].sort());
    const profile = view.shortlist[0]!;
    expect(profile.code).toMatch(/^JIP-2027-/);
    expect(JSON.stringify(profile)).not.toMatch(/Nguyen|Lan|2000-01-01|applicant\.example|\+84/);
    expect(profile.jlptLevel).toBe("N3");

    // a4 did not list PB1 yet: not on its shortlist.
    const notShortlisted = await refusalOf(savePositionRankList(env.ctx, aichi.actor, { positionId: PB1, form: ranks([a1.id, a4.id]) }));
    expect(notShortlisted.refusals[0]?.code).toBe("not_rankable");
    // Another organization's position: as if it did not exist.
    expect(await caught(getPositionRankList(env.ctx, aichi.actor, PA1))).toBeInstanceOf(NotFoundError);
    expect(await caught(savePositionRankList(env.ctx, aichi.actor, { positionId: PA1, form: ranks([a1.id]) }))).toBeInstanceOf(NotFoundError);

    await savePositionRankList(env.ctx, tokyo.actor, { positionId: PA1, form: ranks([a3.id, a1.id, a2.id]) });
    await savePositionRankList(env.ctx, tokyo.actor, { positionId: PA2, form: ranks([a2.id, a3.id]) });
    await savePositionRankList(env.ctx, aichi.actor, { positionId: PB1, form: ranks([a1.id, a3.id]) });
    const positions = await listMyMatchingPositions(env.ctx, tokyo.actor);
    expect(positions.map((p) => [p.title, p.shortlisted, p.ranked, p.submitted])).toEqual([
      ["Sales A1", 3, 3, true],
      ["Sales A2", 2, 2, true],
    ]);
  });

  it("runs with and without a regional cap, verifies, explains and compares the variants", async () => {
    const [a1, a2, a3] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0]];
    expect(await caught(runMatching(env.ctx, ministry, { roundId, form: {} }))).toBeInstanceOf(Error);
    const bad = await validationErrorOf(runMatching(env.ctx, operator, { roundId, form: { cap: { kanto: "x" } } }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["cap.kanto"]);

    const { runId: open } = await runMatching(env.ctx, operator, { roundId, form: { cap: {} } });
    const { runId: capped } = await runMatching(env.ctx, operator, { roundId, form: { cap: { kanto: "1" } } });
    const free = await getMatchingRun(env.ctx, ministry, open, capped);
    expect(free.verification).toMatchObject({ stable: true, feasible: true, notion: "stable", blockingPairs: [], violations: [] });
    const placed = Object.fromEntries(free.results.map((r) => [r.applicationId, r.positionId]));
    expect(placed).toEqual({ [a1.id]: PB1, [a2.id]: PA2, [a3.id]: PA1 });
    expect(free.inputHash).toMatch(/^[0-9a-f]{64}$/);
    // a1 wanted PA1 first: it filled its one place with someone it ranked higher.
    const why = free.results.find((r) => r.applicationId === a1.id)!.explanation;
    expect(why.rank).toBe(2);
    expect(why.higherChoices[0]).toMatchObject({ code: "HOST_FULL_WITH_HIGHER_RANKED", host: PA1, capacity: 1 });

    const cap = await getMatchingRun(env.ctx, operator, capped, open);
    expect(cap.verification).toMatchObject({ stable: true, feasible: true, notion: "weakly-stable-with-regional-caps" });
    expect(cap.regions.find((r) => r.code === "kanto")).toMatchObject({ matched: 1, cap: 1, seats: 2 });
    expect(cap.matched).toBe(2);
    expect(cap.comparison?.matched).toBe(3);
    expect(cap.comparison?.regions.kanto).toBe(2);
    expect(cap.comparison?.differences.length).toBeGreaterThan(0);
    const blocked = cap.results.find((r) => r.positionId === null)!;
    expect(blocked.explanation.higherChoices.some((c) => c.code === "REGION_CAP_REACHED")).toBe(true);

    // The stored instance re-solves to the stored matching (what the certificate's download is for).
    const stored = await env.db.selectFrom("matching_runs").select("instance").where("id", "=", capped).executeTakeFirstOrThrow();
    const again = solve(stored.instance as unknown as MatchingInstance);
    expect(Object.fromEntries(again.assignments.map((x) => [x.applicant, x.host]))).toEqual(
      Object.fromEntries(cap.results.filter((r) => r.positionId).map((r) => [r.applicationId, r.positionId])),
    );

    const overview = await getMatchingOverview(env.ctx, operator, roundId);
    expect(overview.runs.map((r) => r.status)).toEqual(["computed", "computed"]);
    expect(overview.next).toMatchObject({ stage: 1, applicants: 3, positions: 3, seats: 3 });
  });

  it("refuses to publish a run whose inputs changed, publishes it once they are back, and keeps it as it was", async () => {
    const [a1] = A as [(typeof A)[0]];
    const runs = await env.db.selectFrom("matching_runs").select(["id", "region_caps"]).where("round_id", "=", roundId).execute();
    const open = runs.find((r) => Object.keys(r.region_caps as object).length === 0)!.id;
    await approveMatchingRun(env.ctx, operator, { runId: open, form: { approvedOn: "2027-08-01", reference: "Minutes 12" } });
    await saveMyRankList(env.ctx, a1.actor, ranks([PB1, PA1]));
    const changed = await refusalOf(publishMatchingRun(env.ctx, operator, open));
    expect(changed.refusals[0]?.code).toBe("inputs_changed");
    await saveMyRankList(env.ctx, a1.actor, ranks([PA1, PB1]));
    expect(await caught(publishMatchingRun(env.ctx, ministry, open))).toBeInstanceOf(Error);
    await publishMatchingRun(env.ctx, operator, open);
    const after = await env.db.selectFrom("matching_runs").select(["id", "status"]).where("round_id", "=", roundId).execute();
    expect(after.find((r) => r.id === open)?.status).toBe("published");
    expect(after.find((r) => r.id !== open)?.status).toBe("discarded");
    const again = await refusalOf(publishMatchingRun(env.ctx, operator, open));
    expect(again.refusals[0]?.code).toBe("not_computed");
    const offers = await env.db.selectFrom("offers").selectAll().where("run_id", "=", open).execute();
    expect(offers).toHaveLength(3);
    expect(offers.every((o) => o.status === "pending" && o.respond_by?.getTime() === env.clock.now().getTime() + 7 * DAY)).toBe(true);
    expect((await env.db.selectFrom("rounds").select("matching_published").where("id", "=", roundId).executeTakeFirstOrThrow()).matching_published).toBe(true);
  });

  it("offers: both accept → matched (history, audit); a decline frees the seat; a second round fills it", async () => {
    const [a1, a2, a3, a4] = A as [(typeof A)[0], (typeof A)[0], (typeof A)[0], (typeof A)[0]];
    const r3 = await getMyMatchingResult(env.ctx, a3.actor);
    expect(r3?.result?.positionId).toBe(PA1);
    const o3 = r3!.offers[0]!;
    expect(await caught(answerOfferAsApplicant(env.ctx, a1.actor, { offerId: o3.id, form: { answer: "accepted" } }))).toBeInstanceOf(NotFoundError);
    expect(await caught(answerOfferAsHost(env.ctx, aichi.actor, { offerId: o3.id, form: { answer: "accepted" } }))).toBeInstanceOf(NotFoundError);
    await validationErrorOf(answerOfferAsApplicant(env.ctx, a3.actor, { offerId: o3.id, form: { answer: "maybe" } }));
    expect(await answerOfferAsApplicant(env.ctx, a3.actor, { offerId: o3.id, form: { answer: "accepted" } })).toEqual({ status: "pending" });
    expect(await answerOfferAsHost(env.ctx, tokyo.actor, { offerId: o3.id, form: { answer: "accepted" } })).toEqual({ status: "accepted" });
    const app3 = await env.db.selectFrom("applications").select("status").where("id", "=", a3.id).executeTakeFirstOrThrow();
    expect(app3.status).toBe("matched");
    const history = await env.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status"])
      .where("application_id", "=", a3.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(history).toEqual({ from_status: "selected", to_status: "matched" });
    const settled = await refusalOf(answerOfferAsHost(env.ctx, tokyo.actor, { offerId: o3.id, form: { answer: "declined" } }));
    expect(settled.refusals[0]?.code).toBe("offer_settled");

    // a1 declines PB1: the seat is free again; a1 leaves matching.
    const o1 = (await getMyMatchingResult(env.ctx, a1.actor))!.offers[0]!;
    expect(await answerOfferAsApplicant(env.ctx, a1.actor, { offerId: o1.id, form: { answer: "declined" } })).toEqual({ status: "declined" });
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "in", [o1.id, o3.id]).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(["offer.applicant_accept", "offer.applicant_decline", "offer.host_accept"]);

    // a2's offer runs out: past its deadline it can no longer be answered.
    const o2 = (await getMyMatchingResult(env.ctx, a2.actor))!.offers[0]!;
    env.clock.advance(8 * DAY);
    const late = await refusalOf(answerOfferAsApplicant(env.ctx, a2.actor, { offerId: o2.id, form: { answer: "accepted" } }));
    expect(late.refusals[0]).toMatchObject({ code: "offer_expired" });
    expect(late.refusals[0]?.at).toBeInstanceOf(Date);

    // Ranking closed (10 days) — refused with the deadline.
    env.clock.advance(3 * DAY);
    const closed = await refusalOf(saveMyRankList(env.ctx, a4.actor, ranks([PB1])));
    expect(closed.refusals[0]).toMatchObject({ code: "ranking_closed" });
    expect(closed).toBeInstanceOf(RefusedError);
    // The operator extends the deadline; a4 (late from selection's waiting list) ranks PB1 and PB1 adds a4.
    await env.db
      .updateTable("round_deadlines")
      .set({ due_at: new Date(env.clock.now().getTime() + 5 * DAY) })
      .where("round_id", "=", roundId)
      .execute();
    await saveMyRankList(env.ctx, a4.actor, ranks([PB1, PA2]));
    await savePositionRankList(env.ctx, aichi.actor, { positionId: PB1, form: ranks([a1.id, a3.id, a4.id]) });

    const overview = await getMatchingOverview(env.ctx, operator, roundId);
    // Stage 2: a2 (offer expired) and a4; seats PB1 (declined) and PA2 (expired).
    expect(overview.next).toMatchObject({ stage: 2, applicants: 2, positions: 2, seats: 2 });
    const { runId } = await runMatching(env.ctx, operator, { roundId, form: {} });
    const second = await getMatchingRun(env.ctx, operator, runId);
    expect(second.stage).toBe(2);
    expect(Object.fromEntries(second.results.map((r) => [r.applicationId, r.positionId]))).toEqual({ [a2.id]: PA2, [a4.id]: PB1 });
    await approveMatchingRun(env.ctx, operator, { runId, form: { approvedOn: "2027-08-20", reference: "Minutes 13" } });
    await publishMatchingRun(env.ctx, operator, runId);
    const withdrawn = await env.db.selectFrom("offers").select("status").where("id", "=", o2.id).executeTakeFirstOrThrow();
    expect(withdrawn.status).toBe("withdrawn");
    const r4 = await getMyMatchingResult(env.ctx, a4.actor);
    expect(r4?.offers[0]).toMatchObject({ positionId: PB1, status: "pending" });
    // The first run stays as published.
    const first = await env.db
      .selectFrom("matching_runs")
      .select(["stage", "status"])
      .where("round_id", "=", roundId)
      .where("status", "=", "published")
      .orderBy("stage")
      .execute();
    expect(first).toEqual([
      { stage: 1, status: "published" },
      { stage: 2, status: "published" },
    ]);
    // The host sees its offers and why it did not get higher-ranked candidates.
    const pb1 = await getPositionRankList(env.ctx, aichi.actor, PB1);
    expect(pb1.offers.map((o) => [o.stage, o.status])).toEqual([
      [1, "declined"],
      [2, "pending"],
    ]);
    expect(pb1.explanation?.stage).toBe(2);
  });
});
