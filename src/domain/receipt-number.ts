/**
 * Receipt numbers, given once on first submission and never reused: the
 * program's prefix, the round's fiscal year in two digits, and the next value
 * of a database sequence (so two submissions at once never share one).
 *   applicants: JIP27-1042      host organizations: JIPH27-17
 */
function yearOf(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 0) throw new Error(`not a fiscal year: ${fiscalYear}`);
  return String(fiscalYear % 100).padStart(2, "0");
}

function sequenceOf(n: string | number): string {
  const s = String(n);
  if (!/^[1-9][0-9]*$/.test(s)) throw new Error(`not a sequence value: ${s}`);
  return s;
}

export function applicationReceiptNumber(fiscalYear: number, sequence: string | number): string {
  return `JIP${yearOf(fiscalYear)}-${sequenceOf(sequence)}`;
}

export function hostApplicationReceiptNumber(fiscalYear: number, sequence: string | number): string {
  return `JIPH${yearOf(fiscalYear)}-${sequenceOf(sequence)}`;
}
