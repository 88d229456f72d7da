/**
 * Outcome requests (issue 16 item 5, ADR 0039): on the day a completed
 * placement's 6- or 12-month milestone opens (and while it stays open, if the
 * job was not running that day), one e-mail asks the host whether it
 * employed the intern, formed a tie with an overseas university or started
 * new overseas business, with a link to the page where it answers.
 *
 * The claim is the milestone's outcome_followups row (unique per placement
 * and milestone), inserted with `on conflict do nothing returning` in the
 * transaction that queues the e-mail: a second run, or a second process at
 * the same time, finds the row and queues nothing. A milestone the host
 * already answered (the page is open from the milestone's day) is not asked.
 * Run by the outcome job (src/jobs/outcome-requests.ts) with the runtime's
 * clock; audited as the system when something was queued.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type OutcomeMilestone, earliestOpenLastDay, outcomeWindow, openMilestones } from "../../domain/internship/outcomes.ts";
import { formatDate } from "../../i18n/format.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { type PlacementRow, placementQuery, tokyoToday, toPlacementRow } from "./placement-access.ts";

/** Host e-mails are in Japanese or English: the member's language when it is one of them, else Japanese. */
export function hostLocale(locale: string | null): "ja" | "en" {
  return locale === "en" ? "en" : "ja";
}

/** Who is asked for a placement's outcome: its supervisor while still a member, else the organization's first admin, else its first member. */
export async function outcomeRecipient(
  db: Kysely<Database>,
  organizationId: string,
  supervisorUserId: string | null,
): Promise<{ userId: string; email: string; name: string; locale: string | null } | null> {
  const members = await db
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .select(["user.id", "user.email", "user.name", "user.locale", "host_memberships.org_role"])
    .where("host_memberships.organization_id", "=", organizationId)
    .orderBy("host_memberships.created_at")
    .orderBy("user.id")
    .execute();
  const pick = members.find((m) => m.id === supervisorUserId) ?? members.find((m) => m.org_role === "admin") ?? members[0];
  return pick ? { userId: pick.id, email: pick.email, name: pick.name, locale: pick.locale } : null;
}

/** What the request and the reminder say of a milestone: the intern, its last day, when answers close, the link to answer. */
export function outcomeMailParams(publicUrl: string, name: string, p: PlacementRow, milestone: OutcomeMilestone, locale: "ja" | "en") {
  return {
    name,
    intern: p.internName,
    months: milestone,
    lastDay: formatDate(p.endsOn, locale),
    closesOn: formatDate(outcomeWindow(p.endsOn, milestone).closesOn, locale),
    url: `${publicUrl}/${locale}/host/internship/${p.id}/outcomes/${milestone}`,
  };
}

export async function sendOutcomeRequests(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ queued: number }> {
  const today = tokyoToday(now);
  const candidates = (
    await placementQuery(ctx.db)
      .where("placements.status", "=", "completed")
      .where("placements.ends_on", ">=", earliestOpenLastDay(today))
      .where("placements.ends_on", "<=", today)
      .execute()
  ).map(toPlacementRow);
  const due = candidates.flatMap((p) => openMilestones(p.endsOn, today).map((milestone) => ({ p, milestone })));
  if (due.length === 0) return { queued: 0 };
  const asked = await ctx.db
    .selectFrom("outcome_followups")
    .select(["placement_id", "months_after"])
    .where(
      "placement_id",
      "in",
      due.map((d) => d.p.id),
    )
    .execute();
  const done = new Set(asked.map((a) => `${a.placement_id}/${a.months_after}`));
  let queued = 0;
  for (const { p, milestone } of due) {
    if (done.has(`${p.id}/${milestone}`)) continue;
    queued += await ctx.db.transaction().execute(async (trx) => {
      const recipient = await outcomeRecipient(trx, p.organizationId, p.supervisorUserId);
      // nobody to ask (the organization has no member at the moment): not claimed, asked on a later run
      if (!recipient) return 0;
      const window = outcomeWindow(p.endsOn, milestone);
      const claimed = await trx
        .insertInto("outcome_followups")
        .values({ id: crypto.randomUUID(), placement_id: p.id, months_after: milestone, due_on: window.dueOn, requested_at: now, recorded_at: now })
        .onConflict((oc) => oc.columns(["placement_id", "months_after"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return 0;
      const locale = hostLocale(recipient.locale);
      const emailId = await ctx.mailer.queue(
        {
          to: recipient.email,
          template: "internshipOutcomes.mail.request",
          locale,
          params: outcomeMailParams(ctx.publicUrl, recipient.name, p, milestone, locale),
        },
        trx,
      );
      await trx.updateTable("outcome_followups").set({ email_id: emailId }).where("id", "=", claimed.id).execute();
      await writeAudit(trx, null, {
        action: "outcome.request",
        entityType: "placement",
        entityId: p.id,
        after: { months: milestone, dueOn: window.dueOn, to: recipient.userId },
      });
      return 1;
    });
  }
  return { queued };
}
