/** Messages to groups: {name} only (nothing escaped), which version a recipient gets, the back-off, the form rules. */
import { describe, expect, it } from "vitest";
import { backOffMs } from "#src/jobs/deliver-emails.ts";
import { audienceFilter, messageSchema } from "#src/services/messages/message-schemas.ts";
import { renderText, versionFor } from "#src/services/messages/render.ts";

const texts = { subjects: { ja: "件名", en: "Subject" }, bodies: { ja: "本文", en: "Body" } };

describe("renderText", () => {
  it("replaces every {name} and leaves everything else as written", () => {
    expect(renderText("Hi {name}, <b>{name}</b> & {other} 'x' {{name}}", { name: "Lan" })).toBe("Hi Lan, <b>Lan</b> & {other} 'x' {Lan}");
  });
});

describe("versionFor", () => {
  const available = { ja: "j", en: "e", vi: "v" };
  it("gives the recipient's language when written, else English; hosts Japanese", () => {
    expect(versionFor(available, "vi", "person")).toBe("vi");
    expect(versionFor(available, "th", "person")).toBe("en");
    expect(versionFor(available, null, "person")).toBe("en");
    expect(versionFor(available, "xx", "person")).toBe("en");
    expect(versionFor(available, "ja", "person")).toBe("ja");
    expect(versionFor(available, "vi", "host")).toBe("ja");
  });
});

describe("backOffMs", () => {
  it("doubles after each failed attempt", () => {
    expect([1, 2, 3, 4].map((n) => backOffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe("messageSchema", () => {
  it("keeps only the fields of the chosen audience", () => {
    const hosts = messageSchema.parse({ audience: "hosts", roundId: "r1", hostStatus: "", regionCode: "kanto", applicationStatus: "submitted", ...texts });
    expect(audienceFilter(hosts)).toEqual({ kind: "hosts", roundId: "r1", status: null, regionCode: "kanto" });
    const applicants = messageSchema.parse({ audience: "applicants", roundId: "r1", applicationStatus: "submitted", sessionId: "s", ...texts });
    expect(audienceFilter(applicants)).toEqual({ kind: "applicants", roundId: "r1", status: "submitted" });
  });

  it("refuses unknown statuses and a language with a subject but no body", () => {
    const bad = messageSchema.safeParse({
      audience: "applicants",
      roundId: "r1",
      applicationStatus: "anonymized",
      subjects: { ...texts.subjects, vi: "x" },
      bodies: texts.bodies,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["applicationStatus", "bodies.vi"]));
    const registrants = messageSchema.safeParse({ audience: "sessionRegistrants", sessionId: "s", registrantStatus: "cancelled", ...texts });
    expect(registrants.error!.issues.map((i) => i.path.join("."))).toEqual(["registrantStatus"]);
  });
});
