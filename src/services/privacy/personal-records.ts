/**
 * The personal records of one person, found and erased in one place (issue 19 item 7, ADR 0031):
 * used by an account's deletion (applicants and host members), by a session-only registrant's
 * deletion and by the retention job, so that each erases the same fields.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type SurveyAudience, codedSurveyAnswers } from "../../domain/internship/survey.ts";
import { sealAuditEntries } from "../audit/write-audit.ts";
import { sameEmail } from "../email-address.ts";
import { pickVersion, renderText } from "../messages/render.ts";
import { pickLanguage } from "../sessions/session-view.ts";

type Db = Kysely<Database>;

/**
 * Erases the personal data of applications: names, date of birth, contact details, answers in the
 * applicant's own words, documents, consents, reasons in the status history; the link to the account.
 * What remains is an anonymous record (round, nationality, status, language levels, eligibility).
 * `anonymize` also replaces the status by 'anonymized' (an account's deletion, as before).
 * Returns the storage keys of the documents' and slides' files, to be removed once the transaction commits.
 */
export async function eraseApplications(trx: Db, ids: readonly string[], now: Date, opts: { anonymize: boolean }): Promise<string[]> {
  if (ids.length === 0) return [];
  const keys = (await trx.deleteFrom("application_documents").where("application_id", "in", ids).returning("storage_key").execute()).map((d) => d.storage_key);
  await trx.deleteFrom("application_education").where("application_id", "in", ids).execute();
  await trx.deleteFrom("application_employment").where("application_id", "in", ids).execute();
  await trx.deleteFrom("application_consents").where("application_id", "in", ids).execute();
  await trx.updateTable("application_status_history").set({ reason: null }).where("application_id", "in", ids).execute();
  await trx
    .updateTable("applications")
    .set({
      applicant_user_id: null,
      ...(opts.anonymize ? { status: "anonymized" } : {}),
      family_name: null,
      given_name: null,
      date_of_birth: null,
      gender: null,
      residence_country: null,
      phone: null,
      contact_email: null,
      address: null,
      motivation_learn: null,
      motivation_use: null,
      preferred_fields: [],
      withdrawn_reason: null,
      heard_about: null,
      submission_key: null,
      personal_data_erased_at: now,
      updated_at: now,
    })
    .where("id", "in", ids)
    .execute();
  await eraseReviewRecords(trx, ids);
  return [...keys, ...(await eraseInternshipRecords(trx, ids))];
}

/** What an erased reason that may not be empty reads (eligibility_overrides.reason is at least 10 characters). */
export const ERASED_REASON = "(personal data erased)";

/**
 * Erases what reviewers, interviewers and the selection committee wrote about applications (ADR
 * 0041): screening comments (overall and per criterion), interview notes and comments, the reasons of
 * selection decisions, eligibility overrides and conflicts of interest, and the values carried by the
 * audit entries about the application, its review assignments and interviews (the chain holds: each
 * is hashed on its own). Scores, recommendations, decisions, ranks and statuses stay: they are the
 * figures of the selection.
 */
export async function eraseReviewRecords(trx: Db, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const assignments = (await trx.selectFrom("review_assignments").select("id").where("application_id", "in", applicationIds).execute()).map((a) => a.id);
  const interviews = (await trx.selectFrom("interviews").select("id").where("application_id", "in", applicationIds).execute()).map((i) => i.id);
  if (assignments.length > 0) {
    await trx.updateTable("review_scores").set({ comment: null }).where("assignment_id", "in", assignments).execute();
    await trx.updateTable("review_assignments").set({ overall_comment: null }).where("id", "in", assignments).execute();
  }
  if (interviews.length > 0) await trx.updateTable("interviews").set({ notes: null, comment: null }).where("id", "in", interviews).execute();
  await trx.updateTable("selection_decisions").set({ reason: null }).where("application_id", "in", applicationIds).execute();
  await trx.updateTable("eligibility_overrides").set({ reason: ERASED_REASON }).where("application_id", "in", applicationIds).execute();
  await trx.updateTable("conflicts_of_interest").set({ reason: ERASED_REASON }).where("application_id", "in", applicationIds).execute();
  await eraseAuditValues(trx, [
    { type: "application", ids: applicationIds },
    { type: "review_assignment", ids: assignments },
    { type: "interview", ids: interviews },
  ]);
}

/**
 * Erases the internship records of the placements of applications (ADR 0041): daily reports (what
 * the intern wrote, the supervisor's comment), check-in notes, incidents' descriptions, notes,
 * resolutions and follow-up actions, final reports, survey comments, follow-up notes, and the placement's own details
 * (supervisor's name, housing, insurance, flights, why it ended). What the yearly report and the
 * accounts need stays: the placement's dates, mode and status, attendance days, the allowance ledger
 * (kept for accounting; see the ADR), survey answers to the fixed questions, incident categories and
 * severities, check-in kinds and dates, follow-up outcomes (yes/no). The final presentation's slides
 * are deleted; their storage keys are returned, for the files to be removed once the transaction commits.
 */
export async function eraseInternshipRecords(trx: Db, applicationIds: readonly string[]): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const placements = (await trx.selectFrom("placements").select("id").where("application_id", "in", applicationIds).execute()).map((p) => p.id);
  if (placements.length === 0) return [];
  const slideKeys = (await trx.deleteFrom("presentation_slides").where("placement_id", "in", placements).returning("storage_key").execute()).map(
    (s) => s.storage_key,
  );
  await trx
    .updateTable("placements")
    .set({
      supervisor_name: null,
      housing: null,
      insurance_policy: null,
      flight_arrival_at: null,
      flight_departure_at: null,
      termination_reason: null,
    })
    .where("id", "in", placements)
    .execute();
  await trx.updateTable("daily_reports").set({ body: "", learned: null, issues: null, host_comment: null }).where("placement_id", "in", placements).execute();
  await trx.updateTable("check_ins").set({ notes: null, follow_up: null }).where("placement_id", "in", placements).execute();
  const incidents = await trx
    .updateTable("incidents")
    .set({ description: "", confidential_notes: null, resolution: null })
    .where("placement_id", "in", placements)
    .returning("id")
    .execute();
  if (incidents.length) {
    await trx
      .updateTable("incident_actions")
      .set({ description: "" })
      .where(
        "incident_id",
        "in",
        incidents.map((i) => i.id),
      )
      .execute();
  }
  await trx
    .updateTable("reports")
    .set({ body: JSON.stringify({}), author_user_id: null })
    .where("placement_id", "in", placements)
    .execute();
  const responses = await trx
    .selectFrom("survey_responses as r")
    .innerJoin("surveys as s", "s.id", "r.survey_id")
    .select(["r.id", "r.answers", "s.audience"])
    .where("r.placement_id", "in", placements)
    .execute();
  for (const r of responses) {
    const answers = typeof r.answers === "string" ? (JSON.parse(r.answers) as unknown) : r.answers;
    await trx
      .updateTable("survey_responses")
      .set({ answers: JSON.stringify(codedSurveyAnswers(r.audience as SurveyAudience, answers)), respondent_user_id: null })
      .where("id", "=", r.id)
      .execute();
  }
  await trx.updateTable("outcome_followups").set({ notes: null }).where("placement_id", "in", placements).execute();
  await eraseAuditValues(trx, [
    { type: "placement", ids: placements },
    { type: "incident", ids: incidents.map((i) => i.id) },
  ]);
  return slideKeys;
}

/** Nulls the values (before/after) of the audit entries about these entities; who did what, when, stays. */
async function eraseAuditValues(trx: Db, entities: readonly { type: string; ids: readonly string[] }[]): Promise<void> {
  // Entries this transaction wrote are chained at the commit: into audit_log first, so they are erased too (ADR 0051).
  await sealAuditEntries(trx);
  for (const e of entities) {
    if (e.ids.length === 0) continue;
    await trx
      .updateTable("audit_log")
      .set({ before: null, after: null })
      .where("entity_type", "=", e.type)
      .where("entity_id", "in", e.ids)
      .where((eb) => eb.or([eb("before", "is not", null), eb("after", "is not", null)]))
      .execute();
  }
}

/**
 * Erases information-session registrations: name, e-mail address, affiliation and the link to an
 * account go; the country, the session and attendance stay for the session's figures. The cancel
 * link (a hash, no personal data) then opens only a page saying the data was erased. A place still held for a session to come is given up (status cancelled); the
 * caller promotes whoever waits.
 */
export async function eraseRegistrations(trx: Db, ids: readonly string[], now: Date): Promise<{ freedSessions: string[] }> {
  if (ids.length === 0) return { freedSessions: [] };
  const rows = await trx
    .selectFrom("session_registrations as r")
    .innerJoin("information_sessions as s", "s.id", "r.session_id")
    .select(["r.id", "r.status", "r.session_id", "s.starts_at"])
    .where("r.id", "in", ids)
    .execute();
  const freed = new Set<string>();
  for (const r of rows) {
    const upcoming = r.starts_at > now && r.status !== "cancelled";
    if (upcoming && r.status === "registered") freed.add(r.session_id);
    await trx
      .updateTable("session_registrations")
      .set({
        name: "",
        email: `erased-${r.id}@erased.invalid`,
        affiliation: null,
        user_id: null,
        personal_data_erased_at: now,
        ...(upcoming ? { status: "cancelled" } : {}),
      })
      .where("id", "=", r.id)
      .execute();
  }
  return { freedSessions: [...freed] };
}

/** The registrations of a person: those made while signed in, and those made under their e-mail address. */
export async function registrationIdsOf(db: Db, person: { userId: string | null; email: string }): Promise<string[]> {
  const rows = await db
    .selectFrom("session_registrations")
    .select("id")
    .where("personal_data_erased_at", "is", null)
    .where((eb) => {
      const byEmail = sameEmail(eb, "email", person.email);
      return person.userId ? eb.or([eb("user_id", "=", person.userId), byEmail]) : byEmail;
    })
    .execute();
  return rows.map((r) => r.id);
}

/** A person's registrations as the export shows them. */
export async function registrationsForExport(db: Db, person: { userId: string | null; email: string }, locale: string) {
  const ids = await registrationIdsOf(db, person);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("session_registrations as r")
    .innerJoin("information_sessions as s", "s.id", "r.session_id")
    .select(["r.name", "r.email", "r.country_code", "r.affiliation", "r.locale", "r.status", "r.attended", "r.created_at", "s.titles", "s.starts_at", "s.mode"])
    .where("r.id", "in", ids)
    .orderBy("s.starts_at")
    .execute();
  return rows.map(({ titles, starts_at, mode, country_code, created_at, ...r }) => ({
    session: { title: pickLanguage(titles, locale), startsAt: starts_at, mode },
    ...r,
    country: country_code,
    registeredAt: created_at,
  }));
}

/** The group messages a person received (in the language they received them in). */
export async function messagesForExport(db: Db, person: { userId: string | null; email: string }) {
  const rows = await db
    .selectFrom("message_deliveries as d")
    .innerJoin("messages as m", "m.id", "d.message_id")
    .select(["m.subject", "m.body", "m.sent_at", "d.locale", "d.recipient_name", "d.recipient_email", "d.read_at"])
    .where((eb) => {
      const byEmail = sameEmail(eb, "d.recipient_email", person.email);
      return person.userId ? eb.or([eb("d.recipient_user_id", "=", person.userId), byEmail]) : byEmail;
    })
    .orderBy("m.created_at")
    .execute();
  return rows.map((r) => ({
    subject: renderText(pickVersion(r.subject, r.locale), { name: r.recipient_name }),
    body: renderText(pickVersion(r.body, r.locale), { name: r.recipient_name }),
    locale: r.locale,
    sentTo: r.recipient_email,
    sentAt: r.sent_at,
    readAt: r.read_at,
  }));
}

/** Deletes the group messages sent to a person (their copies: the message itself is the operator's). */
export async function eraseMessageDeliveries(trx: Db, person: { userId: string | null; email: string }): Promise<void> {
  await trx
    .deleteFrom("message_deliveries")
    .where((eb) => {
      const byEmail = sameEmail(eb, "recipient_email", person.email);
      return person.userId ? eb.or([eb("recipient_user_id", "=", person.userId), byEmail]) : byEmail;
    })
    .execute();
}

/**
 * Erases the IP addresses of the audit entries a person made, written before `cutoff` (younger ones
 * are kept for security investigations and erased by the retention job when they reach the
 * retention period). The chain holds: the IP is hashed on its own (audit-chain.ts), and its salt
 * goes with it. Returns how many entries lost their address.
 */
export async function eraseAuditIpsOf(trx: Db, userId: string, cutoff: Date): Promise<number> {
  await sealAuditEntries(trx);
  const rows = await trx
    .updateTable("audit_log")
    .set({ ip: null, ip_salt: null })
    .where("actor_user_id", "=", userId)
    .where("ip", "is not", null)
    .where("at", "<=", cutoff)
    .returning("id")
    .execute();
  return rows.length;
}
