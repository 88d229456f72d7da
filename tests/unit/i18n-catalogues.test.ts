import { IntlMessageFormat } from "intl-messageformat";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStaffOnlyKey } from "#src/i18n/audiences.ts";
import { LOCALES, LOCALE_TAGS } from "#src/i18n/locales.ts";
import { CATALOGUES, translator } from "#src/i18n/translator.ts";

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const en = leaves(CATALOGUES.en);
/** The argument names a message uses, read from its ICU syntax tree (select/plural branches included). */
function placeholders(msg: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.type >= 1 && el.type <= 6 && typeof el.value === "string") names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(msg, "en").getAst());
  return names;
}

/** Every key the code asks for with a literal string: t("a.b") and key: "errors.x". */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "matching", "+types"].includes(entry.name)) walk(p);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        const src = readFileSync(p, "utf8");
        for (const m of src.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) used.add(m[1]!);
        for (const m of src.matchAll(/"(errors\.[a-zA-Z]+)"/g)) used.add(m[1]!);
      }
    }
  };
  walk("app");
  walk("src");
  return used;
}

/**
 * Every refusal a use case raises, as its message key: `new RefusedError("<messages>", [{ code: "<code>" … }])`
 * in src/services, and the round phase machine's codes (src/domain/round-phases.ts, messages "refusals").
 */
function refusalKeysInCode(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".ts")) {
        const src = readFileSync(p, "utf8");
        for (const m of src.matchAll(/new RefusedError(?:<[^>]*>)?\(\s*"([\w.]+)",\s*\[([^\]]*)\]/g)) {
          for (const c of m[2]!.matchAll(/code: "(\w+)"/g)) keys.add(`${m[1]}.${c[1]}`);
        }
        // A list of reasons built first (`problems.push({ code: … })`), then thrown with its namespace.
        const namespaces = [...src.matchAll(/new RefusedError(?:<[^>]*>)?\(\s*"([\w.]+)",\s*[a-z]\w*\)/g)].map((m) => m[1]!);
        for (const ns of namespaces) for (const c of src.matchAll(/push\(\{ code: "(\w+)"/g)) keys.add(`${ns}.${c[1]}`);
      }
    }
  };
  walk("src/services");
  for (const m of readFileSync("src/domain/round-phases.ts", "utf8").matchAll(/code: "(\w+)"/g)) keys.add(`refusals.${m[1]}`);
  return keys;
}

describe("message catalogues", () => {
  it("Japanese and English have exactly the same keys", () => {
    expect([...leaves(CATALOGUES.ja).keys()].sort()).toEqual([...en.keys()].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== "ja" && l !== "en")) {
    it(`${locale} has every applicant and public key, and no key English lacks`, () => {
      const keys = leaves(CATALOGUES[locale]);
      const missing = [...en.keys()].filter((k) => !isStaffOnlyKey(k) && !keys.has(k));
      const unknown = [...keys.keys()].filter((k) => !en.has(k));
      expect(missing).toEqual([]);
      expect(unknown).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    it(`${locale}: every message is valid ICU and keeps the English placeholders`, () => {
      for (const [key, msg] of leaves(CATALOGUES[locale])) {
        expect(() => new IntlMessageFormat(msg, LOCALE_TAGS[locale]), `${locale} ${key}`).not.toThrow();
        const source = en.get(key);
        if (source) expect(placeholders(msg), `${locale} ${key}`).toEqual(placeholders(source));
      }
    });
  }

  it("every key the code uses exists in English and Japanese", () => {
    const ja = leaves(CATALOGUES.ja);
    const missing = [...keysUsedInCode()].filter((k) => !en.has(k) || !ja.has(k));
    expect(missing).toEqual([]);
  });

  it("every refusal a use case raises has its message in English and Japanese", () => {
    const ja = leaves(CATALOGUES.ja);
    const found = [...refusalKeysInCode()];
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((k) => !en.has(k) || !ja.has(k))).toEqual([]);
  });

  it("formats plurals and parameters per language", () => {
    expect(translator("en")("pager.status", { page: 1, pages: 3, total: 1 })).toBe("Page 1 of 3 (1 item)");
    expect(translator("en")("pager.status", { page: 2, pages: 3, total: 120 })).toBe("Page 2 of 3 (120 items)");
    expect(translator("ja")("errors.tooManyAttempts", { minutes: 15 })).toBe("失敗した回数が多すぎます。15分後にもう一度お試しください。");
  });
});
