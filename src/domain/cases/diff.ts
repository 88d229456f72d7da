/**
 * What changed between two revisions of a case study: each field that
 * differs, with its text cut into what stayed, what was removed and what was
 * added. Japanese is compared character by character, other text word by
 * word (Myers' O(ND) shortest edit script); a field whose two versions share
 * almost nothing is shown as replaced whole rather than searched to the end.
 */
import { CASE_LANGUAGES, CASE_SECTIONS, type CaseContent, MAX_QUOTES } from "./content.ts";

export type DiffOp = "equal" | "insert" | "delete";
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Cuts text into diff units: one Japanese character, a word, a run of spaces, or one other character. */
export function diffUnits(text: string): string[] {
  return text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]|[\p{L}\p{N}\p{M}'’]+|\s+|[^\s]/gu)?.filter((u) => u !== "") ?? [];
}

/** Beyond this many edits a field is shown as replaced whole (bounds time and memory). */
export const MAX_EDITS = 2000;

/** The shortest edit script from a to b, as merged segments (Myers 1986), or null past maxEdits. */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): DiffSegment[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) break;
  }
  if (found < 0) return null;
  // Walk back through the saved frontiers.
  const ops: { op: DiffOp; unit: string }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ op: "equal", unit: a[x - 1]! });
      x--;
      y--;
    }
    if (down) {
      ops.push({ op: "insert", unit: b[y - 1]! });
      y--;
    } else {
      ops.push({ op: "delete", unit: a[x - 1]! });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ op: "equal", unit: a[x - 1]! });
    x--;
    y--;
  }
  ops.reverse();
  return cleanup(merge(ops));
}

/**
 * Readability: spaces left equal between two changes are folded into them,
 * and each run of changes shows as one removal then one addition
 * ("Into" → "Overseas expansion into" rather than word-by-word fragments).
 */
function cleanup(segs: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ op: "delete", text: del });
    if (ins) out.push({ op: "insert", text: ins });
    del = "";
    ins = "";
  };
  segs.forEach((s, i) => {
    const between = i > 0 && i < segs.length - 1 && segs[i - 1]!.op !== "equal" && segs[i + 1]!.op !== "equal";
    if (s.op === "equal" && between && /^\s+$/.test(s.text)) {
      del += s.text;
      ins += s.text;
    } else if (s.op === "equal") {
      flush();
      out.push(s);
    } else if (s.op === "delete") del += s.text;
    else ins += s.text;
  });
  flush();
  return out;
}

function merge(ops: { op: DiffOp; unit: string }[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const { op, unit } of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += unit;
    else out.push({ op, text: unit });
  }
  return out;
}

/** The segments that turn `before` into `after`. */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before === "" ? [] : [{ op: "equal", text: before }];
  const found = diffTokens(diffUnits(before), diffUnits(after));
  if (found) return found;
  return [...(before ? [{ op: "delete" as const, text: before }] : []), ...(after ? [{ op: "insert" as const, text: after }] : [])];
}

export interface FieldChange {
  /** theme, internName, internNationality, ja.title, en.quotes.2.text, images… */
  field: string;
  before: string;
  after: string;
  segments: DiffSegment[];
}

/** The content as named fields of text, in page order (what a diff compares). */
export function contentFields(c: CaseContent): [string, string][] {
  const fields: [string, string][] = [
    ["theme", c.theme],
    ["internName", c.internName],
    ["internNationality", c.internNationality ?? ""],
  ];
  for (const lang of CASE_LANGUAGES) {
    for (const s of CASE_SECTIONS) fields.push([`${lang}.${s}`, c[lang][s]]);
    for (let i = 0; i < MAX_QUOTES; i++) {
      fields.push([`${lang}.quotes.${i + 1}.text`, c[lang].quotes[i]?.text ?? ""]);
      fields.push([`${lang}.quotes.${i + 1}.by`, c[lang].quotes[i]?.by ?? ""]);
    }
  }
  const images = (img: CaseContent["images"][number]) => `${img.id}${img.showsIntern ? " (intern)" : ""}: ${img.alt.ja} / ${img.alt.en}`;
  fields.push(["images", c.images.map(images).join("\n")]);
  return fields;
}

/** Every field that differs between two revisions, in page order. */
export function diffContent(before: CaseContent, after: CaseContent): FieldChange[] {
  const a = new Map(contentFields(before));
  return contentFields(after)
    .filter(([field, text]) => a.get(field) !== text)
    .map(([field, text]) => ({ field, before: a.get(field) ?? "", after: text, segments: diffText(a.get(field) ?? "", text) }));
}

/** The names of the fields that differ (an audit entry's and a revision's "what changed"). */
export function changedFields(before: CaseContent, after: CaseContent): string[] {
  const a = new Map(contentFields(before));
  return contentFields(after)
    .filter(([field, text]) => a.get(field) !== text)
    .map(([field]) => field);
}
