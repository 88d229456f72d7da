import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { deadlinePassed } from "../../domain/round-phases.ts";
import { instantToTokyoLocal } from "../../domain/time.ts";
import { DEFAULT_LOCALE, isLocale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { loadRound, loadSettings, screeningDeadline } from "./screening-record.ts";

/**
 * The operator reminds the reviewers who still have open reads (assigned, not
 * submitted) of the round's screening deadline: one e-mail each, queued in
 * the e-mail outbox in the same transaction. Idempotent: a reviewer is
 * reminded at most once per deadline (screening_reminders, keyed by round,
 * reviewer and the deadline's instant), so pressing twice, or two operators
 * at once, queues nothing more; moving the deadline allows one more.
 * Refused without a deadline, after it (scores can no longer change) or once
 * screening closed. Audited with who was reminded.
 */
export async function sendScreeningReminders(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ queued: number; alreadyReminded: number }> {
  const who = authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  if (round.phase !== "screening") throw new RefusedError("screeningOps.refusals", [{ code: "notScreening" }]);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    if ((await loadSettings(trx, roundId)).closedAt) throw new RefusedError("screeningOps.refusals", [{ code: "closed" }]);
    const deadline = await screeningDeadline(trx, roundId);
    if (!deadline) throw new RefusedError("screeningOps.refusals", [{ code: "noDeadline" }]);
    if (deadlinePassed(deadline, now)) throw new RefusedError("screeningOps.refusals", [{ code: "deadlinePassed" }]);
    return queueScreeningReminders(ctx, trx, round, deadline, now, who, true);
  });
}

/**
 * Claims and queues the reminders of one round's deadline, inside the
 * caller's transaction (the round row locked): one per reviewer with open
 * reads who has none for this deadline yet. Shared by the operator's button
 * (`who` set, always audited) and the timed job (`who` null, audited only
 * when something was queued, so an idle tick writes nothing).
 */
export async function queueScreeningReminders(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  round: { name_ja: string; name_en: string; id: string },
  deadline: Date,
  now: Date,
  who: Actor | null,
  auditEmpty: boolean,
): Promise<{ queued: number; alreadyReminded: number }> {
  const roundId = round.id;
  const open = await trx
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .innerJoin("user", "user.id", "review_assignments.reviewer_user_id")
    .select(["review_assignments.reviewer_user_id", "user.email", "user.name", "user.locale", (eb) => eb.fn.countAll<string>().as("n")])
    .where("applications.round_id", "=", roundId)
    .where("review_assignments.completed_at", "is", null)
    .groupBy(["review_assignments.reviewer_user_id", "user.email", "user.name", "user.locale"])
    .orderBy("review_assignments.reviewer_user_id")
    .execute();
  if (open.length === 0) return { queued: 0, alreadyReminded: 0 };
  const claimed = await trx
    .insertInto("screening_reminders")
    .values(
      open.map((o) => ({
        round_id: roundId,
        reviewer_user_id: o.reviewer_user_id,
        due_at: deadline,
        open_reads: Number(o.n),
        queued_at: now,
        queued_by: who?.userId ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(["round_id", "reviewer_user_id", "due_at"]).doNothing())
    .returning("reviewer_user_id")
    .execute();
  const mine = new Set(claimed.map((c) => c.reviewer_user_id));
  const to = open.filter((o) => mine.has(o.reviewer_user_id));
  const due = `${instantToTokyoLocal(deadline).replace("T", " ")} (Asia/Tokyo)`;
  if (to.length > 0) {
    await ctx.mailer.queueAll(
      to.map((o) => {
        const locale = o.locale === "ja" || o.locale === "en" ? o.locale : isLocale(o.locale ?? "") ? "en" : DEFAULT_LOCALE;
        return {
          to: o.email,
          template: "screeningReminder" as const,
          locale,
          params: {
            name: o.name,
            round: locale === "ja" ? round.name_ja : round.name_en,
            open: Number(o.n),
            deadline: due,
            url: `${ctx.publicUrl}/${locale}/reviewer`,
          },
        };
      }),
      trx,
    );
  }
  if (to.length > 0 || auditEmpty) {
    await writeAudit(trx, who, {
      action: "screening.remind",
      entityType: "round",
      entityId: roundId,
      after: {
        deadline: deadline.toISOString(),
        reminded: to.map((o) => o.reviewer_user_id),
        alreadyReminded: open.length - to.length,
        automatic: who === null,
      },
    });
  }
  return { queued: to.length, alreadyReminded: open.length - to.length };
}
