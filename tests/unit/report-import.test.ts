/** The historical import's pure part (ADR 0030): decoding, CSV with line numbers, and the checks of each kind. */
import { describe, expect, it } from "vitest";
import { checkImportFile, decodeImportFile, parseCsv, type ImportContext } from "#src/domain/report-import.ts";

const context: ImportContext = {
  countries: new Set(["VN", "ID", "TH"]),
  jsicDivisions: new Set(["E", "I", "R"]),
  existingIds: new Set(["OLD"]),
  applicantIds: new Set(["A1", "A2"]),
  hostIds: new Set(["H1"]),
  placedApplicantIds: new Set(["A2"]),
  internIds: new Set(["P1", "P2"]),
  answeredInternIds: new Set(["P2"]),
};

describe("parseCsv", () => {
  it("keeps the line each row starts on, with quoted commas, quotes and line breaks", () => {
    const { rows, unclosedQuoteLine } = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\nlast,');
    expect(unclosedQuoteLine).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 4, cells: ["two\nlines", "z"] },
      { line: 6, cells: ["last", ""] },
    ]);
  });
  it("says where a quote is never closed", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unclosedQuoteLine).toBe(2);
  });
});

describe("decodeImportFile", () => {
  it("reads UTF-8 without its byte-order mark, and Shift_JIS", () => {
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: "a", encoding: "utf-8" });
    expect(decodeImportFile(new Uint8Array([0x93, 0xfa, 0x96, 0x7b]))).toEqual({ ok: true, text: "日本", encoding: "shift_jis" });
    expect(decodeImportFile(new Uint8Array([0xff, 0xff, 0x80]))).toEqual({ ok: false });
  });
});

describe("checkImportFile", () => {
  it("accepts good applicants and lists each problem of the others by line and column", () => {
    const out = checkImportFile(
      "applicants",
      "final_status,id,nationality,gender,age,field\nrejected,N1,vn,female,1,200,\ncompleted,OLD,XX,,,\n,bad id,,,,\n",
      context,
    );
    expect(out.rows).toBe(3);
    expect(out.problems).toEqual([
      { line: 2, column: null, code: "cellCount", value: "7" },
      { line: 3, column: "id", code: "alreadyImported", value: "OLD" },
      { line: 3, column: "nationality", code: "unknownCountry", value: "XX" },
      // in the order of the file's columns (final_status comes first here)
      { line: 4, column: "final_status", code: "required" },
      { line: 4, column: "id", code: "badId", value: "bad id" },
    ]);
    const good = checkImportFile("applicants", 'id,nationality,gender,age,field,final_status\nN1,vn,female,"1,0",x,rejected\n', context);
    expect(good.problems).toEqual([{ line: 2, column: "age", code: "badNumber", value: "1,0" }]);
    const fine = checkImportFile("applicants", "id,nationality,gender,age,field,final_status\nN1,vn,female,24,x,rejected\n", context);
    expect(fine.records).toEqual([{ id: "N1", nationality: "VN", gender: "female", age: 24, field: "x", finalStatus: "rejected" }]);
  });
  it("checks hosts' codes and location", () => {
    const out = checkImportFile(
      "hosts",
      "id,corporate_number,jsic_division,employees,overseas_status,prefecture,region,final_status\nH9,123,e,1,200,,1,,accepted\nH8,,Q,5,sometimes,13,kinki,accepted\n",
      context,
    );
    expect(out.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, null, "cellCount"],
      [3, "jsic_division", "unknownJsic"],
      [3, "overseas_status", "badValue"],
      [3, "region", "regionMismatch"],
    ]);
    const ok = checkImportFile(
      "hosts",
      'id,corporate_number,jsic_division,employees,overseas_status,prefecture,region,final_status\nH9,,e,"1,200",,1,,accepted\n',
      context,
    );
    expect(ok.records).toEqual([
      {
        id: "H9",
        corporateNumber: null,
        jsicDivision: "E",
        employees: 1200,
        overseasStatus: null,
        prefectureCode: "01",
        region: null,
        finalStatus: "accepted",
      },
    ]);
  });
  it("checks placements and survey answers against the year's records", () => {
    const interns = checkImportFile("interns", "id,applicant_id,host_id\nP5,A1,H1\nP6,A1,H2\nP7,A2,H1\n", context);
    expect(interns.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, "applicant_id", "applicantPlacedTwice"],
      [3, "host_id", "unknownHost"],
      [4, "applicant_id", "applicantPlacedTwice"],
    ]);
    const answers = checkImportFile(
      "host-surveys",
      "id,intern_id,match_fit,overall_satisfaction,intern_japanese_level,intern_english_level\nR1,P1,yes,satisfied,daily,\nR2,P2,,,,\nR3,P9,maybe,,,fluent\n",
      context,
    );
    expect(answers.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, "intern_id", "duplicateResponse"],
      [4, "intern_id", "unknownIntern"],
      [4, "match_fit", "badValue"],
      [4, "intern_english_level", "badValue"],
    ]);
    expect(answers.records).toEqual([
      { id: "R1", internId: "P1", matchFit: "yes", overallSatisfaction: "satisfied", japaneseLevel: "daily", englishLevel: null },
    ]);
  });
  it("refuses an empty file and a file with only a header", () => {
    expect(checkImportFile("interns", "", context).problems).toEqual([{ line: 0, column: null, code: "empty" }]);
    expect(checkImportFile("interns", "id,applicant_id,host_id\n", context).problems).toEqual([{ line: 0, column: null, code: "empty" }]);
  });
});
