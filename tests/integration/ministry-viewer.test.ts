/**
 * The ministry viewer (issue 11 item 8), on PGlite and PostgreSQL: signs in
 * with two-factor like all staff (tests/integration/authorization.test.ts),
 * and reads information sessions as aggregates — counts by status and
 * attendance — never a registrant's name or e-mail address; the operator
 * still sees each registration. docs/security.md › item 8.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TWO_FACTOR_ROLES, roleGrants } from "#src/domain/roles.ts";
import { TwoFactorRequiredError } from "#src/services/errors.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { getOperatorSession } from "#src/services/sessions/get-operator-session.ts";
import { markAttendance } from "#src/services/sessions/mark-attendance.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";

describe("the ministry's role", () => {
  it("must use two-factor authentication and may not see people by name", () => {
    expect(TWO_FACTOR_ROLES).toContain("ministry");
    expect(roleGrants("ministry", "people.read")).toBe(false);
    expect(roleGrants("operator", "people.read")).toBe(true);
  });
});

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let ministry: Actor;
  let sessionId: string;
  const people = [
    { name: "Nguyen Thi Lan", email: "lan.ministry-test@example.vn" },
    { name: "Budi Santoso", email: "budi.ministry-test@example.id" },
    { name: "Somchai Jaidee", email: "somchai.ministry-test@example.th" },
  ];

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    ministry = actorFor(await createUser(env, "ministry"));
    const roundId = (await createRound(env.ctx, operator, roundInput())).id;
    sessionId = (
      await createSession(env.ctx, operator, {
        roundId,
        titles: { ja: "説明会", en: "Ministry view session" },
        descriptions: {},
        mode: "in_person",
        meetingUrl: "",
        venue: "Hall D",
        city: "Hanoi",
        countryCode: "VN",
        timeZone: "Asia/Ho_Chi_Minh",
        startsAt: "2027-05-22T18:00",
        endsAt: "2027-05-22T20:00",
        language: "vi",
        capacity: "2",
        partnerOrganization: "",
        audience: "applicants",
      })
    ).id;
    for (const p of people) await registerForSession(env.ctx, null, { sessionId, ...p, countryCode: "VN", affiliation: "Hanoi University", locale: "en" });
  });

  it("the ministry sees the counts and no name or e-mail address; the operator sees each registration", async () => {
    const forOperator = await getOperatorSession(env.ctx, operator, sessionId, "en");
    expect(forOperator.registrations?.map((r) => r.email).sort()).toEqual(people.map((p) => p.email).sort());
    await markAttendance(env.ctx, operator, sessionId, [forOperator.registrations!.find((r) => r.status === "registered")!.id]);

    const forMinistry = await getOperatorSession(env.ctx, ministry, sessionId, "en");
    expect(forMinistry.registrations).toBeNull();
    expect(forMinistry.counts).toEqual({ registered: 2, waitlisted: 1, cancelled: 0, attended: 1 });
    const shown = JSON.stringify(forMinistry);
    for (const p of people) {
      expect(shown).not.toContain(p.email);
      expect(shown).not.toContain(p.name);
    }
    expect((await getOperatorSession(env.ctx, operator, sessionId, "en")).counts).toEqual(forMinistry.counts);
  });

  it("a ministry account without two-factor reads nothing", async () => {
    const unenrolled = actorFor(await createUser(env, "ministry"), { twoFactorEnabled: false });
    await expect(getOperatorSession(env.ctx, unenrolled, sessionId, "en")).rejects.toBeInstanceOf(TwoFactorRequiredError);
  });
});
