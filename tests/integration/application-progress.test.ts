/** Truthful progress and early eligibility (issue 19 item 4), on PGlite and PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { recordEligibilityOverride } from "#src/services/applications/record-eligibility-override.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";

const CLOSE = tokyoLocalToInstant("2027-05-31T23:59")!;
const PERSONAL = { familyName: "Nguyễn", givenName: "Thị Lan", dateOfBirth: "1999-04-12", nationality: "VN", residenceCountry: "VN", priorParticipant: "no" };

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  let roundId: string;
  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"), { twoFactorEnabled: true });
    roundId = await insertRecruitingRound(env, CLOSE);
  });

  const applicant = async () => actorFor(await createUser(env, "applicant"));

  it("counts the personal step done when the applicant answers No to prior participation", async () => {
    const a = await applicant();
    await saveApplicationStep(env.ctx, a, { step: "personal", values: PERSONAL });
    expect((await getMyApplication(env.ctx, a)).completed).toContain("personal");
  });

  it("does not count a step done while a required answer is missing", async () => {
    const a = await applicant();
    await saveApplicationStep(env.ctx, a, { step: "personal", values: { ...PERSONAL, nationality: "" } });
    expect((await getMyApplication(env.ctx, a)).completed).not.toContain("personal");
  });

  it("counts an optional step done only once the applicant has saved it, not while it is unopened", async () => {
    const a = await applicant();
    await saveApplicationStep(env.ctx, a, { step: "personal", values: PERSONAL });
    expect((await getMyApplication(env.ctx, a)).completed).not.toContain("preferences");
    await saveApplicationStep(env.ctx, a, {
      step: "preferences",
      values: { preferredJsic: [], preferredRegions: [], availablePeriods: [], preferredFields: "" },
    });
    expect((await getMyApplication(env.ctx, a)).completed).toContain("preferences");
  });

  it("tells an applicant too old right after the personal step (a rule they cannot change), until an operator lets it pass", async () => {
    const a = await applicant();
    const { applicationId } = await saveApplicationStep(env.ctx, a, { step: "personal", values: { ...PERSONAL, dateOfBirth: "1980-01-01" } });
    const mine = await getMyApplication(env.ctx, a);
    expect(mine.blocking).toEqual([{ rule: "age", code: "too_old", age: 47, min: 20, max: 40, referenceDate: "2027-04-01" }]);
    // A missing answer or a language the applicant can still improve does not stop them.
    const b = await applicant();
    await saveApplicationStep(env.ctx, b, { step: "personal", values: { familyName: "Lim" } });
    expect((await getMyApplication(env.ctx, b)).blocking).toEqual([]);
    await recordEligibilityOverride(env.ctx, operator, applicationId, { rule: "age", reason: "Born on the reference date; the committee agreed." });
    expect((await getMyApplication(env.ctx, a)).blocking).toEqual([]);
  });

  it("stops a national of a country not on the round's DAC list", async () => {
    const a = await applicant();
    await saveApplicationStep(env.ctx, a, { step: "personal", values: { ...PERSONAL, nationality: "US" } });
    expect((await getMyApplication(env.ctx, a)).blocking).toEqual([{ rule: "nationality", code: "not_on_dac_list", country: "US" }]);
  });

  it("says what happens next, and by when, on the status page and in the receipt e-mail (in the applicant's language)", async () => {
    await env.db
      .insertInto("round_deadlines")
      .values({ round_id: roundId, kind: "screening_end", due_at: tokyoLocalToInstant("2027-06-30T17:00")! })
      .execute();
    const user = await createUser(env, "applicant", { locale: "vi" });
    const a = actorFor(user, { locale: "vi" });
    await saveApplicationStep(env.ctx, a, { step: "personal", values: PERSONAL });
    await saveApplicationStep(env.ctx, a, { step: "languages", values: { jlptLevel: "N2", englishTest: "", englishScore: "", englishSelfLevel: "" } });
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await uploadApplicationDocument(env.ctx, a, { kind: "graduation_certificate", file: new File([pdf], "d.pdf", { type: "application/pdf" }) });
    await saveApplicationStep(env.ctx, a, { step: "consents", values: { consentPurpose: true, consentPrivacy: true } });
    expect((await getMyApplication(env.ctx, a)).next).toBeNull();
    await submitApplication(env.ctx, a);
    expect((await getMyApplication(env.ctx, a)).next).toEqual({ code: "screening", at: tokyoLocalToInstant("2027-06-30T17:00")! });
    const mail = await env.db
      .selectFrom("outbound_emails")
      .selectAll()
      .where("to_address", "=", user.email)
      .where("template", "=", "applicationReceipt")
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain("Các bước tiếp theo: Sau hạn chót nộp hồ sơ");
    expect(mail.body_text).toContain("17:00 GMT+9 30 thg 6, 2027");
  });
});
