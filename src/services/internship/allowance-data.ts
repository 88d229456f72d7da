/**
 * What the allowance use cases read (ADR 0014, 0035): a round's rules (the
 * round's per-day amounts in force from the start of its fiscal year, then
 * every change recorded in `round_rates`), its placements as the ledger sees
 * them, the confirmed attendance, the computed ledger, and the entries of the
 * confirmed months.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import {
  type AllowanceRules,
  type DerivationStep,
  type LedgerEntry,
  type LedgerResult,
  type RateChange,
  ROUND_TRAVEL_ITEMS,
  computeLedger,
} from "../../domain/internship/index.ts";
import { personName } from "../../domain/person-name.ts";
import { NotFoundError } from "../errors.ts";
import { tokyoToday } from "./placement-access.ts";

export interface RoundRateRow {
  fiscal_year: number;
  intern_daily_allowance_yen: number | null;
  online_daily_allowance_yen: number | null;
  host_daily_subsidy_yen: number | null;
}

/**
 * The round's rates as the ledger's rules: the round's per-day amounts from
 * the start of its fiscal year, then the recorded changes; the travel items
 * (airfare, phone rental: ADR 0040) are paid once the round has a rate for them.
 */
export function roundAllowanceRules(round: RoundRateRow, changes: readonly RateChange[] = []): AllowanceRules {
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
    travelItems: ROUND_TRAVEL_ITEMS,
    rates: [...rates, ...changes],
  };
}

export interface LedgerPlacement {
  id: string;
  applicationId: string;
  organizationId: string;
  mode: "in_person" | "online";
  cohort: string | null;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
}

export interface RoundLedger {
  round: { id: string; nameJa: string; nameEn: string; fiscalYear: number } & RoundRateRow;
  changes: (RateChange & { id: string })[];
  rules: AllowanceRules;
  placements: Map<string, LedgerPlacement>;
  result: LedgerResult;
  today: string;
  /** confirmed attendance days per item-mode, for checkRateChange */
  confirmedDays: { placementId: string; day: string; mode: "in_person" | "online" }[];
}

export async function loadRoundLedger(db: Kysely<Database>, roundId: string, now: Date): Promise<RoundLedger> {
  const round = await db
    .selectFrom("rounds")
    .select(["id", "name_ja", "name_en", "fiscal_year", "intern_daily_allowance_yen", "online_daily_allowance_yen", "host_daily_subsidy_yen"])
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const changes = (
    await db
      .selectFrom("round_rates")
      .select(["id", "item", "effective_from", "amount_yen", "recorded_at"])
      .where("round_id", "=", round.id)
      .orderBy("effective_from")
      .orderBy("recorded_at")
      .execute()
  ).map((r) => ({ id: r.id, item: r.item, effectiveFrom: r.effective_from, amountYen: r.amount_yen, recordedAt: r.recorded_at }));
  const rules = roundAllowanceRules(round, changes);
  const today = tokyoToday(now);
  const rows = await db
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
      "placements.terminated_on",
      "applications.family_name",
      "applications.given_name",
      "applications.nationality",
      "host_organizations.id as organization_id",
      "host_organizations.name_ja",
      "host_organizations.name_en",
    ])
    .where("placements.round_id", "=", round.id)
    .where("placements.status", "in", ["active", "completed", "terminated"])
    .execute();
  const ids = rows.map((p) => p.id);
  const attendance =
    ids.length === 0
      ? []
      : await db.selectFrom("attendance_days").select(["placement_id", "day", "status", "minutes", "confirmed_at"]).where("placement_id", "in", ids).execute();
  const result = computeLedger({
    rules,
    placements: rows.map((p) => ({
      id: p.id,
      internId: p.application_id,
      hostId: p.organization_id,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      terminatedOn: p.terminated_on,
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
  const placements = new Map(
    rows.map((p): [string, LedgerPlacement] => [
      p.id,
      {
        id: p.id,
        applicationId: p.application_id,
        organizationId: p.organization_id,
        mode: p.mode as "in_person" | "online",
        cohort: p.cohort,
        internName: personName({ familyName: p.family_name, givenName: p.given_name, nationality: p.nationality }) ?? "",
        organizationNameJa: p.name_ja,
        organizationNameEn: p.name_en,
      },
    ]),
  );
  const modeOf = new Map(rows.map((p) => [p.id, p.mode as "in_person" | "online"]));
  const confirmedDays = attendance
    .filter((a) => a.confirmed_at !== null)
    .map((a) => ({ placementId: a.placement_id, day: a.day, mode: modeOf.get(a.placement_id)! }));
  return {
    round: {
      id: round.id,
      nameJa: round.name_ja,
      nameEn: round.name_en,
      fiscalYear: round.fiscal_year,
      fiscal_year: round.fiscal_year,
      intern_daily_allowance_yen: round.intern_daily_allowance_yen,
      online_daily_allowance_yen: round.online_daily_allowance_yen,
      host_daily_subsidy_yen: round.host_daily_subsidy_yen,
    },
    changes,
    rules,
    placements,
    result,
    today,
    confirmedDays,
  };
}

/** The ledger entries of a round (one month, or all), oldest first. */
export async function loadLedgerEntries(db: Kysely<Database>, roundId: string, month?: string): Promise<LedgerEntry[]> {
  let q = db
    .selectFrom("allowance_ledger")
    .innerJoin("placements", "placements.id", "allowance_ledger.placement_id")
    .innerJoin("positions", "positions.id", "placements.position_id")
    .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
    .select([
      "allowance_ledger.placement_id",
      "placements.application_id",
      "host_applications.organization_id",
      "allowance_ledger.party",
      "allowance_ledger.item",
      "allowance_ledger.month",
      "allowance_ledger.kind",
      "allowance_ledger.amount_yen",
      "allowance_ledger.derivation",
      "allowance_ledger.reason",
      "allowance_ledger.recorded_at",
      "allowance_ledger.manual",
    ])
    .where("allowance_ledger.round_id", "=", roundId);
  if (month) q = q.where("allowance_ledger.month", "=", month);
  const rows = await q.orderBy("allowance_ledger.id").execute();
  return rows.map((r): LedgerEntry => ({
    placementId: r.placement_id,
    internId: r.application_id,
    hostId: r.organization_id,
    party: r.party as "intern" | "host",
    item: r.item,
    month: r.month,
    kind: r.kind as "base" | "correction",
    amountYen: r.amount_yen,
    derivation: (typeof r.derivation === "string" ? JSON.parse(r.derivation) : r.derivation) as DerivationStep[],
    reason: r.reason,
    recordedAt: r.recorded_at,
    ...(r.manual ? { manual: true } : {}),
  }));
}

/** Writes entries (base or corrections) of a round; the caller audits. */
export async function insertLedgerEntries(trx: Kysely<Database>, roundId: string, userId: string, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto("allowance_ledger")
    .values(
      entries.map((e) => ({
        round_id: roundId,
        placement_id: e.placementId,
        party: e.party,
        item: e.item,
        month: e.month,
        kind: e.kind,
        amount_yen: e.amountYen,
        derivation: JSON.stringify(e.derivation),
        reason: e.reason,
        recorded_by: userId,
        recorded_at: e.recordedAt,
        manual: e.manual === true,
      })),
    )
    .execute();
}
