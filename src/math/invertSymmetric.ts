/**
 * Inverts a symmetric positive-definite matrix by Cholesky factorization, or
 * returns `null` when the matrix is not positive definite (or not square, or
 * has a non-finite entry).
 *
 * @remarks
 * Only the lower triangle is read (the matrix is assumed symmetric). A = LLᵀ,
 * then A⁻¹ = L⁻ᵀL⁻¹; the result is exactly symmetric. A pivot below
 * 1e-14·max|diagonal| counts as "not positive definite", so a numerically
 * singular Hessian gives `null` rather than huge meaningless variances. Use it
 * to turn the Hessian of a negative log-likelihood into a covariance matrix
 * (standard errors = √diagonal). Inputs are not mutated.
 *
 * @param m - A symmetric n×n matrix as an array of rows.
 * @returns The inverse as an array of rows, or `null`.
 *
 * @example
 * ```ts
 * import { invertSymmetric } from "customer-metrics/math";
 * invertSymmetric([[4, 2], [2, 3]]); // => [[0.375, -0.25], [-0.25, 0.5]]
 * invertSymmetric([[1, 2], [2, 1]]); // => null
 * ```
 *
 * @category Math
 */
export function invertSymmetric(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row === undefined || row.length !== n) return null;
    for (let j = 0; j <= i; j++) if (!Number.isFinite(row[j] as number)) return null;
    maxDiag = Math.max(maxDiag, Math.abs(row[i] as number));
  }
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diag = (m[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) diag -= (L[j * n + k] as number) ** 2;
    if (!(diag > 1e-14 * maxDiag)) return null;
    const ljj = Math.sqrt(diag);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let v = (m[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) v -= (L[i * n + k] as number) * (L[j * n + k] as number);
      L[i * n + j] = v / ljj;
    }
  }
  // W = L⁻¹ (lower triangular), by forward substitution column by column.
  const W = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    W[c * n + c] = 1 / (L[c * n + c] as number);
    for (let i = c + 1; i < n; i++) {
      let v = 0;
      for (let k = c; k < i; k++) v -= (L[i * n + k] as number) * (W[k * n + c] as number);
      W[i * n + c] = v / (L[i * n + i] as number);
    }
  }
  // A⁻¹ = Wᵀ W.
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let k = i; k < n; k++) v += (W[k * n + i] as number) * (W[k * n + j] as number);
      (out[i] as number[])[j] = v;
      (out[j] as number[])[i] = v;
    }
  }
  return out;
}
