/** Truthful progress and early eligibility (issue 19 item 4), on PGlite and PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { recordEligibilityOverride } from "#src/services/applications/record-eligibility-override.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, actorFor, createUser, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";

const CLOSE = tokyoLocalToInstant("2027-05-31T23:59")!;
const PERSONAL = { familyName: "Nguyễn", givenName: "Thị Lan", dateOfBirth: "1999-04-12", nationality: "VN", residenceCountry: "VN", priorParticipant: "no" };

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"), { twoFactorEnabled: true });
    await insertRecruitingRound(env, CLOSE);
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
});
