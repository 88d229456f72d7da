import { describe, expect, it } from "vitest";
import { PENDING_WORK_BY_PHASE, PENDING_WORK_KINDS, pendingWorkOf } from "#src/domain/round-pending-work.ts";
import { PHASES } from "#src/domain/round-phases.ts";

describe("pendingWorkOf: the work a round page lists in its current phase", () => {
  it("lists the phase's kinds with something left, in their fixed order", () => {
    expect(pendingWorkOf("screening", { readsOutstanding: 4, hostApplicationsUndecided: 3, readsUnassigned: 0, selectionUndecided: 9 })).toEqual([
      { kind: "hostApplicationsUndecided", count: 3 },
      { kind: "readsOutstanding", count: 4 },
    ]);
  });

  it("lists only the current phase's work (12 overrides pending in recruitment are not selection's)", () => {
    expect(pendingWorkOf("recruitment", { eligibilityUndecided: 12 })).toEqual([{ kind: "eligibilityUndecided", count: 12 }]);
    expect(pendingWorkOf("selection", { eligibilityUndecided: 12 })).toEqual([]);
  });

  it("names every phase, and every kind belongs to at least one phase", () => {
    expect(Object.keys(PENDING_WORK_BY_PHASE).sort()).toEqual([...PHASES].sort());
    const used = new Set(Object.values(PENDING_WORK_BY_PHASE).flat());
    expect([...PENDING_WORK_KINDS].filter((k) => !used.has(k))).toEqual([]);
  });
});
