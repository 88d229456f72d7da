/**
 * The retention job's work (issue 19 item 7, ADR 0031): for each round past a date of its retention
 * schedule (src/domain/retention.ts), erases the personal data of its applicants who were not
 * selected, of its participants, and of the registrations for its information sessions; then erases
 * the IP addresses of audit entries older than the IP retention period. Each round's erasure is one
 * transaction with its audit entry ("retention.erase"); a run that finds nothing due writes nothing.
 * Safe to run twice at once or again after a crash: only records not yet erased are picked.
 */
import { auditIpCutoff, erasureDates, isParticipantStatus as isParticipant } from "../../domain/retention.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { eraseApplications, eraseRegistrations } from "./personal-records.ts";

export interface RetentionRun {
  rounds: { roundId: string; unselected: number; participants: number; registrations: number }[];
  auditIps: number;
}

export async function applyRetention(ctx: ServiceContext, now: Date = ctx.clock()): Promise<RetentionRun> {
  const out: RetentionRun = { rounds: [], auditIps: 0 };
  const rounds = await ctx.db
    .selectFrom("rounds as r")
    .innerJoin("round_deadlines as d", "d.round_id", "r.id")
    .select((eb) => ["r.id", "r.retention_unselected_months", "r.retention_participants_months", eb.fn.max("d.due_at").as("closes_at")])
    .groupBy(["r.id", "r.retention_unselected_months", "r.retention_participants_months"])
    .execute();
  for (const r of rounds) {
    const due = erasureDates({
      closesAt: r.closes_at ? new Date(r.closes_at as Date | string) : null,
      unselectedMonths: r.retention_unselected_months,
      participantsMonths: r.retention_participants_months,
    });
    const unselectedDue = due.unselected !== null && due.unselected <= now;
    const participantsDue = due.participants !== null && due.participants <= now;
    const registrationsDue = due.registrations !== null && due.registrations <= now;
    if (!unselectedDue && !participantsDue && !registrationsDue) continue;
    const done = await ctx.db.transaction().execute(async (trx) => {
      const pending = await trx
        .selectFrom("applications")
        .select(["id", "status"])
        .where("round_id", "=", r.id)
        .where("personal_data_erased_at", "is", null)
        .forUpdate()
        .execute();
      const unselected = unselectedDue ? pending.filter((a) => !isParticipant(a.status)).map((a) => a.id) : [];
      const participants = participantsDue ? pending.filter((a) => isParticipant(a.status)).map((a) => a.id) : [];
      const registrations = registrationsDue
        ? (
            await trx
              .selectFrom("session_registrations")
              .select("id")
              .where("personal_data_erased_at", "is", null)
              .where("session_id", "in", (eb) => eb.selectFrom("information_sessions").select("id").where("round_id", "=", r.id))
              .execute()
          ).map((x) => x.id)
        : [];
      if (unselected.length + participants.length + registrations.length === 0) return null;
      const keys = await eraseApplications(trx, [...unselected, ...participants], now, { anonymize: false });
      await eraseRegistrations(trx, registrations, now);
      const counts = { unselected: unselected.length, participants: participants.length, registrations: registrations.length };
      await writeAudit(trx, null, { action: "retention.erase", entityType: "round", entityId: r.id, after: { ...counts, files: keys.length } });
      return { counts, keys };
    });
    if (!done) continue;
    for (const key of done.keys) await ctx.files.remove(key);
    out.rounds.push({ roundId: r.id, ...done.counts });
  }
  const cutoff = auditIpCutoff(now);
  out.auditIps = await ctx.db.transaction().execute(async (trx) => {
    const erased = await trx
      .updateTable("audit_log")
      .set({ ip: null, ip_salt: null })
      .where("ip", "is not", null)
      .where("at", "<=", cutoff)
      .returning("id")
      .execute();
    if (erased.length > 0) {
      await writeAudit(trx, null, {
        action: "retention.audit_ips",
        entityType: "audit_log",
        entityId: null,
        after: { erased: erased.length, before: cutoff.toISOString() },
      });
    }
    return erased.length;
  });
  return out;
}
