/**
 * ln Σ exp(vᵢ), computed without overflow or underflow (the maximum is factored
 * out first).
 *
 * @remarks
 * One pass to find the maximum, one to sum. Conventions: an empty input gives
 * −Infinity (the log of an empty sum); any NaN gives NaN; any +Infinity gives
 * +Infinity; all −Infinity gives −Infinity. Always ≥ max(vᵢ).
 *
 * @param values - The log-terms (any array-like of numbers, e.g. a Float64Array).
 * @returns ln Σ exp(vᵢ).
 *
 * @example
 * ```ts
 * import { logSumExp } from "customer-metrics/math";
 * logSumExp([1000, 1000]); // => 1000.6931471805599
 * logSumExp([Math.log(1), Math.log(2), Math.log(3)]); // => 1.791759469228055
 * ```
 *
 * @category Math
 */
export function logSumExp(values: ArrayLike<number>): number {
  const n = values.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}
