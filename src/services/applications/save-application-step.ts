import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import type { FieldError } from "../errors.ts";
import { toFieldError } from "../validation.ts";
import { STEPS, STEP_FIELDS, type Step } from "./application-steps.ts";
import { CONSENT_POLICY_VERSION, refreshEligibility } from "./application-record.ts";
import { findOrCreateDraft } from "./find-or-create-draft.ts";
import { scoreOnScale } from "../../domain/round-rules.ts";

export interface SaveResult {
  applicationId: string;
  saved: string[];
  fieldErrors: Record<string, FieldError[]>;
  next: Step | null;
}

/**
 * Saves one step of the applicant's draft. Every field is validated on its
 * own: valid answers are saved even when another field of the step is wrong,
 * so nothing typed is lost; the wrong ones come back as field errors.
 * Used by the step form (JavaScript off) and by autosave (on).
 */
export async function saveApplicationStep(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { step: Step; values: Record<string, unknown>; autosave?: boolean },
): Promise<SaveResult> {
  const who = authorize(actor, "application.manage");
  const valid: Record<string, unknown> = {};
  const fieldErrors: Record<string, FieldError[]> = {};
  for (const spec of STEP_FIELDS[input.step]) {
    if (!(spec.name in input.values)) continue;
    const raw = input.values[spec.name];
    const emptyOptional = !spec.required && (raw === "" || raw === false || (Array.isArray(raw) && raw.length === 0));
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) valid[spec.name] = parsed.data;
    else if (emptyOptional) valid[spec.name] = spec.kind === "checkboxes" ? [] : spec.kind === "checkbox" ? false : null;
    else {
      const blank = raw === "" || raw === false || raw === undefined;
      // An empty required field saves as empty (the applicant may come back to it) and is reported.
      if (blank && spec.kind !== "checkbox") valid[spec.name] = null;
      if (blank && spec.kind === "checkbox") valid[spec.name] = false;
      const issue = parsed.error.issues[0];
      const error = issue ? toFieldError(issue) : { key: "errors.invalid" };
      fieldErrors[spec.name] = [blank && spec.required && error.key !== "errors.consentRequired" ? { key: "errors.required" } : error];
    }
  }
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await findOrCreateDraft(trx, who, ctx.clock());
    await checkScoreOnScale(trx, id, valid, fieldErrors);
    await writeAnswers(trx, id, valid, ctx.clock());
    await refreshEligibility(trx, id);
    const next = Object.keys(fieldErrors).length === 0 ? (STEPS[STEPS.indexOf(input.step) + 1] ?? null) : null;
    if (next && !input.autosave) {
      await trx
        .updateTable("applications")
        .set((eb) => ({
          current_step: next,
          saved_steps: sql<
            string[]
          >`case when ${input.step} = any(${eb.ref("saved_steps")}) then ${eb.ref("saved_steps")} else array_append(${eb.ref("saved_steps")}, ${input.step}::text) end`,
        }))
        .where("id", "=", id)
        .execute();
    }
    await writeAudit(trx, who, {
      action: input.autosave ? "application.autosave" : "application.save_step",
      entityType: "application",
      entityId: id,
      // Field names only: the audit log is not a second copy of personal data.
      after: { step: input.step, saved: Object.keys(valid), invalid: Object.keys(fieldErrors) },
    });
    return { applicationId: id, saved: Object.keys(valid), fieldErrors, next };
  });
}

/**
 * An English score must be possible on its test's own scale (english_tests:
 * an IELTS band of 785 is not); an impossible one is reported and not saved.
 */
async function checkScoreOnScale(trx: Kysely<Database>, id: string, valid: Record<string, unknown>, fieldErrors: Record<string, FieldError[]>) {
  if (typeof valid.englishScore !== "number") return;
  let test = "englishTest" in valid ? (valid.englishTest as string | null) : undefined;
  if (test === undefined) {
    const stored = await trx
      .selectFrom("application_languages")
      .select("english_test")
      .where("application_id", "=", id)
      .where("kind", "=", "english_test")
      .executeTakeFirst();
    test = stored?.english_test ?? null;
  }
  if (!test) return;
  const scale = await trx.selectFrom("english_tests").select(["min_score", "max_score"]).where("code", "=", test).executeTakeFirst();
  if (!scale) return;
  const range = { min: Number(scale.min_score), max: Number(scale.max_score) };
  if (!scoreOnScale(valid.englishScore, range)) {
    fieldErrors.englishScore = [{ key: "errors.scoreOffScale", params: range }];
    valid.englishScore = null;
  }
}

const COLUMNS: Record<string, string> = {
  familyName: "family_name",
  givenName: "given_name",
  dateOfBirth: "date_of_birth",
  nationality: "nationality",
  residenceCountry: "residence_country",
  priorParticipant: "prior_participant",
  heardAbout: "heard_about",
  contactEmail: "contact_email",
  phone: "phone",
  address: "address",
  englishSelfLevel: "english_self_level",
  motivationLearn: "motivation_learn",
  motivationUse: "motivation_use",
  preferredJsic: "preferred_jsic",
  preferredRegions: "preferred_regions",
  availablePeriods: "available_periods",
};

async function writeAnswers(trx: Kysely<Database>, id: string, v: Record<string, unknown>, now: Date) {
  const set: Record<string, unknown> = { updated_at: now };
  for (const [field, column] of Object.entries(COLUMNS)) if (field in v) set[column] = v[field];
  if ("preferredFields" in v) set.preferred_fields = v.preferredFields ? [v.preferredFields] : [];
  await trx.updateTable("applications").set(set).where("id", "=", id).execute();

  if (["university", "degree", "field", "graduationYear", "currentlyEnrolled"].some((k) => k in v)) {
    const current = await trx.selectFrom("application_education").selectAll().where("application_id", "=", id).executeTakeFirst();
    const row = {
      // `in`, not `??`: a required field the applicant emptied is saved as empty, not as its old value.
      university: (("university" in v ? v.university : current?.university) as string | null) ?? "",
      degree: (("degree" in v ? v.degree : current?.degree) as string | null) ?? "",
      field: (("field" in v ? v.field : current?.field) as string | null) ?? "",
      graduation_year: ("graduationYear" in v ? v.graduationYear : current?.graduation_year) as number | null,
      currently_enrolled: ("currentlyEnrolled" in v ? v.currentlyEnrolled : (current?.currently_enrolled ?? false)) as boolean,
    };
    await trx
      .insertInto("application_education")
      .values({ id: crypto.randomUUID(), application_id: id, ...row })
      .onConflict((oc) => oc.column("application_id").doUpdateSet(row))
      .execute();
  }
  if ("employer" in v || "jobTitle" in v) {
    if (!v.employer && !v.jobTitle) await trx.deleteFrom("application_employment").where("application_id", "=", id).execute();
    else {
      const row = { employer: (v.employer as string | null) ?? "", job_title: (v.jobTitle as string | null) ?? "" };
      await trx
        .insertInto("application_employment")
        .values({ id: crypto.randomUUID(), application_id: id, ...row })
        .onConflict((oc) => oc.column("application_id").doUpdateSet(row))
        .execute();
    }
  }
  if ("jlptLevel" in v) {
    await trx.deleteFrom("application_languages").where("application_id", "=", id).where("kind", "=", "jlpt").execute();
    if (v.jlptLevel)
      await trx
        .insertInto("application_languages")
        .values({ id: crypto.randomUUID(), application_id: id, kind: "jlpt", jlpt_level: v.jlptLevel as string })
        .execute();
  }
  if ("englishTest" in v || "englishScore" in v) {
    await trx.deleteFrom("application_languages").where("application_id", "=", id).where("kind", "=", "english_test").execute();
    if (v.englishTest) {
      await trx
        .insertInto("application_languages")
        .values({
          id: crypto.randomUUID(),
          application_id: id,
          kind: "english_test",
          english_test: v.englishTest as string,
          score: (v.englishScore as number | null) ?? null,
        })
        .execute();
    }
  }
  for (const [field, kind] of [
    ["consentPurpose", "program_purpose"],
    ["consentPrivacy", "privacy_appi"],
  ] as const) {
    if (!(field in v)) continue;
    if (v[field] === true) {
      await trx
        .insertInto("application_consents")
        .values({ application_id: id, kind, policy_version: CONSENT_POLICY_VERSION, given_at: now })
        .onConflict((oc) => oc.columns(["application_id", "kind"]).doNothing())
        .execute();
    } else {
      await trx.deleteFrom("application_consents").where("application_id", "=", id).where("kind", "=", kind).execute();
    }
  }
}
