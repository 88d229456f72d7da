/**
 * CSV files for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * Japanese and Vietnamese names), CRLF line ends, cells quoted when needed,
 * instants as ISO 8601 UTC, and formula injection neutralized: a cell that
 * starts with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet
 * shows it as text instead of running it.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: the header line, then one line per row. */
export function csvFile(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The same file, streamed: the byte-order mark and header first, then lines in chunks of `linesPerChunk`,
 * as the rows arrive (a download of 130,000 rows never holds the whole file in memory).
 */
export async function* csvChunks(header: readonly string[], rows: AsyncIterable<readonly unknown[]>, linesPerChunk = 1000): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(header)}\r\n`;
  let lines: string[] = [];
  for await (const row of rows) {
    lines.push(csvLine(row));
    if (lines.length >= linesPerChunk) {
      yield `${lines.join("\r\n")}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\r\n")}\r\n`;
}

/** A streamed CSV as text (tests, small exports). */
export async function csvText(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}
