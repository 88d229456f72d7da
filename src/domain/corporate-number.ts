/**
 * Japan's corporate number (法人番号): 13 digits, the first is a check digit
 * over the 12-digit base number (法人番号の指定等に関する省令 第2条):
 *   C = 9 − ((Σ Pn × Qn) mod 9), Pn the n-th base digit from the right, Qn = 1 (n odd) or 2 (n even).
 * The mod is taken on the whole sum. Spaces and hyphens are ignored.
 */
export type CorporateNumberProblem = "length" | "digits" | "checkDigit";

export type CorporateNumberResult = { ok: true; value: string } | { ok: false; problem: CorporateNumberProblem };

/** The check digit (1–9) of a 12-digit base number. */
export function corporateNumberCheckDigit(base: string): number {
  if (!/^[0-9]{12}$/.test(base)) throw new Error("a base number has exactly 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = base.charCodeAt(12 - n) - 48;
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Normalizes (spaces, hyphens, full-width digits) and checks length, digits and check digit, in that order. */
export function checkCorporateNumber(raw: string): CorporateNumberResult {
  const value = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-‐－ー]/g, "");
  if (!/^[0-9]*$/.test(value)) return { ok: false, problem: "digits" };
  if (value.length !== 13) return { ok: false, problem: "length" };
  if (Number(value[0]) !== corporateNumberCheckDigit(value.slice(1))) return { ok: false, problem: "checkDigit" };
  return { ok: true, value };
}
