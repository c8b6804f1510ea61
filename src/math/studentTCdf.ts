import { normalCdf } from "./normalCdf.js";
import { studentTail } from "./_internal/studentT.js";

/**
 * The CDF of Student's t distribution with `df` degrees of freedom, P(T ≤ t).
 *
 * @remarks
 * Through the incomplete beta function: the tail P(T < −|t|) =
 * ½ I_{df/(df+t²)}(df/2, ½) when t² ≥ df, and ½ − ½ I_{t²/(df+t²)}(½, df/2)
 * otherwise (both arguments formed without overflow or cancellation). `df`
 * may be fractional; df = +Infinity gives the normal CDF. Accuracy (against
 * mpmath): about 1e-13 relative for df ≤ 1e3 (the smaller tail is the
 * accurate one: use `studentTCdf(-t, df)` for upper tails). Conventions: NaN
 * in → NaN; df ≤ 0 → NaN; t = ±Infinity → 1 / 0.
 *
 * @param t - The statistic.
 * @param df - Degrees of freedom, > 0.
 * @returns P(T ≤ t) in [0, 1].
 *
 * @example
 * ```ts
 * import { studentTCdf } from "customer-metrics/math";
 * studentTCdf(2.2281388519862744, 10); // => 0.975
 * studentTCdf(1, 1); // => 0.75
 * ```
 *
 * @category Math
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  const tail = studentTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}
