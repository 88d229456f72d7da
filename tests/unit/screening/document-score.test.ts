import { describe, expect, it } from "vitest";
import { documentScore } from "#src/services/screening/close-screening.ts";

describe("documentScore (screening → selection's 0–100 document score)", () => {
  it("maps the rubric scale linearly and clamps what severity correction pushed past either end", () => {
    const scale = { min: 1, max: 5 };
    expect([1, 3, 5, 4.2, 0.4, 5.7].map((x) => documentScore(x, scale))).toEqual([0, 50, 100, 80, 0, 100]);
    expect(documentScore(2.333333, scale)).toBe(33.33);
  });
});
