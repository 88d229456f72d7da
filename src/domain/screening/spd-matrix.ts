/**
 * Dense symmetric positive-definite systems (row-major Float64Array n × n):
 * Cholesky factorization A = L Lᵀ, solve, and the diagonal of A⁻¹. Used by
 * severity normalization, where n is the number of reviewers of one connected
 * part of the design (hundreds at most): O(n³) is a few milliseconds.
 */

/** Lower-triangular factor of a, or null when a is not (numerically) positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 1e-12 * Math.max(1, Math.abs(a[j * n + j]!)))) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** diag((L Lᵀ)⁻¹) = Σ_k (L⁻¹)_ki², from the inverse of the triangular factor. */
export function inverseDiagonal(l: Float64Array, n: number): Float64Array {
  const diag = new Float64Array(n);
  const col = new Float64Array(n);
  // column i of L⁻¹ solves L x = e_i (zero above i)
  for (let i = 0; i < n; i++) {
    col.fill(0);
    col[i] = 1 / l[i * n + i]!;
    for (let r = i + 1; r < n; r++) {
      let s = 0;
      for (let k = i; k < r; k++) s -= l[r * n + k]! * col[k]!;
      col[r] = s / l[r * n + r]!;
    }
    // (A⁻¹)_jj = Σ_r (L⁻¹)_rj²: accumulate this column's contribution to diag[i]
    let s = 0;
    for (let r = i; r < n; r++) s += col[r]! ** 2;
    diag[i] = s;
  }
  return diag;
}
