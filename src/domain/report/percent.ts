/**
 * Percentages and numbers of the yearly report, exactly: integer arithmetic
 * only (no floating point), one decimal, rounded half up (ADR 0015).
 */
import type { Percent } from "./types.ts";

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/** Integer division rounding down, on safe integers, without going through a float quotient. */
function intDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * part / whole as a percentage with one decimal, rounded half up:
 * tenths = ⌊(1000·part + whole/2) / whole⌋, computed as ⌊(2000·part + whole) / (2·whole)⌋.
 * Null when whole is 0 (nobody answered).
 */
export function percentOf(part: number, whole: number): Percent | null {
  assertCount(part, "part");
  assertCount(whole, "whole");
  if (part > whole) throw new RangeError(`part ${part} is more than whole ${whole}`);
  if (whole === 0) return null;
  const num = 2000 * part + whole;
  if (!Number.isSafeInteger(num)) throw new RangeError("count too large for exact percentages");
  return { tenths: intDiv(num, 2 * whole), decimals: 1 };
}

/** A published percentage (e.g. 31.1 or 85) as tenths, checking it has no more decimals than it says. */
export function publishedPercent(value: number, decimals: 0 | 1): Percent {
  const tenths = Math.round(value * 10);
  if (Math.abs(tenths - value * 10) > 1e-6 || tenths < 0 || tenths > 1000) throw new RangeError(`not a percentage with one decimal: ${value}`);
  if (decimals === 0 && tenths % 10 !== 0) throw new RangeError(`${value} has decimals but is published as a whole percentage`);
  return { tenths, decimals };
}

/** "31.1", "24.0", or "85" for a whole published percentage. Same in every language the report has. */
export function formatPercent(p: Percent): string {
  const whole = intDiv(p.tenths, 10);
  return p.decimals === 0 ? String(whole) : `${whole}.${p.tenths % 10}`;
}

/** 9367 → "9,367" (the grouping Japanese and English share). */
export function formatCount(n: number): string {
  assertCount(n, "count");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
