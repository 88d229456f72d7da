/**
 * The operator's list of information sessions on PGlite and PostgreSQL:
 * paged on the server (total, page contents in order, the last page, a page
 * past the end), filtered by round and by status (upcoming / past /
 * cancelled, against the service clock), with the funnel counts per row.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { listOperatorSessions } from "#src/services/sessions/list-operator-sessions.ts";
import { DATABASE_KINDS, TestClock, type TestEnv, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";
import { caught } from "./support/expect-errors.ts";

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/** A two-hour online session starting at `startsAt`; returns its id. */
async function insertSession(env: TestEnv, roundId: string, title: string, startsAt: Date, cancelledAt: Date | null = null): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("information_sessions")
    .values({
      id,
      round_id: roundId,
      titles: JSON.stringify({ ja: `説明会 ${title}`, en: title }),
      mode: "online",
      meeting_url: "https://meet.example.org/jip",
      time_zone: "Asia/Tokyo",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * HOUR),
      language: "en",
      capacity: 30,
      audience: "applicants",
      cancelled_at: cancelledAt,
    })
    .execute();
  return id;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let applicant: Actor;
  let roundA: string;
  let roundB: string;
  /** Round A's twelve sessions: index i starts at START + (i - 6) days + 10 h; 2 and 9 are cancelled. */
  const a: string[] = [];
  /** Round B's three sessions: two start at the same instant (order by id), one ends exactly at START. */
  const b: string[] = [];

  const page = (n: number, size: number) => ({ page: n, size });
  const ids = (rows: { items: { id: string }[] }) => rows.items.map((s) => s.id);

  beforeAll(async () => {
    env.clock.reset();
    const [op, ap] = await Promise.all([createUser(env, "operator"), createUser(env, "applicant")]);
    operator = actorFor(op);
    applicant = actorFor(ap);
    roundA = await insertRecruitingRound(env, new Date("2027-06-30T14:59:00Z"));
    roundB = await insertRecruitingRound(env, new Date("2027-06-30T14:59:00Z"));
    const start = TestClock.START.getTime();
    for (let i = 0; i < 12; i++) {
      const startsAt = new Date(start + (i - 6) * DAY + 10 * HOUR);
      a.push(await insertSession(env, roundA, `A${i}`, startsAt, i === 2 || i === 9 ? new Date(start - 30 * DAY) : null));
    }
    const same = new Date(start - 20 * DAY);
    b.push(await insertSession(env, roundB, "B0", same), await insertSession(env, roundB, "B1", same));
    b.sort();
    b.push(await insertSession(env, roundB, "B2", new Date(start - 2 * HOUR)));
    // Two registered (one attended) and one waiting for A4, on round A's second page.
    await env.db
      .insertInto("session_registrations")
      .values(
        (["registered", "registered", "waitlisted"] as const).map((status, n) => ({
          id: crypto.randomUUID(),
          session_id: a[4]!,
          name: `Person ${n}`,
          email: `person${n}@example.org`,
          status,
          cancel_token_hash: `hash-${kind}-${n}`,
          attended: n === 0,
        })),
      )
      .execute();
  });

  it("pages one round newest first: the total, each page in order, the last page, a page past the end", async () => {
    const newestFirst = [...a].reverse();
    const first = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA }, page(1, 5));
    expect({ total: first.total, pages: first.pages, page: first.page, size: first.size }).toEqual({ total: 12, pages: 3, page: 1, size: 5 });
    expect(ids(first)).toEqual(newestFirst.slice(0, 5));
    expect(first.items.map((s) => s.title)).toEqual(["A11", "A10", "A9", "A8", "A7"]);
    expect(first.items.every((s) => s.roundName.startsWith("Recruiting round"))).toBe(true);

    const second = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA }, page(2, 5));
    expect(ids(second)).toEqual(newestFirst.slice(5, 10));
    const a4 = second.items.find((s) => s.id === a[4])!;
    expect({ registered: a4.registered, waitlisted: a4.waitlisted, attended: a4.attended, applications: a4.applications }).toEqual({
      registered: 2,
      waitlisted: 1,
      attended: 1,
      applications: 0,
    });

    const last = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA }, page(3, 5));
    expect(ids(last)).toEqual([a[1], a[0]]);
    expect(last.total).toBe(12);

    const beyond = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA }, page(4, 5));
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(12);

    // Every session appears exactly once across the pages.
    expect(new Set([...ids(first), ...ids(second), ...ids(last)])).toEqual(new Set(a));
  });

  it("lists every round without a round filter, ties on the start broken by id; reads ?page=&size= from the query string", async () => {
    const all = await listOperatorSessions(env.ctx, operator, "ja", {}, pageRequestFrom(new URLSearchParams()));
    expect({ total: all.total, pages: all.pages, size: all.size }).toEqual({ total: 15, pages: 1, size: 50 });
    expect(ids(all)).toEqual([...[...a].reverse().slice(0, 6), b[2], ...[...a].reverse().slice(6), b[0], b[1]]);
    expect(all.items.find((s) => s.id === a[0])!.title).toBe("説明会 A0");
    expect(all.items.find((s) => s.id === b[0])!.roundName.startsWith("募集回")).toBe(true);

    const paged = await listOperatorSessions(env.ctx, operator, "en", {}, pageRequestFrom(new URLSearchParams("page=3&size=7")));
    expect({ total: paged.total, pages: paged.pages, page: paged.page }).toEqual({ total: 15, pages: 3, page: 3 });
    expect(ids(paged)).toEqual([b[1]]);
  });

  it("filters by status against the clock (an ended session is past, a cancelled one is only cancelled), combined with the round and paged", async () => {
    const upcoming = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA, status: "upcoming" }, page(1, 2));
    expect({ total: upcoming.total, pages: upcoming.pages }).toEqual({ total: 5, pages: 3 });
    expect(ids(upcoming)).toEqual([a[11], a[10]]);
    const upcomingLast = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA, status: "upcoming" }, page(3, 2));
    expect(ids(upcomingLast)).toEqual([a[6]]);

    const past = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA, status: "past" }, page(1, 50));
    expect(ids(past)).toEqual([a[5], a[4], a[3], a[1], a[0]]);
    const cancelled = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundA, status: "cancelled" }, page(1, 50));
    expect(ids(cancelled)).toEqual([a[9], a[2]]);
    expect(cancelled.items.every((s) => s.cancelled)).toBe(true);

    // B2 ends exactly now: past, not upcoming.
    const pastB = await listOperatorSessions(env.ctx, operator, "en", { roundId: roundB, status: "past" }, page(1, 50));
    expect(ids(pastB)).toEqual([b[2], b[0], b[1]]);
    expect((await listOperatorSessions(env.ctx, operator, "en", { roundId: roundB, status: "upcoming" }, page(1, 50))).total).toBe(0);

    // Three days later, A6, A7 and A8 are over (A9 stays cancelled).
    env.clock.set(new Date(TestClock.START.getTime() + 3 * DAY));
    try {
      const later = await listOperatorSessions(env.ctx, operator, "en", { status: "upcoming" }, page(1, 50));
      expect(ids(later)).toEqual([a[11], a[10]]);
      expect((await listOperatorSessions(env.ctx, operator, "en", { status: "past" }, page(1, 50))).total).toBe(11);
    } finally {
      env.clock.reset();
    }
  });

  it("is for staff only", async () => {
    expect(await caught(listOperatorSessions(env.ctx, applicant, "en", {}, page(1, 5)))).toBeInstanceOf(ForbiddenError);
  });
});
