/**
 * Check-ins (issue 16, ADR 0035) on PGlite and PostgreSQL: the operator
 * records the mid-term interview with notes and a follow-up; a day outside
 * the placement is refused; a host member is refused; audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { listCheckIns, recordCheckIn } from "#src/services/internship/check-ins.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertRound, orgWithMember, placedIntern } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let roundId: string;
  let placementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    roundId = await insertRound(env, `FY2027 check-ins ${kind}`);
    placementId = await placedIntern(env, operator, { roundId, orgId: host.orgId, today: "2027-11-15T03:00:00Z" });
  });

  it("records the mid-term interview with notes and a follow-up", async () => {
    const bad = await validationErrorOf(recordCheckIn(env.ctx, operator, { placementId, kind: "party", day: "2027-11-12" }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["kind"]);
    const outside = await refusalOf(recordCheckIn(env.ctx, operator, { placementId, kind: "check_in", day: "2028-01-10" }));
    expect(outside.refusals.map((r) => r.code)).toEqual(["last_day_outside"]);
    expect(await caught(recordCheckIn(env.ctx, host.actor, { placementId, kind: "check_in", day: "2027-11-12" }))).toBeInstanceOf(ForbiddenError);

    await recordCheckIn(env.ctx, operator, {
      placementId,
      kind: "mid_term_interview",
      day: "2027-11-12",
      notes: "Settled in; wants more customer contact.",
      followUp: "Supervisor to add two client visits.",
    });
    await recordCheckIn(env.ctx, operator, { placementId, kind: "check_in", day: "2027-10-20" });
    const view = await listCheckIns(env.ctx, operator, roundId);
    expect(view.checkIns.map((c) => [c.day, c.kind, c.internName, c.followUp])).toEqual([
      ["2027-11-12", "mid_term_interview", "Somchai Srisuk", "Supervisor to add two client visits."],
      ["2027-10-20", "check_in", "Somchai Srisuk", null],
    ]);
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", placementId).where("action", "=", "check_in.record").execute();
    expect(audit).toHaveLength(2);
  });
});
