/**
 * Which message namespaces each language must have. Staff pages (operator,
 * reviewer, ministry) and host pages are Japanese and English only;
 * everything an applicant or a visitor can see is in all six languages.
 * A feature that adds a ja/en-only namespace lists it here.
 */
export const STAFF_ONLY_NAMESPACES = [
  "staff",
  "refusals",
  "round",
  "applicationStatus",
  "operator",
  "audit",
  "outbox",
  "applications",
  "mail.staffInvitation",
  "hostAuth",
  "hostNav",
  "hostOrg",
  "hostCountries",
  "hostForm",
  "hostStatus",
  "hostApplication",
  "hostScreening",
  "mail.hostInvitation",
  "mail.hostJoinRequest",
  "mail.hostDecision",
  "mail.hostSubmitted",
  // organization verification (issue 11 item 7): the operator's page and the host's e-mail
  "orgVerify",
  "mail.hostOrganizationVerification",
  "sessionsStaff",
  "sessionErrors",
  "messagesStaff",
  // the yearly report (operators and the ministry); the public open-statistics page will need vi/id/zh/th or its own namespace
  "report",
  // case studies (issue 18): the host's and the operator's pages; the public library is "cases" (six languages)
  "casesStaff",
  // the report pages (issue 17; operators and the ministry); the public page is "openStatistics" (six languages)
  "reportPage",
  "mail.caseUpdate",
  // matching (issue 15): the host's and the operator's pages; the applicant's are "matching" (six languages)
  "matchingStaff",
  "matchingOffersStaff",
  // office-shortlist mode and host interviews in matching (ADR 0037); the applicant's are "matchingShortlist" (six languages)
  "matchingShortlistStaff",
  // document screening (issue 13): reviewer and operator pages
  "screening",
  // screening operations (issue 13, second part): overrides, reassignment, aliases, reminders
  "screeningOps",
  "mail.screeningReminder",
  // interviews and selection (issue 14): the operator's, interviewer's and committee's pages; the applicant's are "interviews" (six languages)
  "interviewsStaff",
  "selection",
  // security (issue 11): what staff pages say about hidden personal data
  "securityStaff",
  // round editing (issue 19): the operator's pages; the public "who may apply" text is "whoMayApply" (six languages)
  "roundEdit",
  // hosts (issue 19 item 8): organization editing, withdrawal, the real read-only reason
  "hostEdit",
  // the internship period (issue 16): operator and host pages; the intern's pages are "internship" (six languages)
  "internshipStaff",
  // outcomes, incidents, check-ins (issue 16, ADR 0039): host and operator pages and the host e-mail; the intern's are "internshipOutcomesIntern" (six languages)
  "internshipOutcomes",
  // the internship period, second part (ADR 0035): rates, month confirmation, cohorts, late reports, check-ins (operator and host pages)
  "internshipPeriodStaff",
  "allowanceLedger",
  // the work pending in a round's phase (issue 19 item 9): the operator's round page
  "roundWork",
  // DAC list versions (issue 19 item 2): the operator's page
  "dacLists",
  // waiting-list offers and invitations by rank (issue 14, ADR 0033): the operator's invitation form
  "selectionOffersStaff",
  // the historical import (issue 17 item 3): the operator's page
  "reportImport",
  // host training and final presentations (issue 16 items 2 and 6, ADR 0038): host and operator pages; the intern's is "finalPresentation" (six languages)
  "hostTraining",
] as const;

export function isStaffOnlyKey(key: string): boolean {
  return STAFF_ONLY_NAMESPACES.some((ns) => key === ns || key.startsWith(`${ns}.`));
}
