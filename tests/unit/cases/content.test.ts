import { describe, expect, it } from "vitest";
import { type CaseContent, cleanText, emptyContent, missingFor, namesIntern, publishRefusals, readContent } from "#src/domain/cases/content.ts";
import { caseFactsFrom } from "#src/domain/cases/facts.ts";
import { dashboardGroup, hostMayEdit, operatorMayPublish } from "#src/domain/cases/workflow.ts";

function complete(lang: "ja" | "en", c: CaseContent = emptyContent("overseas_expansion")): CaseContent {
  return { ...c, [lang]: { title: "T", summary: "S", company: "C", challenge: "Ch", internWork: "W", results: "R", quotes: [] } };
}

describe("text", () => {
  it("keeps markup as typed characters and drops control characters", () => {
    expect(cleanText("<script>alert(1)</script>\r\nline two\u0000\u0007  ")).toBe("<script>alert(1)</script>\nline two");
  });

  it("reads old or partial content leniently", () => {
    expect(readContent({ theme: "nope", ja: { title: "x" } })).toMatchObject({ theme: "overseas_expansion", ja: { title: "x", summary: "" }, images: [] });
  });
});

describe("publishing rules", () => {
  it("a language needs every section and the images' alternative text in it", () => {
    const c = complete("ja");
    expect(missingFor(c, "ja")).toEqual([]);
    expect(missingFor(c, "en")).toEqual(["title", "summary", "company", "challenge", "internWork", "results"]);
    const withImage = { ...c, images: [{ id: "i1", alt: { ja: "", en: "x" }, showsIntern: false }] };
    expect(missingFor(withImage, "ja")).toEqual(["imageAlt1"]);
  });

  it("a named intern needs consent: a name to show, or their known name in the text", () => {
    const c = complete("ja");
    expect(namesIntern(c, ["ja"], ["Nguyen", "Lan"])).toBe(false);
    expect(namesIntern({ ...c, internName: "Lan" }, ["ja"], [])).toBe(true);
    const named = { ...c, ja: { ...c.ja, internWork: "ＮＧＵＹＥＮさんが調査した" } };
    expect(namesIntern(named, ["ja"], ["Nguyen"])).toBe(true);
    expect(namesIntern(named, ["en"], ["Nguyen"])).toBe(false);
    // One-letter names would match everything: ignored.
    expect(namesIntern(named, ["ja"], ["N"])).toBe(false);
  });

  it("refuses what would publish a named or shown intern without consent, or an incomplete language", () => {
    const c = { ...complete("ja"), internName: "Lan", images: [{ id: "i", alt: { ja: "写真", en: "" }, showsIntern: true }] };
    expect(publishRefusals(c, ["ja"], { named: false, shown: false }, [])).toEqual([
      { code: "named_without_consent" },
      { code: "shown_without_consent", images: 1 },
    ]);
    expect(publishRefusals(c, ["ja"], { named: true, shown: true }, [])).toEqual([]);
    expect(publishRefusals(c, ["ja", "en"], { named: true, shown: true }, []).map((r) => r.code)).toEqual(["language_incomplete"]);
    expect(publishRefusals(c, [], { named: true, shown: true }, [])).toEqual([{ code: "no_language" }]);
  });
});

describe("workflow", () => {
  it("lets the host edit only drafts and returned cases, and the operator publish approved, published or withdrawn ones", () => {
    expect(["draft", "changes_requested"].every(hostMayEdit)).toBe(true);
    expect(["in_review", "approved", "published", "withdrawn"].some(hostMayEdit)).toBe(false);
    expect(["approved", "published", "withdrawn"].every(operatorMayPublish)).toBe(true);
    expect(["draft", "in_review", "changes_requested"].some(operatorMayPublish)).toBe(false);
    expect(["draft", "changes_requested", "in_review", "approved", "published", "withdrawn"].map(dashboardGroup)).toEqual([
      "draft",
      "draft",
      "inReview",
      "inReview",
      "published",
      "withdrawn",
    ]);
  });
});

describe("filter facts", () => {
  const organization = { jsicDivision: "E", employees: 85, prefectureCode: "20" };
  it("come from the organization when there is no snapshot, and the nationality as declared", () => {
    expect(caseFactsFrom({ snapshot: null, organization, application: null, declaredNationality: "VN", fiscalYear: 2027 })).toEqual({
      jsicDivision: "E",
      prefectureCode: "20",
      region: "chubu",
      sizeClass: "10to99",
      internNationality: "VN",
      fiscalYear: 2027,
    });
  });

  it("prefer the host application's snapshot and the placement's application", () => {
    const facts = caseFactsFrom({
      snapshot: { jsicDivision: "I", employees: 120, prefectureCode: "40" },
      organization,
      application: { nationality: "ID" },
      declaredNationality: "VN",
      fiscalYear: null,
    });
    expect(facts).toMatchObject({ jsicDivision: "I", region: "kyushu_okinawa", sizeClass: "100to499", internNationality: "ID" });
  });
});
