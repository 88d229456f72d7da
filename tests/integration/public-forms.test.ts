/**
 * Abuse of public forms (issue 11 item 6), on PGlite and PostgreSQL: the forms
 * that send an e-mail to a typed address — forgot-password, sign-up and an
 * information-session registration — are throttled per address (across
 * clients) and per client (across addresses and forms), atomically even when
 * the requests come all at once, with the same answer for addresses with and
 * without an account. docs/security.md › item 6.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FORGET_AFTER_MS } from "#src/services/auth/login-rate-limit.ts";
import { requestPasswordReset } from "#src/services/auth/request-password-reset.ts";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import { ValidationError } from "#src/services/errors.ts";
import { PER_ADDRESS, PER_CLIENT } from "#src/services/public-send-throttle.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";

const STRONG = "violet-harbour-lantern-42";
const unique = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@forms.test.jip.example`;
let clientNo = 0;
/** A client address no other test uses. */
const newClient = () => `198.51.100.${++clientNo}-${crypto.randomUUID().slice(0, 4)}`;

/** "throttled" for the throttle's refusal, "ok" otherwise; anything else fails the test. */
async function outcome(p: Promise<unknown>): Promise<"ok" | "throttled"> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof ValidationError && err.formErrors.some((e) => e.key === "security.tooManyRequests")) return "throttled";
    throw err;
  }
}

const count = (xs: string[], v: string) => xs.filter((x) => x === v).length;

async function mailsTo(env: TestEnv, to: string, template: string): Promise<number> {
  const rows = await env.db.selectFrom("outbound_emails").select("id").where("to_address", "=", to).where("template", "=", template).execute();
  return rows.length;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let sessionId: string;

  beforeAll(async () => {
    const operator = actorFor(await createUser(env, "operator"));
    const roundId = (await createRound(env.ctx, operator, roundInput())).id;
    sessionId = (
      await createSession(env.ctx, operator, {
        roundId,
        titles: { ja: "説明会", en: "Throttled session" },
        descriptions: {},
        mode: "in_person",
        meetingUrl: "",
        venue: "Hall C",
        city: "Hanoi",
        countryCode: "VN",
        timeZone: "Asia/Ho_Chi_Minh",
        startsAt: "2027-05-20T18:00",
        endsAt: "2027-05-20T20:00",
        language: "vi",
        capacity: "100",
        partnerOrganization: "",
        audience: "applicants",
      })
    ).id;
  });

  const registration = (email: string) => ({ sessionId, name: "P", email, countryCode: "VN", affiliation: "", locale: "en" });

  it("one client cannot fill a session with made-up addresses, even all at once; another client still registers", async () => {
    const client = newClient();
    const results = await Promise.all(
      Array.from({ length: PER_CLIENT + 5 }, () => outcome(registerForSession(env.ctx, null, registration(unique("fake")), client))),
    );
    expect(count(results, "ok")).toBe(PER_CLIENT);
    expect(count(results, "throttled")).toBe(5);
    const held = await env.db.selectFrom("session_registrations").select("id").where("session_id", "=", sessionId).execute();
    expect(held.length).toBe(PER_CLIENT);
    expect(await outcome(registerForSession(env.ctx, null, registration(unique("real")), newClient()))).toBe("ok");
    // The refusal says when to try again, in the visitor's words.
    const refused = await registerForSession(env.ctx, null, registration(unique("fake")), client).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).formErrors).toEqual([{ key: "security.tooManyRequests", params: { minutes: 1 } }]);
  });

  it("one address gets a few confirmations, from any number of clients, then no more until it has been quiet", async () => {
    const victim = unique("victim");
    const results: string[] = [];
    for (let i = 0; i < PER_ADDRESS + 2; i++) results.push(await outcome(registerForSession(env.ctx, null, registration(victim), newClient())));
    expect(results).toEqual([...Array<string>(PER_ADDRESS).fill("ok"), "throttled", "throttled"]);
    expect(await mailsTo(env, victim, "sessionRegistered")).toBe(PER_ADDRESS);
    env.clock.advance(FORGET_AFTER_MS + 1000);
    expect(await outcome(registerForSession(env.ctx, null, registration(victim), newClient()))).toBe("ok");
    env.clock.reset();
  });

  it("forgot-password: a few links per address from many clients, and a limit per client across addresses; the same for addresses without an account", async () => {
    const owner = await createUser(env, "applicant");
    const nobody = unique("nobody");
    for (const address of [owner.email, nobody]) {
      const results: string[] = [];
      for (let i = 0; i < PER_ADDRESS + 1; i++) results.push(await outcome(requestPasswordReset(env.ctx, { email: address }, "en", newClient())));
      expect(results, address).toEqual([...Array<string>(PER_ADDRESS).fill("ok"), "throttled"]);
    }
    expect(await mailsTo(env, owner.email, "resetPassword")).toBe(PER_ADDRESS);

    const client = newClient();
    const spray = await Promise.all(
      Array.from({ length: PER_CLIENT + 3 }, () => outcome(requestPasswordReset(env.ctx, { email: unique("spray") }, "en", client))),
    );
    expect(count(spray, "ok")).toBe(PER_CLIENT);
    // The client's budget is shared by every e-mail-sending form.
    expect(await outcome(registerForSession(env.ctx, null, registration(unique("other-form")), client))).toBe("throttled");
  });

  it("sign-up: a few per address (with or without an account already), then refused alike", async () => {
    const existing = await createUser(env, "applicant");
    for (const address of [existing.email, unique("newcomer")]) {
      const results: string[] = [];
      for (let i = 0; i < PER_ADDRESS + 1; i++) {
        results.push(await outcome(signUpApplicant(env.ctx, { name: "Lan", email: address, password: STRONG, passwordConfirm: STRONG }, "en", newClient())));
      }
      expect(results, address).toEqual([...Array<string>(PER_ADDRESS).fill("ok"), "throttled"]);
    }
  });
});
