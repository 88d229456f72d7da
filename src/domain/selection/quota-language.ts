/**
 * The quota language: at most / at least N selected candidates per group,
 * where a group is "candidates whose <attribute> is one of <values>". Rules
 * are stored as JSON (`QuotaRule`) with the round and can be written and read
 * as text, one rule per line (ADR 0013):
 *
 *   max 66 per nationality                 one quota per nationality present
 *   max 10 per nationality in VN, ID       one quota each for VN and ID
 *   min 5 region = africa                  one group
 *   min 8 region = africa, latin_america   one group: Africa and Latin America together
 *   min 2 per field in agriculture, it     at least 2 in agriculture and at least 2 in IT
 *   # a comment
 *
 * Attributes are names (letters, digits, _; starting with a letter or _);
 * values are codes of letters, digits, _ . - or "double-quoted" text without
 * quotes or line breaks. Keywords are lower case.
 */

export interface QuotaRule {
  readonly kind: "max" | "min";
  /** an integer ≥ 0 */
  readonly count: number;
  /** a candidate attribute: "nationality", "region", "field", … */
  readonly attribute: string;
  /**
   * "each": a separate quota for each value (the listed ones, or every value
   * the candidates have when `values` is omitted); "group": one quota for all
   * candidates whose value is any of `values` (required).
   */
  readonly per: "each" | "group";
  readonly values?: readonly string[];
}

export type QuotaRuleIssue =
  | { readonly rule: number; readonly code: "invalid_count"; readonly count: number }
  | { readonly rule: number; readonly code: "invalid_attribute"; readonly attribute: string }
  | { readonly rule: number; readonly code: "missing_values" }
  | { readonly rule: number; readonly code: "invalid_value"; readonly value: string }
  | { readonly rule: number; readonly code: "duplicate_value"; readonly value: string };

export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** words of the language, not usable as attribute names */
const RESERVED = new Set(["max", "min", "per", "in"]);
const BARE_VALUE = /^[A-Za-z0-9_.-]+$/;

/** Bad rules, each with the index of the rule it is about. */
export function validateQuotaRules(rules: readonly QuotaRule[]): QuotaRuleIssue[] {
  const issues: QuotaRuleIssue[] = [];
  rules.forEach((r, rule) => {
    if (!Number.isSafeInteger(r.count) || r.count < 0) issues.push({ rule, code: "invalid_count", count: r.count });
    if (!ATTRIBUTE_NAME.test(r.attribute) || RESERVED.has(r.attribute)) issues.push({ rule, code: "invalid_attribute", attribute: r.attribute });
    if (r.per === "group" && !r.values?.length) issues.push({ rule, code: "missing_values" });
    if (r.per === "each" && r.values !== undefined && r.values.length === 0) issues.push({ rule, code: "missing_values" });
    const seen = new Set<string>();
    for (const v of r.values ?? []) {
      if (v.length === 0 || /["\r\n]/.test(v)) issues.push({ rule, code: "invalid_value", value: v });
      else if (seen.has(v)) issues.push({ rule, code: "duplicate_value", value: v });
      seen.add(v);
    }
  });
  return issues;
}

export type QuotaParseIssue = {
  /** 1-based line number */
  readonly line: number;
  readonly code:
    "expected_kind" | "expected_count" | "expected_per_or_attribute" | "expected_attribute" | "expected_equals_or_in" | "expected_value" | "unexpected_text";
  /** the text found where something else was expected ("" at the end of the line) */
  readonly found: string;
} & Partial<{ readonly rule: number }>;

export type QuotaParseResult =
  { readonly ok: true; readonly rules: readonly QuotaRule[] } | { readonly ok: false; readonly issues: readonly (QuotaParseIssue | QuotaRuleIssue)[] };

type Token = { readonly kind: "word" | "quoted" | "punct"; readonly text: string };

function tokenize(line: string): Token[] | { bad: string } {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t") i++;
    else if (ch === "#") break;
    else if (ch === "," || ch === "=") {
      out.push({ kind: "punct", text: ch });
      i++;
    } else if (ch === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) return { bad: line.slice(i) };
      out.push({ kind: "quoted", text: line.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_.-]+/.exec(line.slice(i));
      if (!m) return { bad: line.slice(i) };
      out.push({ kind: "word", text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Reads rules from text; every problem is reported with its line. */
export function parseQuotas(text: string): QuotaParseResult {
  const rules: QuotaRule[] = [];
  const issues: QuotaParseIssue[] = [];
  const ruleLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    if ("bad" in tokens) {
      issues.push({ line, code: "unexpected_text", found: tokens.bad });
      return;
    }
    if (tokens.length === 0) return;
    let p = 0;
    const peek = () => tokens[p];
    const fail = (code: QuotaParseIssue["code"]) => {
      issues.push({ line, code, found: peek()?.text ?? "" });
      return null;
    };
    const rule = ((): QuotaRule | null => {
      const kind = peek();
      if (kind?.kind !== "word" || (kind.text !== "max" && kind.text !== "min")) return fail("expected_kind");
      p++;
      const count = peek();
      if (count?.kind !== "word" || !/^\d+$/.test(count.text)) return fail("expected_count");
      p++;
      const next = peek();
      if (next?.kind !== "word") return fail("expected_per_or_attribute");
      const per = next.text === "per";
      if (per) p++;
      const attr = peek();
      if (attr?.kind !== "word" || !ATTRIBUTE_NAME.test(attr.text) || RESERVED.has(attr.text)) return fail("expected_attribute");
      p++;
      let values: string[] | undefined;
      const sep = peek();
      if (sep) {
        const ok = per ? sep.kind === "word" && sep.text === "in" : sep.kind === "punct" && sep.text === "=";
        if (!ok) return fail(per ? "unexpected_text" : "expected_equals_or_in");
        p++;
        values = [];
        for (;;) {
          const v = peek();
          if (!v || v.kind === "punct") return fail("expected_value");
          values.push(v.text);
          p++;
          const comma = peek();
          if (!comma) break;
          if (comma.kind !== "punct" || comma.text !== ",") return fail("unexpected_text");
          p++;
        }
      } else if (!per) {
        return fail("expected_equals_or_in");
      }
      return {
        kind: kind.text as "max" | "min",
        count: Number(count.text),
        attribute: attr.text,
        per: per ? "each" : "group",
        ...(values ? { values } : {}),
      };
    })();
    if (rule) {
      rules.push(rule);
      ruleLines.push(line);
    }
  });
  const semantic = validateQuotaRules(rules).map((x) => ({ ...x, line: ruleLines[x.rule]! }));
  if (issues.length > 0 || semantic.length > 0) return { ok: false, issues: [...issues, ...semantic] };
  return { ok: true, rules };
}

function formatValue(v: string): string {
  return BARE_VALUE.test(v) && v !== "in" && v !== "per" ? v : `"${v}"`;
}

/** One rule as a line of the quota language; `parseQuotas(formatQuotaRule(r))` gives `r` back. */
export function formatQuotaRule(r: QuotaRule): string {
  const values = r.values?.map(formatValue).join(", ");
  if (r.per === "each") return `${r.kind} ${r.count} per ${r.attribute}${values ? ` in ${values}` : ""}`;
  return `${r.kind} ${r.count} ${r.attribute} = ${values ?? ""}`;
}

export function formatQuotas(rules: readonly QuotaRule[]): string {
  return rules.map(formatQuotaRule).join("\n");
}
