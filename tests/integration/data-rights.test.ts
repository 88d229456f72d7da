/** An applicant's data rights: download everything, delete the account (personal data erased, anonymous record kept). */
import { beforeAll, describe, expect, it } from "vitest";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { exportMyData } from "#src/services/applications/export-my-data.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import { ForbiddenError, ValidationError } from "#src/services/errors.ts";
import { DATABASE_KINDS, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";

const PDF = new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "diploma.pdf", { type: "application/pdf" });

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  beforeAll(async () => {
    await insertRecruitingRound(env, tokyoLocalToInstant("2099-05-31T23:59")!);
  });

  async function submittedApplicant() {
    const user = await createUser(env, "applicant", { locale: "vi" });
    const actor = actorFor(user, { locale: "vi" });
    await saveApplicationStep(env.ctx, actor, {
      step: "personal",
      values: { familyName: "Phạm", givenName: "Thu Trang", dateOfBirth: "1998-07-08", nationality: "VN", residenceCountry: "VN", priorParticipant: "no" },
    });
    await saveApplicationStep(env.ctx, actor, { step: "contact", values: { contactEmail: user.email, phone: "+84 912 345 678", address: "12 Lê Lợi, Huế" } });
    await saveApplicationStep(env.ctx, actor, { step: "languages", values: { jlptLevel: "N2" } });
    await saveApplicationStep(env.ctx, actor, { step: "motivation", values: { motivationLearn: "Kaizen", motivationUse: "At home" } });
    await uploadApplicationDocument(env.ctx, actor, { kind: "graduation_certificate", file: PDF });
    await saveApplicationStep(env.ctx, actor, { step: "consents", values: { consentPurpose: true, consentPrivacy: true } });
    const { applicationId } = await submitApplication(env.ctx, actor);
    return { user, actor, applicationId };
  }

  it("exports everything about the applicant as one document, and nothing about others", async () => {
    const { user, actor, applicationId } = await submittedApplicant();
    const other = await submittedApplicant();
    const data = (await exportMyData(env.ctx, actor)) as {
      account: { email: string };
      applications: { id: string; answers: Record<string, unknown>; documents: unknown[] }[];
      emailsSent: { template: string }[];
    };
    expect(data.account.email).toBe(user.email);
    expect(data.applications.map((a) => a.id)).toEqual([applicationId]);
    expect(data.applications[0]!.answers.familyName).toBe("Phạm");
    expect(data.applications[0]!.documents).toHaveLength(1);
    expect(data.emailsSent.map((m) => m.template)).toContain("applicationReceipt");
    expect(JSON.stringify(data)).not.toContain(other.user.email);
    const audit = await env.db.selectFrom("audit_log").select(["action", "after"]).where("entity_type", "=", "user").where("entity_id", "=", user.id).execute();
    expect(audit).toContainEqual({ action: "user.export_data", after: { applications: 1, registrations: 0, messages: 0 } });
  });

  it("only applicants have this export", async () => {
    const op = actorFor(await createUser(env, "operator"), { twoFactorEnabled: true });
    await expect(exportMyData(env.ctx, op)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("deletes the account: personal data and files gone, an anonymous record kept", async () => {
    const { user, actor, applicationId } = await submittedApplicant();
    const doc = await env.db.selectFrom("application_documents").select("storage_key").where("application_id", "=", applicationId).executeTakeFirstOrThrow();

    await expect(deleteMyAccount(env.ctx, actor, { password: "wrong-password", confirm: "on" })).rejects.toBeInstanceOf(ValidationError);
    await expect(deleteMyAccount(env.ctx, actor, { password: user.password })).rejects.toBeInstanceOf(ValidationError);
    expect(await env.db.selectFrom("user").select("id").where("id", "=", user.id).executeTakeFirst()).toBeDefined();

    await deleteMyAccount(env.ctx, actor, { password: user.password, confirm: "on" });
    expect(await env.db.selectFrom("user").select("id").where("id", "=", user.id).executeTakeFirst()).toBeUndefined();
    const app = await env.db.selectFrom("applications").selectAll().where("id", "=", applicationId).executeTakeFirstOrThrow();
    expect(app).toMatchObject({
      applicant_user_id: null,
      status: "anonymized",
      family_name: null,
      given_name: null,
      date_of_birth: null,
      contact_email: null,
      phone: null,
      address: null,
      motivation_learn: null,
      nationality: "VN",
    });
    expect(await env.db.selectFrom("application_documents").select("id").where("application_id", "=", applicationId).execute()).toEqual([]);
    await expect(env.ctx.files.get(doc.storage_key)).rejects.toThrow();
    expect(await env.db.selectFrom("application_languages").select("jlpt_level").where("application_id", "=", applicationId).execute()).toEqual([
      { jlpt_level: "N2" },
    ]);
    const mails = await env.db.selectFrom("outbound_emails").select("id").where("to_address", "=", user.email).execute();
    expect(mails).toEqual([]);
    const audit = await env.db.selectFrom("audit_log").select(["action", "after"]).where("entity_id", "=", user.id).execute();
    expect(JSON.stringify(audit)).not.toContain(user.email);
    expect(audit.map((a) => a.action)).toContain("user.delete");
  });
});
