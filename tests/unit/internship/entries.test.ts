/** Confirming a month, corrections as new entries with a reason, and monthly statements. */
import { describe, expect, it } from "vitest";
import {
  computeLedger,
  confirmMonth,
  correctionsFor,
  fy2019Rules,
  manualCorrection,
  monthlyStatements,
  type LedgerEntry,
} from "#src/domain/internship/index.ts";
import { days, placement, RECORDED, rules, withStatus } from "./helpers.ts";

const AS_OF = new Date("2025-08-01T00:00:00Z");
const CONFIRMED_AT = new Date("2025-08-01T01:00:00Z");
const ledger = (attendance = withStatus(days("2025-07-01", "2025-07-31"), "2025-07-02", "absent")) =>
  computeLedger({ rules: rules(), placements: [placement()], attendance, today: "2025-08-01", asOf: AS_OF });

function confirmed(): LedgerEntry[] {
  const r = confirmMonth({ lines: ledger().lines, month: "2025-07", existing: [], today: "2025-08-01", recordedAt: CONFIRMED_AT });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return [...r.entries];
}

describe("confirmMonth", () => {
  it("writes one base entry per line of the month, with its derivation", () => {
    const base = confirmed();
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({
      kind: "base",
      month: "2025-07",
      party: "intern",
      item: "intern_allowance",
      amountYen: 90_000,
      reason: null,
      recordedAt: CONFIRMED_AT,
    });
    expect(base[0]!.derivation.length).toBe(2);
  });

  it("refuses a month not over yet, a month confirmed already, a bad month", () => {
    expect(confirmMonth({ lines: ledger().lines, month: "2025-07", existing: [], today: "2025-07-31", recordedAt: CONFIRMED_AT })).toEqual({
      ok: false,
      issues: [{ code: "month_not_over", month: "2025-07", today: "2025-07-31" }],
    });
    expect(confirmMonth({ lines: ledger().lines, month: "2025-07", existing: confirmed(), today: "2025-08-01", recordedAt: CONFIRMED_AT })).toEqual({
      ok: false,
      issues: [{ code: "month_already_confirmed", month: "2025-07" }],
    });
    expect(confirmMonth({ lines: [], month: "2025-13", existing: [], today: "2025-08-01", recordedAt: CONFIRMED_AT }).ok).toBe(false);
  });
});

describe("correctionsFor", () => {
  it("an absence corrected after confirmation becomes a +¥3,000 correction with its reason; the statement shows both", () => {
    const base = confirmed();
    const fixed = ledger(days("2025-07-01", "2025-07-31"));
    const r = correctionsFor({
      existing: base,
      recomputed: fixed.lines,
      month: "2025-07",
      reason: "2 July: the intern was present (supervisor's error)",
      recordedAt: AS_OF,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries).toEqual([
      expect.objectContaining({
        kind: "correction",
        amountYen: 3_000,
        reason: "2 July: the intern was present (supervisor's error)",
        recomputed: { beforeYen: 90_000, afterYen: 93_000 },
      }),
    ]);
    const all = [...base, ...r.entries];
    const s = monthlyStatements(all, "2025-07");
    expect(s.interns).toHaveLength(1);
    expect(s.interns[0]).toMatchObject({ party: "intern", payeeId: "intern-1", baseYen: 90_000, correctionsYen: 3_000, totalYen: 93_000 });
    expect(s.interns[0]!.lines[0]!.corrections).toEqual([
      { amountYen: 3_000, reason: "2 July: the intern was present (supervisor's error)", recordedAt: AS_OF },
    ]);
    expect(s.totalYen).toBe(93_000);
    // nothing changed since: no further correction
    expect(correctionsFor({ existing: all, recomputed: fixed.lines, month: "2025-07", reason: "again", recordedAt: AS_OF })).toEqual({ ok: true, entries: [] });
  });

  it("a line that disappears is corrected to zero", () => {
    const base = confirmed();
    const r = correctionsFor({ existing: base, recomputed: [], month: "2025-07", reason: "placement cancelled", recordedAt: AS_OF });
    expect(r.ok && r.entries.map((e) => e.amountYen)).toEqual([-90_000]);
  });

  it("needs a reason and a confirmed month", () => {
    expect(correctionsFor({ existing: confirmed(), recomputed: [], month: "2025-07", reason: "  ", recordedAt: AS_OF })).toEqual({
      ok: false,
      issues: [{ code: "reason_required" }],
    });
    expect(correctionsFor({ existing: [], recomputed: [], month: "2025-07", reason: "x", recordedAt: AS_OF })).toEqual({
      ok: false,
      issues: [{ code: "month_not_confirmed", month: "2025-07" }],
    });
  });
});

describe("manualCorrection", () => {
  it("adds an operator's amount with a reason; refuses zero, fractions, no reason, an unconfirmed month", () => {
    const base = confirmed();
    const key = base[0]!;
    const ok = manualCorrection({ key, amountYen: -1_500, reason: "half day unpaid leave", existing: base, recordedAt: AS_OF });
    expect(ok.ok && ok.entries[0]).toMatchObject({ kind: "correction", amountYen: -1_500, reason: "half day unpaid leave", derivation: [] });
    expect(manualCorrection({ key, amountYen: 0.5, reason: "", existing: base, recordedAt: AS_OF })).toEqual({
      ok: false,
      issues: [{ code: "reason_required" }, { code: "invalid_amount", amountYen: 0.5 }],
    });
    expect(manualCorrection({ key: { ...key, month: "2025-08" }, amountYen: 1, reason: "x", existing: base, recordedAt: AS_OF }).ok).toBe(false);
    if (ok.ok) expect(monthlyStatements([...base, ...ok.entries], "2025-07").interns[0]!.totalYen).toBe(88_500);
  });

  it("is never reversed by a later recomputation: the recomputed line is compared with the base and recomputed corrections only", () => {
    const base = confirmed();
    const refund = manualCorrection({ key: base[0]!, amountYen: 5_000, reason: "refund of a train fare", existing: base, recordedAt: AS_OF });
    expect(refund.ok && refund.entries[0]!.manual).toBe(true);
    if (!refund.ok) return;
    const withRefund = [...base, ...refund.entries];
    // the inputs did not change: nothing to correct, the refund stays
    expect(correctionsFor({ existing: withRefund, recomputed: ledger().lines, month: "2025-07", reason: "recheck", recordedAt: AS_OF })).toEqual({
      ok: true,
      entries: [],
    });
    // an absence fixed afterwards: +¥3,000 for the day, the refund on top
    const fixed = correctionsFor({
      existing: withRefund,
      recomputed: ledger(days("2025-07-01", "2025-07-31")).lines,
      month: "2025-07",
      reason: "2 July: present",
      recordedAt: AS_OF,
    });
    expect(fixed.ok && fixed.entries.map((e) => e.amountYen)).toEqual([3_000]);
    if (fixed.ok) expect(monthlyStatements([...withRefund, ...fixed.entries], "2025-07").interns[0]!.totalYen).toBe(98_000);
    // the line disappearing takes the base to zero; the operator's refund is theirs to take back
    const gone = correctionsFor({ existing: withRefund, recomputed: [], month: "2025-07", reason: "placement cancelled", recordedAt: AS_OF });
    expect(gone.ok && gone.entries.map((e) => e.amountYen)).toEqual([-90_000]);
  });
});

describe("a month confirmed with no line (ADR 0040)", () => {
  it("has no base entry: corrections need the caller to say it is confirmed, then add to an empty month", () => {
    const key = { placementId: "pl-1", internId: "intern-1", hostId: "host-1", party: "intern" as const, item: "airfare", month: "2025-06" };
    const empty = confirmMonth({ lines: ledger().lines, month: "2025-06", existing: [], today: "2025-08-01", recordedAt: CONFIRMED_AT });
    expect(empty).toEqual({ ok: true, entries: [] });
    // from the entries alone the month looks unconfirmed
    expect(manualCorrection({ key, amountYen: 20_000, reason: "fee", existing: [], recordedAt: AS_OF })).toEqual({
      ok: false,
      issues: [{ code: "month_not_confirmed", month: "2025-06" }],
    });
    const manual = manualCorrection({ key, amountYen: 20_000, reason: "fee", existing: [], recordedAt: AS_OF, monthConfirmed: true });
    expect(manual.ok && manual.entries.map((e) => [e.kind, e.amountYen])).toEqual([["correction", 20_000]]);
    if (manual.ok) expect(monthlyStatements(manual.entries, "2025-06").interns[0]).toMatchObject({ baseYen: 0, correctionsYen: 20_000, totalYen: 20_000 });
    // a recomputation that now finds a line: one correction for all of it
    const july = ledger().lines.map((l) => ({ ...l, month: "2025-06" }));
    expect(correctionsFor({ existing: [], recomputed: july, month: "2025-06", reason: "late rate", recordedAt: AS_OF }).ok).toBe(false);
    const fixed = correctionsFor({ existing: [], recomputed: july, month: "2025-06", reason: "late rate", recordedAt: AS_OF, monthConfirmed: true });
    expect(fixed.ok && fixed.entries.map((e) => [e.kind, e.amountYen, e.recomputed])).toEqual([["correction", 90_000, { beforeYen: 0, afterYen: 90_000 }]]);
    // and a caller that knows the month is not confirmed is believed over a stray base entry
    const base = confirmed();
    expect(manualCorrection({ key: base[0]!, amountYen: 1, reason: "x", existing: base, recordedAt: AS_OF, monthConfirmed: false }).ok).toBe(false);
  });
});

describe("monthlyStatements", () => {
  it("per intern and per host: a host with two interns gets one statement summing both", () => {
    const placements = [placement(), placement({ id: "pl-2", internId: "intern-2" })];
    const attendance = [...days("2025-07-01", "2025-07-31"), ...days("2025-07-01", "2025-07-31", { placementId: "pl-2" })];
    const l = computeLedger({ rules: fy2019Rules("2025-04-01", RECORDED), placements, attendance, today: "2025-08-01", asOf: AS_OF });
    const c = confirmMonth({ lines: l.lines, month: "2025-07", existing: [], today: "2025-08-01", recordedAt: CONFIRMED_AT });
    if (!c.ok) throw new Error("not confirmed");
    const s = monthlyStatements(c.entries, "2025-07");
    expect(s.interns.map((x) => [x.payeeId, x.totalYen])).toEqual([
      ["intern-1", 124_000],
      ["intern-2", 124_000],
    ]);
    expect(s.hosts.map((x) => [x.payeeId, x.totalYen, x.lines.length])).toEqual([["host-1", 92_000, 2]]);
    expect(s.totalYen).toBe(2 * 124_000 + 92_000);
    expect(monthlyStatements(c.entries, "2025-08")).toEqual({ month: "2025-08", interns: [], hosts: [], totalYen: 0 });
  });
});
