import { describe, expect, it } from "vitest";
import {
  DEADLINE_KINDS,
  type DeadlineKind,
  PHASES,
  type Phase,
  type RoundFacts,
  checkTransition,
  deadlinePassed,
  isPhase,
  nextPhase,
  takesApplications,
} from "#src/domain/round-phases.ts";

const NOW = new Date("2027-06-01T00:00:00Z");
const BEFORE = new Date(NOW.getTime() - 1);
const AFTER = new Date(NOW.getTime() + 1);

function facts(phase: Phase, overrides: Partial<RoundFacts> = {}): RoundFacts {
  return {
    phase,
    now: NOW,
    deadlines: {},
    submittedApplications: 0,
    acceptedHostApplications: 0,
    selectionResultsFinal: false,
    matchingPublished: false,
    placements: 0,
    screeningReads: 2,
    screeningShort: 0,
    ...overrides,
  };
}

const allDeadlines = (at: Date): Partial<Record<DeadlineKind, Date>> => Object.fromEntries(DEADLINE_KINDS.map((k) => [k, at]));

describe("PHASES and nextPhase", () => {
  it("is the program cycle in order", () => {
    expect(PHASES).toEqual(["draft", "information_sessions", "recruitment", "screening", "selection", "matching", "internship", "reporting", "closed"]);
  });

  it("each phase's next is the following one; closed has none", () => {
    for (let i = 0; i < PHASES.length - 1; i++) expect(nextPhase(PHASES[i]!)).toBe(PHASES[i + 1]);
    expect(nextPhase("closed")).toBeNull();
  });

  it("isPhase accepts exactly the phases", () => {
    for (const p of PHASES) expect(isPhase(p)).toBe(true);
    for (const x of ["", "Draft", "open", "closed ", "constructor", "__proto__"]) expect(isPhase(x)).toBe(false);
  });
});

describe("checkTransition: only the next phase", () => {
  it.each(PHASES.flatMap((from) => PHASES.filter((to) => to !== nextPhase(from)).map((to) => [from, to] as const)))("%s → %s is not_next_phase", (from, to) => {
    // even with every precondition satisfied
    const f = facts(from, {
      deadlines: allDeadlines(BEFORE),
      submittedApplications: 9,
      acceptedHostApplications: 9,
      selectionResultsFinal: true,
      matchingPublished: true,
      placements: 9,
    });
    expect(checkTransition(f, to)).toEqual({ ok: false, refusals: [{ code: "not_next_phase", from, to, next: nextPhase(from) }] });
  });

  it("closed has no next phase at all", () => {
    for (const to of PHASES) {
      expect(checkTransition(facts("closed"), to)).toEqual({ ok: false, refusals: [{ code: "not_next_phase", from: "closed", to, next: null }] });
    }
  });
});

describe("draft → information_sessions", () => {
  it("needs application_close and host_application_close", () => {
    expect(checkTransition(facts("draft"), "information_sessions")).toEqual({
      ok: false,
      refusals: [
        { code: "deadline_missing", deadline: "application_close" },
        { code: "deadline_missing", deadline: "host_application_close" },
      ],
    });
    expect(checkTransition(facts("draft", { deadlines: { application_close: AFTER } }), "information_sessions")).toEqual({
      ok: false,
      refusals: [{ code: "deadline_missing", deadline: "host_application_close" }],
    });
    expect(checkTransition(facts("draft", { deadlines: { host_application_close: AFTER } }), "information_sessions")).toEqual({
      ok: false,
      refusals: [{ code: "deadline_missing", deadline: "application_close" }],
    });
  });

  it("is allowed once both are set, whether or not they have passed", () => {
    for (const at of [BEFORE, NOW, AFTER]) {
      expect(checkTransition(facts("draft", { deadlines: { application_close: at, host_application_close: at } }), "information_sessions")).toEqual({
        ok: true,
      });
    }
  });
});

describe("information_sessions → recruitment", () => {
  it("needs application_close", () => {
    expect(checkTransition(facts("information_sessions"), "recruitment")).toEqual({
      ok: false,
      refusals: [{ code: "deadline_missing", deadline: "application_close" }],
    });
  });

  it("is allowed strictly before application_close", () => {
    expect(checkTransition(facts("information_sessions", { deadlines: { application_close: AFTER } }), "recruitment")).toEqual({ ok: true });
  });

  it("is refused at and after application_close", () => {
    for (const at of [NOW, BEFORE]) {
      expect(checkTransition(facts("information_sessions", { deadlines: { application_close: at } }), "recruitment")).toEqual({
        ok: false,
        refusals: [{ code: "deadline_passed", deadline: "application_close", at }],
      });
    }
  });
});

describe("recruitment → screening", () => {
  it("needs application_close to be set and passed, and a submitted application", () => {
    expect(checkTransition(facts("recruitment"), "screening")).toEqual({
      ok: false,
      refusals: [{ code: "deadline_missing", deadline: "application_close" }, { code: "no_submitted_applications" }],
    });
    expect(checkTransition(facts("recruitment", { deadlines: { application_close: AFTER }, submittedApplications: 1 }), "screening")).toEqual({
      ok: false,
      refusals: [{ code: "deadline_not_passed", deadline: "application_close", at: AFTER }],
    });
    expect(checkTransition(facts("recruitment", { deadlines: { application_close: BEFORE } }), "screening")).toEqual({
      ok: false,
      refusals: [{ code: "no_submitted_applications" }],
    });
  });

  it("is allowed at the very instant of application_close", () => {
    expect(checkTransition(facts("recruitment", { deadlines: { application_close: NOW }, submittedApplications: 1 }), "screening")).toEqual({ ok: true });
  });
});

describe("screening → selection", () => {
  it("needs selection_announce (set, not necessarily passed)", () => {
    expect(checkTransition(facts("screening"), "selection")).toEqual({ ok: false, refusals: [{ code: "deadline_missing", deadline: "selection_announce" }] });
    expect(checkTransition(facts("screening", { deadlines: { selection_announce: AFTER } }), "selection")).toEqual({ ok: true });
  });

  it("needs every eligible application to have k submitted reads, unless the operator waives it (and only that)", () => {
    const short = facts("screening", { deadlines: { selection_announce: AFTER }, screeningShort: 3, screeningReads: 2 });
    expect(checkTransition(short, "selection")).toEqual({ ok: false, refusals: [{ code: "screening_reads_missing", applications: 3, reads: 2 }] });
    expect(checkTransition(short, "selection", true)).toEqual({ ok: true });
    expect(checkTransition({ ...short, deadlines: {} }, "selection", true)).toEqual({
      ok: false,
      refusals: [{ code: "deadline_missing", deadline: "selection_announce" }],
    });
  });
});

describe("selection → matching", () => {
  it("needs final selection results and an accepted host", () => {
    expect(checkTransition(facts("selection"), "matching")).toEqual({
      ok: false,
      refusals: [{ code: "selection_not_final" }, { code: "no_accepted_hosts" }],
    });
    expect(checkTransition(facts("selection", { selectionResultsFinal: true }), "matching")).toEqual({ ok: false, refusals: [{ code: "no_accepted_hosts" }] });
    expect(checkTransition(facts("selection", { acceptedHostApplications: 1 }), "matching")).toEqual({
      ok: false,
      refusals: [{ code: "selection_not_final" }],
    });
    expect(checkTransition(facts("selection", { selectionResultsFinal: true, acceptedHostApplications: 1 }), "matching")).toEqual({ ok: true });
  });
});

describe("matching → internship", () => {
  it("needs a published matching and a placement", () => {
    expect(checkTransition(facts("matching"), "internship")).toEqual({
      ok: false,
      refusals: [{ code: "matching_not_published" }, { code: "no_placements" }],
    });
    expect(checkTransition(facts("matching", { matchingPublished: true }), "internship")).toEqual({ ok: false, refusals: [{ code: "no_placements" }] });
    expect(checkTransition(facts("matching", { placements: 3 }), "internship")).toEqual({ ok: false, refusals: [{ code: "matching_not_published" }] });
    expect(checkTransition(facts("matching", { matchingPublished: true, placements: 1 }), "internship")).toEqual({ ok: true });
  });
});

describe.each([
  ["internship", "reporting", "internship_end"],
  ["reporting", "closed", "reporting_close"],
] as const)("%s → %s", (from, to, deadline) => {
  it(`needs ${deadline} to be set`, () => {
    expect(checkTransition(facts(from), to)).toEqual({ ok: false, refusals: [{ code: "deadline_missing", deadline }] });
  });
  it(`is refused before ${deadline}`, () => {
    expect(checkTransition(facts(from, { deadlines: { [deadline]: AFTER } }), to)).toEqual({
      ok: false,
      refusals: [{ code: "deadline_not_passed", deadline, at: AFTER }],
    });
  });
  it(`is allowed at and after ${deadline}`, () => {
    expect(checkTransition(facts(from, { deadlines: { [deadline]: NOW } }), to)).toEqual({ ok: true });
    expect(checkTransition(facts(from, { deadlines: { [deadline]: BEFORE } }), to)).toEqual({ ok: true });
  });
  it("ignores unrelated facts", () => {
    expect(checkTransition(facts(from, { deadlines: { [deadline]: BEFORE }, submittedApplications: 0, placements: 0, matchingPublished: false }), to)).toEqual({
      ok: true,
    });
  });
});

describe("a whole cycle", () => {
  it("walks draft to closed when each phase's facts hold", () => {
    const f = facts("draft", {
      deadlines: { application_close: AFTER, host_application_close: AFTER, selection_announce: AFTER },
    });
    const walk: [Phase, Partial<RoundFacts>][] = [
      ["information_sessions", {}],
      ["recruitment", {}],
      ["screening", { now: AFTER, submittedApplications: 1 }],
      ["selection", {}],
      ["matching", { selectionResultsFinal: true, acceptedHostApplications: 1 }],
      ["internship", { matchingPublished: true, placements: 1 }],
      ["reporting", { deadlines: { ...f.deadlines, internship_end: AFTER } }],
      ["closed", { deadlines: { ...f.deadlines, internship_end: AFTER, reporting_close: AFTER } }],
    ];
    let current = f;
    for (const [to, change] of walk) {
      current = { ...current, ...change };
      expect(checkTransition(current, to), `→ ${to}`).toEqual({ ok: true });
      current = { ...current, phase: to };
    }
    expect(nextPhase(current.phase)).toBeNull();
  });
});

describe("the one deadline boundary (deadlinePassed): a deadline has passed from its own instant on", () => {
  const deadline = new Date("2027-05-31T14:59:00Z"); // 23:59 in Asia/Tokyo
  it("is open a millisecond before, closed at the instant and after", () => {
    expect(deadlinePassed(deadline, new Date("2027-05-31T14:58:59.999Z"))).toBe(false);
    expect(deadlinePassed(deadline, new Date("2027-05-31T14:59:00.000Z"))).toBe(true);
    expect(deadlinePassed(deadline, new Date("2027-05-31T14:59:00.001Z"))).toBe(true);
  });
  it("is the same boundary for applications and for the phase machine", () => {
    const round = { phase: "recruitment", applicationClose: deadline };
    for (const ms of [-1, 0, 1]) {
      const now = new Date(deadline.getTime() + ms);
      const open = takesApplications(round, now);
      // screening may start exactly when applications no longer can be taken
      const screening = checkTransition(facts("recruitment", { now, deadlines: { application_close: deadline }, submittedApplications: 1 }), "screening");
      expect(open, `${ms} ms`).toBe(ms < 0);
      expect(screening.ok, `${ms} ms`).toBe(!open);
    }
  });
  it("takes applications only in recruitment (no deadline set: open)", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(takesApplications({ phase: "recruitment", applicationClose: null }, now)).toBe(true);
    for (const phase of PHASES.filter((p) => p !== "recruitment")) expect(takesApplications({ phase, applicationClose: deadline }, now), phase).toBe(false);
  });
});
