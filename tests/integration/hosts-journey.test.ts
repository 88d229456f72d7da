/** The host journey (issue 6) on PGlite and PostgreSQL: organization, members, host application, operator screening. */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOST_PLAN, HOST_POSITION, hostOrgInput } from "../support/host-inputs.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, RefusedError } from "#src/services/errors.ts";
import { getHostHome } from "#src/services/hosts/get-host-home.ts";
import { getMyHostApplication } from "#src/services/hosts/get-my-host-application.ts";
import { removePosition } from "#src/services/hosts/remove-position.ts";
import { saveHostApplication } from "#src/services/hosts/save-host-application.ts";
import { savePosition } from "#src/services/hosts/save-position.ts";
import { submitHostApplication } from "#src/services/hosts/submit-host-application.ts";
import { acceptHostInvitation } from "#src/services/hosts/accept-host-invitation.ts";
import { changeMemberRole } from "#src/services/hosts/change-member-role.ts";
import { findOpenHostInvitation } from "#src/services/hosts/find-open-host-invitation.ts";
import { inviteMember } from "#src/services/hosts/invite-member.ts";
import { removeMember } from "#src/services/hosts/remove-member.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { requestToJoin } from "#src/services/hosts/request-to-join.ts";
import { countHostApplications } from "#src/services/hosts/host-application-rows.ts";
import { decideHostApplication } from "#src/services/hosts/decide-host-application.ts";
import { exportHostApplicationsCsv } from "#src/services/hosts/export-host-applications-csv.ts";
import { getHostApplicationReview } from "#src/services/hosts/get-host-application-review.ts";
import { listHostApplications } from "#src/services/hosts/list-host-applications.ts";
import { signUpHost } from "#src/services/hosts/sign-up-host.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { DATABASE_KINDS, PUBLIC_URL, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { sentText } from "./support/mail.ts";
import { refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const orgInput = (overrides: Record<string, unknown> = {}) => hostOrgInput({ overseasCountries: "vn, TH", workLanguages: ["ja", "en"], ...overrides });
const PLAN = { ...HOST_PLAN, goals: ["overseas_expansion", "university_network"], goalsDescription: "東南アジアの市場調査。" };
const POSITION = { ...HOST_POSITION, capacity: "2", fields: "営業, マーケティング" };

async function hostActor(env: TestEnv, name = "Host User"): Promise<Actor> {
  return actorFor(await createUser(env, "host", { name }));
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;
  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator", { name: "Operator Sato" }));
    env.clock.reset();
    roundId = (await createRound(env.ctx, operator, roundInput({ deadlines: { host_application_close: "2027-05-31T23:59" } }))).id;
    await env.db.updateTable("rounds").set({ phase: "recruitment" }).where("id", "=", roundId).execute();
  });
  beforeEach(() => env.clock.reset());
  /** The operator's verification of a new organization (ADR 0029; tested in org-verification.test.ts). */
  async function verified(result: Awaited<ReturnType<typeof registerOrganization>>): Promise<void> {
    if (result.kind === "created")
      await env.db.updateTable("host_organizations").set({ verification_status: "verified" }).where("id", "=", result.id).execute();
  }

  it("host sign-up creates an unverified account with the host role", async () => {
    const email = `signup-${crypto.randomUUID().slice(0, 8)}@host.test.jip.example`;
    await signUpHost(env.ctx, { name: "Taro", email, password: "host-password-1", passwordConfirm: "host-password-1" }, "ja");
    const user = await env.db.selectFrom("user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "host", emailVerified: false, locale: "ja" });
  });

  it("registration refuses bad input with the rule that failed, and creates nothing", async () => {
    const host = await hostActor(env);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ corporateNumber: "8000012050002" }, "corporateNumber", "hostForm.errors.corporateNumber.checkDigit"],
      [{ corporateNumber: "700001205000" }, "corporateNumber", "hostForm.errors.corporateNumber.length"],
      [{ corporateNumber: "70000120500O2" }, "corporateNumber", "hostForm.errors.corporateNumber.digits"],
      [{ employees: "12.5" }, "employees", "errors.wholeNumber"],
      [{ employees: "-3" }, "employees", "errors.wholeNumber"],
      [{ nameJa: "<b>株式会社</b>" }, "nameJa", "hostForm.errors.html"],
      [{ prefectureCode: "48" }, "prefectureCode", "hostForm.errors.prefecture"],
      [{ workLanguages: [] }, "workLanguages", "hostForm.errors.workLanguages"],
      [{ overseasCountries: "Vietnam" }, "overseasCountries", "hostCountries.errors.invalid"],
      [{ overseasCountries: "VN, QQ" }, "overseasCountries", "hostCountries.errors.unknown"],
      [{ website: "javascript:alert(1)" }, "website", "hostForm.errors.website"],
    ];
    for (const [override, field, key] of cases) {
      const err = await validationErrorOf(registerOrganization(env.ctx, host, orgInput(override)));
      expect(err.fieldErrors[field]?.[0]?.key, JSON.stringify(override)).toBe(key);
    }
    expect((await getHostHome(env.ctx, host)).organization).toBeNull();
  });

  it("registers an organization: the registrant is admin, size class and region derived, audited", async () => {
    const host = await hostActor(env);
    const input = orgInput();
    const result = await registerOrganization(env.ctx, host, input);
    expect(result.kind).toBe("created");
    const home = await getHostHome(env.ctx, host);
    expect(home.orgRole).toBe("admin");
    expect(home.organization).toMatchObject({
      corporateNumber: input.corporateNumber,
      region: "hokkaido",
      sizeClass: "10to99",
      capitalYen: 10_000_000,
      overseasCountries: ["VN", "TH"],
      workLanguages: ["ja", "en"],
    });
    const audit = await env.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "host_organization.register")
      .where("entity_id", "=", home.organization!.id)
      .execute();
    expect(audit).toHaveLength(1);
    // An operator is not a host member.
    await expect(registerOrganization(env.ctx, operator, orgInput())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a second registration of the same corporate number offers to ask the admin, who is e-mailed", async () => {
    const admin = actorFor(await createUser(env, "host", { name: "Admin A", locale: "ja" }));
    const input = orgInput();
    await registerOrganization(env.ctx, admin, input);
    const other = await hostActor(env, "Newcomer B");
    const again = await registerOrganization(env.ctx, other, orgInput({ corporateNumber: `${input.corporateNumber}`.replace(/^(\d)(\d{4})/, "$1-$2") }));
    expect(again).toEqual({ kind: "exists", nameJa: "テスト工業株式会社", corporateNumber: input.corporateNumber });
    await requestToJoin(env.ctx, other, { corporateNumber: input.corporateNumber });
    const mail = await env.db
      .selectFrom("outbound_emails")
      .selectAll()
      .where("to_address", "=", admin.email)
      .where("template", "=", "hostJoinRequest")
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("ja");
    expect(mail.body_text).toContain(other.email);
    expect((await getHostHome(env.ctx, other)).organization).toBeNull();
  });

  it("the admin invites a colleague who creates an account; roles change and members are removed, all audited; one admin always remains", async () => {
    const admin = await hostActor(env, "Admin C");
    await registerOrganization(env.ctx, admin, orgInput());
    const email = `colleague-${crypto.randomUUID().slice(0, 8)}@host.test.jip.example`;
    await inviteMember(env.ctx, admin, { email, orgRole: "member", locale: "en" });
    const mail = await env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", email).executeTakeFirstOrThrow();
    expect(mail.template).toBe("hostInvitation");
    const token = new RegExp(`${PUBLIC_URL}/en/host/invitation/([A-Za-z0-9_-]+)`).exec(sentText(env, mail))![1]!;
    expect(await findOpenHostInvitation(env.ctx, token)).toMatchObject({ email, orgRole: "member", hasAccount: false });
    const bad = await validationErrorOf(acceptHostInvitation(env.ctx, null, token, { name: "Col", password: "short", passwordConfirm: "short" }, "en"));
    expect(bad.fieldErrors.password?.[0]?.key).toBe("errors.passwordTooShort");
    await acceptHostInvitation(env.ctx, null, token, { name: "Colleague D", password: "colleague-pass-1", passwordConfirm: "colleague-pass-1" }, "en");
    await expect(findOpenHostInvitation(env.ctx, token)).rejects.toBeInstanceOf(NotFoundError);
    const home = await getHostHome(env.ctx, admin);
    expect(home.members.map((m) => [m.name, m.orgRole])).toEqual([
      ["Admin C", "admin"],
      ["Colleague D", "member"],
    ]);
    const colleagueId = home.members[1]!.userId;
    const colleague = actorFor({ id: colleagueId, email, name: "Colleague D", role: "host" });
    // A member may not manage members.
    await expect(inviteMember(env.ctx, colleague, { email: "x@host.test.jip.example", orgRole: "member" })).rejects.toBeInstanceOf(ForbiddenError);
    // The only admin cannot step down.
    const last = await refusalOf(changeMemberRole(env.ctx, colleague.userId === admin.userId ? colleague : admin, { userId: admin.userId, orgRole: "member" }));
    expect([last.messages, last.refusals]).toEqual(["hostOrg.refusals", [{ code: "last_admin" }]]);
    await changeMemberRole(env.ctx, admin, { userId: colleagueId, orgRole: "admin" });
    await changeMemberRole(env.ctx, colleague, { userId: admin.userId, orgRole: "member" });
    await removeMember(env.ctx, colleague, { userId: admin.userId });
    expect((await getHostHome(env.ctx, colleague)).members.map((m) => m.orgRole)).toEqual(["admin"]);
    // Someone else's membership looks like nothing.
    const stranger = await hostActor(env);
    await registerOrganization(env.ctx, stranger, orgInput());
    await expect(removeMember(env.ctx, stranger, { userId: colleagueId })).rejects.toBeInstanceOf(NotFoundError);
    const actions = await env.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "host_member.%")
      .where("actor_user_id", "in", [admin.userId, colleagueId])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["host_member.change_role", "host_member.change_role", "host_member.invite", "host_member.remove"]);
  });

  it("host application: plan, positions (bad input refused), submission with a receipt, read-only after the deadline", async () => {
    const host = await hostActor(env);
    await verified(await registerOrganization(env.ctx, host, orgInput()));
    const noAgree = await validationErrorOf(saveHostApplication(env.ctx, host, roundId, { ...PLAN, agreesWithPurpose: undefined, goals: [] }));
    expect(noAgree.fieldErrors.agreesWithPurpose?.[0]?.key).toBe("hostApplication.errors.agree");
    expect(noAgree.fieldErrors.goals?.[0]?.key).toBe("hostApplication.errors.goals");
    const early = await refusalOf(savePosition(env.ctx, host, roundId, null, POSITION));
    expect([early.messages, early.refusals]).toEqual(["hostApplication.refusals", [{ code: "save_first" }]]);
    await saveHostApplication(env.ctx, host, roundId, PLAN);
    const noPositions = await refusalOf(submitHostApplication(env.ctx, host, roundId));
    expect(noPositions.refusals).toEqual([{ code: "no_positions" }]);

    const bad = await validationErrorOf(
      savePosition(env.ctx, host, roundId, null, {
        ...POSITION,
        capacity: "0",
        prefectureCode: "99",
        description: "<script>x</script>",
        periodEnd: "2027-09-01",
      }),
    );
    expect(bad.fieldErrors.capacity?.[0]?.key).toBe("hostApplication.errors.capacity");
    expect(bad.fieldErrors.prefectureCode?.[0]?.key).toBe("hostForm.errors.prefecture");
    expect(bad.fieldErrors.description?.[0]?.key).toBe("hostForm.errors.html");
    expect(bad.fieldErrors.periodEnd?.[0]?.key).toBe("hostApplication.errors.period");
    const one = await savePosition(env.ctx, host, roundId, null, POSITION);
    const two = await savePosition(env.ctx, host, roundId, null, { ...POSITION, title: "Engineer", language: "english", capacity: "1" });
    const extra = await savePosition(env.ctx, host, roundId, null, { ...POSITION, title: "Extra" });
    await removePosition(env.ctx, host, roundId, extra.id);
    await savePosition(env.ctx, host, roundId, one.id, { ...POSITION, capacity: "3" });

    // Another organization cannot touch these positions.
    const other = await hostActor(env);
    await registerOrganization(env.ctx, other, orgInput());
    await saveHostApplication(env.ctx, other, roundId, PLAN);
    await expect(savePosition(env.ctx, other, roundId, two.id, POSITION)).rejects.toBeInstanceOf(NotFoundError);

    const { receiptNumber } = await submitHostApplication(env.ctx, host, roundId);
    expect(receiptNumber).toMatch(/^JIPH27-\d{4,}$/);
    const view = await getMyHostApplication(env.ctx, host, roundId);
    expect(view.application).toMatchObject({ status: "submitted", receiptNumber, goals: PLAN.goals });
    expect(view.positions.map((p) => [p.title, p.capacity, p.language])).toEqual([
      ["Engineer", 1, "english"],
      ["海外営業", 3, "N3"],
    ]);
    expect(view.editable).toBe(true);
    // The yearly report (issue 17) counts the organization as it was at submission.
    const submitted = await env.db
      .selectFrom("host_applications as ha")
      .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
      .select(["ha.organization_snapshot", "o.jsic_division", "o.employees", "o.overseas_status", "o.prefecture_code"])
      .where("ha.receipt_number", "=", receiptNumber)
      .executeTakeFirstOrThrow();
    expect(submitted.organization_snapshot).toMatchObject({
      jsicDivision: submitted.jsic_division,
      employees: submitted.employees,
      overseasStatus: submitted.overseas_status,
      prefectureCode: submitted.prefecture_code,
    });

    // After the deadline (23:59 JST on 31 May = 14:59 UTC): read-only, and the refusal shows the deadline.
    env.clock.set("2027-05-31T15:00:00Z");
    expect((await getMyHostApplication(env.ctx, host, roundId)).editable).toBe(false);
    const late = await refusalOf(saveHostApplication(env.ctx, host, roundId, PLAN));
    expect(late.refusals).toEqual([{ code: "closed", at: new Date("2027-05-31T14:59:00Z") }]);
    await expect(savePosition(env.ctx, host, roundId, null, POSITION)).rejects.toBeInstanceOf(RefusedError);
  });

  it("the operator lists with filters, opens, decides with a reason e-mailed in Japanese, exports CSV and counts", async () => {
    const hostA = await hostActor(env);
    await verified(
      await registerOrganization(
        env.ctx,
        hostA,
        orgInput({ nameEn: "Kyushu Screening Co", prefectureCode: "40", employees: "1001", kind: "sme", overseasStatus: "planned", jsicDivision: "G" }),
      ),
    );
    await saveHostApplication(env.ctx, hostA, roundId, PLAN);
    await savePosition(env.ctx, hostA, roundId, null, POSITION);
    await submitHostApplication(env.ctx, hostA, roundId);
    const hostB = await hostActor(env);
    await registerOrganization(
      env.ctx,
      hostB,
      orgInput({ nameEn: "Draft Only Co", prefectureCode: "40", employees: "1001", overseasStatus: "planned", jsicDivision: "G" }),
    );
    await saveHostApplication(env.ctx, hostB, roundId, PLAN);

    const list = await listHostApplications(
      env.ctx,
      operator,
      { roundId, region: "kyushu_okinawa", sizeClass: "gt1000", overseasStatus: "planned", kind: "sme", jsic: "G" },
      { page: 1, size: 10 },
    );
    expect(list.items.map((r) => r.nameEn)).toEqual(["Kyushu Screening Co"]);
    expect(list.items[0]).toMatchObject({ region: "kyushu_okinawa", sizeClass: "gt1000", positions: 1, capacity: 2, status: "submitted" });
    expect((await listHostApplications(env.ctx, operator, { roundId, region: "kyushu_okinawa", sizeClass: "500to1000" }, { page: 1, size: 10 })).total).toBe(0);
    // Unknown filter values are ignored rather than failing the page.
    expect((await listHostApplications(env.ctx, operator, { roundId, region: "atlantis", kind: "sme" }, { page: 1, size: 10 })).total).toBeGreaterThanOrEqual(
      1,
    );
    const id = list.items[0]!.id;
    await expect(listHostApplications(env.ctx, hostA, {}, { page: 1, size: 10 })).rejects.toBeInstanceOf(ForbiddenError);

    const review = await getHostApplicationReview(env.ctx, operator, id);
    expect(review.positions).toHaveLength(1);
    expect(review.plan.supervisorName).toBe("北海 太郎");
    // The ministry reads the same review without the supervisor's name (issue 11 item 8).
    const ministry = actorFor(await createUser(env, "ministry"));
    expect((await getHostApplicationReview(env.ctx, ministry, id)).plan.supervisorName).toBeNull();

    const noReason = await validationErrorOf(decideHostApplication(env.ctx, operator, id, { decision: "accepted", reason: " " }));
    expect(noReason.fieldErrors.reason?.[0]?.key).toBe("errors.required");
    await decideHostApplication(env.ctx, operator, id, { decision: "accepted", reason: "受入体制が十分です。" });
    const mail = await env.db
      .selectFrom("outbound_emails")
      .selectAll()
      .where("to_address", "=", hostA.email)
      .where("template", "=", "hostDecision")
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("ja");
    expect(mail.subject).toContain("採択");
    expect(mail.body_text).toContain("受入体制が十分です。");
    const again = await refusalOf(decideHostApplication(env.ctx, operator, id, { decision: "declined", reason: "x" }));
    expect([again.messages, again.refusals]).toEqual(["hostScreening.refusals", [{ code: "not_submitted" }]]);
    const seen = await getMyHostApplication(env.ctx, hostA, roundId);
    expect(seen.application).toMatchObject({ status: "accepted", decisionReason: "受入体制が十分です。" });
    expect(seen.editable).toBe(false);

    const csv = await exportHostApplicationsCsv(env.ctx, operator, { roundId, region: "kyushu_okinawa" });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("receipt_number,status,corporate_number");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Kyushu Screening Co");
    expect(lines[1]).toContain("accepted");

    const counts = await countHostApplications(env.db, roundId);
    expect(counts.byRegion.kyushu_okinawa).toBe(1);
    expect(counts.bySizeClass.gt1000).toBe(1);
    expect(counts.byJsic.G).toBe(1);
    const dashboard = await getRoundDashboard(env.ctx, operator, roundId);
    expect(dashboard.hostCounts).toEqual(counts);
    expect(counts.total).toBe((await listHostApplications(env.ctx, operator, { roundId }, { page: 1, size: 200 })).total);
  });
});
