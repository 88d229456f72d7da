/** The waiting list: who is offered a freed place. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expandQuotas,
  inGroup,
  nextOffer,
  parseQuotas,
  selectWithQuotas,
  suggestWaitingList,
  type Candidate,
  type QuotaRule,
} from "#src/domain/selection/index.ts";
import { instanceArb, REGION } from "./helpers.ts";

const person = (id: string, nationality: string, field = "it"): Candidate => ({ id, attributes: { nationality, region: REGION[nationality]!, field } });
const rules = (text: string): QuotaRule[] => {
  const r = parseQuotas(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return [...r.rules];
};

describe("nextOffer", () => {
  it("offers the place to the first on the list when nothing else matters", () => {
    const r = nextOffer({ holders: [person("h1", "VN")], waiting: [person("w1", "ID"), person("w2", "KE")], places: 2, quotas: [] });
    expect(r).toEqual({ ok: true, freePlaces: 1, offer: { id: "w1", position: 1 }, passedOver: [], unmetMinimums: [] });
  });

  it("passes over someone whose nationality quota is full, saying so", () => {
    const r = nextOffer({
      holders: [person("h1", "VN"), person("h2", "VN")],
      waiting: [person("w1", "VN"), person("w2", "ID")],
      places: 3,
      quotas: rules("max 2 per nationality"),
    });
    expect(r.ok && r.offer).toEqual({ id: "w2", position: 2 });
    expect(r.ok && r.passedOver).toEqual([
      {
        id: "w1",
        position: 1,
        reasons: [{ code: "max_quota_full", quota: { rule: 0, kind: "max", attribute: "nationality", values: ["VN"], limit: 2 }, count: 2 }],
      },
    ]);
  });

  it("after an African withdraws and leaves the minimum short, the first African on the list gets the offer", () => {
    const r = nextOffer({
      holders: [person("h1", "VN"), person("h2", "ID")],
      waiting: [person("w1", "VN"), person("w2", "PH"), person("w3", "NG"), person("w4", "KE")],
      places: 3,
      quotas: rules("min 1 region = africa"),
    });
    const africa = { rule: 0, kind: "min", attribute: "region", values: ["africa"], limit: 1 };
    expect(r).toEqual({
      ok: true,
      freePlaces: 1,
      offer: { id: "w3", position: 3 },
      passedOver: [
        { id: "w1", position: 1, reasons: [{ code: "another_restores_minimum", offered: "w3", minimums: [{ quota: africa, count: 0 }] }] },
        { id: "w2", position: 2, reasons: [{ code: "another_restores_minimum", offered: "w3", minimums: [{ quota: africa, count: 0 }] }] },
      ],
      unmetMinimums: [],
    });
  });

  it("when nobody can restore a minimum, the first who keeps the maximums is offered and the gap is reported", () => {
    const r = nextOffer({
      holders: [person("h1", "VN")],
      waiting: [person("w1", "ID"), person("w2", "PH")],
      places: 2,
      quotas: rules("min 1 region = africa"),
    });
    expect(r.ok && r.offer).toEqual({ id: "w1", position: 1 });
    expect(r.ok && r.unmetMinimums.map((m) => [m.quota.values, m.count])).toEqual([[["africa"], 0]]);
  });

  it("no free place, or nobody fits: no offer", () => {
    expect(nextOffer({ holders: [person("h1", "VN")], waiting: [person("w1", "ID")], places: 1, quotas: [] })).toMatchObject({
      ok: true,
      freePlaces: 0,
      offer: null,
    });
    const none = nextOffer({ holders: [person("h1", "VN")], waiting: [person("w1", "VN")], places: 2, quotas: rules("max 1 per nationality") });
    expect(none.ok && none.offer).toBe(null);
    expect(none.ok && none.passedOver.map((p) => p.reasons[0]!.code)).toEqual(["max_quota_full"]);
  });

  it("refuses bad rules or places", () => {
    expect(nextOffer({ holders: [], waiting: [], places: -2, quotas: [] })).toEqual({ ok: false, issues: [{ code: "invalid_places", places: -2 }] });
  });

  it("property: the offer keeps every maximum, no one before it fits as well, and nobody later fits better", () => {
    fc.assert(
      fc.property(instanceArb({ maxCandidates: 10 }), fc.nat({ max: 10 }), (inst, split) => {
        const holders = inst.candidates.slice(0, Math.min(split, inst.candidates.length));
        const waiting = inst.candidates.slice(holders.length);
        const places = holders.length + 1;
        const r = nextOffer({ holders, waiting, places, quotas: inst.quotas });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const refs = expandQuotas(inst.quotas, inst.candidates);
        const fits = (c: Candidate) => refs.every((q) => q.kind !== "max" || !inGroup(q, c) || holders.filter((h) => inGroup(q, h)).length < q.limit);
        const vector = (c: Candidate) => refs.map((q) => (q.kind === "min" ? Math.max(0, q.limit - [...holders, c].filter((h) => inGroup(q, h)).length) : 0));
        const fitting = waiting.filter(fits);
        if (fitting.length === 0) {
          expect(r.offer).toBe(null);
          return;
        }
        const offered = waiting[r.offer!.position - 1]!;
        expect(offered.id).toBe(r.offer!.id);
        expect(fits(offered)).toBe(true);
        for (const c of fitting) expect(lexLess(vector(c), vector(offered))).toBe(false);
        for (const c of waiting.slice(0, r.offer!.position - 1)) expect(!fits(c) || lexLess(vector(offered), vector(c))).toBe(true);
        expect(r.passedOver.length).toBe(r.offer!.position - 1);
      }),
      { numRuns: 500 },
    );
  });
});

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

describe("suggestWaitingList", () => {
  it("is the candidates not selected, in rank order", () => {
    const candidates = ["VN", "VN", "ID", "KE", "PH"].map((n, i) => person(`p${i + 1}`, n));
    const s = selectWithQuotas({ candidates, places: 2, quotas: rules("max 1 per nationality") });
    if (!s.ok) throw new Error("selection failed");
    expect(suggestWaitingList(s).map((x) => x.id)).toEqual(["p2", "p4", "p5"]);
    expect(suggestWaitingList(s, 2).map((x) => x.id)).toEqual(["p2", "p4"]);
  });
});
