import { logBeta } from "../logBeta.js";
import { regularizedBetaXY } from "../regularizedBeta.js";

/** x = df/(df+s²) and y = s²/(df+s²), formed without overflow (s > 0). */
function split(s: number, df: number): [number, number] {
  const r = df / s;
  return [r / (r + s), s / (r + s)];
}

/**
 * P(T < −s) = ½ I_{df/(df+s²)}(df/2, ½) for s ≥ 0 and finite df > 0; accurate
 * relative to itself even deep in the tail.
 */
export function studentTail(s: number, df: number): number {
  if (s === 0) return 0.5;
  if (s === Infinity) return 0;
  const [x, y] = split(s, df);
  return 0.5 * regularizedBetaXY(x, y, df / 2, 0.5);
}

/**
 * P(|T| < s) = I_{s²/(df+s²)}(½, df/2) = 1 − 2·P(T < −s), accurate relative to
 * itself for small s (used by the quantile near the centre).
 */
export function studentCentral(s: number, df: number): number {
  if (s === 0) return 0;
  if (s === Infinity) return 1;
  const [x, y] = split(s, df);
  return regularizedBetaXY(y, x, 0.5, df / 2);
}

/** ln of the Student t density at s (s ≥ 0). */
export function studentLogPdf(s: number, df: number): number {
  const core = s * s < df ? Math.log1p((s * s) / df) : 2 * Math.log(s) - Math.log(df) + Math.log1p(df / (s * s));
  return -logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - 0.5 * (df + 1) * core;
}
