/**
 * An OECD DAC list version as an operator uploads it (issue 19 item 2): a CSV
 * with a header row naming the columns `country` (ISO 3166-1 alpha-2, Kosovo
 * XK) and `group` (LDC, OLIC, LMIC, UMIC), and optionally `uncertain`
 * (true/false, yes/no, 1/0; empty is false). Columns in any order, headers in
 * any case, a UTF-8 byte-order mark and CRLF line ends are accepted; fields may
 * be quoted. Pure: the country codes the platform knows are passed in.
 */

export const DAC_GROUPS = ["LDC", "OLIC", "LMIC", "UMIC"] as const;
export type DacGroup = (typeof DAC_GROUPS)[number];

export interface DacEntry {
  country: string;
  group: DacGroup;
  uncertain: boolean;
}

/** The most rows a file may have (the lists have about 140–150 countries). */
export const DAC_CSV_MAX_ROWS = 400;

/** Why a file cannot be loaded; `line` is the 1-based line in the file. Each code is a message in the dacLists catalogue (csvErrors.<code>). */
export type DacCsvError =
  | { code: "empty" }
  | { code: "header"; missing: string }
  | { code: "tooManyRows"; max: number }
  | { code: "columns"; line: number }
  | { code: "country"; line: number; value: string }
  | { code: "unknownCountry"; line: number; value: string }
  | { code: "group"; line: number; value: string }
  | { code: "uncertain"; line: number; value: string }
  | { code: "duplicate"; line: number; value: string; firstLine: number };

/** At most this many line errors are reported (a wrong file would otherwise give hundreds). */
const MAX_ERRORS = 20;

/** A CSV line's fields: commas separate, double quotes enclose, "" is a quote inside quotes. */
function splitLine(line: string): string[] | null {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === "") {
      quoted = true;
      cur = "";
    } else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (quoted) return null;
  out.push(cur);
  return out.map((f) => f.trim());
}

const TRUE = new Set(["true", "yes", "1", "y"]);
const FALSE = new Set(["false", "no", "0", "n", ""]);

export function parseDacListCsv(text: string, knownCountries: ReadonlySet<string>): { ok: true; entries: DacEntry[] } | { ok: false; errors: DacCsvError[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const numbered = lines.map((l, i) => ({ line: i + 1, text: l })).filter((l) => l.text.trim() !== "");
  if (numbered.length === 0) return { ok: false, errors: [{ code: "empty" }] };
  const header = (splitLine(numbered[0]!.text) ?? []).map((h) => h.toLowerCase());
  const col = { country: header.indexOf("country"), group: header.indexOf("group"), uncertain: header.indexOf("uncertain") };
  if (col.country < 0) return { ok: false, errors: [{ code: "header", missing: "country" }] };
  if (col.group < 0) return { ok: false, errors: [{ code: "header", missing: "group" }] };
  const rows = numbered.slice(1);
  if (rows.length === 0) return { ok: false, errors: [{ code: "empty" }] };
  if (rows.length > DAC_CSV_MAX_ROWS) return { ok: false, errors: [{ code: "tooManyRows", max: DAC_CSV_MAX_ROWS }] };
  const errors: DacCsvError[] = [];
  const entries: DacEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, text: raw } of rows) {
    const fields = splitLine(raw);
    if (!fields || fields.length < header.length) {
      errors.push({ code: "columns", line });
      continue;
    }
    const country = fields[col.country]!.toUpperCase();
    const group = fields[col.group]!.toUpperCase();
    const uncertainText = col.uncertain >= 0 ? fields[col.uncertain]!.toLowerCase() : "";
    if (!/^[A-Z]{2}$/.test(country)) errors.push({ code: "country", line, value: fields[col.country]! });
    else if (!knownCountries.has(country)) errors.push({ code: "unknownCountry", line, value: country });
    else if (seen.has(country)) errors.push({ code: "duplicate", line, value: country, firstLine: seen.get(country)! });
    if (!(DAC_GROUPS as readonly string[]).includes(group)) errors.push({ code: "group", line, value: fields[col.group]! });
    if (!TRUE.has(uncertainText) && !FALSE.has(uncertainText)) errors.push({ code: "uncertain", line, value: fields[col.uncertain]! });
    if (!seen.has(country)) seen.set(country, line);
    entries.push({ country, group: group as DacGroup, uncertain: TRUE.has(uncertainText) });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, entries: entries.sort((a, b) => a.country.localeCompare(b.country)) };
}

export interface DacListDiff {
  added: DacEntry[];
  removed: DacEntry[];
  changed: { country: string; from: DacEntry; to: DacEntry }[];
  unchanged: number;
}

/** What loading `after` over `before` changes, country by country (sorted by code). */
export function diffDacList(before: readonly DacEntry[], after: readonly DacEntry[]): DacListDiff {
  const old = new Map(before.map((e) => [e.country, e]));
  const now = new Map(after.map((e) => [e.country, e]));
  const byCode = (a: { country: string }, b: { country: string }) => a.country.localeCompare(b.country);
  const added = after.filter((e) => !old.has(e.country)).sort(byCode);
  const removed = before.filter((e) => !now.has(e.country)).sort(byCode);
  const changed: DacListDiff["changed"] = [];
  let unchanged = 0;
  for (const to of after) {
    const from = old.get(to.country);
    if (!from) continue;
    if (from.group !== to.group || from.uncertain !== to.uncertain) changed.push({ country: to.country, from, to });
    else unchanged++;
  }
  return { added, removed, changed: changed.sort(byCode), unchanged };
}

export function isEmptyDiff(diff: DacListDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** A version name as the lists are named: a year or a span of years (2014-2017, 2021). */
export function isDacVersionName(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(v);
  return m !== null && (m[2] === undefined || Number(m[2]) > Number(m[1]));
}

/** The list as a CSV in the format parseDacListCsv reads (to download, correct and upload again). */
export function dacListCsv(entries: readonly DacEntry[]): string {
  return ["country,group,uncertain", ...entries.map((e) => `${e.country},${e.group},${e.uncertain}`)].join("\r\n") + "\r\n";
}
