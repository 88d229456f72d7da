/**
 * Output hygiene (issue 11 item 9): one rule strips control characters from
 * every text input and every calendar text value; downloads are named with the
 * extension of the detected type. docs/security.md › item 9.
 */
import { describe, expect, it } from "vitest";
import { downloadFileName } from "#src/domain/document-type.ts";
import { buildIcs } from "#src/domain/session-ics.ts";
import { stripControlChars } from "#src/domain/text-hygiene.ts";
import { organizationSchema } from "#src/services/hosts/host-schemas.ts";
import { personName, signUpSchema } from "#src/services/auth/auth-schemas.ts";
import { registrationSchema } from "#src/services/sessions/session-schemas.ts";
import { messageSchema } from "#src/services/messages/message-schemas.ts";
import { optionalText, requiredText } from "#src/services/fields.ts";
import { parseInput } from "#src/services/validation.ts";

const HOSTILE = "Mallory\rBCC:victim@example.com\u0007\u001b[31m\u202eevil\u0085\u007f";

describe("stripControlChars", () => {
  it("one line: every line break and tab becomes a space, other controls and bidi overrides vanish", () => {
    expect(stripControlChars(HOSTILE, { lines: false })).toBe("Mallory BCC:victim@example.com[31mevil");
    expect(stripControlChars("a\r\nb\nc\td", { lines: false })).toBe("a b c d");
  });
  it("several lines: CRLF and a bare CR become LF, tabs stay, other controls vanish", () => {
    expect(stripControlChars("one\r\ntwo\rthree\n\tfour\u0000\u000b", { lines: true })).toBe("one\ntwo\nthree\n\tfour");
  });
  it("leaves ordinary text in every script alone", () => {
    for (const s of ["山田 太郎", "Nguyễn Văn A", "สมชาย ใจดี", "O'Brien-Smith, Jr."]) expect(stripControlChars(s, { lines: false })).toBe(s);
  });
});

describe("every text input goes through it", () => {
  it("names (sign-up, invitations, CLI), session registrations and organizations are one clean line", () => {
    expect(parseInput(personName, HOSTILE)).toBe("Mallory BCC:victim@example.com[31mevil");
    const signUp = parseInput(signUpSchema, {
      name: "Ann\rLee",
      email: "ann@example.com",
      password: "violet-harbour-lantern-42",
      passwordConfirm: "violet-harbour-lantern-42",
    });
    expect(signUp.name).toBe("Ann Lee");
    const reg = registrationSchema.parse({ sessionId: "s1", name: "Bob\r\nSmith\u0007", email: "bob@example.com", countryCode: "VN", affiliation: "Uni\rX" });
    expect(reg.name).toBe("Bob Smith");
    expect(reg.affiliation).toBe("Uni X");
    const org = organizationSchema.shape.nameJa.parse("株式会社\r\nテスト\u0000");
    expect(org).toBe("株式会社 テスト");
  });
  it("a text of only control characters is empty: required text refuses it", () => {
    expect(requiredText(10).safeParse("\u0007\u0008").success).toBe(false);
    expect(optionalText(10).parse("\u0007")).toBeNull();
  });
  it("multi-line texts keep their lines; message subjects are one line", () => {
    expect(requiredText(100).parse("line one\r\nline two\rline three")).toBe("line one\nline two\nline three");
    const message = messageSchema.parse({
      audience: "applicants",
      roundId: "r1",
      applicationStatus: "submitted",
      subjects: { ja: "件名\r\nBcc: x@example.com", en: "Subject\rX" },
      bodies: { ja: "本文\r\n二行目", en: "Body" },
    });
    expect(message.subjects).toMatchObject({ ja: "件名 Bcc: x@example.com", en: "Subject X" });
    expect(message.bodies.ja).toBe("本文\n二行目");
  });
});

describe("calendar files", () => {
  it("no text value can start a line of its own: a bare CR, LF or other control in any field stays inside its property", () => {
    const ics = buildIcs({
      uid: "u1@jip",
      stamp: new Date("2027-01-01T00:00:00Z"),
      start: new Date("2027-01-02T00:00:00Z"),
      end: new Date("2027-01-02T01:00:00Z"),
      summary: "Session\rATTENDEE:mailto:evil@example.com",
      description: "Line\r\nDESCRIPTION:second\rX-EVIL:1\u0007",
      location: "Room\rEND:VEVENT",
      url: "https://example.com/a\rb",
      method: "REQUEST",
      organizer: { email: "office@example.com", name: "Office\rX" },
      attendees: [{ email: "a@example.com", name: "Ann\r\nLee\u202e" }],
    });
    // Every line ends with CRLF; no CR or LF elsewhere; no other control character at all.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    // eslint-disable-next-line no-control-regex
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    const names = ics
      .split("\r\n")
      .filter((l) => l && !l.startsWith(" "))
      .map((l) => /^[A-Z-]+/.exec(l)?.[0]);
    expect(names).toEqual([
      "BEGIN",
      "VERSION",
      "PRODID",
      "CALSCALE",
      "METHOD",
      "BEGIN",
      "UID",
      "DTSTAMP",
      "DTSTART",
      "DTEND",
      "SUMMARY",
      "DESCRIPTION",
      "LOCATION",
      "URL",
      "ORGANIZER",
      "ATTENDEE",
      "STATUS",
      "END",
      "END",
    ]);
    expect(ics).toContain("DESCRIPTION:Line\\nDESCRIPTION:second\\nX-EVIL:1");
  });
});

describe("download names", () => {
  it("carry the extension of the detected type, whatever the name said", () => {
    expect(downloadFileName("invoice.html", "application/pdf")).toBe("invoice.pdf");
    expect(downloadFileName("photo.svg", "image/png")).toBe("photo.png");
    expect(downloadFileName("scan", "image/jpeg")).toBe("scan.jpg");
    expect(downloadFileName("../../etc/passwd.pdf", "application/pdf")).toBe("passwd.pdf");
    expect(downloadFileName("a\r\nb.pdf", "application/pdf")).toBe("a b.pdf");
    expect(downloadFileName(".html", "application/pdf")).toBe("document.pdf");
    expect(downloadFileName("x.pdf", "text/html")).toBe("x.bin");
  });
});
