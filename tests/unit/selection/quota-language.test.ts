/** The quota language: text ↔ rules, with errors by line. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatQuotaRule, formatQuotas, parseQuotas, validateQuotaRules, type QuotaRule } from "#src/domain/selection/index.ts";

describe("parseQuotas", () => {
  it("reads every form, with comments and blank lines", () => {
    const r = parseQuotas(`
# FY2027 committee quotas
max 66 per nationality
max 10 per nationality in VN, ID
min 5 region = africa
min 8 region = africa, latin_america   # together
min 1 per field in "public health", it
`);
    expect(r).toEqual({
      ok: true,
      rules: [
        { kind: "max", count: 66, attribute: "nationality", per: "each" },
        { kind: "max", count: 10, attribute: "nationality", per: "each", values: ["VN", "ID"] },
        { kind: "min", count: 5, attribute: "region", per: "group", values: ["africa"] },
        { kind: "min", count: 8, attribute: "region", per: "group", values: ["africa", "latin_america"] },
        { kind: "min", count: 1, attribute: "field", per: "each", values: ["public health", "it"] },
      ],
    });
  });

  it("reports each bad line with what it found", () => {
    const r = parseQuotas(
      [
        "at most 5 per nationality",
        "max five per nationality",
        "max 5 region",
        "max 5 per nationality in",
        "min 2 region = africa asia",
        "max 1 per in",
        'min 1 x = "open',
      ].join("\n"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { line: 1, code: "expected_kind", found: "at" },
      { line: 2, code: "expected_count", found: "five" },
      { line: 3, code: "expected_equals_or_in", found: "" },
      { line: 4, code: "expected_value", found: "" },
      { line: 5, code: "unexpected_text", found: "asia" },
      { line: 6, code: "expected_attribute", found: "in" },
      { line: 7, code: "unexpected_text", found: '"open' },
    ]);
  });

  it("checks meaning too: duplicate values, empty quoted values", () => {
    const r = parseQuotas('min 1 region = africa, africa\nmax 2 field = ""');
    expect(r.ok ? [] : r.issues).toEqual([
      { rule: 0, line: 1, code: "duplicate_value", value: "africa" },
      { rule: 1, line: 2, code: "invalid_value", value: "" },
    ]);
  });
});

describe("validateQuotaRules", () => {
  it("refuses bad counts, attribute names, and groups without values", () => {
    expect(
      validateQuotaRules([
        { kind: "max", count: -1, attribute: "nationality", per: "each" },
        { kind: "min", count: 1, attribute: "per", per: "group", values: ["x"] },
        { kind: "min", count: 1, attribute: "region", per: "group" },
        { kind: "min", count: 1, attribute: "region", per: "each", values: [] },
      ]).map((i) => [i.rule, i.code]),
    ).toEqual([
      [0, "invalid_count"],
      [1, "invalid_attribute"],
      [2, "missing_values"],
      [3, "missing_values"],
    ]);
  });
});

describe("formatQuotas", () => {
  it("writes the text form", () => {
    expect(formatQuotaRule({ kind: "max", count: 66, attribute: "nationality", per: "each" })).toBe("max 66 per nationality");
    expect(formatQuotaRule({ kind: "min", count: 2, attribute: "field", per: "each", values: ["public health", "it"] })).toBe(
      'min 2 per field in "public health", it',
    );
    expect(formatQuotas([{ kind: "min", count: 5, attribute: "region", per: "group", values: ["africa", "asia"] }])).toBe("min 5 region = africa, asia");
  });

  it("property: parse(format(rules)) gives the rules back", () => {
    const value = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/),
      fc.stringMatching(/^[a-z ]{1,6}$/).filter((s) => s.trim() === s && s.length > 0),
    );
    const rule: fc.Arbitrary<QuotaRule> = fc
      .record({
        kind: fc.constantFrom("max" as const, "min" as const),
        count: fc.nat({ max: 1000 }),
        attribute: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((a) => !["max", "min", "per", "in"].includes(a)),
        per: fc.constantFrom("each" as const, "group" as const),
        values: fc.option(fc.uniqueArray(value, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      })
      .map((r) => {
        const values = r.per === "group" ? (r.values ?? ["x"]) : r.values;
        return { kind: r.kind, count: r.count, attribute: r.attribute, per: r.per, ...(values ? { values } : {}) };
      });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), (rules) => {
        expect(validateQuotaRules(rules)).toEqual([]);
        expect(parseQuotas(formatQuotas(rules))).toEqual({ ok: true, rules });
      }),
      { numRuns: 400 },
    );
  });
});
