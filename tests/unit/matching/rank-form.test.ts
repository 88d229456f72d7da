/** A rank order list read from its form (issue 15): position numbers, blanks, gaps, duplicates, unknown choices. */
import { describe, expect, it } from "vitest";
import { RefusedError, ValidationError } from "#src/services/errors.ts";
import { holdsSeat, rankedFromForm } from "#src/services/matching/matching-record.ts";

const allowed = ["a", "b", "c", "d"];
const read = (rank: Record<string, string>) => rankedFromForm({ rank }, allowed, "matching.refusals");

describe("rankedFromForm", () => {
  it("orders by the numbers given; blanks are not ranked; gaps are fine", () => {
    expect(read({ a: "3", b: "", c: "1", d: " 4 " })).toEqual(["c", "a", "d"]);
    expect(read({})).toEqual([]);
  });

  it("puts a field error on every choice sharing a number, and on numbers out of range", () => {
    try {
      read({ a: "1", b: "1", c: "5", d: "x" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const e = err as ValidationError;
      expect(Object.keys(e.fieldErrors).sort()).toEqual(["rank.a", "rank.b", "rank.c", "rank.d"]);
      expect(e.fieldErrors["rank.a"]).toEqual([{ key: "matching.errors.rankDuplicate", params: { rank: 1 } }]);
      expect(e.fieldErrors["rank.c"]).toEqual([{ key: "matching.errors.rankOutOfRange", params: { max: 4 } }]);
    }
  });

  it("refuses a choice that is not offered, unless left blank", () => {
    expect(() => read({ z: "1" })).toThrow(RefusedError);
    expect(read({ z: "", a: "1" })).toEqual(["a"]);
  });
});

describe("holdsSeat", () => {
  const now = new Date("2027-07-01T00:00:00Z");
  it("accepted offers and pending ones within their deadline hold a place; the deadline instant itself does not", () => {
    expect(holdsSeat({ status: "accepted", respond_by: null }, now)).toBe(true);
    expect(holdsSeat({ status: "pending", respond_by: new Date("2027-07-01T00:00:01Z") }, now)).toBe(true);
    expect(holdsSeat({ status: "pending", respond_by: now }, now)).toBe(false);
    expect(holdsSeat({ status: "declined", respond_by: null }, now)).toBe(false);
  });
});
