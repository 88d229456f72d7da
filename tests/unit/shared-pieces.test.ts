/** The pieces every use case shares: CSV files, Zod fields, links' tokens, invitations, paging. */
import { describe, expect, it } from "vitest";
import { csvBatchChunks, csvCell, csvFile, csvText } from "#src/services/csv.ts";
import { isRealDate, optionalIsoDate, optionalText, requiredText, typedWholeNumber, wholeNumber } from "#src/services/fields.ts";
import { INVITATION_TTL_MS, invitationOpen, newInvitation } from "#src/services/invitations.ts";
import { inPage, pageRequestFrom, prefetchedBatches } from "#src/services/paging.ts";
import { hashToken, newToken } from "#src/services/tokens.ts";

describe("csv", () => {
  it("quotes what needs quoting and neutralizes formulas", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    for (const f of ["=1+1", "+1", "-1", "@SUM(A1)", "\t1"]) expect(csvCell(f).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2027-06-01T00:00:00Z"))).toBe("2027-06-01T00:00:00.000Z");
  });
  it("writes a file Excel opens in Japanese: BOM, CRLF, header first", () => {
    expect(csvFile(["a", "b"], [["東京", 1]])).toBe("\uFEFFa,b\r\n東京,1\r\n");
  });
  it("quotes a formula that also needs quoting, and leaves plain cells as they are", () => {
    expect(csvCell('=HYPERLINK("x"),1')).toBe(`"'=HYPERLINK(""x""),1"`);
    expect(csvCell("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(undefined)).toBe("");
  });
  it("streams the same file a batch at a time, never more than a batch of lines at once", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => [`=r${i}`, i] as const);
    async function* source(size: number) {
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
    }
    const chunks: string[] = [];
    for await (const c of csvBatchChunks(["a", "b"], source(1_000))) chunks.push(c);
    expect(chunks).toHaveLength(4);
    expect(chunks.map((c) => c.split("\r\n").length - 1)).toEqual([1, 1_000, 1_000, 500]);
    expect(chunks.join("")).toBe(csvFile(["a", "b"], rows));
    expect(await csvText(csvBatchChunks(["a", "b"], source(7)))).toBe(csvFile(["a", "b"], rows));
    expect(await csvText(csvBatchChunks(["a"], (async function* () {})()))).toBe(csvFile(["a"], []));
  });
});

describe("prefetchedBatches", () => {
  const keys = Array.from({ length: 25 }, (_, i) => i);
  it("asks for the next batch while the caller handles this one, after the last key, and ends after a short batch", async () => {
    const asked: (number | null)[] = [];
    const fetch = async (after: number | null) => {
      asked.push(after);
      return keys.filter((k) => after === null || k > after).slice(0, 10);
    };
    const seen: number[][] = [];
    for await (const batch of prefetchedBatches(fetch, 10)) {
      seen.push(batch);
      // The next batch was already requested when this one was handed over.
      expect(asked).toHaveLength(Math.min(seen.length + 1, 3));
    }
    expect(seen.flat()).toEqual(keys);
    expect(asked).toEqual([null, 9, 19]);
  });
  it("reads no further after an empty or short batch, and one in flight when the caller stops fails silently", async () => {
    const none = prefetchedBatches(async () => [] as number[], 10);
    expect(await none.next()).toEqual({ done: true, value: undefined });
    let calls = 0;
    const failing = prefetchedBatches(async (after: number | null) => {
      calls++;
      if (after !== null) throw new Error("the database went away");
      return keys.slice(0, 10);
    }, 10);
    for await (const batch of failing) {
      expect(batch).toHaveLength(10);
      break;
    }
    expect(calls).toBe(2);
    // Had the failure of the batch in flight been left unhandled, vitest would report it and fail the run.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  it("passes a failure of the batch the caller waits for on to the caller", async () => {
    const failing = prefetchedBatches(async () => {
      throw new Error("the database went away");
    }, 10);
    await expect(failing.next()).rejects.toThrow("the database went away");
  });
});

describe("fields", () => {
  it("tells real dates from others, without throwing on impossible ones", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    for (const bad of ["2027-02-29", "2027-13-01", "2027-00-10", "2027-1-1", "", "29/02/2028"]) expect(isRealDate(bad), bad).toBe(false);
    expect(optionalIsoDate.safeParse("2027-13-01").success).toBe(false);
    expect(optionalIsoDate.parse("")).toBeNull();
  });
  it("trims text, refuses markup where asked, and keeps the limit as a parameter of the message", () => {
    expect(requiredText(5).parse("  ab  ")).toBe("ab");
    expect(requiredText(5, { markup: false }).safeParse("<b>x</b>").success).toBe(false);
    expect(requiredText(5).safeParse("<b>x</b>").success).toBe(false);
    expect(optionalText(5).parse("   ")).toBeNull();
    expect(optionalText(5).parse(undefined)).toBeNull();
  });
  it("reads whole numbers as typed in Japan (full-width digits, separators), or from numbers", () => {
    expect(typedWholeNumber(0, 10_000).parse("１,２３４")).toBe(1234);
    expect(typedWholeNumber(0, 10).safeParse("").error?.issues[0]?.message).toBe("errors.required");
    expect(wholeNumber(1, 5).parse(3)).toBe(3);
    expect(wholeNumber(1, 5).safeParse("1.5").error?.issues[0]?.message).toBe("errors.wholeNumber");
  });
});

describe("tokens and invitations", () => {
  it("stores only a hash of a link's token", () => {
    const { token, hash } = newToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(newToken().token).not.toBe(token);
  });
  it("keeps an invitation open for 7 days, its expiry instant included, and never once accepted", () => {
    const now = new Date("2027-04-01T00:00:00Z");
    const inv = newInvitation(now);
    expect(inv.expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
    const row = { accepted_at: null, expires_at: inv.expiresAt };
    expect(invitationOpen(row, inv.expiresAt)).toBe(true);
    expect(invitationOpen(row, new Date(inv.expiresAt.getTime() + 1))).toBe(false);
    expect(invitationOpen({ ...row, accepted_at: now }, now)).toBe(false);
  });
});

describe("paging", () => {
  it("reads ?page and ?size leniently and windows a query", () => {
    const req = pageRequestFrom(new URLSearchParams("page=3&size=20"));
    const calls: string[] = [];
    const q = {
      limit(n: number) {
        calls.push(`limit ${n}`);
        return q;
      },
      offset(n: number) {
        calls.push(`offset ${n}`);
        return q;
      },
    };
    inPage(req)(q);
    expect(calls).toEqual(["limit 20", "offset 40"]);
    expect(pageRequestFrom(new URLSearchParams("page=-1&size=x"))).toEqual({ page: 1, size: 50 });
  });
});
