/** The applicant journey: draft, steps, documents, eligibility, submission, overrides, withdrawal and the operator's list, on PGlite and PostgreSQL. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "#src/domain/document-type.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import type { Step } from "#src/services/applications/application-steps.ts";
import { exportApplicationsCsv } from "#src/services/applications/export-applications-csv.ts";
import { csvCell, csvText } from "#src/services/csv.ts";
import { getApplicationDetail } from "#src/services/applications/get-application-detail.ts";
import { getApplicationDocument } from "#src/services/applications/get-application-document.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { listApplications } from "#src/services/applications/list-applications.ts";
import { recordEligibilityOverride } from "#src/services/applications/record-eligibility-override.ts";
import { removeApplicationDocument } from "#src/services/applications/remove-application-document.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import { withdrawApplication } from "#src/services/applications/withdraw-application.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, RefusedError, TwoFactorRequiredError } from "#src/services/errors.ts";
import { runForm } from "#app/lib/request.server.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, validationErrorOf } from "./support/expect-errors.ts";

/** Refusals are a union per use case; the tests match on their code. */
type AnyRefusal = { code: string; unmet?: { rule: string }[]; [key: string]: unknown };

async function refusalsOf(promise: Promise<unknown>): Promise<AnyRefusal[]> {
  const err = await caught(promise);
  expect(err).toBeInstanceOf(RefusedError);
  return (err as RefusedError<AnyRefusal>).refusals;
}

const CLOSE = tokyoLocalToInstant("2027-05-31T23:59")!;

const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
const pdfFile = (name = "diploma.pdf") => new File([PDF_BYTES], name, { type: "application/pdf" });

const PERSONAL = {
  familyName: "Nguyễn",
  givenName: "Thị Lan",
  dateOfBirth: "1999-04-12",
  nationality: "VN",
  residenceCountry: "VN",
  priorParticipant: "no",
};
const LANGUAGES = { jlptLevel: "N2", englishTest: "", englishScore: "", englishSelfLevel: "" };
const CONSENTS = { consentPurpose: true, consentPrivacy: true };

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let roundId: string;
  let operator: Actor;
  let ministry: Actor;

  beforeAll(async () => {
    const [op, min] = await Promise.all([createUser(env, "operator"), createUser(env, "ministry")]);
    operator = actorFor(op, { twoFactorEnabled: true });
    ministry = actorFor(min, { twoFactorEnabled: true });
    roundId = crypto.randomUUID();
    await env.db
      .insertInto("rounds")
      .values({
        id: roundId,
        fiscal_year: 2027,
        name_ja: "2027年度 テスト回",
        name_en: "Applicant journey test round",
        phase: "recruitment",
        eligibility_reference_date: "2027-04-01",
        dac_list_version: "2024-2025",
        age_min: 20,
        age_max: 40,
        min_jlpt_level: "N3",
        accepted_english_tests: JSON.stringify([{ test: "toeic_lr", min: 600 }]),
        residence_in_japan_allowed: false,
        prior_participants_allowed: false,
        intern_capacity: 100,
      })
      .execute();
    await env.db.insertInto("round_deadlines").values({ round_id: roundId, kind: "application_close", due_at: CLOSE }).execute();
  });
  beforeEach(() => env.clock.reset());

  async function newApplicant(opts: { locale?: string; name?: string } = {}): Promise<Actor> {
    const user = await createUser(env, "applicant", { locale: opts.locale ?? "en", ...(opts.name ? { name: opts.name } : {}) });
    return actorFor(user, { locale: opts.locale ?? "en" });
  }

  const save = (actor: Actor, step: Step, values: Record<string, unknown>) => saveApplicationStep(env.ctx, actor, { step, values });

  async function applicationOf(actor: Actor) {
    return env.db.selectFrom("applications").selectAll().where("applicant_user_id", "=", actor.userId).executeTakeFirstOrThrow();
  }

  async function unmetOf(actor: Actor): Promise<string[]> {
    return (await applicationOf(actor)).eligibility_unmet;
  }

  /** Every step an eligible applicant needs (personal answers can be overridden). */
  async function completeApplication(actor: Actor, personal: Record<string, unknown> = {}): Promise<string> {
    const { applicationId } = await save(actor, "personal", { ...PERSONAL, ...personal });
    await save(actor, "languages", LANGUAGES);
    await uploadApplicationDocument(env.ctx, actor, { kind: "graduation_certificate", file: pdfFile() });
    await save(actor, "consents", CONSENTS);
    return applicationId;
  }

  function storedFiles(): string[] {
    const dir = path.join(path.dirname(env.outboxDir), "documents");
    if (!existsSync(dir)) return [];
    return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(pdf|jpg|png)$/.test(f)).sort();
  }

  async function auditOf(applicationId: string, action: string) {
    return env.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "application")
      .where("entity_id", "=", applicationId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();
  }

  describe("saveApplicationStep", () => {
    it("creates the draft on first use, only once even for two saves at the same time", async () => {
      const applicant = await newApplicant();
      const [a, b] = await Promise.all([save(applicant, "personal", { familyName: "Trần" }), save(applicant, "contact", { phone: "+84 912 345 678" })]);
      expect(a.applicationId).toBe(b.applicationId);
      const rows = await env.db.selectFrom("applications").selectAll().where("applicant_user_id", "=", applicant.userId).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ round_id: roundId, status: "draft", family_name: "Trần", phone: "+84 912 345 678", contact_email: applicant.email });
      expect(await auditOf(a.applicationId, "application.create")).toHaveLength(1);
    });

    it("saves the valid fields of a step even when another field is invalid, and moves on only when all are valid", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", PERSONAL);
      const bad = await save(applicant, "education", {
        university: "Đại học Bách khoa Hà Nội",
        degree: "bachelor",
        field: "Mechanical engineering",
        graduationYear: "20x1",
      });
      expect(bad.fieldErrors).toEqual({ graduationYear: [{ key: "errors.wholeNumber" }] });
      expect(bad.saved).toEqual(expect.arrayContaining(["university", "degree", "field"]));
      expect(bad.saved).not.toContain("graduationYear");
      expect(bad.next).toBeNull();
      const edu = await env.db.selectFrom("application_education").selectAll().where("application_id", "=", bad.applicationId).executeTakeFirstOrThrow();
      expect(edu).toMatchObject({ university: "Đại học Bách khoa Hà Nội", degree: "bachelor", field: "Mechanical engineering", graduation_year: null });
      expect((await applicationOf(applicant)).current_step).toBe("contact");

      const good = await save(applicant, "education", { graduationYear: "2021" });
      expect(good).toMatchObject({ fieldErrors: {}, next: "languages" });
      const edu2 = await env.db.selectFrom("application_education").selectAll().where("application_id", "=", bad.applicationId).executeTakeFirstOrThrow();
      expect(edu2).toMatchObject({ university: "Đại học Bách khoa Hà Nội", graduation_year: 2021 });
      expect((await applicationOf(applicant)).current_step).toBe("languages");
    });

    it("reports required fields left empty and saves them as empty (education too)", async () => {
      const applicant = await newApplicant();
      const first = await save(applicant, "education", {
        university: "Chulalongkorn University",
        degree: "master",
        field: "Economics",
        graduationYear: "2020",
      });
      expect(first.next).toBe("languages");
      const cleared = await save(applicant, "education", { university: "", degree: "master", field: "Economics", graduationYear: "2020" });
      expect(cleared.fieldErrors).toEqual({ university: [{ key: "errors.required" }] });
      const my = await getMyApplication(env.ctx, applicant);
      expect(my.application?.answers.university).toBeNull();
      expect(my.completed).not.toContain("education");
    });

    it("returns the next step and remembers it (not on autosave)", async () => {
      const applicant = await newApplicant();
      const r = await save(applicant, "personal", PERSONAL);
      expect(r).toMatchObject({ fieldErrors: {}, next: "contact" });
      expect((await applicationOf(applicant)).current_step).toBe("contact");
      const auto = await saveApplicationStep(env.ctx, applicant, {
        step: "motivation",
        values: { motivationLearn: "Kaizen", motivationUse: "At home" },
        autosave: true,
      });
      expect(auto.next).toBe("preferences");
      expect((await applicationOf(applicant)).current_step).toBe("contact");
      expect(await auditOf(r.applicationId, "application.autosave")).toHaveLength(1);
    });

    it("stores HTML and Vietnamese, Thai and Chinese text exactly as typed", async () => {
      const applicant = await newApplicant();
      const family = `<b>Trần</b> & "Co" <script>alert(1)</script>`;
      const given = "สมชาย ใจดี";
      const learn = "我想学习日本的制造业和质量管理。<img src=x onerror=alert(1)>";
      const use = "Tôi muốn áp dụng kaizen tại nhà máy ở Việt Nam.";
      await save(applicant, "personal", { ...PERSONAL, familyName: family, givenName: given });
      await save(applicant, "motivation", { motivationLearn: learn, motivationUse: use });
      const row = await applicationOf(applicant);
      expect(row).toMatchObject({ family_name: family, given_name: given, motivation_learn: learn, motivation_use: use });
    });

    it("writes audit rows with field names but no personal data", async () => {
      const applicant = await newApplicant();
      const { applicationId } = await save(applicant, "personal", { ...PERSONAL, familyName: "Sentinelname", dateOfBirth: "1998-07-31" });
      await save(applicant, "contact", { contactEmail: "secret.mail@example.vn", phone: "12", address: "Sentinel street 5" });
      const rows = await env.db
        .selectFrom("audit_log")
        .selectAll()
        .where("entity_type", "=", "application")
        .where("entity_id", "=", applicationId)
        .orderBy("id")
        .execute();
      expect(rows.map((r) => r.action)).toEqual(["application.create", "application.save_step", "application.save_step"]);
      expect(rows[1]!.after).toEqual({ step: "personal", saved: Object.keys(PERSONAL), invalid: [] });
      expect(rows[2]!.after).toEqual({ step: "contact", saved: ["contactEmail", "address"], invalid: ["phone"] });
      expect(rows.every((r) => r.actor_user_id === applicant.userId)).toBe(true);
      const text = JSON.stringify(rows.map((r) => [r.before, r.after]));
      for (const value of ["Sentinelname", "1998-07-31", "secret.mail", "Sentinel street", "Thị Lan"]) expect(text).not.toContain(value);
    });

    it("is refused to staff and to nobody", async () => {
      await expect(save(operator, "personal", PERSONAL)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe("eligibility_unmet", () => {
    it("starts with every missing rule and shrinks as steps are saved", async () => {
      const applicant = await newApplicant();
      await save(applicant, "contact", { phone: "+66 2 123 4567" });
      expect(await unmetOf(applicant)).toEqual(["nationality", "age", "language", "document", "prior_participation", "consent_purpose", "consent_privacy"]);
      await save(applicant, "personal", PERSONAL);
      expect(await unmetOf(applicant)).toEqual(["language", "document", "consent_purpose", "consent_privacy"]);
      await save(applicant, "languages", LANGUAGES);
      expect(await unmetOf(applicant)).toEqual(["document", "consent_purpose", "consent_privacy"]);
      await save(applicant, "consents", CONSENTS);
      expect(await unmetOf(applicant)).toEqual(["document"]);
      await uploadApplicationDocument(env.ctx, applicant, { kind: "university_recommendation", file: pdfFile() });
      expect(await unmetOf(applicant)).toEqual([]);
      const my = await getMyApplication(env.ctx, applicant);
      expect(my.eligibility?.effective).toEqual({ eligible: true, unmet: [] });
      expect(my.editable).toBe(true);
      // withdrawing a consent makes the application ineligible again
      await save(applicant, "consents", { consentPurpose: false, consentPrivacy: true });
      expect(await unmetOf(applicant)).toEqual(["consent_purpose"]);
    });

    it("refuses a nationality not on the round's DAC list, residence in Japan and prior participants", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", { ...PERSONAL, nationality: "JP", residenceCountry: "JP", priorParticipant: "yes" });
      expect(await unmetOf(applicant)).toEqual(expect.arrayContaining(["nationality", "residence", "prior_participation"]));
      const my = await getMyApplication(env.ctx, applicant);
      expect(my.eligibility?.raw.unmet).toEqual(
        expect.arrayContaining([
          { rule: "nationality", code: "not_on_dac_list", country: "JP" },
          { rule: "residence", code: "lives_in_japan" },
          { rule: "prior_participation", code: "participated_before" },
        ]),
      );
    });

    it("judges language by the round's minimum JLPT level and accepted English tests", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", PERSONAL);
      await save(applicant, "languages", { ...LANGUAGES, jlptLevel: "N4" });
      expect(await unmetOf(applicant)).toContain("language");
      await save(applicant, "languages", { jlptLevel: "N4", englishTest: "toeic_lr", englishScore: "595", englishSelfLevel: "" });
      expect(await unmetOf(applicant)).toContain("language");
      await save(applicant, "languages", { jlptLevel: "N4", englishTest: "toeic_lr", englishScore: "600", englishSelfLevel: "" });
      expect(await unmetOf(applicant)).not.toContain("language");
      await save(applicant, "languages", { jlptLevel: "", englishTest: "ielts", englishScore: "8", englishSelfLevel: "" });
      expect(await unmetOf(applicant)).toContain("language");
      await save(applicant, "languages", { jlptLevel: "N3", englishTest: "", englishScore: "", englishSelfLevel: "" });
      expect(await unmetOf(applicant)).not.toContain("language");
    });

    it("computes age on the round's reference date, boundaries included", async () => {
      const applicant = await newApplicant();
      const ageUnmet = async (dateOfBirth: string) => {
        await save(applicant, "personal", { ...PERSONAL, dateOfBirth });
        const my = await getMyApplication(env.ctx, applicant);
        return my.eligibility!.raw.unmet.find((u) => u.rule === "age") ?? null;
      };
      expect(await ageUnmet("2007-04-01")).toBeNull(); // 20 on 2027-04-01
      expect(await ageUnmet("2007-04-02")).toMatchObject({ code: "too_young", age: 19, min: 20, max: 40, referenceDate: "2027-04-01" });
      expect(await ageUnmet("1986-04-02")).toBeNull(); // 40
      expect(await ageUnmet("1986-04-01")).toMatchObject({ code: "too_old", age: 41 });
      expect(await unmetOf(applicant)).toContain("age");
    });
  });

  describe("documents", () => {
    it("accepts a real PDF and stores its bytes", async () => {
      const applicant = await newApplicant();
      const { id } = await uploadApplicationDocument(env.ctx, applicant, { kind: "graduation_certificate", file: pdfFile("Bằng tốt nghiệp.pdf") });
      const row = await env.db.selectFrom("application_documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        kind: "graduation_certificate",
        content_type: "application/pdf",
        size_bytes: PDF_BYTES.byteLength,
        original_name: "Bằng tốt nghiệp.pdf",
      });
      expect(row.storage_key).toBe(`${id}.pdf`);
      expect(new Uint8Array(await env.ctx.files.get(row.storage_key))).toEqual(PDF_BYTES);
      const doc = await getApplicationDocument(env.ctx, applicant, id);
      expect(doc).toMatchObject({ contentType: "application/pdf", fileName: "Bằng tốt nghiệp.pdf" });
      expect(new Uint8Array(doc.bytes)).toEqual(PDF_BYTES);
      expect(await auditOf(row.application_id, "application.document_upload")).toHaveLength(1);
    });

    it("rejects a text file named .pdf and changes nothing", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", PERSONAL);
      const before = { app: await applicationOf(applicant), files: storedFiles() };
      const err = await validationErrorOf(
        uploadApplicationDocument(env.ctx, applicant, {
          kind: "graduation_certificate",
          file: new File(["just some text, not a PDF"], "x.pdf", { type: "application/pdf" }),
        }),
      );
      expect(err.fieldErrors).toEqual({ file: [{ key: "errors.fileType" }] });
      expect(storedFiles()).toEqual(before.files);
      const docs = await env.db.selectFrom("application_documents").select("id").where("application_id", "=", before.app.id).execute();
      expect(docs).toEqual([]);
      expect(await applicationOf(applicant)).toEqual(before.app);
    });

    it("rejects a file over 10 MB, an empty file and an unknown kind", async () => {
      const applicant = await newApplicant();
      const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
      big.set(PDF_BYTES);
      const before = storedFiles();
      const tooBig = await validationErrorOf(uploadApplicationDocument(env.ctx, applicant, { kind: "passport", file: new File([big], "big.pdf") }));
      expect(tooBig.fieldErrors).toEqual({ file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] });
      const empty = await validationErrorOf(uploadApplicationDocument(env.ctx, applicant, { kind: "passport", file: new File([], "empty.pdf") }));
      expect(empty.fieldErrors).toEqual({ file: [{ key: "errors.fileMissing" }] });
      const badKind = await validationErrorOf(uploadApplicationDocument(env.ctx, applicant, { kind: "selfie", file: pdfFile() }));
      expect(badKind.fieldErrors).toEqual({ kind: [{ key: "errors.chooseOne" }] });
      expect(storedFiles()).toEqual(before);
      // nothing was created either: the applicant still has no application
      const apps = await env.db.selectFrom("applications").select("id").where("applicant_user_id", "=", applicant.userId).execute();
      expect(apps).toEqual([]);
      // exactly 10 MB is accepted
      const max = new Uint8Array(MAX_DOCUMENT_BYTES);
      max.set(PDF_BYTES);
      await expect(uploadApplicationDocument(env.ctx, applicant, { kind: "passport", file: new File([max], "max.pdf") })).resolves.toMatchObject({
        id: expect.any(String),
      });
    });

    it("removes a document: the row and the file", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", PERSONAL);
      const { id } = await uploadApplicationDocument(env.ctx, applicant, { kind: "employer_recommendation", file: pdfFile() });
      expect(await unmetOf(applicant)).not.toContain("document");
      const { storage_key } = await env.db.selectFrom("application_documents").select("storage_key").where("id", "=", id).executeTakeFirstOrThrow();
      await removeApplicationDocument(env.ctx, applicant, id);
      expect(await env.db.selectFrom("application_documents").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
      await expect(env.ctx.files.get(storage_key)).rejects.toThrow();
      expect(storedFiles().some((f) => f.endsWith(storage_key))).toBe(false);
      expect(await unmetOf(applicant)).toContain("document");
      await expect(getApplicationDocument(env.ctx, applicant, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeApplicationDocument(env.ctx, applicant, id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("cannot remove another applicant's document", async () => {
      const [owner, other] = await Promise.all([newApplicant(), newApplicant()]);
      const { id } = await uploadApplicationDocument(env.ctx, owner, { kind: "passport", file: pdfFile() });
      await expect(removeApplicationDocument(env.ctx, other, id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await env.db.selectFrom("application_documents").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();
    });

    it("is readable by its owner, operators and assigned reviewers only", async () => {
      const [owner, other, reviewerUser, opUser] = await Promise.all([
        newApplicant(),
        newApplicant(),
        createUser(env, "reviewer"),
        createUser(env, "operator"),
      ]);
      const reviewer = actorFor(reviewerUser, { twoFactorEnabled: true });
      const { id } = await uploadApplicationDocument(env.ctx, owner, { kind: "graduation_certificate", file: pdfFile() });
      const appId = (await applicationOf(owner)).id;

      await expect(getApplicationDocument(env.ctx, owner, id)).resolves.toMatchObject({ contentType: "application/pdf" });
      await expect(getApplicationDocument(env.ctx, operator, id)).resolves.toMatchObject({ contentType: "application/pdf" });
      await expect(getApplicationDocument(env.ctx, actorFor(opUser, { twoFactorEnabled: false }), id)).rejects.toBeInstanceOf(TwoFactorRequiredError);
      await expect(getApplicationDocument(env.ctx, other, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getApplicationDocument(env.ctx, ministry, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getApplicationDocument(env.ctx, reviewer, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getApplicationDocument(env.ctx, owner, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);

      await env.db.insertInto("reviewers").values({ user_id: reviewer.userId }).execute();
      await env.db.insertInto("review_assignments").values({ id: crypto.randomUUID(), application_id: appId, reviewer_user_id: reviewer.userId }).execute();
      const doc = await getApplicationDocument(env.ctx, reviewer, id);
      expect(new Uint8Array(doc.bytes)).toEqual(PDF_BYTES);

      // Staff downloads are audited (who read which personal document); the applicant's own are not.
      const downloads = await auditOf(appId, "application.document_download");
      expect(downloads.map((a) => [a.actor_user_id, a.after])).toEqual([
        [operator.userId, { document: id, kind: "graduation_certificate" }],
        [reviewer.userId, { document: id, kind: "graduation_certificate" }],
      ]);
    });
  });

  describe("submitApplication", () => {
    it("refuses an applicant without an application", async () => {
      const applicant = await newApplicant();
      expect(await refusalsOf(submitApplication(env.ctx, applicant))).toEqual([{ code: "no_application" }]);
    });

    it("refuses while a rule is unmet, listing the unmet rules", async () => {
      const applicant = await newApplicant();
      await save(applicant, "personal", PERSONAL);
      const refusals = await refusalsOf(submitApplication(env.ctx, applicant));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]?.code).toBe("not_eligible");
      expect(refusals[0]?.unmet?.map((u) => u.rule)).toEqual(["language", "document", "consent_purpose", "consent_privacy"]);
      expect((await applicationOf(applicant)).status).toBe("draft");
    });

    it("submits once and returns the same receipt afterwards, with one audit row and one e-mail in the applicant's language", async () => {
      const applicant = await newApplicant({ locale: "vi", name: "Nguyễn Thị Lan" });
      const applicationId = await completeApplication(applicant);
      env.clock.advance(60_000);
      const first = await submitApplication(env.ctx, applicant);
      expect(first).toEqual({ receiptNumber: expect.stringMatching(/^JIP27-\d+$/), applicationId, alreadySubmitted: false });
      const again = await submitApplication(env.ctx, applicant);
      expect(again).toEqual({ ...first, alreadySubmitted: true });
      const both = await Promise.all([submitApplication(env.ctx, applicant), submitApplication(env.ctx, applicant)]);
      expect(both).toEqual([again, again]);

      const row = await applicationOf(applicant);
      expect(row).toMatchObject({ status: "submitted", receipt_number: first.receiptNumber, current_step: "review" });
      expect(row.submitted_at?.getTime()).toBe(env.clock.now().getTime());
      expect(await auditOf(applicationId, "application.submit")).toHaveLength(1);
      const history = await env.db.selectFrom("application_status_history").selectAll().where("application_id", "=", applicationId).execute();
      expect(history).toMatchObject([{ from_status: "draft", to_status: "submitted", changed_by: applicant.userId }]);
      const mails = await env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", applicant.email).execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ template: "applicationReceipt", locale: "vi" });
      expect(mails[0]!.body_text).toContain(first.receiptNumber);
    });

    it("gives two simultaneous first submissions one receipt", async () => {
      const applicant = await newApplicant({ locale: "th" });
      const applicationId = await completeApplication(applicant, { nationality: "TH", residenceCountry: "TH" });
      const [a, b] = await Promise.all([submitApplication(env.ctx, applicant), submitApplication(env.ctx, applicant)]);
      expect(a.receiptNumber).toMatch(/^JIP27-\d+$/);
      expect(b.receiptNumber).toBe(a.receiptNumber);
      expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
      expect(await auditOf(applicationId, "application.submit")).toHaveLength(1);
      const mails = await env.db
        .selectFrom("outbound_emails")
        .selectAll()
        .where("to_address", "=", applicant.email)
        .where("template", "=", "applicationReceipt")
        .execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.locale).toBe("th");
    });

    // Two connections are needed for one to wait on the other's row lock: PGlite runs one transaction at a time.
    it.skipIf(kind !== "postgres")("judges what a save committed while the submission waited for the application's lock", async () => {
      const applicant = await newApplicant();
      const applicationId = await completeApplication(applicant);
      // Another transaction holds the draft's row (as every save, upload and removal does) and withdraws the privacy
      // consent; the submission starts while it is held and must see the consent gone once it gets the row.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const saving = env.db.transaction().execute(async (trx) => {
        await trx.selectFrom("applications").select("id").where("id", "=", applicationId).forUpdate().execute();
        await trx.deleteFrom("application_consents").where("application_id", "=", applicationId).where("kind", "=", "privacy_appi").execute();
        holding();
        await released;
      });
      await held;
      const submitting = refusalsOf(submitApplication(env.ctx, applicant));
      // release only once the submission waits for the row (a lock not granted), so the test cannot pass by timing
      for (let i = 0; ; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks where not granted`.execute(env.db);
        if (rows[0]!.n > 0) break;
        if (i > 200) throw new Error("the submission never waited for the application's row");
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      await saving;
      const refusals = await submitting;
      expect(refusals.map((r) => r.code)).toEqual(["not_eligible"]);
      expect((await applicationOf(applicant)).status).toBe("draft");
    });

    it("gives every application its own receipt number", async () => {
      const [x, y] = await Promise.all([newApplicant(), newApplicant()]);
      await completeApplication(x);
      await completeApplication(y, { nationality: "ID", residenceCountry: "ID" });
      const [rx, ry] = await Promise.all([submitApplication(env.ctx, x), submitApplication(env.ctx, y)]);
      expect(rx.receiptNumber).not.toBe(ry.receiptNumber);
    });

    it("no longer lets the applicant change a submitted application", async () => {
      const applicant = await newApplicant();
      await completeApplication(applicant);
      await submitApplication(env.ctx, applicant);
      expect(await refusalsOf(save(applicant, "personal", { familyName: "Changed" }))).toEqual([{ code: "not_draft", status: "submitted" }]);
      expect(await refusalsOf(uploadApplicationDocument(env.ctx, applicant, { kind: "other", file: pdfFile() }))).toEqual([
        { code: "not_draft", status: "submitted" },
      ]);
      expect((await applicationOf(applicant)).family_name).toBe(PERSONAL.familyName);
      expect((await getMyApplication(env.ctx, applicant)).editable).toBe(false);
    });

    it("refuses saving and submitting from the application deadline on", async () => {
      const [applicant, late] = await Promise.all([newApplicant(), newApplicant()]);
      await completeApplication(applicant);
      env.clock.set(new Date(CLOSE.getTime() - 1));
      await expect(save(applicant, "contact", { phone: "+84 28 1234 5678" })).resolves.toMatchObject({ fieldErrors: {} });
      env.clock.set(CLOSE);
      const deadline = [{ code: "deadline_passed", at: CLOSE }];
      expect(await refusalsOf(save(applicant, "contact", { phone: "+84 28 0000 0000" }))).toEqual(deadline);
      expect(await refusalsOf(submitApplication(env.ctx, applicant))).toEqual(deadline);
      expect(await refusalsOf(save(late, "personal", PERSONAL))).toEqual(deadline);
      expect(await env.db.selectFrom("applications").select("id").where("applicant_user_id", "=", late.userId).execute()).toEqual([]);
      const row = await applicationOf(applicant);
      expect(row).toMatchObject({ status: "draft", receipt_number: null, phone: "+84 28 1234 5678" });
      expect((await getMyApplication(env.ctx, applicant)).editable).toBe(false);
    });
  });

  describe("recordEligibilityOverride", () => {
    it("lets an operator override a rule with a reason, so an otherwise eligible applicant can submit", async () => {
      const applicant = await newApplicant();
      const applicationId = await completeApplication(applicant, { dateOfBirth: "1980-01-15" });
      expect(await unmetOf(applicant)).toEqual(["age"]);
      const refusals = await refusalsOf(submitApplication(env.ctx, applicant));
      expect(refusals).toEqual([{ code: "not_eligible", unmet: [{ rule: "age", code: "too_old", age: 47, min: 20, max: 40, referenceDate: "2027-04-01" }] }]);

      const reason = "Ministry approved an exception for this alumnus.";
      await recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "age", reason });
      expect(await unmetOf(applicant)).toEqual([]);
      const detail = await getApplicationDetail(env.ctx, operator, applicationId);
      expect(detail.eligibility.raw.unmet.map((u) => u.rule)).toEqual(["age"]);
      expect(detail.eligibility.effective).toEqual({ eligible: true, unmet: [] });
      expect(detail.application.overrides).toMatchObject([{ rule: "age", reason }]);
      const audit = await auditOf(applicationId, "application.eligibility_override");
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_user_id: operator.userId, actor_role: "operator", after: expect.objectContaining({ rule: "age", reason }) });

      await expect(submitApplication(env.ctx, applicant)).resolves.toMatchObject({
        alreadySubmitted: false,
        receiptNumber: expect.stringMatching(/^JIP27-\d+$/),
      });
    });

    it("replaces an earlier override of the same rule", async () => {
      const applicant = await newApplicant();
      const applicationId = await completeApplication(applicant, { dateOfBirth: "1980-01-15" });
      await recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "age", reason: "First reason, long enough." });
      await recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "age", reason: "Second reason, long enough." });
      const rows = await env.db.selectFrom("eligibility_overrides").selectAll().where("application_id", "=", applicationId).orderBy("reason").execute();
      expect(rows.map((r) => [r.reason, r.revoked_at === null])).toEqual([
        ["First reason, long enough.", false],
        ["Second reason, long enough.", true],
      ]);
    });

    it("needs a reason of at least 10 characters and an overridable rule", async () => {
      const applicant = await newApplicant();
      const { applicationId } = await save(applicant, "personal", PERSONAL);
      const short = await validationErrorOf(recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "age", reason: "  too old  " }));
      expect(short.fieldErrors).toEqual({ reason: [{ key: "errors.overrideReason", params: { min: 10 } }] });
      const consent = await validationErrorOf(
        recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "consent_privacy", reason: "The applicant said yes on the phone." }),
      );
      expect(consent.fieldErrors).toEqual({ rule: [{ key: "errors.chooseOne" }] });
      await expect(recordEligibilityOverride(env.ctx, operator, crypto.randomUUID(), { rule: "age", reason: "A long enough reason." })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await env.db.selectFrom("eligibility_overrides").select("id").where("application_id", "=", applicationId).execute()).toEqual([]);
    });

    it("is for operators only", async () => {
      const applicant = await newApplicant();
      const { applicationId } = await save(applicant, "personal", PERSONAL);
      const input = { rule: "age", reason: "I think I am eligible anyway." };
      await expect(recordEligibilityOverride(env.ctx, applicant, applicationId, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(recordEligibilityOverride(env.ctx, ministry, applicationId, input)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await env.db.selectFrom("eligibility_overrides").select("id").where("application_id", "=", applicationId).execute()).toEqual([]);
    });
  });

  describe("withdrawApplication", () => {
    it("withdraws a submitted application with a reason, recorded in the status history", async () => {
      const applicant = await newApplicant();
      const applicationId = await completeApplication(applicant);
      await submitApplication(env.ctx, applicant);
      env.clock.advance(3_600_000);

      const missing = await validationErrorOf(withdrawApplication(env.ctx, applicant, { reason: "  " }));
      expect(missing.fieldErrors).toEqual({ reason: [{ key: "errors.reasonRequired", params: { min: 3 } }] });
      expect((await applicationOf(applicant)).status).toBe("submitted");

      await withdrawApplication(env.ctx, applicant, { reason: "Accepted a job offer at home." });
      expect(await applicationOf(applicant)).toMatchObject({ status: "withdrawn", withdrawn_reason: "Accepted a job offer at home." });
      const history = await env.db
        .selectFrom("application_status_history")
        .selectAll()
        .where("application_id", "=", applicationId)
        .orderBy("changed_at")
        .execute();
      expect(history.map((h) => [h.from_status, h.to_status, h.reason])).toEqual([
        ["draft", "submitted", null],
        ["submitted", "withdrawn", "Accepted a job offer at home."],
      ]);
      expect(history[1]!.changed_at.getTime()).toBe(env.clock.now().getTime());
      expect(await auditOf(applicationId, "application.withdraw")).toMatchObject([{ before: { status: "submitted" }, after: { status: "withdrawn" } }]);

      expect(await refusalsOf(withdrawApplication(env.ctx, applicant, { reason: "Again, just in case." }))).toEqual([{ code: "not_withdrawable" }]);
      // a withdrawn application stays withdrawn: neither editable nor submittable
      expect(await refusalsOf(save(applicant, "personal", PERSONAL))).toEqual([{ code: "not_draft", status: "withdrawn" }]);
      expect(await refusalsOf(submitApplication(env.ctx, applicant))).toEqual([{ code: "not_draft", status: "withdrawn" }]);
    });

    it("two withdrawals at once: one withdraws, the other is refused and reaches the page as a 409, not a 500", async () => {
      const applicant = await newApplicant();
      await completeApplication(applicant);
      await submitApplication(env.ctx, applicant);
      const form = new FormData();
      form.append("reason", "Pressed the button twice.");
      const request = new Request("http://localhost/en/application/status", { method: "POST" });
      const [first, second] = await Promise.all(
        [0, 1].map(() => runForm(request, "en", form, () => withdrawApplication(env.ctx, applicant, { reason: form.get("reason") }))),
      );
      const outcomes = [first!, second!];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const refused = outcomes.find((o) => !o.ok);
      expect(refused && !refused.ok ? { status: refused.response.init?.status, data: refused.response.data } : null).toMatchObject({
        status: 409,
        data: { refusals: ["This application can no longer be withdrawn."], values: { reason: "Pressed the button twice." } },
      });
      expect((await applicationOf(applicant)).status).toBe("withdrawn");
    });

    it("refuses an applicant with nothing to withdraw", async () => {
      const applicant = await newApplicant();
      expect(await refusalsOf(withdrawApplication(env.ctx, applicant, { reason: "Changed my mind." }))).toEqual([{ code: "not_withdrawable" }]);
    });
  });

  describe("listApplications and exportApplicationsCsv", () => {
    const tag = `t${crypto.randomUUID().slice(0, 8)}`;
    const ids = { a: crypto.randomUUID(), b: crypto.randomUUID(), c: crypto.randomUUID(), d: crypto.randomUUID() };

    beforeAll(async () => {
      const base = { round_id: roundId };
      await env.db
        .insertInto("applications")
        .values([
          {
            ...base,
            id: ids.a,
            status: "submitted",
            receipt_number: `JIPX-${tag}-A`,
            submitted_at: new Date("2027-05-03T00:00:00Z"),
            family_name: `Nguyễn ${tag}`,
            given_name: "Thị Lan",
            contact_email: `${tag}-a@example.vn`,
            nationality: "VN",
            eligibility_unmet: [],
          },
          {
            ...base,
            id: ids.b,
            status: "submitted",
            receipt_number: `JIPX-${tag}-B`,
            submitted_at: new Date("2027-05-02T00:00:00Z"),
            family_name: "สมชาย",
            given_name: `ใจดี ${tag}`,
            contact_email: `${tag}-b@example.th`,
            nationality: "TH",
            eligibility_unmet: ["language"],
          },
          {
            ...base,
            id: ids.c,
            status: "draft",
            family_name: "Lê",
            given_name: "Hoàng Anh",
            contact_email: `${tag}-c@example.vn`,
            nationality: "VN",
            eligibility_unmet: ["document", "consent_privacy"],
          },
          {
            ...base,
            id: ids.d,
            status: "withdrawn",
            receipt_number: `JIPX-${tag}-D`,
            submitted_at: new Date("2027-05-01T00:00:00Z"),
            family_name: '=HYPERLINK("http://evil.example","x")',
            given_name: `${tag} "Wei", Jr`,
            contact_email: "wei@example.cn",
            nationality: "CN",
            eligibility_unmet: [],
          },
        ])
        .execute();
      await env.db
        .insertInto("application_languages")
        .values([
          { id: crypto.randomUUID(), application_id: ids.a, kind: "jlpt", jlpt_level: "N2" },
          { id: crypto.randomUUID(), application_id: ids.c, kind: "jlpt", jlpt_level: "N4" },
          { id: crypto.randomUUID(), application_id: ids.d, kind: "english_test", english_test: "toeic_lr", score: 700 },
        ])
        .execute();
    });

    const page = { page: 1, size: 50 };
    const idsOf = async (filter: Parameters<typeof listApplications>[2], p = page) =>
      (await listApplications(env.ctx, operator, { roundId, q: tag, ...filter }, p)).items.map((r) => r.id);

    it("searches by name, e-mail and receipt number", async () => {
      const all = await listApplications(env.ctx, operator, { roundId, q: tag }, page);
      expect(all.total).toBe(4);
      // newest submission first, drafts last
      expect(all.items.map((r) => r.id)).toEqual([ids.a, ids.b, ids.d, ids.c]);
      expect(all.items[0]).toMatchObject({
        receiptNumber: `JIPX-${tag}-A`,
        familyName: `Nguyễn ${tag}`,
        email: `${tag}-a@example.vn`,
        nationality: "VN",
        status: "submitted",
        eligibilityUnmet: [],
        jlptLevel: "N2",
      });
      expect(await idsOf({ q: `${tag}-C@EXAMPLE` })).toEqual([ids.c]);
      expect(await idsOf({ q: `jipx-${tag}-b` })).toEqual([ids.b]);
      expect(await idsOf({ q: `ใจดี ${tag}` })).toEqual([ids.b]);
      expect(await idsOf({ q: `${tag}%` })).toEqual([]);
      expect(await idsOf({ q: `${tag}_` })).toEqual([]);
    });

    it("filters by nationality, status, eligibility and JLPT level", async () => {
      expect((await idsOf({ nationality: "vn" })).sort()).toEqual([ids.a, ids.c].sort());
      expect(await idsOf({ status: "withdrawn" })).toEqual([ids.d]);
      expect(await idsOf({ status: "submitted" })).toEqual([ids.a, ids.b]);
      expect(await idsOf({ eligibility: "eligible" })).toEqual([ids.a, ids.d]);
      expect(await idsOf({ eligibility: "ineligible" })).toEqual([ids.b, ids.c]);
      expect(await idsOf({ jlpt: "N2" })).toEqual([ids.a]);
      expect(await idsOf({ jlpt: "N4", nationality: "VN", eligibility: "ineligible", status: "draft" })).toEqual([ids.c]);
      expect(await idsOf({ jlpt: "N1" })).toEqual([]);
    });

    it("pages on the server", async () => {
      const p1 = await listApplications(env.ctx, operator, { roundId, q: tag }, { page: 1, size: 3 });
      const p2 = await listApplications(env.ctx, operator, { roundId, q: tag }, { page: 2, size: 3 });
      expect(p1).toMatchObject({ total: 4, page: 1, size: 3, pages: 2 });
      expect(p1.items).toHaveLength(3);
      expect(p2).toMatchObject({ total: 4, page: 2, pages: 2 });
      expect([...p1.items, ...p2.items].map((r) => r.id)).toEqual([ids.a, ids.b, ids.d, ids.c]);
      const p3 = await listApplications(env.ctx, operator, { roundId, q: tag }, { page: 3, size: 3 });
      expect(p3.items).toEqual([]);
    });

    it("every page of every size holds the rows of the one order (a later page is read from the nearer end)", async () => {
      for (const size of [1, 2, 3, 4, 5]) {
        const pages: string[] = [];
        for (let p = 1; p <= Math.ceil(4 / size) + 1; p++) {
          const got = await listApplications(env.ctx, operator, { roundId, q: tag }, { page: p, size });
          expect(got).toMatchObject({ total: 4, page: p, size, pages: Math.ceil(4 / size) });
          pages.push(...got.items.map((r) => r.id));
        }
        expect(pages, `size ${size}`).toEqual([ids.a, ids.b, ids.d, ids.c]);
      }
      // The JLPT level is read for the rows of a page read from the end too.
      expect((await listApplications(env.ctx, operator, { roundId, q: tag }, { page: 4, size: 1 })).items[0]).toMatchObject({ id: ids.c, jlptLevel: "N4" });
    });

    it("exports CSV with a BOM and header, quoting and neutralizing formulas", async () => {
      const csv = await csvText((await exportApplicationsCsv(env.ctx, operator, { roundId, q: tag })).chunks);
      const audit = await env.db
        .selectFrom("audit_log")
        .select(["actor_user_id", "after"])
        .where("action", "=", "application.export")
        .where("actor_user_id", "=", operator.userId)
        .execute();
      expect(audit.map((a) => a.after)).toContainEqual({ filter: { roundId, q: tag }, rows: 4 });
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      const lines = csv.slice(1).split("\r\n").slice(0, -1);
      expect(lines[0]).toBe("receipt_number,family_name,given_name,email,nationality,status,eligible,unmet_rules,jlpt_level,submitted_at");
      expect(lines).toHaveLength(5);
      const d = lines.find((l) => l.startsWith(`JIPX-${tag}-D,`));
      expect(d).toBe(
        `JIPX-${tag}-D,"'=HYPERLINK(""http://evil.example"",""x"")","${tag} ""Wei"", Jr",wei@example.cn,CN,withdrawn,yes,,,2027-05-01T00:00:00.000Z`,
      );
      const c = lines.find((l) => l.includes(`${tag}-c@`));
      expect(c).toBe(`,Lê,Hoàng Anh,${tag}-c@example.vn,VN,draft,no,document consent_privacy,N4,`);
      const filtered = await csvText((await exportApplicationsCsv(env.ctx, operator, { roundId, q: tag, nationality: "TH" })).chunks);
      expect(filtered.slice(1).split("\r\n").filter(Boolean)).toHaveLength(2);
    });

    it("neutralizes every formula prefix in a cell", () => {
      expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain", null, 12].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain", "", "12"]);
      expect(csvCell("a\nb")).toBe('"a\nb"');
    });

    it("is refused to applicants and the ministry", async () => {
      const applicant = await newApplicant();
      for (const actor of [applicant, ministry]) {
        await expect(listApplications(env.ctx, actor, {}, page)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(exportApplicationsCsv(env.ctx, actor, {})).rejects.toBeInstanceOf(ForbiddenError);
        await expect(getApplicationDetail(env.ctx, actor, ids.a)).rejects.toBeInstanceOf(ForbiddenError);
      }
    });
  });
});
