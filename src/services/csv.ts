/**
 * CSV files for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * Japanese and Vietnamese names), CRLF line ends, cells quoted when needed,
 * instants as ISO 8601 UTC, and formula injection neutralized: a cell that
 * starts with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet
 * shows it as text instead of running it.
 */
export function csvCell(value: unknown): string {
  const s = typeof value === "string" ? value : value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  // Most cells need neither: one test decides (the CSV export writes 1.3 million cells for 130,000 applications).
  if (!NEEDS_CARE.test(s)) return s;
  const t = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

export function csvLine(cells: readonly unknown[]): string {
  let line = cells.length > 0 ? csvCell(cells[0]) : "";
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i])}`;
  return line;
}

/** A whole file: the header line, then one line per row. */
export function csvFile(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The same file, streamed: the byte-order mark and header first, then one chunk per batch of rows as the batches
 * arrive (a key-paged read): a download of 130,000 rows never holds the whole file in memory.
 */
export async function* csvBatchChunks(header: readonly string[], batches: AsyncIterable<readonly (readonly unknown[])[]>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(header)}\r\n`;
  for await (const batch of batches) {
    let chunk = "";
    for (const row of batch) chunk += `${csvLine(row)}\r\n`;
    if (chunk !== "") yield chunk;
  }
}

/** A streamed CSV as text (tests, small exports). */
export async function csvText(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}
