/**
 * Reading and writing one application's answers as a flat record whose keys
 * are the form's field names (application-steps.ts), and building the
 * eligibility rules of its round. Internal to the application use cases.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { reusableQuery } from "../../db/reusable-query.ts";
import type { ApplicationsTable, Database, RoundsTable } from "../../db/schema.ts";
import {
  type ApplicantFacts,
  type EligibilityResult,
  type EligibilityRule,
  type EligibilityRules,
  applyOverrides,
  checkEligibility,
} from "../../domain/eligibility.ts";
import { type DocumentKind, isQualifyingDocument } from "../../domain/document-type.ts";
import { type ScanStatus, isServable } from "../../domain/malware/clamd-protocol.ts";
import { type FieldSpec, STEPS, STEP_FIELDS, type Step } from "./application-steps.ts";

export const CONSENT_POLICY_VERSION = "2027-1";

export type Answers = Record<string, unknown>;

export interface ApplicationDocument {
  id: string;
  kind: DocumentKind;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
  /** Where its malware check stands (ADR 0028): only a clean or not-scanned document is served or counts. */
  scanStatus: ScanStatus;
  /** The signature found, when infected. */
  scanFinding: string | null;
}

export interface LoadedApplication {
  id: string;
  roundId: string;
  applicantUserId: string | null;
  status: string;
  currentStep: string;
  receiptNumber: string | null;
  submittedAt: Date | null;
  withdrawnReason: string | null;
  answers: Answers;
  documents: ApplicationDocument[];
  overrides: { rule: EligibilityRule; reason: string; decidedAt: Date }[];
  /** Steps saved without an error (a step with no required answer is done only once saved). */
  savedSteps: string[];
  /** The platform's records show this person placed in another round (same account, or same family name, date of birth and nationality). */
  participationOnRecord: boolean;
}

/** Statuses of a past application that mean its person took part in the program. */
const PARTICIPATED_STATUSES = ["placed", "completed"];
/** Placement statuses that mean the internship began. */
const STARTED_PLACEMENTS = ["active", "completed", "terminated"];

/**
 * The person took part in an earlier round: an application of theirs (by account, or by family name,
 * date of birth and nationality) in another round was placed or completed, or its placement began.
 * Two EXISTS, one per way of recognising the person, each served by its own index
 * (applications_by_applicant_idx, applications_same_person_idx): with the two ways joined by OR in one
 * scan, PostgreSQL read the whole applications table on every submission (issue #20 item 2).
 */
function participatedBefore(eb: ExpressionBuilder<Database & { a: ApplicationsTable }, "a">) {
  const tookPart = (qb: SelectQueryBuilder<Database & { a: ApplicationsTable; p: ApplicationsTable }, "a" | "p", object>) =>
    qb
      .select(sql<number>`1`.as("found"))
      .whereRef("p.round_id", "!=", "a.round_id")
      .where((inner) =>
        inner.or([
          inner("p.status", "in", PARTICIPATED_STATUSES),
          inner.exists(
            inner
              .selectFrom("placements")
              .select("placements.id")
              .whereRef("placements.application_id", "=", "p.id")
              .where("placements.status", "in", STARTED_PLACEMENTS),
          ),
        ]),
      );
  return eb.or([
    eb.exists(tookPart(eb.selectFrom("applications as p").whereRef("p.applicant_user_id", "=", "a.applicant_user_id"))),
    eb.exists(
      tookPart(
        eb
          .selectFrom("applications as p")
          .where((inner) => inner(inner.fn("lower", ["p.family_name"]), "=", inner.fn("lower", ["a.family_name"])))
          .whereRef("p.date_of_birth", "=", "a.date_of_birth")
          .whereRef("p.nationality", "=", "a.nationality"),
      ),
    ),
  ]);
}

/**
 * Everything the forms and the eligibility check read of one application `a`, beside its own columns, as
 * columns of the same statement (the related rows as JSON): the submission at the deadline rush read it in
 * eight statements (issue #20 item 2), and reads it in the statement that finds and locks the application.
 */
export function applicationRecordColumns(eb: ExpressionBuilder<Database & { a: ApplicationsTable }, "a">) {
  return [
    jsonObjectFrom(eb.selectFrom("application_education as e").selectAll("e").whereRef("e.application_id", "=", "a.id").limit(1)).as("edu"),
    jsonObjectFrom(eb.selectFrom("application_employment as m").selectAll("m").whereRef("m.application_id", "=", "a.id").limit(1)).as("emp"),
    jsonArrayFrom(
      eb.selectFrom("application_languages as l").select(["l.kind", "l.jlpt_level", "l.english_test", "l.score"]).whereRef("l.application_id", "=", "a.id"),
    ).as("langs"),
    jsonArrayFrom(eb.selectFrom("application_consents as c").select("c.kind").whereRef("c.application_id", "=", "a.id")).as("consents"),
    jsonArrayFrom(
      eb
        .selectFrom("application_documents as d")
        .select(["d.id", "d.kind", "d.original_name", "d.content_type", "d.size_bytes", "d.uploaded_at", "d.scan_status", "d.scan_finding"])
        .whereRef("d.application_id", "=", "a.id")
        .orderBy("d.uploaded_at"),
    ).as("docs"),
    jsonArrayFrom(
      eb
        .selectFrom("eligibility_overrides as o")
        .select(["o.rule", "o.reason", "o.decided_at"])
        .whereRef("o.application_id", "=", "a.id")
        .where("o.revoked_at", "is", null),
    ).as("overrides"),
    participatedBefore(eb).as("on_record"),
  ] as const;
}

/** One application with everything the forms and the eligibility check read, in one statement. */
const loadApplicationRow = reusableQuery((db, applicationId) =>
  db
    .selectFrom("applications as a")
    .selectAll("a")
    .select((eb) => applicationRecordColumns(eb))
    .where("a.id", "=", applicationId),
);

/** The row `applicationRecordColumns` adds to an application's own columns. */
export type ApplicationRecordRow = Awaited<ReturnType<typeof loadApplicationRow>>[number];

export async function loadApplication(db: Kysely<Database>, applicationId: string): Promise<LoadedApplication | null> {
  const [app] = await loadApplicationRow(db, applicationId);
  return app ? loadedApplicationOf(app) : null;
}

/** The application as the use cases read it, from its row with `applicationRecordColumns`. */
export function loadedApplicationOf(app: ApplicationRecordRow): LoadedApplication {
  const { edu, emp, langs, consents, docs, overrides } = app;
  const onRecord = app.on_record === true;
  const jlpt = langs.find((l) => l.kind === "jlpt");
  const english = langs.find((l) => l.kind === "english_test");
  const consentKinds = new Set(consents.map((c) => c.kind));
  const answers: Answers = {
    familyName: app.family_name,
    givenName: app.given_name,
    dateOfBirth: app.date_of_birth,
    nationality: app.nationality,
    residenceCountry: app.residence_country,
    priorParticipant: app.prior_participant,
    heardAbout: app.heard_about,
    contactEmail: app.contact_email,
    phone: app.phone,
    address: app.address,
    university: edu?.university || null,
    degree: edu?.degree || null,
    field: edu?.field || null,
    graduationYear: edu?.graduation_year ?? null,
    currentlyEnrolled: edu?.currently_enrolled ?? false,
    employer: emp?.employer || null,
    jobTitle: emp?.job_title || null,
    jlptLevel: jlpt?.jlpt_level ?? null,
    englishTest: english?.english_test ?? null,
    englishScore: english?.score === null || english?.score === undefined ? null : Number(english.score),
    englishSelfLevel: app.english_self_level,
    motivationLearn: app.motivation_learn,
    motivationUse: app.motivation_use,
    preferredJsic: app.preferred_jsic,
    preferredRegions: app.preferred_regions,
    availablePeriods: app.available_periods,
    preferredFields: app.preferred_fields[0] ?? null,
    consentPurpose: consentKinds.has("program_purpose"),
    consentPrivacy: consentKinds.has("privacy_appi"),
  };
  return {
    id: app.id,
    roundId: app.round_id,
    applicantUserId: app.applicant_user_id,
    status: app.status,
    currentStep: app.current_step,
    receiptNumber: app.receipt_number,
    submittedAt: app.submitted_at,
    withdrawnReason: app.withdrawn_reason,
    answers,
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind as DocumentKind,
      originalName: d.original_name,
      contentType: d.content_type,
      sizeBytes: d.size_bytes,
      uploadedAt: new Date(d.uploaded_at),
      scanStatus: d.scan_status as ScanStatus,
      scanFinding: d.scan_status === "infected" ? d.scan_finding : null,
    })),
    overrides: overrides.map((o) => ({ rule: o.rule as EligibilityRule, reason: o.reason, decidedAt: new Date(o.decided_at) })),
    participationOnRecord: onRecord,
    savedSteps: app.saved_steps,
  };
}

export async function loadEligibilityRules(db: Kysely<Database>, roundId: string): Promise<EligibilityRules> {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const dac = await db.selectFrom("dac_list_entries").select("country_code").where("version", "=", round.dac_list_version).execute();
  return eligibilityRulesOf(
    round,
    dac.map((d) => d.country_code),
  );
}

/** The columns of a round its eligibility rules are built from. */
export const ROUND_RULE_COLUMNS = [
  "eligibility_reference_date",
  "age_min",
  "age_max",
  "excluded_countries",
  "min_jlpt_level",
  "accepted_english_tests",
  "self_declared_english_accepted",
  "residence_in_japan_allowed",
  "prior_participants_allowed",
] as const;
export type RoundRuleColumns = Pick<Selectable<RoundsTable>, (typeof ROUND_RULE_COLUMNS)[number]>;

/** A round's eligibility rules from its row and the country codes of its DAC list version (read together by the submission). */
export function eligibilityRulesOf(round: RoundRuleColumns, dacCountries: readonly string[]): EligibilityRules {
  const tests = Array.isArray(round.accepted_english_tests) ? (round.accepted_english_tests as { test: string; min: number }[]) : [];
  return {
    referenceDate: round.eligibility_reference_date,
    ageMin: round.age_min,
    ageMax: round.age_max,
    dacCountries: new Set(dacCountries),
    excludedCountries: new Set(round.excluded_countries),
    minJlptLevel: round.min_jlpt_level ?? "N3",
    englishTests: tests,
    selfDeclaredEnglishAccepted: round.self_declared_english_accepted,
    residenceInJapanAllowed: round.residence_in_japan_allowed,
    priorParticipantsAllowed: round.prior_participants_allowed,
  };
}

export function factsOf(app: LoadedApplication): ApplicantFacts {
  const a = app.answers;
  return {
    dateOfBirth: (a.dateOfBirth as string | null) ?? null,
    nationality: (a.nationality as string | null) ?? null,
    residenceCountry: (a.residenceCountry as string | null) ?? null,
    priorParticipant: (a.priorParticipant as boolean | null) ?? null,
    participationOnRecord: app.participationOnRecord,
    jlptLevel: (a.jlptLevel as string | null) ?? null,
    englishTest: a.englishTest && a.englishScore !== null ? { test: a.englishTest as string, score: a.englishScore as number } : null,
    englishSelfLevel: (a.englishSelfLevel as ApplicantFacts["englishSelfLevel"]) ?? null,
    documents: new Set(app.documents.filter((d) => isServable(d.scanStatus)).map((d) => d.kind)),
    documentsBeingChecked: new Set(app.documents.filter((d) => d.scanStatus === "pending").map((d) => d.kind)),
    consents: new Set([...(a.consentPurpose ? (["program_purpose"] as const) : []), ...(a.consentPrivacy ? (["privacy_appi"] as const) : [])]),
  };
}

/** Eligibility with the operator's overrides applied (`raw` is before overrides). */
export function eligibilityOf(app: LoadedApplication, rules: EligibilityRules): { raw: EligibilityResult; effective: EligibilityResult } {
  const raw = checkEligibility(rules, factsOf(app));
  return { raw, effective: applyOverrides(raw, new Set(app.overrides.map((o) => o.rule))) };
}

const isAnswered = (v: unknown) => !(v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0));

/** A required answer as stored is valid: a yes/no question answered either way, a consent given, any other field filled in. */
function requiredAnswerValid(spec: FieldSpec, value: unknown): boolean {
  if (spec.kind === "yesno") return typeof value === "boolean";
  if (spec.kind === "checkbox") return value === true;
  return isAnswered(value);
}

/**
 * A step is done when every required answer is valid (documents: a qualifying
 * document); a step without required answers is done once the applicant has saved it.
 */
export function completedSteps(app: LoadedApplication): Step[] {
  return STEPS.filter((step) => {
    if (step === "review") return false;
    if (step === "documents") return app.documents.some((d) => isQualifyingDocument(d.kind) && isServable(d.scanStatus));
    const required = STEP_FIELDS[step].filter((s) => s.required);
    if (required.length === 0) return app.savedSteps.includes(step);
    return required.every((s) => requiredAnswerValid(s, app.answers[s.name]));
  });
}

/** Recomputes and stores the application's unmet rules (after overrides), inside the caller's transaction. */
export async function refreshEligibility(db: Kysely<Database>, applicationId: string): Promise<EligibilityResult> {
  const app = await loadApplication(db, applicationId);
  if (!app) throw new Error(`application ${applicationId} vanished`);
  const { effective } = eligibilityOf(app, await loadEligibilityRules(db, app.roundId));
  await db
    .updateTable("applications")
    .set({ eligibility_unmet: [...new Set(effective.unmet.map((u) => u.rule))] })
    .where("id", "=", applicationId)
    .execute();
  return effective;
}
