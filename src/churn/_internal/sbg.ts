import { metricsError, type PathSegment } from "../../core/errors.js";
import { assertFinite, assertIntegerInRange, assertNonNegative, isArrayLike } from "../../core/guards.js";
import { readObject } from "./checks.js";

/** Sufficient statistics of an sBG sample: churners by lifetime, survivors by periods observed. */
export interface SbgStats {
  /** churned[t] = customers whose lifetime was exactly t periods (t = 1..maxT). */
  readonly churned: Float64Array;
  /** alive[T] = customers observed for T periods and active in all of them (contribute S(T − 1)). */
  readonly alive: Float64Array;
  readonly maxT: number;
  readonly n: number;
}

/** Reads `activeByPeriod` counts or `{ recency, T, count }` rows into sufficient statistics. */
export function readSbgData(input: unknown, fn: string, path: PathSegment[] = []): SbgStats {
  if (isArrayLike(input) && (input.length === 0 || typeof input[0] !== "object" || input[0] === null)) {
    return readActive(input, fn, path);
  }
  if (!Array.isArray(input)) {
    throw metricsError(fn, "invalid_type", path, "active customers by period (numbers) or { recency, T, count } rows", input);
  }
  let maxT = 0;
  const rows: [number, number, number][] = [];
  for (let i = 0; i < input.length; i++) {
    const r = readObject(input[i], fn, [...path, i], "an object { recency, T, count }");
    const T = assertIntegerInRange(r["T"], 1, 1e7, fn, [...path, i, "T"]);
    const recency = assertIntegerInRange(r["recency"], 1, T, fn, [...path, i, "recency"]);
    const count = r["count"] === undefined ? 1 : assertNonNegative(r["count"], fn, [...path, i, "count"]);
    if (T > maxT) maxT = T;
    rows.push([recency, T, count]);
  }
  const churned = new Float64Array(maxT + 1);
  const alive = new Float64Array(maxT + 1);
  let n = 0;
  for (const [recency, T, count] of rows) {
    if (recency < T) churned[recency] = (churned[recency] as number) + count;
    else alive[T] = (alive[T] as number) + count;
    n += count;
  }
  if (n === 0) throw metricsError(fn, "empty_sample", path, "rows with a positive total count", input);
  return { churned, alive, maxT, n };
}

function readActive(input: ArrayLike<unknown>, fn: string, path: PathSegment[]): SbgStats {
  if (input.length === 0) throw metricsError(fn, "empty_sample", path, "a non-empty array of active counts", input);
  if (input.length < 2) {
    throw metricsError(
      fn,
      "insufficient_data",
      path,
      "active counts for at least two periods (period 0 and one renewal)",
      input.length,
    );
  }
  const m = input.length - 1;
  const counts = new Float64Array(m + 1);
  for (let t = 0; t <= m; t++) {
    counts[t] = assertNonNegative(input[t], fn, [...path, t]);
    if (t > 0 && (counts[t] as number) > (counts[t - 1] as number)) {
      throw metricsError(
        fn,
        "not_monotone",
        [...path, t],
        `at most the previous period's count (${counts[t - 1]}): a cohort cannot grow`,
        input[t],
      );
    }
  }
  if (counts[0] === 0) throw metricsError(fn, "empty_sample", [...path, 0], "a cohort size above 0", input[0]);
  const churned = new Float64Array(m + 2);
  const alive = new Float64Array(m + 2);
  for (let t = 1; t <= m; t++) churned[t] = (counts[t - 1] as number) - (counts[t] as number);
  alive[m + 1] = counts[m] as number;
  return { churned, alive, maxT: m + 1, n: counts[0] as number };
}

/**
 * sBG log-likelihood by the Fader–Hardie recursions P(1) = α/(α+β), S(t) = S(t−1)(β+t−1)/(α+β+t−1),
 * P(t) = S(t−1)·α/(α+β+t−1), in logs. Fills `grad` with ∂/∂α, ∂/∂β when given.
 */
export function sbgLogLik(alpha: number, beta: number, s: SbgStats, grad?: number[]): number {
  let logS = 0; // log S(t − 1)
  let dSa = 0;
  let dSb = 0;
  let ll = 0;
  let ga = 0;
  let gb = 0;
  const logA = Math.log(alpha);
  for (let t = 1; t <= s.maxT; t++) {
    const denom = alpha + beta + t - 1;
    const c = s.churned[t] as number;
    const a = s.alive[t] as number;
    if (a > 0) {
      ll += a * logS;
      ga += a * dSa;
      gb += a * dSb;
    }
    if (c > 0) {
      ll += c * (logS + logA - Math.log(denom));
      ga += c * (dSa + 1 / alpha - 1 / denom);
      gb += c * (dSb - 1 / denom);
    }
    logS += Math.log(beta + t - 1) - Math.log(denom);
    dSa -= 1 / denom;
    dSb += 1 / (beta + t - 1) - 1 / denom;
  }
  if (grad !== undefined) {
    grad[0] = ga;
    grad[1] = gb;
  }
  return ll;
}

/** Reads `{ alpha, beta }` from a fitted model (`{ params: { alpha, beta } }`) or plain parameters. */
export function readSbgParams(model: unknown, fn: string): { alpha: number; beta: number } {
  const m = readObject(model, fn, ["model"], "a fitted sBG model or { alpha, beta }");
  const hasParams = m["params"] !== undefined;
  const p = hasParams ? readObject(m["params"], fn, ["model", "params"], "an object { alpha, beta }") : m;
  const base: PathSegment[] = hasParams ? ["model", "params"] : ["model"];
  const alpha = assertFinite(p["alpha"], fn, [...base, "alpha"]);
  const beta = assertFinite(p["beta"], fn, [...base, "beta"]);
  if (!(alpha > 0)) throw metricsError(fn, "invalid_model", [...base, "alpha"], "a number > 0", alpha);
  if (!(beta > 0)) throw metricsError(fn, "invalid_model", [...base, "beta"], "a number > 0", beta);
  return { alpha, beta };
}
