import { describe, expect, it } from "vitest";
import { validateInstance } from "#src/domain/matching/index.ts";

const base = () => ({
  applicants: [
    { id: "a1", preferences: ["h2", "h1"] },
    { id: "a2", preferences: ["h1"] },
  ],
  hosts: [
    { id: "h1", capacity: 2, region: "kanto", preferences: ["a2", "a1"] },
    { id: "h2", capacity: 1, region: "kansai", preferences: ["a1"] },
  ],
  regionCaps: { kanto: 50 } as Record<string, unknown>,
});

const err = (mutate: (x: ReturnType<typeof base>) => unknown) => {
  const x = base();
  const r = validateInstance(mutate(x) ?? x);
  return r.ok ? "ok" : r.error;
};

describe("validateInstance", () => {
  it("accepts a valid instance, with or without caps and regions", () => {
    expect(err(() => undefined)).toBe("ok");
    expect(err((x) => ({ applicants: x.applicants, hosts: x.hosts.map(({ region: _r, ...h }) => h) }))).toBe("ok");
  });
  it("names the first offending entry", () => {
    expect(err(() => 3)).toBe("instance: expected an object");
    expect(err((x) => void (x.hosts[1]!.preferences = ["a1", "a9"]))).toBe('hosts[1].preferences[1]: unknown applicant "a9"');
    expect(err((x) => void (x.applicants[0]!.preferences = ["h2", "h3"]))).toBe('applicants[0].preferences[1]: unknown host "h3"');
    expect(err((x) => void (x.applicants[0]!.preferences = ["h2", "h1", "h2"]))).toBe('applicants[0].preferences[2]: duplicate host "h2"');
    expect(err((x) => void (x.hosts[0]!.preferences = ["a2", "a2"]))).toBe('hosts[0].preferences[1]: duplicate applicant "a2"');
    expect(err((x) => void (x.applicants[1]!.id = "a1"))).toBe('applicants[1].id: duplicate applicant id "a1"');
    expect(err((x) => void (x.hosts[1]!.id = "h1"))).toBe('hosts[1].id: duplicate host id "h1"');
    expect(err((x) => void (x.hosts[1]!.capacity = 0))).toBe("hosts[1].capacity: must be >= 1, got 0");
    expect(err((x) => void (x.hosts[1]!.capacity = 1.5))).toBe("hosts[1].capacity: expected an integer, got 1.5");
    expect(err((x) => void (x.regionCaps.kanto = -1))).toBe("regionCaps.kanto: cap must be >= 0, got -1");
    expect(err((x) => void (x.regionCaps.kanto = "5"))).toBe('regionCaps.kanto: expected an integer, got "5"');
    expect(err((x) => void delete (x.hosts[1] as { region?: string }).region)).toBe("hosts[1].region: missing (required when regionCaps is given)");
    expect(err((x) => void ((x.applicants[0] as { preferences: unknown }).preferences = "h1"))).toBe("applicants[0].preferences: expected an array");
  });
});
