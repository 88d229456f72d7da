/**
 * Hosts (issue 19 item 8) on PGlite and PostgreSQL: an organization edited with
 * its history kept, a submitted host application keeping the organization as
 * submitted, the e-mail on submission, withdrawal before the decision, and
 * the read-only page's real reason.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOST_PLAN, HOST_POSITION, hostOrgInput } from "../support/host-inputs.ts";
import type { Actor } from "#src/services/context.ts";
import { decideHostApplication } from "#src/services/hosts/decide-host-application.ts";
import { getMyHostApplication } from "#src/services/hosts/get-my-host-application.ts";
import { getMyOrganization } from "#src/services/hosts/get-my-organization.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { saveHostApplication } from "#src/services/hosts/save-host-application.ts";
import { savePosition } from "#src/services/hosts/save-position.ts";
import { submitHostApplication } from "#src/services/hosts/submit-host-application.ts";
import { updateOrganization } from "#src/services/hosts/update-organization.ts";
import { withdrawHostApplication } from "#src/services/hosts/withdraw-host-application.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const orgInput = (overrides: Record<string, unknown> = {}) =>
  hostOrgInput({ nameJa: "旧名工業株式会社", nameEn: "Kyumei Kogyo Co., Ltd.", employees: "40", capitalYen: "10000000", website: "", ...overrides });
const PLAN = HOST_PLAN;
const POSITION = HOST_POSITION;

async function submittedHost(env: TestEnv, roundId: string): Promise<{ host: Actor; email: string }> {
  const user = await createUser(env, "host", { locale: "ja" });
  const host = actorFor(user);
  const created = await registerOrganization(env.ctx, host, orgInput());
  // The operator's verification (ADR 0029; tested in org-verification.test.ts).
  if (created.kind === "created")
    await env.db.updateTable("host_organizations").set({ verification_status: "verified" }).where("id", "=", created.id).execute();
  await saveHostApplication(env.ctx, host, roundId, PLAN);
  await savePosition(env.ctx, host, roundId, null, POSITION);
  await submitHostApplication(env.ctx, host, roundId);
  return { host, email: user.email };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;
  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    env.clock.reset();
    roundId = (await createRound(env.ctx, operator, roundInput({ deadlines: { host_application_close: "2027-05-31T23:59" } }))).id;
    await env.db.updateTable("rounds").set({ phase: "recruitment" }).where("id", "=", roundId).execute();
  });
  beforeEach(() => env.clock.reset());

  it("an admin edits the organization: the earlier details are kept, the corporate number stays, audited; the submitted application keeps its snapshot", async () => {
    const { host } = await submittedHost(env, roundId);
    const before = await getMyOrganization(env.ctx, host);
    expect(before.history).toEqual([]);
    const submitted = await getMyHostApplication(env.ctx, host, roundId);
    expect(submitted.application?.organizationSnapshot).toMatchObject({ nameJa: "旧名工業株式会社", employees: 40, prefectureCode: "01" });

    const bad = await validationErrorOf(updateOrganization(env.ctx, host, { ...orgInput(), employees: "many", overseasCountries: "XX" }));
    expect(bad.fieldErrors.employees).toBeDefined();
    await updateOrganization(env.ctx, host, {
      ...orgInput({ nameJa: "新名工業株式会社", employees: "55", prefectureCode: "13" }),
      corporateNumber: "1234567890123",
    });

    const after = await getMyOrganization(env.ctx, host);
    expect(after.attributes).toMatchObject({
      nameJa: "新名工業株式会社",
      employees: 55,
      prefectureCode: "13",
      corporateNumber: before.attributes.corporateNumber,
    });
    expect(after.history.map((h) => [h.attributes.nameJa, h.attributes.employees])).toEqual([["旧名工業株式会社", 40]]);
    const view = await getMyHostApplication(env.ctx, host, roundId);
    expect(view.organizationName).toBe("新名工業株式会社");
    expect(view.application?.organizationSnapshot).toMatchObject({ nameJa: "旧名工業株式会社", employees: 40, prefectureCode: "01" });
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "host_organization.update")
      .where("actor_user_id", "=", host.userId)
      .execute();
    expect(audit).toHaveLength(1);

    // Submitting again (after changes were requested) takes the organization as it is then.
    await decideHostApplication(env.ctx, operator, view.application!.id, { decision: "changes_requested", reason: "支援計画を詳しく書いてください。" });
    await submitHostApplication(env.ctx, host, roundId);
    expect((await getMyHostApplication(env.ctx, host, roundId)).application?.organizationSnapshot).toMatchObject({ nameJa: "新名工業株式会社", employees: 55 });
  });

  it("submitting e-mails every member of the organization, in their language, with the receipt number", async () => {
    const { host, email } = await submittedHost(env, roundId);
    const view = await getMyHostApplication(env.ctx, host, roundId);
    const mails = await env.db.selectFrom("outbound_emails").select(["subject", "body_text", "template"]).where("to_address", "=", email).execute();
    const receipt = mails.filter((m) => m.template === "hostSubmitted");
    expect(receipt).toHaveLength(1);
    expect(receipt[0]!.subject).toContain(view.application!.receiptNumber!);
    expect(receipt[0]!.subject).toContain("受け付けました");
    // Saving and submitting again without changes sends nothing more.
    await submitHostApplication(env.ctx, host, roundId);
    expect(
      (await env.db.selectFrom("outbound_emails").select("id").where("to_address", "=", email).where("template", "=", "hostSubmitted").execute()).length,
    ).toBe(1);
  });

  it("an application is withdrawn before the decision, audited; a decided one cannot be; the read-only page gives the real reason", async () => {
    const { host } = await submittedHost(env, roundId);
    expect((await getMyHostApplication(env.ctx, host, roundId)).withdrawable).toBe(true);
    await withdrawHostApplication(env.ctx, host, roundId);
    const withdrawn = await getMyHostApplication(env.ctx, host, roundId);
    expect(withdrawn.application?.status).toBe("withdrawn");
    expect(withdrawn.readOnlyReason).toBe("withdrawn");
    expect(withdrawn.withdrawable).toBe(false);
    expect((await refusalOf(withdrawHostApplication(env.ctx, host, roundId))).refusals).toEqual([{ code: "not_withdrawable" }]);

    // Accepted before the deadline: the page says accepted, not that the deadline has passed.
    const { host: accepted } = await submittedHost(env, roundId);
    const id = (await getMyHostApplication(env.ctx, accepted, roundId)).application!.id;
    await decideHostApplication(env.ctx, operator, id, { decision: "accepted", reason: "採択します。" });
    const view = await getMyHostApplication(env.ctx, accepted, roundId);
    expect([view.editable, view.readOnlyReason, view.withdrawable]).toEqual([false, "accepted", false]);
    expect((await refusalOf(withdrawHostApplication(env.ctx, accepted, roundId))).refusals).toEqual([{ code: "not_withdrawable" }]);

    // A submitted one after the deadline: the deadline is the reason.
    const { host: late } = await submittedHost(env, roundId);
    env.clock.set("2027-05-31T15:00:00Z");
    expect((await getMyHostApplication(env.ctx, late, roundId)).readOnlyReason).toBe("closed");
  });

  it("a position can be online; in person unless said otherwise; an unknown mode is refused", async () => {
    const host = actorFor(await createUser(env, "host"));
    await registerOrganization(env.ctx, host, orgInput());
    await saveHostApplication(env.ctx, host, roundId, PLAN);
    const online = await savePosition(env.ctx, host, roundId, null, { ...POSITION, title: "Bonline", mode: "online" });
    await savePosition(env.ctx, host, roundId, null, { ...POSITION, title: "Aonsite" });
    const bad = await validationErrorOf(savePosition(env.ctx, host, roundId, null, { ...POSITION, mode: "hybrid" }));
    expect(bad.fieldErrors.mode?.[0]?.key).toBe("errors.chooseOne");
    const view = await getMyHostApplication(env.ctx, host, roundId);
    expect(view.positions.map((p) => [p.title, p.mode])).toEqual([
      ["Aonsite", "in_person"],
      ["Bonline", "online"],
    ]);
    await savePosition(env.ctx, host, roundId, online.id, { ...POSITION, title: "Bonline", mode: "in_person" });
    expect((await getMyHostApplication(env.ctx, host, roundId)).positions.map((p) => p.mode)).toEqual(["in_person", "in_person"]);
  });
});
