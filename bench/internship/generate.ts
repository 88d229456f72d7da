/**
 * A deterministic round (mulberry32, fixed seed): interns in five arrival
 * cohorts (A–E), each placement 90 days; about 20 % online (240 minutes on a
 * working day), some switching mode midway, a few ending early; weekends are
 * holidays, a few days absent or on leave; each day confirmed the next
 * morning, a few not yet. Rules: FY2025 rates, a host subsidy, a mid-period
 * rate change, airfare per placement and phone rental per month.
 */
import { dayNumber, dayString, fy2025Rules, type AllowanceRules, type AttendanceDay, type LedgerInput, type Placement } from "#src/domain/internship/index.ts";
import { mulberry32 } from "../matching/generate.ts";

const COHORT_STARTS = ["2025-06-02", "2025-06-16", "2025-07-01", "2025-07-14", "2025-08-01"];
const RECORDED = new Date("2025-03-01T00:00:00Z");

export function roundRules(): AllowanceRules {
  const base = fy2025Rules("2025-04-01", RECORDED);
  return {
    ...base,
    travelItems: [
      { code: "airfare", basis: "per_placement", payee: "intern", modes: ["in_person"] },
      { code: "phone_rental", basis: "per_month", payee: "intern", modes: ["in_person"] },
    ],
    rates: [
      ...base.rates,
      { item: "host_subsidy_in_person", effectiveFrom: "2025-04-01", amountYen: 2_000, recordedAt: RECORDED },
      { item: "host_subsidy_online", effectiveFrom: "2025-04-01", amountYen: 1_000, recordedAt: RECORDED },
      { item: "intern_allowance_in_person", effectiveFrom: "2025-08-01", amountYen: 3_500, recordedAt: new Date("2025-07-25T00:00:00Z") },
      { item: "airfare", effectiveFrom: "2025-04-01", amountYen: 150_000, recordedAt: RECORDED },
      { item: "phone_rental", effectiveFrom: "2025-04-01", amountYen: 3_300, recordedAt: RECORDED },
    ],
  };
}

export function generateRound(interns: number, days: number, seed = 20250601): LedgerInput {
  const rnd = mulberry32(seed);
  const placements: Placement[] = [];
  const attendance: AttendanceDay[] = [];
  for (let i = 0; i < interns; i++) {
    const start = dayNumber(COHORT_STARTS[i % COHORT_STARTS.length]!)!;
    const online = rnd() < 0.2;
    const switchAt = rnd() < 0.05 ? Math.floor(days / 2) : -1;
    const terminatedAfter = rnd() < 0.03 ? Math.floor(days * 0.6) : -1;
    const modes: Placement["modes"][number][] = [{ from: dayString(start), mode: online ? "online" : "in_person" }];
    if (switchAt > 0) modes.push({ from: dayString(start + switchAt), mode: online ? "in_person" : "online" });
    const id = `pl-${String(i).padStart(4, "0")}`;
    placements.push({
      id,
      internId: `intern-${i}`,
      hostId: `host-${Math.floor(i / 2)}`,
      startsOn: dayString(start),
      endsOn: dayString(start + days - 1),
      terminatedOn: terminatedAfter > 0 ? dayString(start + terminatedAfter) : null,
      modes,
    });
    const last = terminatedAfter > 0 ? terminatedAfter : days - 1;
    for (let k = 0; k <= last; k++) {
      const d = start + k;
      const weekend = [0, 6].includes(new Date(d * 86_400_000).getUTCDay());
      const isOnline = switchAt > 0 && k >= switchAt ? !online : online;
      const r = rnd();
      const status = weekend ? "holiday" : r < 0.03 ? "absent" : r < 0.06 ? "leave" : "present";
      attendance.push({
        placementId: id,
        day: dayString(d),
        status,
        minutes: isOnline && status === "present" ? 180 + Math.floor(rnd() * 120) : null,
        confirmedAt: rnd() < 0.02 ? null : new Date((d + 1) * 86_400_000),
      });
    }
  }
  return { rules: roundRules(), placements, attendance, today: "2025-11-15", asOf: new Date("2025-11-15T00:00:00Z") };
}
