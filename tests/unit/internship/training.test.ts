import { describe, expect, it } from "vitest";
import {
  PPTX_TYPE,
  TRAINING_MODULES,
  gradeCheck,
  slidesFileName,
  sniffSlidesType,
  supervisorIssues,
  trainingBlock,
  trainingModule,
  trainingStatus,
} from "#src/domain/internship/training.ts";

const program = trainingModule("program")!;

describe("gradeCheck", () => {
  it("passes only with every answer right", () => {
    expect(gradeCheck(program, { q1: "b", q2: "a", q3: "c" })).toEqual({ passed: true, wrong: [], unanswered: [] });
  });
  it("names the wrong and the missing answers; an option that does not exist counts as missing", () => {
    expect(gradeCheck(program, { q1: "a", q2: "z" })).toEqual({ passed: false, wrong: ["q1"], unanswered: ["q2", "q3"] });
  });
  it("every module has 2–3 questions whose right answer is one of its options", () => {
    for (const m of TRAINING_MODULES) {
      expect(m.questions.length).toBeGreaterThanOrEqual(2);
      expect(m.questions.length).toBeLessThanOrEqual(3);
      for (const q of m.questions) expect(q.options).toContain(q.correct);
    }
  });
  it("knows no other module", () => {
    expect(trainingModule("constructor")).toBeNull();
  });
});

describe("supervisor readiness", () => {
  it("needs every module and a kick-off", () => {
    expect(trainingStatus(["program", "safety"], false)).toEqual({ complete: false, missingModules: ["supervision"], kickOffMissing: true });
    expect(trainingStatus(["safety", "supervision", "program"], true).complete).toBe(true);
    expect(supervisorIssues(null)).toEqual([{ code: "no_supervisor" }]);
    expect(supervisorIssues({ passed: ["program", "supervision", "safety"], attendedKickOff: false })).toEqual([{ code: "kick_off_missing" }]);
  });
  it("holds a placement back only when the setting is on and the supervisor is not ready; from its first day it has started", () => {
    const issues = [{ code: "kick_off_missing" } as const];
    expect(trainingBlock(false, issues, "2027-10-01", "2027-09-30")).toBe("none");
    expect(trainingBlock(true, [], "2027-10-01", "2027-09-30")).toBe("none");
    expect(trainingBlock(true, issues, "2027-10-01", "2027-09-30")).toBe("blocked");
    expect(trainingBlock(true, issues, "2027-10-01", "2027-10-01")).toBe("started_untrained");
  });
});

describe("slides", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("recognizes PDF and PPTX by content, nothing else", () => {
    expect(sniffSlidesType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffSlidesType(bytes("PK\u0003\u0004....[Content_Types].xml....ppt/presentation.xml"))).toBe(PPTX_TYPE);
    // a ZIP that is not a presentation (a Word file)
    expect(sniffSlidesType(bytes("PK\u0003\u0004....word/document.xml"))).toBeNull();
    expect(sniffSlidesType(bytes("<html>"))).toBeNull();
  });
  it("downloads under the uploaded name with the detected type's extension", () => {
    expect(slidesFileName("C:\\Users\\an\\final.html", "application/pdf")).toBe("final.pdf");
    expect(slidesFileName("", PPTX_TYPE)).toBe("slides.pptx");
  });
});
