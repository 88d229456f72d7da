/**
 * Output hygiene (issue 11 item 9): what a person typed is stored and shown
 * without control characters, so that a name cannot break a line of an e-mail
 * header, a calendar file or a CSV row, nor reorder what is shown around it.
 * One rule for every text input (src/services/fields.ts) and every iCalendar
 * text value (src/domain/session-ics.ts).
 */

/** C0 and C1 control characters and DEL, and the bidirectional overrides and isolates (Trojan-source reordering). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text without control characters. With `lines` (multi-line inputs: descriptions, messages) a line break
 * is kept as "\n" (CRLF and a bare CR become "\n"); without it (names, addresses, titles) every line break
 * and tab becomes a space. A tab in multi-line text stays.
 */
export function stripControlChars(text: string, options: { lines: boolean }): string {
  const breaks = text.replace(/\r\n?/g, "\n");
  const oneLine = options.lines ? breaks : breaks.replace(/[\n\t]/g, " ");
  return oneLine.replace(CONTROLS, "");
}
