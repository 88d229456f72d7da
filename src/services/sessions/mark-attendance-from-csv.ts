import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { markAttendance } from "./mark-attendance.ts";

/** The e-mail addresses found anywhere in a CSV export (any column, any header), lower-cased. */
export function emailsInCsv(csv: string): string[] {
  const found = new Set<string>();
  for (const m of csv.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) found.add(m[0].toLowerCase());
  return [...found];
}

/**
 * Attendance from a CSV (e.g. a video-meeting attendance export): everyone
 * registered whose e-mail appears is marked as attending, in addition to those
 * already marked. Returns the addresses that match no registration.
 */
export async function markAttendanceFromCsv(
  ctx: ServiceContext,
  actor: Actor | null,
  sessionId: string,
  csv: string,
): Promise<{ attended: number; followUps: number; matched: number; unknown: string[] }> {
  authorize(actor, "round.manage");
  const emails = emailsInCsv(csv);
  const regs = await ctx.db.selectFrom("session_registrations").select(["id", "email", "attended", "status"]).where("session_id", "=", sessionId).execute();
  const byEmail = new Map(regs.filter((r) => r.status !== "cancelled").map((r) => [r.email.toLowerCase(), r]));
  const matched = emails.filter((e) => byEmail.has(e)).map((e) => byEmail.get(e)!.id);
  const already = regs.filter((r) => r.attended === true).map((r) => r.id);
  const result = await markAttendance(ctx, actor, sessionId, [...new Set([...already, ...matched])]);
  return { ...result, matched: matched.length, unknown: emails.filter((e) => !byEmail.has(e)) };
}
