/** Round editing (issue 19): every eligibility rule a parameter, deadlines audited and announced, on PGlite and PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { getOpenRound } from "#src/services/applications/get-open-round.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import type { Actor } from "#src/services/context.ts";
import { RefusedError } from "#src/services/errors.ts";
import { getRoundSettings } from "#src/services/rounds/get-round-settings.ts";
import { updateRoundDeadlines } from "#src/services/rounds/update-round-deadlines.ts";
import { updateRoundRules } from "#src/services/rounds/update-round-rules.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";
import { caught, validationErrorOf } from "./support/expect-errors.ts";

const CLOSE = tokyoLocalToInstant("2027-05-31T23:59")!;

/** The rules form as an operator posts it. */
function rulesForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eligibilityReferenceDate: "2027-04-01",
    ageMin: "20",
    ageMax: "40",
    dacListVersion: "2024-2025",
    excludedCountries: [],
    minJlptLevel: "N3",
    englishTests: { ielts: { accepted: "yes", min: "5.5" }, toeic_lr: { min: "" } },
    selfDeclaredEnglishAccepted: "yes",
    residenceInJapanAllowed: "no",
    priorParticipantsAllowed: "no",
    ...overrides,
  };
}

async function auditActions(env: TestEnv, roundId: string) {
  const rows = await env.db
    .selectFrom("audit_log")
    .select(["action", "before", "after"])
    .where("entity_type", "=", "round")
    .where("entity_id", "=", roundId)
    .orderBy("id")
    .execute();
  return rows;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"), { twoFactorEnabled: true });
    roundId = await insertRecruitingRound(env, CLOSE);
  });

  async function newApplicant(locale = "en"): Promise<Actor> {
    return actorFor(await createUser(env, "applicant", { locale }), { locale });
  }

  describe("updateRoundRules", () => {
    it("stores every rule, audits before and after, and the applicant's eligibility reads each from the round", async () => {
      const applicant = await newApplicant();
      await saveApplicationStep(env.ctx, applicant, {
        step: "personal",
        values: { familyName: "Tran", dateOfBirth: "2000-01-01", nationality: "VN", residenceCountry: "VN", priorParticipant: "no" },
      });
      await saveApplicationStep(env.ctx, applicant, {
        step: "languages",
        values: { jlptLevel: "N4", englishTest: "", englishScore: "", englishSelfLevel: "business" },
      });
      let mine = await getMyApplication(env.ctx, applicant);
      expect(mine.eligibility!.raw.unmet.map((u) => u.rule)).not.toContain("language");

      await updateRoundRules(env.ctx, operator, roundId, rulesForm({ excludedCountries: ["VN"], selfDeclaredEnglishAccepted: "no", ageMax: "25" }));
      mine = await getMyApplication(env.ctx, applicant);
      const unmet = mine.eligibility!.raw.unmet;
      expect(unmet).toContainEqual({ rule: "nationality", code: "excluded", country: "VN" });
      expect(unmet).toContainEqual({ rule: "language", code: "insufficient", minJlpt: "N3" });
      expect(unmet).toContainEqual({ rule: "age", code: "too_old", age: 27, min: 20, max: 25, referenceDate: "2027-04-01" });

      const settings = await getRoundSettings(env.ctx, operator, roundId);
      expect(settings.rules).toEqual({
        eligibilityReferenceDate: "2027-04-01",
        ageMin: 20,
        ageMax: 25,
        dacListVersion: "2024-2025",
        excludedCountries: ["VN"],
        minJlptLevel: "N3",
        englishTests: [{ test: "ielts", min: 5.5 }],
        selfDeclaredEnglishAccepted: false,
        residenceInJapanAllowed: false,
        priorParticipantsAllowed: false,
      });
      const audit = (await auditActions(env, roundId)).filter((a) => a.action === "round.rules.update");
      expect(audit).toHaveLength(1);
      expect(audit[0]!.after).toMatchObject({ age_max: 25, excluded_countries: ["VN"], self_declared_english_accepted: false });
      expect(audit[0]!.before).toMatchObject({ age_max: 40, excluded_countries: [], self_declared_english_accepted: true });

      // The public program page's rules come from the same round.
      const open = await getOpenRound(env.ctx);
      expect(open!.rules.excludedCountries).toEqual(["VN"]);
      expect(open!.englishTestNames.ielts).toBe("IELTS (overall band)");
    });

    it("refuses a test minimum off that test's scale (an IELTS band of 785), and an unknown DAC version", async () => {
      const err = await validationErrorOf(
        updateRoundRules(env.ctx, operator, roundId, rulesForm({ englishTests: { ielts: { accepted: "yes", min: "785" } }, dacListVersion: "1999" })),
      );
      expect(err.fieldErrors).toEqual({
        "englishTests.ielts.min": [{ key: "errors.scoreOffScale", params: { min: 0, max: 9 } }],
        dacListVersion: [{ key: "errors.unknownDacVersion" }],
      });
      const missing = await validationErrorOf(
        updateRoundRules(env.ctx, operator, roundId, rulesForm({ englishTests: { toeic_lr: { accepted: "yes", min: "" } } })),
      );
      expect(missing.fieldErrors).toEqual({ "englishTests.toeic_lr.min": [{ key: "errors.required" }] });
    });

    it("locks the rules once an application is submitted, but not the deadlines", async () => {
      const round = await insertRecruitingRound(env, CLOSE);
      await env.db.insertInto("applications").values({ id: crypto.randomUUID(), round_id: round, status: "withdrawn", submitted_at: new Date() }).execute();
      const err = await caught(updateRoundRules(env.ctx, operator, round, rulesForm()));
      expect(err).toBeInstanceOf(RefusedError);
      expect((err as RefusedError).refusals).toEqual([{ code: "rules_locked", submitted: 1 }]);
      expect((await getRoundSettings(env.ctx, operator, round)).rulesLocked).toBe(true);
      const moved = await updateRoundDeadlines(env.ctx, operator, round, { deadlines: { application_close: "2027-06-15T17:00" } });
      expect(moved.changed.map((c) => c.kind)).toEqual(["application_close"]);
    });
  });

  describe("updateRoundDeadlines", () => {
    it("after opening: audits the change and e-mails each affected applicant in their language, not the withdrawn", async () => {
      const round = await insertRecruitingRound(env, CLOSE);
      const vi = await createUser(env, "applicant", { locale: "vi", name: "Lan" });
      const gone = await createUser(env, "applicant", { locale: "en" });
      await env.db
        .insertInto("applications")
        .values([
          { id: crypto.randomUUID(), round_id: round, status: "draft", applicant_user_id: vi.id },
          { id: crypto.randomUUID(), round_id: round, status: "withdrawn", applicant_user_id: gone.id },
        ])
        .execute();
      const result = await updateRoundDeadlines(env.ctx, operator, round, {
        deadlines: { application_close: "2027-06-15T17:00", screening_end: "2027-07-01T12:00" },
      });
      expect(result.announcedTo).toBe(1);
      const mails = await env.db
        .selectFrom("outbound_emails")
        .selectAll()
        .where("template", "=", "roundDeadlinesChanged")
        .where("to_address", "in", [vi.email, gone.email])
        .execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.locale).toBe("vi");
      expect(mails[0]!.body_text).toContain("Xin chào Lan");
      expect(mails[0]!.body_text).toContain("17:00 GMT+9 15 thg 6, 2027");
      const audit = (await auditActions(env, round)).filter((a) => a.action === "round.deadlines.update");
      expect(audit).toHaveLength(1);
      expect(audit[0]!.before).toEqual({ application_close: CLOSE.toISOString(), screening_end: null });
      expect(audit[0]!.after).toEqual({
        application_close: tokyoLocalToInstant("2027-06-15T17:00")!.toISOString(),
        screening_end: tokyoLocalToInstant("2027-07-01T12:00")!.toISOString(),
        announcedTo: 1,
      });
    });

    it("in the draft phase: audited but announced to nobody; an unchanged form changes nothing", async () => {
      const round = await insertRecruitingRound(env, CLOSE);
      await env.db.updateTable("rounds").set({ phase: "draft" }).where("id", "=", round).execute();
      const applicant = await createUser(env, "applicant");
      await env.db.insertInto("applications").values({ id: crypto.randomUUID(), round_id: round, status: "draft", applicant_user_id: applicant.id }).execute();
      const result = await updateRoundDeadlines(env.ctx, operator, round, { deadlines: { application_close: "2027-06-01T10:00" } });
      expect(result).toMatchObject({ announcedTo: 0 });
      const same = await updateRoundDeadlines(env.ctx, operator, round, { deadlines: { application_close: "2027-06-01T10:00" } });
      expect(same).toEqual({ changed: [], announcedTo: 0 });
      expect((await auditActions(env, round)).filter((a) => a.action === "round.deadlines.update")).toHaveLength(1);
    });
  });

  describe("the applicant's answers against the round's rules", () => {
    it("refuses an English score off its test's scale (an IELTS band of 785) and keeps the other answers", async () => {
      const applicant = await newApplicant();
      const out = await saveApplicationStep(env.ctx, applicant, {
        step: "languages",
        values: { jlptLevel: "N2", englishTest: "ielts", englishScore: "785", englishSelfLevel: "" },
      });
      expect(out.fieldErrors).toEqual({ englishScore: [{ key: "errors.scoreOffScale", params: { min: 0, max: 9 } }] });
      const mine = await getMyApplication(env.ctx, applicant);
      expect(mine.application!.answers.englishScore).toBeNull();
      expect(mine.application!.answers.jlptLevel).toBe("N2");
      const ok = await saveApplicationStep(env.ctx, applicant, {
        step: "languages",
        values: { jlptLevel: "N2", englishTest: "ielts", englishScore: "6.5", englishSelfLevel: "" },
      });
      expect(ok.fieldErrors).toEqual({});
    });

    /** A closed round of an earlier fiscal year, for past participations. */
    const closedRound = async (fiscalYear: number): Promise<string> => {
      const id = crypto.randomUUID();
      await env.db
        .insertInto("rounds")
        .values({
          id,
          fiscal_year: fiscalYear,
          name_ja: String(fiscalYear),
          name_en: `old ${id}`,
          phase: "closed",
          eligibility_reference_date: `${fiscalYear}-04-01`,
          dac_list_version: "2024-2025",
        })
        .execute();
      return id;
    };

    it("finds a past participant in the platform's own records even when they answer No", async () => {
      const past = await createUser(env, "applicant");
      const oldRound = await closedRound(2024);
      await env.db
        .insertInto("applications")
        .values({
          id: crypto.randomUUID(),
          round_id: oldRound,
          status: "completed",
          applicant_user_id: null,
          family_name: "Sari",
          date_of_birth: "1998-02-03",
          nationality: "ID",
        })
        .execute();
      const actor = actorFor(past);
      await saveApplicationStep(env.ctx, actor, {
        step: "personal",
        values: { familyName: "SARI", dateOfBirth: "1998-02-03", nationality: "ID", residenceCountry: "ID", priorParticipant: "no" },
      });
      const mine = await getMyApplication(env.ctx, actor);
      expect(mine.eligibility!.raw.unmet).toContainEqual({ rule: "prior_participation", code: "participated_before" });
    });

    it("finds a past participant by their account, and not someone who only applied before", async () => {
      const oldRound = await closedRound(2023);
      const placedBefore = await createUser(env, "applicant");
      const appliedBefore = await createUser(env, "applicant");
      for (const [user, status] of [
        [placedBefore, "placed"],
        [appliedBefore, "submitted"],
      ] as const)
        await env.db
          .insertInto("applications")
          .values({ id: crypto.randomUUID(), round_id: oldRound, status, applicant_user_id: user.id, family_name: `Other ${status}`, nationality: "TH" })
          .execute();
      const unmetOf = async (user: typeof placedBefore) => {
        const actor = actorFor(user);
        await saveApplicationStep(env.ctx, actor, {
          step: "personal",
          values: { familyName: "Wong", dateOfBirth: "1999-05-06", nationality: "TH", residenceCountry: "TH", priorParticipant: "no" },
        });
        return (await getMyApplication(env.ctx, actor)).eligibility!.raw.unmet;
      };
      expect(await unmetOf(placedBefore)).toContainEqual({ rule: "prior_participation", code: "participated_before" });
      expect(await unmetOf(appliedBefore)).not.toContainEqual({ rule: "prior_participation", code: "participated_before" });
    });
  });
});
