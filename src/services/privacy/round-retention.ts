/**
 * A round's retention schedule (issue 19 item 7, ADR 0031): the operator reads and changes how many
 * months after the round closes the personal data of applicants not selected, and of participants,
 * is erased; anyone reads every public round's schedule on the privacy notice.
 */
import { z } from "zod";
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, erasureDates } from "../../domain/retention.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";

export interface RoundRetention {
  roundId: string;
  nameJa: string;
  nameEn: string;
  fiscalYear: number;
  unselectedMonths: number;
  participantsMonths: number;
  closesAt: Date | null;
  unselectedErasedFrom: Date | null;
  participantsErasedFrom: Date | null;
}

async function schedules(ctx: ServiceContext, roundId: string | null): Promise<RoundRetention[]> {
  let q = ctx.db
    .selectFrom("rounds as r")
    .leftJoin("round_deadlines as d", "d.round_id", "r.id")
    .select((eb) => [
      "r.id",
      "r.name_ja",
      "r.name_en",
      "r.fiscal_year",
      "r.retention_unselected_months",
      "r.retention_participants_months",
      eb.fn.max("d.due_at").as("closes_at"),
    ])
    .groupBy(["r.id", "r.name_ja", "r.name_en", "r.fiscal_year", "r.retention_unselected_months", "r.retention_participants_months"])
    .orderBy("r.fiscal_year", "desc")
    .orderBy("r.name_en");
  q = roundId === null ? q.where("r.phase", "<>", "draft") : q.where("r.id", "=", roundId);
  const rows = await q.execute();
  return rows.map((r) => {
    const closesAt = r.closes_at ? new Date(r.closes_at as Date | string) : null;
    const due = erasureDates({ closesAt, unselectedMonths: r.retention_unselected_months, participantsMonths: r.retention_participants_months });
    return {
      roundId: r.id,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      fiscalYear: r.fiscal_year,
      unselectedMonths: r.retention_unselected_months,
      participantsMonths: r.retention_participants_months,
      closesAt,
      unselectedErasedFrom: due.unselected,
      participantsErasedFrom: due.participants,
    };
  });
}

/** Every public round's schedule, for the privacy notice (no caller: the notice is public). */
export async function listRetentionSchedules(ctx: ServiceContext): Promise<RoundRetention[]> {
  return schedules(ctx, null);
}

export async function getRoundRetention(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RoundRetention> {
  authorize(actor, "round.read");
  const [one] = await schedules(ctx, roundId);
  if (!one) throw new NotFoundError("round");
  return one;
}

const months = typedWholeNumber(RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX);
const schema = z.object({ unselectedMonths: months, participantsMonths: months });

/** Changes a round's schedule, in any phase (records already erased stay erased). Audited with before and after. */
export async function updateRoundRetention(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "round.manage");
  const input = parseInput(schema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const round = await trx
      .selectFrom("rounds")
      .select(["retention_unselected_months", "retention_participants_months"])
      .where("id", "=", roundId)
      .forUpdate()
      .executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const before = { unselectedMonths: round.retention_unselected_months, participantsMonths: round.retention_participants_months };
    if (before.unselectedMonths === input.unselectedMonths && before.participantsMonths === input.participantsMonths) return;
    await trx
      .updateTable("rounds")
      .set({ retention_unselected_months: input.unselectedMonths, retention_participants_months: input.participantsMonths, updated_at: ctx.clock() })
      .where("id", "=", roundId)
      .execute();
    await writeAudit(trx, who, { action: "round.retention_update", entityType: "round", entityId: roundId, before, after: input });
  });
}
