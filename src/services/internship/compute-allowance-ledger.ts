import { z } from "zod";
import { type AllowanceRules, type LedgerIssue, type LedgerLine, type RateChange, computeLedger, describeStep } from "../../domain/internship/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { tokyoToday } from "./placement-access.ts";
import { personName } from "../../domain/person-name.ts";

const schema = z.object({
  roundId: z.string(),
  month: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { error: "errors.date" }),
});

/** The round's rates as the ledger's rules: the rounds table's per-day amounts, in force from the start of its fiscal year (ADR 0022). */
export function roundAllowanceRules(round: {
  fiscal_year: number;
  intern_daily_allowance_yen: number | null;
  online_daily_allowance_yen: number | null;
  host_daily_subsidy_yen: number | null;
}): AllowanceRules {
  const from = `${round.fiscal_year}-04-01`;
  const at = new Date(0);
  const rates: RateChange[] = [];
  if (round.intern_daily_allowance_yen !== null)
    rates.push({ item: "intern_allowance_in_person", effectiveFrom: from, amountYen: round.intern_daily_allowance_yen, recordedAt: at });
  if (round.online_daily_allowance_yen !== null)
    rates.push({ item: "intern_allowance_online", effectiveFrom: from, amountYen: round.online_daily_allowance_yen, recordedAt: at });
  if (round.host_daily_subsidy_yen !== null) {
    rates.push({ item: "host_subsidy_in_person", effectiveFrom: from, amountYen: round.host_daily_subsidy_yen, recordedAt: at });
    rates.push({ item: "host_subsidy_online", effectiveFrom: from, amountYen: round.host_daily_subsidy_yen, recordedAt: at });
  }
  return {
    paid: { intern: { in_person: ["present", "leave", "holiday"], online: ["present"] }, host: { in_person: ["present"], online: ["present"] } },
    onlineDay: { basis: "per_day", minMinutes: 1 },
    travelItems: [],
    rates,
  };
}

export interface LedgerRow {
  placementId: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  cohort: string | null;
  mode: string;
  party: "intern" | "host";
  item: string;
  amountYen: number;
  derivation: { ja: string[]; en: string[] };
}

export interface AllowanceLedgerView {
  round: { id: string; nameJa: string; nameEn: string };
  month: string;
  months: string[];
  rates: { internInPerson: number | null; internOnline: number | null; hostSubsidy: number | null };
  rows: LedgerRow[];
  internTotalYen: number;
  hostTotalYen: number;
  unconfirmedDays: number;
  issues: LedgerIssue[];
}

/**
 * The allowance ledger of a round for one month (default: this month in
 * Japan time), computed by the domain (ADR 0014) from the placements, the
 * attendance the supervisors confirmed and the round's rates: each intern's
 * allowance and each host's subsidy in exact yen, with how each amount was
 * derived.
 */
export async function computeAllowanceLedger(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<AllowanceLedgerView> {
  authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const round = await ctx.db
    .selectFrom("rounds")
    .select(["id", "name_ja", "name_en", "fiscal_year", "intern_daily_allowance_yen", "online_daily_allowance_yen", "host_daily_subsidy_yen"])
    .where("id", "=", input.roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const now = ctx.clock();
  const today = tokyoToday(now);
  const month = input.month || today.slice(0, 7);
  const placements = await ctx.db
    .selectFrom("placements")
    .innerJoin("applications", "applications.id", "placements.application_id")
    .innerJoin("positions", "positions.id", "placements.position_id")
    .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .select([
      "placements.id",
      "placements.application_id",
      "placements.mode",
      "placements.cohort",
      "placements.starts_on",
      "placements.ends_on",
      "applications.family_name",
      "applications.given_name",
      "applications.nationality",
      "host_organizations.id as organization_id",
      "host_organizations.name_ja",
      "host_organizations.name_en",
    ])
    .where("placements.round_id", "=", round.id)
    .where("placements.status", "in", ["active", "completed"])
    .execute();
  const ids = placements.map((p) => p.id);
  const attendance =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom("attendance_days")
          .select(["placement_id", "day", "status", "minutes", "confirmed_at"])
          .where("placement_id", "in", ids)
          .execute();
  const result = computeLedger({
    rules: roundAllowanceRules(round),
    placements: placements.map((p) => ({
      id: p.id,
      internId: p.application_id,
      hostId: p.organization_id,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      modes: [{ from: p.starts_on, mode: p.mode as "in_person" | "online" }],
    })),
    attendance: attendance.map((a) => ({
      placementId: a.placement_id,
      day: a.day,
      status: a.status as "present" | "absent" | "leave" | "holiday",
      minutes: a.minutes,
      confirmedAt: a.confirmed_at,
    })),
    today,
    asOf: now,
  });
  const byId = new Map(placements.map((p) => [p.id, p]));
  const months = [...new Set(result.lines.map((l) => l.month))].sort();
  if (!months.includes(month)) months.push(month);
  months.sort();
  const lines = result.lines.filter((l: LedgerLine) => l.month === month);
  const rows = lines.map((l): LedgerRow => {
    const p = byId.get(l.placementId)!;
    return {
      placementId: l.placementId,
      internName: personName({ familyName: p.family_name, givenName: p.given_name, nationality: p.nationality }) ?? "",
      organizationNameJa: p.name_ja,
      organizationNameEn: p.name_en,
      cohort: p.cohort,
      mode: p.mode,
      party: l.party,
      item: l.item,
      amountYen: l.amountYen,
      derivation: { ja: l.derivation.map((s) => describeStep(s, "ja")), en: l.derivation.map((s) => describeStep(s, "en")) },
    };
  });
  rows.sort((a, b) => (a.cohort ?? "").localeCompare(b.cohort ?? "") || a.internName.localeCompare(b.internName) || a.party.localeCompare(b.party));
  const sum = (party: string) => rows.filter((r) => r.party === party).reduce((t, r) => t + r.amountYen, 0);
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en },
    month,
    months,
    rates: { internInPerson: round.intern_daily_allowance_yen, internOnline: round.online_daily_allowance_yen, hostSubsidy: round.host_daily_subsidy_yen },
    rows,
    internTotalYen: sum("intern"),
    hostTotalYen: sum("host"),
    unconfirmedDays: result.unconfirmedDays.filter((u) => u.month === month).reduce((t, u) => t + u.days, 0),
    issues: [...result.issues],
  };
}
