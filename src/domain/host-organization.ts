/**
 * Host organization rules: kinds, legal forms, the employee size class
 * (derived from the number of employees, never typed), industries (JSIC
 * divisions), the program's goals, and when a host application may be edited.
 * A prefecture's region is in regions.ts.
 */
import { deadlinePassed, inHostApplicationPhase } from "./round-phases.ts";

export const HOST_KINDS = ["sme", "industry_association", "non_profit"] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const LEGAL_FORMS = [
  "株式会社",
  "有限会社",
  "合同会社",
  "合資会社",
  "合名会社",
  "一般社団法人",
  "一般財団法人",
  "公益社団法人",
  "公益財団法人",
  "事業協同組合",
  "協同組合連合会",
  "商工組合",
  "NPO法人",
  "その他",
] as const;

/** Japan Standard Industrial Classification divisions A–T (src/db/reference/jsic-divisions.json has their names). */
export const JSIC_DIVISIONS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"] as const;
export type JsicDivision = (typeof JSIC_DIVISIONS)[number];

export const OVERSEAS_STATUSES = ["ongoing", "planned", "not_planned"] as const;
export type OverseasStatus = (typeof OVERSEAS_STATUSES)[number];

export const SIZE_CLASSES = ["le9", "10to99", "100to499", "500to1000", "gt1000"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Employee ranges of each size class, inclusive (the published FY2016–2018 tables use these). */
export const SIZE_CLASS_RANGES: Record<SizeClass, { min: number; max: number | null }> = {
  le9: { min: 0, max: 9 },
  "10to99": { min: 10, max: 99 },
  "100to499": { min: 100, max: 499 },
  "500to1000": { min: 500, max: 1000 },
  gt1000: { min: 1001, max: null },
};

export function sizeClassOf(employees: number): SizeClass {
  if (!Number.isInteger(employees) || employees < 0) throw new Error("employees must be a whole number ≥ 0");
  if (employees <= 9) return "le9";
  if (employees <= 99) return "10to99";
  if (employees <= 499) return "100to499";
  if (employees <= 1000) return "500to1000";
  return "gt1000";
}

/** Text fields must not carry markup: anything that looks like an HTML tag is refused. */
export function looksLikeHtml(text: string): boolean {
  return /<\s*\/?\s*[a-zA-Z!][^>]*>/.test(text);
}

/** The program's three goals a host pursues. */
export const HOST_GOALS = ["overseas_expansion", "cross_cultural", "university_network"] as const;
export type HostGoal = (typeof HOST_GOALS)[number];

/** Host application states and which may still be edited by the host. */
export const HOST_APPLICATION_STATUSES = ["draft", "submitted", "changes_requested", "accepted", "declined", "withdrawn"] as const;
export type HostApplicationStatus = (typeof HOST_APPLICATION_STATUSES)[number];
export const HOST_DECISIONS = ["accepted", "declined", "changes_requested"] as const;
export type HostDecision = (typeof HOST_DECISIONS)[number];

/**
 * A host edits its application while the round takes host applications
 * (HOST_APPLICATION_PHASES) and before its host_application_close deadline
 * (the one boundary: deadlinePassed), then it is read-only; an application
 * the operator sent back for changes stays editable until it is submitted again.
 */
export function hostApplicationEditable(status: string, round: { phase: string; hostApplicationClose: Date | null }, now: Date): boolean {
  if (!inHostApplicationPhase(round.phase)) return false;
  if (status === "changes_requested") return true;
  if (status !== "draft" && status !== "submitted") return false;
  return round.hostApplicationClose !== null && !deadlinePassed(round.hostApplicationClose, now);
}

/** Why a host application cannot be changed now, or null when it can (the read-only page says this reason, issue 19 item 8). */
export type HostReadOnlyReason = "accepted" | "declined" | "withdrawn" | "closed" | "phase";

export function hostApplicationReadOnlyReason(
  status: string,
  round: { phase: string; hostApplicationClose: Date | null },
  now: Date,
): HostReadOnlyReason | null {
  if (hostApplicationEditable(status, round, now)) return null;
  if (status === "accepted" || status === "declined" || status === "withdrawn") return status;
  if (!inHostApplicationPhase(round.phase)) return "phase";
  return "closed";
}

/** A host application can be withdrawn while it waits for the program office's decision (before screening decides it). */
export const HOST_WITHDRAWABLE_STATUSES = ["submitted", "changes_requested"] as const;

export function hostApplicationWithdrawable(status: string): boolean {
  return (HOST_WITHDRAWABLE_STATUSES as readonly string[]).includes(status);
}

/** Where an intern works in a position: at the host in Japan, or online from home (issue 19 item 8). */
export const POSITION_MODES = ["in_person", "online"] as const;
export type PositionMode = (typeof POSITION_MODES)[number];
