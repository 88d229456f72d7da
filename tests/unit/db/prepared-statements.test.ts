import { describe, expect, it } from "vitest";
import { StatementNames } from "#src/db/prepared-statements.ts";

describe("StatementNames (which statements are prepared, ADR 0049)", () => {
  it("names a text from its second use, always with the same name", () => {
    const names = new StatementNames();
    expect(names.nameOf("select 1")).toBeUndefined();
    const name = names.nameOf("select 1");
    expect(name).toMatch(/^jip_[\w-]{20}$/);
    expect(names.nameOf("select 1")).toBe(name);
    expect(new StatementNames().nameOf("select 2")).toBeUndefined();
  });

  it("names at most maxNamed texts; the rest run unprepared", () => {
    const names = new StatementNames(2, 100);
    for (const t of ["a", "b", "c"]) names.nameOf(t);
    expect(names.nameOf("a")).toBeDefined();
    expect(names.nameOf("b")).toBeDefined();
    expect(names.nameOf("c")).toBeUndefined();
  });

  it("forgets texts seen once past maxSeen, keeping the named ones", () => {
    const names = new StatementNames(10, 3);
    names.nameOf("kept");
    const kept = names.nameOf("kept");
    for (const t of ["x", "y", "z"]) names.nameOf(t);
    expect(names.nameOf("x")).toBeUndefined(); // forgotten when the map filled up: seen once again
    expect(names.nameOf("kept")).toBe(kept);
  });

  it("never names a forgotten (stale) text again", () => {
    const names = new StatementNames();
    names.nameOf("select * from t");
    expect(names.nameOf("select * from t")).toBeDefined();
    names.forget("select * from t");
    expect(names.nameOf("select * from t")).toBeUndefined();
    expect(names.nameOf("select * from t")).toBeUndefined();
  });
});
