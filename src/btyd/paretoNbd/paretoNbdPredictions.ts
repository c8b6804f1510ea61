/**
 * Pareto/NBD predictions (internal; the public entry points dispatch on the model tag).
 * Fader & Hardie (2005) note on the Pareto/NBD, eqs. (27), (36)–(41), in log space.
 */
import { paretoLogA0 } from "../_internal/paretoKernel.js";
import type { ParetoNbdParams } from "../modelTypes.js";

/** (1 − e^(−c·L)) / c, with its limit L at c = 0 (s = 1). */
function growth(c: number, L: number): number {
  return Math.abs(c * L) < 1e-12 ? L : -Math.expm1(-c * L) / c;
}

export function paretoProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const la0 = paretoLogA0(r, alpha, s, beta, x, tx, T);
  if (la0 === Number.NEGATIVE_INFINITY) return 1;
  const d = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + la0;
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

export function paretoExpectedPurchases(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  return ((r * beta) / alpha) * growth(s - 1, Math.log1p(t / beta));
}

export function paretoConditionalExpectedPurchases(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = p;
  return paretoProbabilityAlive(p, x, tx, T) * (((r + x) * (beta + T)) / (alpha + T)) * growth(s - 1, Math.log1p(t / (beta + T)));
}
