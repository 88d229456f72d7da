import { describe, expect, it } from "vitest";
import { STEP_FIELDS } from "#src/services/applications/application-steps.ts";
import { translator } from "#src/i18n/translator.ts";
import { formatDate } from "#src/i18n/format.ts";
import { answerText } from "../../app/lib/answer-text.ts";
import { countryName } from "../../app/lib/countries.ts";

const ALL_FIELDS = Object.values(STEP_FIELDS).flat();
const field = (name: string) => ALL_FIELDS.find((f) => f.name === name)!;

function shown(locale: "ja" | "en", name: string, value: unknown): string {
  return answerText(
    value,
    field(name),
    translator(locale),
    (c) => countryName(c, locale),
    (d) => formatDate(d, locale),
  );
}

describe("answerText: an operator reads labels, never stored codes (the tester saw VN, false, toeic_lr, kanto)", () => {
  it("names countries, says yes or no, and labels options and lists of options", () => {
    for (const locale of ["ja", "en"] as const) {
      const texts = [
        shown(locale, "nationality", "VN"),
        shown(locale, "priorParticipant", false),
        shown(locale, "englishTest", "toeic_lr"),
        shown(locale, "preferredRegions", ["kanto", "kinki"]),
        shown(locale, "degree", "bachelor"),
      ];
      for (const text of texts) expect(text).not.toMatch(/^VN$|^false$|toeic_lr|kanto|kinki|^bachelor$|application\./);
    }
    expect(shown("en", "nationality", "VN")).toBe("Vietnam");
    expect(shown("en", "priorParticipant", false)).toBe("No");
    expect(shown("ja", "preferredRegions", ["kanto"])).toBe("関東");
  });

  it("shows a dash for an empty answer", () => {
    expect(shown("en", "englishTest", null)).toBe("—");
    expect(shown("en", "preferredRegions", [])).toBe("—");
  });
});
