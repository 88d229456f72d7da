import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { DEADLINE_KINDS, type DeadlineKind, isPhase } from "../../domain/round-phases.ts";
import { type Audience, type DeadlineChange, announcesDeadlineChanges, audiencesOf, deadlineChanges } from "../../domain/round-rules.ts";
import { formatInstant } from "../../i18n/format.ts";
import { type Locale, localeOr } from "../../i18n/locales.ts";
import { translator } from "../../i18n/translator.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { parseInput } from "../validation.ts";
import { roundDeadlinesSchema } from "./round-schemas.ts";

const TOKYO = "Asia/Tokyo";

/**
 * Operator sets, moves or clears a round's deadlines; allowed in every phase
 * (unlike the eligibility rules). Audited with before and after. Once the
 * round is public (after the draft phase) each change is e-mailed to the
 * people it affects (DEADLINE_AUDIENCES): applicants of the round and members
 * of host organizations that applied to it, in each person's language.
 */
export async function updateRoundDeadlines(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  raw: unknown,
): Promise<{ changed: DeadlineChange[]; announcedTo: number }> {
  const who = authorize(actor, "round.manage");
  const input = parseInput(roundDeadlinesSchema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").selectAll().where("id", "=", roundId).forUpdate().executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    if (!isPhase(round.phase)) throw new Error(`round ${round.id} has an unknown phase ${round.phase}`);
    const rows = await trx.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", roundId).execute();
    const before = Object.fromEntries(rows.map((r) => [r.kind, r.due_at])) as Partial<Record<DeadlineKind, Date>>;
    const after = Object.fromEntries(DEADLINE_KINDS.map((k) => [k, input.deadlines[k] ?? null])) as Record<DeadlineKind, Date | null>;
    const changed = deadlineChanges(DEADLINE_KINDS, before, after);
    if (changed.length === 0) return { changed, announcedTo: 0 };
    for (const c of changed) {
      if (c.to === null) await trx.deleteFrom("round_deadlines").where("round_id", "=", roundId).where("kind", "=", c.kind).execute();
      else
        await trx
          .insertInto("round_deadlines")
          .values({ round_id: roundId, kind: c.kind, due_at: c.to })
          .onConflict((oc) => oc.columns(["round_id", "kind"]).doUpdateSet({ due_at: c.to! }))
          .execute();
    }
    await trx.updateTable("rounds").set({ updated_at: ctx.clock() }).where("id", "=", roundId).execute();
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    let announcedTo = 0;
    if (announcesDeadlineChanges(round.phase)) {
      const people = await affectedPeople(trx, roundId, audiencesOf(changed));
      const messages: MailMessage[] = people.map((p) => {
        const locale = localeOr(p.locale);
        return {
          to: p.email,
          template: "roundDeadlinesChanged",
          locale,
          params: { name: p.name, round: locale === "ja" ? round.name_ja : round.name_en, changes: describeChanges(changed, locale) },
        };
      });
      if (messages.length > 0) await ctx.mailer.queueAll(messages, trx);
      announcedTo = messages.length;
    }
    await writeAudit(trx, who, {
      action: "round.deadlines.update",
      entityType: "round",
      entityId: roundId,
      before: Object.fromEntries(changed.map((c) => [c.kind, iso(c.from)])),
      after: { ...Object.fromEntries(changed.map((c) => [c.kind, iso(c.to)])), announcedTo },
    });
    return { changed, announcedTo };
  });
}

/** One line per change, in the recipient's language, times in Japan time with the zone named. */
export function describeChanges(changes: readonly DeadlineChange[], locale: Locale): string {
  const t = translator(locale);
  const when = (d: Date | null) => (d ? formatInstant(d, locale, TOKYO) : t("roundEmail.notSet"));
  return changes.map((c) => `- ${t(`deadlines.${c.kind}`)}: ${when(c.from)} → ${when(c.to)}`).join("\n");
}

/** Applicants with a live application in the round, and members of host organizations with a live host application in it. */
async function affectedPeople(db: Kysely<Database>, roundId: string, audiences: readonly Audience[]) {
  const people = new Map<string, { email: string; name: string; locale: string | null }>();
  if (audiences.includes("applicants")) {
    const rows = await db
      .selectFrom("applications")
      .innerJoin("user", "user.id", "applications.applicant_user_id")
      .select(["user.id", "user.email", "user.name", "user.locale"])
      .where("applications.round_id", "=", roundId)
      .where("applications.status", "not in", ["withdrawn", "anonymized"])
      .execute();
    for (const r of rows) people.set(r.id, r);
  }
  if (audiences.includes("hosts")) {
    const rows = await db
      .selectFrom("host_applications")
      .innerJoin("host_memberships", "host_memberships.organization_id", "host_applications.organization_id")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.id", "user.email", "user.name", "user.locale"])
      .where("host_applications.round_id", "=", roundId)
      .where("host_applications.status", "!=", "withdrawn")
      .execute();
    for (const r of rows) people.set(r.id, r);
  }
  return [...people.values()].sort((a, b) => a.email.localeCompare(b.email));
}
