import { logBeta } from "../logBeta.js";
import { regularizedBetaXY } from "../regularizedBeta.js";

/** P(T < −s) for s ≥ 0 and finite df > 0 (the lower tail at −s). */
export function studentTail(s: number, df: number): number {
  if (s === 0) return 0.5;
  if (s === Infinity) return 0;
  // x = df/(df+s²), y = s²/(df+s²), written without overflow.
  const r = df / s;
  const x = r / (r + s);
  const y = s / (r + s);
  if (s * s < df) return 0.5 - 0.5 * regularizedBetaXY(y, x, 0.5, df / 2);
  return 0.5 * regularizedBetaXY(x, y, df / 2, 0.5);
}

/** ln of the Student t density at s (s ≥ 0). */
export function studentLogPdf(s: number, df: number): number {
  const core = s * s < df ? Math.log1p((s * s) / df) : 2 * Math.log(s) - Math.log(df) + Math.log1p(df / (s * s));
  return -logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - 0.5 * (df + 1) * core;
}
