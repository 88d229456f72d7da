/** Who may call which use case, on PGlite and PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "#src/domain/roles.ts";
import { listAuditLog } from "#src/services/audit/list-audit-log.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "#src/services/errors.ts";
import { listOutbox } from "#src/services/mail/list-outbox.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { inviteStaff } from "#src/services/staff/invite-staff.ts";
import { DATABASE_KINDS, type TestUser, actorFor, createUsersOfEveryRole, roundInput, useTestDatabase } from "./support/databases.ts";

const PAGE = { page: 1, size: 10 };

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let users: Record<UserRole, TestUser>;
  let operator: Actor;
  let roundId: string;

  beforeAll(async () => {
    users = await createUsersOfEveryRole(env);
    operator = actorFor(users.operator);
    ({ id: roundId } = await createRound(env.ctx, operator, roundInput()));
  });

  const counts = async () => {
    const [rounds, audit, invitations, mails] = await Promise.all([
      env.db
        .selectFrom("rounds")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
      env.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
      env.db
        .selectFrom("staff_invitations")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
      env.db
        .selectFrom("outbound_emails")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    return { rounds: rounds.n, audit: audit.n, invitations: invitations.n, mails: mails.n };
  };

  /** Each operator-only use case, as a thunk so that no rejection is left unobserved. */
  const operatorOnly = (actor: Actor | null): (() => Promise<unknown>)[] => [
    () => createRound(env.ctx, actor, roundInput()),
    () => transitionRoundPhase(env.ctx, actor, { roundId, to: "information_sessions" }),
    () => listAuditLog(env.ctx, actor, {}, PAGE),
    () => listOutbox(env.ctx, actor, {}, PAGE),
    () => inviteStaff(env.ctx, actor, { email: `new-${Math.random()}@test.jip.example`, role: "reviewer" }),
  ];

  it.each(["applicant", "host", "reviewer"] as const)("%s is forbidden every operator use case and every round read", async (role) => {
    const before = await counts();
    for (const twoFactorEnabled of [true, false]) {
      const actor = actorFor(users[role], { twoFactorEnabled });
      for (const call of operatorOnly(actor)) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listRounds(env.ctx, actor, PAGE)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getRoundDashboard(env.ctx, actor, roundId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await counts()).toEqual(before);
  });

  it("names the missing permission", async () => {
    const err = await createRound(env.ctx, actorFor(users.applicant), roundInput()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).permission).toBe("round.manage");
    const audit = await listAuditLog(env.ctx, actorFor(users.host), {}, PAGE).catch((e: unknown) => e);
    expect((audit as ForbiddenError).permission).toBe("audit.read");
  });

  it("an operator without two-factor enrolment must enrol first", async () => {
    const before = await counts();
    const actor = actorFor(users.operator, { twoFactorEnabled: false });
    for (const call of operatorOnly(actor)) await expect(call()).rejects.toBeInstanceOf(TwoFactorRequiredError);
    await expect(listRounds(env.ctx, actor, PAGE)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    await expect(getRoundDashboard(env.ctx, actor, roundId)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    expect(await counts()).toEqual(before);
  });

  it("nobody signed in is unauthenticated", async () => {
    for (const call of operatorOnly(null)) await expect(call()).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listRounds(env.ctx, null, PAGE)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getRoundDashboard(env.ctx, null, roundId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("is checked before the input: an outsider learns nothing from validation errors", async () => {
    await expect(createRound(env.ctx, actorFor(users.applicant), { nonsense: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRound(env.ctx, null, {})).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getRoundDashboard(env.ctx, actorFor(users.host), "no-such-round")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the ministry must enrol two-factor like all staff (issue 11 item 8)", async () => {
    const ministry = actorFor(users.ministry, { twoFactorEnabled: false });
    await expect(listRounds(env.ctx, ministry, PAGE)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    await expect(getRoundDashboard(env.ctx, ministry, roundId)).rejects.toBeInstanceOf(TwoFactorRequiredError);
  });

  it("the enrolled ministry reads rounds and dashboards, but changes nothing", async () => {
    {
      const ministry = actorFor(users.ministry, { twoFactorEnabled: true });
      const page = await listRounds(env.ctx, ministry, PAGE);
      expect(page.items.map((r) => r.id)).toContain(roundId);
      await expect(getRoundDashboard(env.ctx, ministry, roundId)).resolves.toMatchObject({ id: roundId, phase: "draft" });
      await expect(createRound(env.ctx, ministry, roundInput())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(transitionRoundPhase(env.ctx, ministry, { roundId, to: "information_sessions" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditLog(env.ctx, ministry, {}, PAGE)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listOutbox(env.ctx, ministry, {}, PAGE)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(inviteStaff(env.ctx, ministry, { email: "x@test.jip.example", role: "operator" })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("an enrolled operator may do all of it", async () => {
    await expect(listAuditLog(env.ctx, operator, {}, PAGE)).resolves.toMatchObject({ page: 1, size: 10 });
    await expect(listOutbox(env.ctx, operator, {}, PAGE)).resolves.toMatchObject({ page: 1 });
    await expect(getRoundDashboard(env.ctx, operator, roundId)).resolves.toMatchObject({ id: roundId });
  });

  it("getRoundDashboard of an unknown round is NotFound for those who may read rounds", async () => {
    await expect(getRoundDashboard(env.ctx, operator, "00000000-0000-4000-8000-00000000dead")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRoundDashboard(env.ctx, actorFor(users.ministry), "not-even-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
