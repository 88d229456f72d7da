/**
 * Data rights complete (issue 19 item 7): deletion erases session registrations, group messages and
 * (after the retention period) audit IPs with the chain still verifiable; the export includes
 * registrations and messages; host members and session-only registrants export and delete; each
 * round's retention schedule is carried out by the retention job and audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { exportMyData } from "#src/services/applications/export-my-data.ts";
import { verifyAuditChain } from "#src/services/audit/verify-audit-chain.ts";
import { writeAudit } from "#src/services/audit/write-audit.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "#src/services/errors.ts";
import { applyRetention } from "#src/services/privacy/apply-retention.ts";
import { deleteRegistrantData, exportRegistrantData } from "#src/services/privacy/registrant-data.ts";
import { getRoundRetention, listRetentionSchedules, updateRoundRetention } from "#src/services/privacy/round-retention.ts";
import { newToken } from "#src/services/tokens.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";

const DAY = 24 * 3600_000;

async function insertSession(env: TestEnv, roundId: string, startsAt: Date, capacity = 30): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("information_sessions")
    .values({
      id,
      round_id: roundId,
      titles: JSON.stringify({ ja: "説明会", en: "Info session", vi: "Buổi giới thiệu" }),
      mode: "online",
      meeting_url: "https://meet.example.org/jip",
      time_zone: "Asia/Tokyo",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
      language: "en",
      capacity,
      audience: "applicants",
    })
    .execute();
  return id;
}

async function insertRegistration(
  env: TestEnv,
  sessionId: string,
  person: { email: string; name?: string; userId?: string | null; status?: string },
): Promise<{ id: string; token: string }> {
  const id = crypto.randomUUID();
  const { token, hash } = newToken();
  await env.db
    .insertInto("session_registrations")
    .values({
      id,
      session_id: sessionId,
      user_id: person.userId ?? null,
      name: person.name ?? "Lan Nguyen",
      email: person.email,
      country_code: "VN",
      affiliation: "Hanoi University",
      locale: "vi",
      status: person.status ?? "registered",
      cancel_token_hash: hash,
    })
    .execute();
  return { id, token };
}

async function insertMessage(env: TestEnv, to: { userId: string | null; email: string }): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("messages")
    .values({
      id,
      subject: JSON.stringify({ en: "Hello {name}", vi: "Chào {name}" }),
      body: JSON.stringify({ en: "The round opens soon.", vi: "Vòng tuyển sắp mở." }),
      audience_filter: JSON.stringify({}),
      sent_at: new Date(),
    })
    .execute();
  await env.db
    .insertInto("message_deliveries")
    .values({ message_id: id, recipient_user_id: to.userId, recipient_email: to.email, locale: "vi", recipient_name: "Lan" })
    .execute();
  return id;
}

async function insertApplication(env: TestEnv, roundId: string, userId: string, status: string): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("applications")
    .values({
      id,
      round_id: roundId,
      applicant_user_id: userId,
      status,
      family_name: "Nguyen",
      given_name: "Lan",
      date_of_birth: "1998-01-02",
      nationality: "VN",
      contact_email: "lan@example.org",
      phone: "+84 1",
      motivation_learn: "Kaizen",
    })
    .execute();
  return id;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let roundId: string;
  beforeAll(async () => {
    roundId = await insertRecruitingRound(env, new Date("2027-05-31T14:59:00Z"));
  });

  it("exports registrations and messages, and deleting the account erases them and old audit IPs, the chain still verifying", async () => {
    env.clock.set(new Date());
    const user = await createUser(env, "applicant", { locale: "vi" });
    const actor = { ...actorFor(user, { locale: "vi" }), ip: "198.51.100.7" };
    const session = await insertSession(env, roundId, new Date(Date.now() + 300 * DAY));
    const signedIn = await insertRegistration(env, session, { email: user.email, userId: user.id });
    const pastSession = await insertSession(env, roundId, new Date(Date.now() - 30 * DAY));
    const byEmail = await insertRegistration(env, pastSession, { email: user.email.toUpperCase() });
    await insertMessage(env, { userId: user.id, email: user.email });
    // One entry of theirs older than the IP retention period (90 days), one recent.
    await writeAudit(env.db, actor, { action: "test.old", entityType: "test", entityId: user.id });
    await new Promise((r) => setTimeout(r, 150));
    await writeAudit(env.db, actor, { action: "test.recent", entityType: "test", entityId: user.id });
    const old = await env.db
      .selectFrom("audit_log")
      .select(["id", "at"])
      .where("action", "=", "test.old")
      .where("entity_id", "=", user.id)
      .executeTakeFirstOrThrow();

    const data = (await exportMyData(env.ctx, actor)) as {
      sessionRegistrations: { name: string; session: { title: string } }[];
      messagesReceived: { subject: string }[];
    };
    expect(data.sessionRegistrations).toHaveLength(2);
    expect(data.sessionRegistrations[1]!.session.title).toBe("Buổi giới thiệu");
    expect(data.messagesReceived).toEqual([expect.objectContaining({ subject: "Chào Lan", body: "Vòng tuyển sắp mở." })]);

    // At the deletion the old entry is just past the IP retention period (90 days): its IP goes now;
    // the recent one, written 150 ms later, stays until the retention job reaches it.
    env.clock.set(new Date(new Date(old.at).getTime() + 90 * DAY + 20));
    await deleteMyAccount(env.ctx, actor, { password: user.password, confirm: "on" });
    env.clock.reset();

    const regs = await env.db.selectFrom("session_registrations").selectAll().where("id", "in", [signedIn.id, byEmail.id]).execute();
    expect(regs).toHaveLength(2);
    for (const r of regs) {
      expect(r).toMatchObject({ name: "", affiliation: null, user_id: null, country_code: "VN" });
      expect(r.email).not.toContain(user.email.split("@")[0]);
      expect(r.personal_data_erased_at).not.toBeNull();
    }
    expect(regs.find((r) => r.id === signedIn.id)!.status).toBe("cancelled");
    expect(await env.db.selectFrom("message_deliveries").select("message_id").where("recipient_email", "=", user.email).execute()).toEqual([]);
    const entries = await env.db
      .selectFrom("audit_log")
      .select(["action", "ip", "ip_salt"])
      .where("action", "in", ["test.old", "test.recent"])
      .where("entity_id", "=", user.id)
      .execute();
    expect(entries.find((e) => e.action === "test.old")).toMatchObject({ ip: null, ip_salt: null });
    expect(entries.find((e) => e.action === "test.recent")!.ip).toBe("198.51.100.7");
    const chain = await verifyAuditChain(env.ctx);
    expect(chain.broken).toBeNull();
    expect(chain.erased.ip).toBeGreaterThanOrEqual(1);
  });

  it("an erased IP leaves a salted digest that no longer matches the address", async () => {
    const user = await createUser(env, "applicant");
    await writeAudit(env.db, { ...actorFor(user), ip: "203.0.113.9" }, { action: "test.salted", entityType: "test", entityId: user.id });
    const e = await env.db
      .selectFrom("audit_log")
      .select(["ip_salt", "field_hashes"])
      .where("action", "=", "test.salted")
      .where("entity_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(e.ip_salt).toMatch(/^[0-9a-f]{32}$/);
    const { createHash } = await import("node:crypto");
    const unsalted = createHash("sha256").update(JSON.stringify("203.0.113.9")).digest("hex");
    expect(JSON.stringify(e.field_hashes)).not.toContain(unsalted);
  });

  it("a host member exports their data and deletes their account; the last admin of an organization with members is refused", async () => {
    const admin = await createUser(env, "host");
    const member = await createUser(env, "host");
    const orgId = crypto.randomUUID();
    await env.db
      .insertInto("host_organizations")
      .values({
        id: orgId,
        legal_form: "kk",
        kind: "sme",
        name_ja: "株式会社テスト",
        prefecture_code: "13",
        jsic_division: "E",
        employees: 10,
        overseas_status: "ongoing",
      })
      .execute();
    await env.db
      .insertInto("host_memberships")
      .values([
        { organization_id: orgId, user_id: admin.id, org_role: "admin" },
        { organization_id: orgId, user_id: member.id, org_role: "member" },
      ])
      .execute();
    await env.db
      .insertInto("host_invitations")
      .values({
        id: crypto.randomUUID(),
        organization_id: orgId,
        email: member.email,
        org_role: "member",
        token_hash: newToken().hash,
        invited_by: admin.id,
        expires_at: new Date("2030-01-01"),
      })
      .execute();
    const data = (await exportMyData(env.ctx, actorFor(member))) as { hostOrganizations: { organization: string; role: string }[] };
    expect(data.hostOrganizations).toEqual([expect.objectContaining({ organization: "株式会社テスト", role: "member" })]);

    const refused = await deleteMyAccount(env.ctx, actorFor(admin), { password: admin.password, confirm: "on" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).formErrors).toEqual([{ key: "rights.errors.lastAdmin" }]);

    await deleteMyAccount(env.ctx, actorFor(member), { password: member.password, confirm: "on" });
    expect(await env.db.selectFrom("user").select("id").where("id", "=", member.id).executeTakeFirst()).toBeUndefined();
    expect(await env.db.selectFrom("host_invitations").select("id").where("email", "=", member.email).execute()).toEqual([]);
    // Now alone, the admin may go too (the invitation they sent goes with them).
    await deleteMyAccount(env.ctx, actorFor(admin), { password: admin.password, confirm: "on" });
    expect(await env.db.selectFrom("host_memberships").select("user_id").where("organization_id", "=", orgId).execute()).toEqual([]);
  });

  it("staff have no self-service export or deletion", async () => {
    const op = actorFor(await createUser(env, "operator"));
    await expect(exportMyData(env.ctx, op)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMyAccount(env.ctx, op, { password: "x", confirm: "on" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a session-only registrant exports and erases their data with the link from their e-mail; whoever waits gets the place", async () => {
    env.clock.set(new Date());
    const email = `guest-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const full = await insertSession(env, roundId, new Date(Date.now() + 20 * DAY), 1);
    const mine = await insertRegistration(env, full, { email, name: "Somchai Srisuk" });
    const waiting = await insertRegistration(env, full, { email: `w-${email}`, name: "Waiting Person", status: "waitlisted" });
    const other = await insertSession(env, roundId, new Date(Date.now() - 5 * DAY));
    await insertRegistration(env, other, { email, name: "Somchai Srisuk" });
    await insertMessage(env, { userId: null, email });

    const data = (await exportRegistrantData(env.ctx, mine.token, "th")) as {
      email: string;
      sessionRegistrations: { name: string }[];
      messagesReceived: unknown[];
    };
    expect(data.email).toBe(email);
    expect(data.sessionRegistrations.map((r) => r.name)).toEqual(["Somchai Srisuk", "Somchai Srisuk"]);
    expect(data.messagesReceived).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("Waiting Person");

    await expect(deleteRegistrantData(env.ctx, mine.token, {})).rejects.toBeInstanceOf(ValidationError);
    expect(await deleteRegistrantData(env.ctx, mine.token, { confirm: "on" })).toEqual({ registrations: 2 });
    env.clock.reset();
    const left = await env.db.selectFrom("session_registrations").select(["id", "name", "status"]).where("session_id", "in", [full, other]).execute();
    expect(left.find((r) => r.id === mine.id)).toMatchObject({ name: "", status: "cancelled" });
    expect(left.find((r) => r.id === waiting.id)).toMatchObject({ status: "registered" });
    expect(left.filter((r) => r.name === "Somchai Srisuk")).toEqual([]);
    expect(await env.db.selectFrom("message_deliveries").select("message_id").where("recipient_email", "=", email).execute()).toEqual([]);
    // The link no longer opens anything.
    await expect(exportRegistrantData(env.ctx, mine.token, "th")).rejects.toBeInstanceOf(NotFoundError);
    const audit = await env.db.selectFrom("audit_log").select(["action", "after"]).where("entity_id", "=", mine.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["session.registrant_export", "session.registrant_erase"]);
    expect(JSON.stringify(audit)).not.toContain(email);
  });

  it("the operator sets a round's schedule (audited, bounded); the privacy notice lists it", async () => {
    const op = actorFor(await createUser(env, "operator"));
    const before = await getRoundRetention(env.ctx, op, roundId);
    expect(before).toMatchObject({ unselectedMonths: 12, participantsMonths: 60 });
    await expect(updateRoundRetention(env.ctx, op, roundId, { unselectedMonths: "0", participantsMonths: "60" })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRoundRetention(env.ctx, op, roundId, { unselectedMonths: "6", participantsMonths: "121" })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updateRoundRetention(env.ctx, actorFor(await createUser(env, "ministry")), roundId, { unselectedMonths: "6", participantsMonths: "36" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await updateRoundRetention(env.ctx, op, roundId, { unselectedMonths: "６", participantsMonths: "36" });
    const after = await getRoundRetention(env.ctx, op, roundId);
    expect(after).toMatchObject({ unselectedMonths: 6, participantsMonths: 36 });
    expect(after.unselectedErasedFrom!.toISOString()).toBe("2027-11-30T14:59:00.000Z");
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "round.retention_update")
      .where("entity_id", "=", roundId)
      .execute();
    expect(audit).toEqual([{ before: { unselectedMonths: 12, participantsMonths: 60 }, after: { unselectedMonths: 6, participantsMonths: 36 } }]);
    expect((await listRetentionSchedules(env.ctx)).find((s) => s.roundId === roundId)).toMatchObject({ unselectedMonths: 6 });
  });

  it("the retention job erases those not selected, then participants, then audit IPs, each audited, and does nothing twice", async () => {
    const closes = new Date("2027-03-31T14:59:00Z");
    const round = await insertRecruitingRound(env, closes);
    await env.db.updateTable("rounds").set({ retention_unselected_months: 3, retention_participants_months: 24 }).where("id", "=", round).execute();
    const people = await Promise.all([createUser(env, "applicant"), createUser(env, "applicant"), createUser(env, "applicant")]);
    const rejected = await insertApplication(env, round, people[0]!.id, "rejected");
    const draft = await insertApplication(env, round, people[1]!.id, "draft");
    const placed = await insertApplication(env, round, people[2]!.id, "placed");
    const session = await insertSession(env, round, new Date("2027-01-10T01:00:00Z"));
    const reg = await insertRegistration(env, session, { email: "visitor@example.org", name: "Visitor" });
    const mine = (r: Awaited<ReturnType<typeof applyRetention>>) => r.rounds.find((x) => x.roundId === round);

    const early = await applyRetention(env.ctx, new Date("2027-06-30T00:00:00Z"));
    expect(mine(early)).toBeUndefined();
    // Every audit IP written so far is older than 90 days by then: erased, audited, and the chain still verifies.
    expect(early.auditIps).toBeGreaterThan(0);
    const first = await applyRetention(env.ctx, new Date("2027-07-01T00:00:00Z"));
    expect(mine(first)).toEqual({ roundId: round, unselected: 2, participants: 0, registrations: 1 });
    const apps = await env.db.selectFrom("applications").selectAll().where("round_id", "=", round).execute();
    for (const id of [rejected, draft]) {
      expect(apps.find((a) => a.id === id)).toMatchObject({
        family_name: null,
        given_name: null,
        date_of_birth: null,
        contact_email: null,
        applicant_user_id: null,
        nationality: "VN",
      });
    }
    expect(apps.find((a) => a.id === rejected)!.status).toBe("rejected");
    expect(apps.find((a) => a.id === placed)).toMatchObject({ family_name: "Nguyen", applicant_user_id: people[2]!.id, personal_data_erased_at: null });
    expect(await env.db.selectFrom("session_registrations").select(["name", "email"]).where("id", "=", reg.id).executeTakeFirstOrThrow()).toMatchObject({
      name: "",
    });
    expect(mine(await applyRetention(env.ctx, new Date("2027-07-02T00:00:00Z")))).toBeUndefined();

    const later = await applyRetention(env.ctx, new Date("2029-03-31T15:00:00Z"));
    expect(mine(later)).toEqual({ roundId: round, unselected: 0, participants: 1, registrations: 0 });
    expect(await env.db.selectFrom("applications").select(["family_name", "status"]).where("id", "=", placed).executeTakeFirstOrThrow()).toEqual({
      family_name: null,
      status: "placed",
    });
    expect(await env.db.selectFrom("audit_log").select("id").where("ip", "is not", null).execute()).toEqual([]);
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_id", "=", round)
      .where("action", "=", "retention.erase")
      .execute();
    expect(audit.map((a) => a.after)).toEqual([
      { unselected: 2, participants: 0, registrations: 1, files: 0 },
      { unselected: 0, participants: 1, registrations: 0, files: 0 },
    ]);
    expect(await env.db.selectFrom("audit_log").select("after").where("action", "=", "retention.audit_ips").execute()).toContainEqual({
      after: { erased: early.auditIps, before: "2027-04-01T00:00:00.000Z" },
    });
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
  });
});
