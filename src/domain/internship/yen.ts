/**
 * Exact yen: every amount is an integer number of yen (a JavaScript safe
 * integer), never a fraction. Proration divides with `floorDiv`, which is
 * exact on integers (the quotient is corrected, not trusted from floating
 * division), and rounds down: nobody is paid more than the rate.
 */

export function isYen(x: number): boolean {
  return Number.isSafeInteger(x);
}

/** a × b, refusing a result that is not a safe integer. */
export function mulYen(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(p)) throw new RangeError(`yen product out of range: ${a} × ${b}`);
  return p;
}

export function addYen(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError(`yen sum out of range: ${a} + ${b}`);
  return s;
}

/** ⌊a / b⌋ for safe integers a ≥ 0, b > 0, exactly. */
export function floorDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b <= 0) throw new RangeError(`floorDiv needs a ≥ 0 and b > 0 integers, got ${a} / ${b}`);
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}

/** "¥66,000", "−¥500" (grouping by hand: no locale data needed). */
export function formatYen(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${amount < 0 ? "−" : ""}¥${digits}`;
}
