/**
 * The retention schedule (issue 19 item 7, ADR 0031). A round closes at its last deadline; the
 * personal data of its applicants who were not selected is erased `unselectedMonths` after that,
 * that of its participants (selected onwards) `participantsMonths` after it, and the registrations
 * for its information sessions on the first of the two schedules. IP addresses in the audit log are
 * kept AUDIT_IP_RETENTION_DAYS for security investigations, then erased, whoever they belong to.
 */

export const AUDIT_IP_RETENTION_DAYS = 90;

export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;

/** Application statuses of people who took part (selected onwards); every other status is "not selected". */
export const PARTICIPANT_STATUSES = ["selected", "matched", "placed", "completed"] as const;

export function isParticipantStatus(status: string): boolean {
  return (PARTICIPANT_STATUSES as readonly string[]).includes(status);
}

/** The instant `months` calendar months after `from` (UTC; the 31st becomes the month's last day). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface RoundSchedule {
  /** The round's last deadline, or null when it has none (then nothing is due). */
  closesAt: Date | null;
  unselectedMonths: number;
  participantsMonths: number;
}

/** When each kind of personal record of a round is due for erasure (null: never, the round has no deadlines). */
export function erasureDates(s: RoundSchedule): { unselected: Date | null; participants: Date | null; registrations: Date | null } {
  if (!s.closesAt) return { unselected: null, participants: null, registrations: null };
  const unselected = addMonths(s.closesAt, s.unselectedMonths);
  const participants = addMonths(s.closesAt, s.participantsMonths);
  return { unselected, participants, registrations: unselected < participants ? unselected : participants };
}

/** Audit entries at or before this instant lose their IP address. */
export function auditIpCutoff(now: Date, days = AUDIT_IP_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * 24 * 3600_000);
}
