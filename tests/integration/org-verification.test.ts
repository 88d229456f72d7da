/**
 * Organizations are not squatted (issue #11 item 7, ADR 0029), on PGlite and PostgreSQL: a newly registered
 * organization is pending until an operator verifies it; a pending one drafts but cannot submit; a second
 * registration of the same number does not make a second admin but a claim the operator resolves.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOST_PLAN, HOST_POSITION, hostOrgInput } from "../support/host-inputs.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { getHostHome } from "#src/services/hosts/get-host-home.ts";
import { listOrganizationVerifications } from "#src/services/hosts/list-organization-verifications.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { requestToJoin } from "#src/services/hosts/request-to-join.ts";
import { resolveOrganizationClaim } from "#src/services/hosts/resolve-organization-claim.ts";
import { saveHostApplication } from "#src/services/hosts/save-host-application.ts";
import { savePosition } from "#src/services/hosts/save-position.ts";
import { submitHostApplication } from "#src/services/hosts/submit-host-application.ts";
import { verifyOrganization } from "#src/services/hosts/verify-organization.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { DATABASE_KINDS, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const orgInput = (overrides: Record<string, unknown> = {}) => hostOrgInput({ nameJa: "確認工業株式会社", nameEn: "Kakunin Kogyo Co., Ltd.", ...overrides });
const PLAN = HOST_PLAN;
const POSITION = HOST_POSITION;

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;
  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator", { name: "Operator Ito" }));
    env.clock.reset();
    roundId = (await createRound(env.ctx, operator, roundInput({ deadlines: { host_application_close: "2027-05-31T23:59" } }))).id;
    await env.db.updateTable("rounds").set({ phase: "recruitment" }).where("id", "=", roundId).execute();
  });
  beforeEach(() => env.clock.reset());

  async function draftReady(host: Actor): Promise<string> {
    const created = await registerOrganization(env.ctx, host, orgInput());
    if (created.kind !== "created") throw new Error("expected a new organization");
    await saveHostApplication(env.ctx, host, roundId, PLAN);
    await savePosition(env.ctx, host, roundId, null, POSITION);
    return created.id;
  }

  it("a newly registered organization is pending: it drafts but cannot submit until an operator verifies it (audited, the host told in English)", async () => {
    const host = actorFor(await createUser(env, "host", { name: "Squatter S", locale: "en" }));
    const orgId = await draftReady(host);
    const refused = await refusalOf(submitHostApplication(env.ctx, host, roundId));
    expect([refused.messages, refused.refusals]).toEqual(["hostApplication.refusals", [{ code: "organization_pending" }]]);
    const status = await env.db.selectFrom("host_applications").select("status").where("organization_id", "=", orgId).executeTakeFirstOrThrow();
    expect(status.status).toBe("draft");

    // The operator sees the registered name and address next to the number.
    const list = await listOrganizationVerifications(env.ctx, operator);
    expect(list.pending.find((p) => p.id === orgId)).toMatchObject({
      nameJa: "確認工業株式会社",
      addressJa: "札幌市中央区北1条西1丁目",
      registeredBy: host.email,
    });
    // A host cannot verify; a reason is required.
    await expect(verifyOrganization(env.ctx, host, orgId, { decision: "verified", reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    const noReason = await validationErrorOf(verifyOrganization(env.ctx, operator, orgId, { decision: "verified", reason: "" }));
    expect(noReason.fieldErrors.reason).toBeDefined();
    await verifyOrganization(env.ctx, operator, orgId, { decision: "verified", reason: "商号・所在地が法人番号公表サイトと一致。" });
    const again = await refusalOf(verifyOrganization(env.ctx, operator, orgId, { decision: "rejected", reason: "late" }));
    expect(again.refusals).toEqual([{ code: "not_pending" }]);
    expect((await listOrganizationVerifications(env.ctx, operator)).pending.some((p) => p.id === orgId)).toBe(false);
    const mail = await env.db
      .selectFrom("outbound_emails")
      .selectAll()
      .where("to_address", "=", host.email)
      .where("template", "=", "hostOrganizationVerification")
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("en");
    expect(mail.subject).toContain("organization verified");
    const audit = await env.db.selectFrom("audit_log").selectAll().where("action", "=", "host_organization.verify").where("entity_id", "=", orgId).execute();
    expect(audit).toHaveLength(1);
    const { receiptNumber } = await submitHostApplication(env.ctx, host, roundId);
    expect(receiptNumber).toMatch(/^JIPH27-/);
  });

  it("a rejected organization cannot submit, the host is told why in Japanese, and the real company can register the number", async () => {
    const host = actorFor(await createUser(env, "host", { name: "Squatter T", locale: "ja" }));
    const orgId = await draftReady(host);
    const number = (await env.db.selectFrom("host_organizations").select("corporate_number").where("id", "=", orgId).executeTakeFirstOrThrow())
      .corporate_number;
    await verifyOrganization(env.ctx, operator, orgId, { decision: "rejected", reason: "所在地が登録情報と一致しません。" });
    const refused = await refusalOf(submitHostApplication(env.ctx, host, roundId));
    expect(refused.refusals).toEqual([{ code: "organization_rejected" }]);
    const mail = await env.db
      .selectFrom("outbound_emails")
      .selectAll()
      .where("to_address", "=", host.email)
      .where("template", "=", "hostOrganizationVerification")
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("ja");
    expect(mail.body_text).toContain("所在地が登録情報と一致しません。");
    const real = actorFor(await createUser(env, "host", { name: "Real R" }));
    expect((await registerOrganization(env.ctx, real, orgInput({ corporateNumber: number }))).kind).toBe("created");
  });

  it("a second registration of a registered number makes no second admin: it becomes a claim the operator resolves", async () => {
    const first = actorFor(await createUser(env, "host", { name: "First F" }));
    const input = orgInput();
    const created = await registerOrganization(env.ctx, first, input);
    if (created.kind !== "created") throw new Error("expected a new organization");
    const second = actorFor(await createUser(env, "host", { name: "Second G" }));
    expect((await registerOrganization(env.ctx, second, orgInput({ corporateNumber: input.corporateNumber }))).kind).toBe("exists");
    await requestToJoin(env.ctx, second, { corporateNumber: input.corporateNumber });
    await requestToJoin(env.ctx, second, { corporateNumber: input.corporateNumber });
    expect((await getHostHome(env.ctx, second)).organization).toBeNull();
    const admins = await env.db
      .selectFrom("host_memberships")
      .select("user_id")
      .where("organization_id", "=", created.id)
      .where("org_role", "=", "admin")
      .execute();
    expect(admins.map((a) => a.user_id)).toEqual([first.userId]);

    const claims = (await listOrganizationVerifications(env.ctx, operator)).claims.filter((c) => c.organizationId === created.id);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ claimantEmail: second.email, organizationStatus: "pending", corporateNumber: input.corporateNumber });
    await expect(resolveOrganizationClaim(env.ctx, first, claims[0]!.id, { resolution: "joined", reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await resolveOrganizationClaim(env.ctx, operator, claims[0]!.id, { resolution: "joined", reason: "同じ会社の社員と確認。" });
    expect((await getHostHome(env.ctx, second)).orgRole).toBe("member");
    const done = await refusalOf(resolveOrganizationClaim(env.ctx, operator, claims[0]!.id, { resolution: "dismissed", reason: "x" }));
    expect(done.refusals).toEqual([{ code: "claim_resolved" }]);
    expect((await listOrganizationVerifications(env.ctx, operator)).claims.some((c) => c.organizationId === created.id)).toBe(false);
    const audit = await env.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "host_organization.resolve_claim")
      .where("entity_id", "=", created.id)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
