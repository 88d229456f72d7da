/**
 * Quota rules applied to a set of candidates: each rule becomes one or more
 * quotas on groups of candidates (`QuotaRef`), in a fixed order that is also
 * the priority order when minimums cannot all be met (ADR 0013): rule order,
 * then the rule's listed values in their order, or — for "each" rules without
 * values — the values present among the candidates in code-unit order.
 */
import type { QuotaRule } from "./quota-language.ts";

export interface Candidate {
  readonly id: string;
  /** attribute name → value code, e.g. { nationality: "VN", region: "asia", field: "it" } */
  readonly attributes: Readonly<Record<string, string>>;
}

/** One quota on one group, as shown to people ("nationality quota VN: 66 of 66"). */
export interface QuotaRef {
  /** index of the rule in the round's list */
  readonly rule: number;
  readonly kind: "max" | "min";
  readonly attribute: string;
  /** the group: candidates whose attribute is one of these values */
  readonly values: readonly string[];
  readonly limit: number;
}

/** The candidate's value, or undefined. Inherited properties ("constructor", …) are never strings, so they never count. */
export function attributeOf(c: Candidate, attribute: string): string | undefined {
  const v: unknown = c.attributes[attribute];
  return typeof v === "string" ? v : undefined;
}

export function inGroup(ref: Pick<QuotaRef, "attribute" | "values">, c: Candidate): boolean {
  const v = attributeOf(c, ref.attribute);
  return v !== undefined && ref.values.includes(v);
}

/** Precondition: `validateQuotaRules(rules)` is empty. */
export function expandQuotas(rules: readonly QuotaRule[], candidates: readonly Candidate[]): QuotaRef[] {
  const out: QuotaRef[] = [];
  const presentByAttribute = new Map<string, string[]>();
  const present = (attribute: string): string[] => {
    let values = presentByAttribute.get(attribute);
    if (!values) {
      const set = new Set<string>();
      for (const c of candidates) {
        const v = attributeOf(c, attribute);
        if (v !== undefined) set.add(v);
      }
      presentByAttribute.set(attribute, (values = [...set].sort()));
    }
    return values;
  };
  rules.forEach((r, rule) => {
    if (r.per === "group") {
      out.push({ rule, kind: r.kind, attribute: r.attribute, values: [...(r.values ?? [])], limit: r.count });
      return;
    }
    for (const v of r.values ?? present(r.attribute)) out.push({ rule, kind: r.kind, attribute: r.attribute, values: [v], limit: r.count });
  });
  return out;
}

/** Indices (into `candidates`) of each quota's group members, ascending. */
export function groupMembers(refs: readonly QuotaRef[], candidates: readonly Candidate[]): Int32Array[] {
  const byAttribute = new Map<string, Map<string, number[]>>();
  refs.forEach((ref, r) => {
    let values = byAttribute.get(ref.attribute);
    if (!values) byAttribute.set(ref.attribute, (values = new Map()));
    for (const v of ref.values) {
      let list = values.get(v);
      if (!list) values.set(v, (list = []));
      list.push(r);
    }
  });
  const members: number[][] = refs.map(() => []);
  candidates.forEach((c, i) => {
    for (const [attribute, values] of byAttribute) {
      const v = attributeOf(c, attribute);
      if (v === undefined) continue;
      for (const r of values.get(v) ?? []) members[r]!.push(i);
    }
  });
  return members.map((m) => Int32Array.from(m));
}
