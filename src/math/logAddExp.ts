/**
 * ln(exp(a) + exp(b)) without overflow or underflow.
 *
 * @remarks
 * Computed as max(a, b) + log1p(exp(−|a − b|)). NaN in → NaN; either argument
 * +Infinity → +Infinity; both −Infinity → −Infinity.
 *
 * @param a - First log-term.
 * @param b - Second log-term.
 * @returns ln(eᵃ + eᵇ).
 *
 * @example
 * ```ts
 * import { logAddExp } from "customer-metrics/math";
 * logAddExp(0, 0); // => 0.6931471805599453
 * logAddExp(-1000, -1001); // => -999.6867383124818
 * ```
 *
 * @category Math
 */
export function logAddExp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const max = a > b ? a : b;
  if (max === Infinity || max === -Infinity) return max;
  const min = a > b ? b : a;
  return max + Math.log1p(Math.exp(min - max));
}
