import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { _MoneyDecimal } from "../core/money.js";
import { createRng, type Rng } from "../math/index.js";
import { computeClv, readClvCustomers, readSettings, type ClvSettings } from "./gammaGamma/_internal/clvEngine.js";
import type { CustomerLifetimeValueInput } from "./customerLifetimeValue.js";
import type { BtydModelSpec } from "./modelTypes.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * Options for {@link customerLifetimeValueInterval}.
 *
 * @category BTYD
 */
export interface ClvIntervalOptions {
  /** Number of parameter draws, an integer from 20 to 10,000. @defaultValue `500` */
  readonly draws?: number | undefined;
  /** Coverage of the percentile interval, in (0, 1). @defaultValue `0.9` */
  readonly confidence?: number | undefined;
  /** Seed of the library's deterministic generator. @defaultValue `1` */
  readonly seed?: number | undefined;
}

/**
 * One customer's CLV with its bootstrap interval.
 *
 * @category BTYD
 */
export interface ClvIntervalRow {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Point estimate (at the fitted parameters), as in {@link customerLifetimeValue}. */
  readonly value: Decimal;
  /** Lower end of the percentile interval. */
  readonly lower: Decimal;
  /** Upper end of the percentile interval. */
  readonly upper: Decimal;
  /** Standard deviation of the CLV across draws (float64 money). */
  readonly standardError: number;
}

/**
 * Result of {@link customerLifetimeValueInterval}.
 *
 * @category BTYD
 */
export interface ClvIntervalResult {
  /** One row per customer, in input order. */
  readonly rows: readonly ClvIntervalRow[];
  /** Interval coverage used. */
  readonly confidence: number;
  /** Draws requested. */
  readonly draws: number;
  /** Draws used (draws with a spend-model q ≤ 1, whose mean spend is infinite, are discarded). */
  readonly usedDraws: number;
  /** `"method"` of the bootstrap: always `"parametric-bootstrap"` (percentile interval). */
  readonly method: "parametric-bootstrap";
  /** How the purchase model's parameters were drawn: from their standard errors (independent, log-normal), or held fixed (no standard errors available). */
  readonly purchaseModelUncertainty: "independent-lognormal" | "fixed";
  /** How the spend model's parameters were drawn: from its covariance (correlated log-normal), its standard errors, or held fixed. */
  readonly spendModelUncertainty: "correlated-lognormal" | "independent-lognormal" | "fixed";
}

function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const L = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (a[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) s -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        (L[i] as number[])[i] = Math.sqrt(s);
      } else (L[i] as number[])[j] = s / ((L[j] as number[])[j] as number);
    }
  }
  return L;
}

function quantile(sorted: Float64Array, len: number, p: number): number {
  const h = (len - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(len - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Customer lifetime values with a parametric-bootstrap interval: how much a CLV could move given the
 * uncertainty in the fitted purchase and spend models.
 *
 * Each draw samples model parameters from the fits' asymptotic normal distributions on the log scale
 * (Gamma-Gamma: correlated, from its covariance; purchase model: independent, from its standard
 * errors), recomputes every customer's CLV ({@link customerLifetimeValue}), and the interval is the
 * percentile interval of the draws.
 *
 * @see Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 6 and 13 (parametric bootstrap, percentile intervals).
 *
 * @remarks
 * The purchase models report standard errors but no covariance, so their parameters are drawn
 * independently; correlations between them (often strong for r and α) are ignored, which usually
 * widens or narrows the interval somewhat; read it as an indication, not an exact coverage. Models
 * given as bare `{ model, params }` have no uncertainty and are held fixed (reported in the result).
 * Cost is draws × the cost of one CLV pass, so pass the customers you need intervals for (e.g. a top
 * list), at most 20 million customer-draws per call.
 *
 * @param input - As {@link customerLifetimeValue}.
 * @param options - See {@link ClvIntervalOptions}.
 * @returns Point estimates with intervals, and how the draws were made.
 * @throws {@link MetricsError} as {@link customerLifetimeValue}; `invalid_option` for bad options; `out_of_range` when draws × customers exceeds 20 million; `insufficient_data` when fewer than 20 draws were usable.
 *
 * @example
 * ```ts
 * import { customerLifetimeValueInterval } from "customer-metrics/btyd";
 * const res = customerLifetimeValueInterval({
 *   purchaseModel: { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
 *   spendModel: { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } },
 *   periods: 12, periodLength: 4.345, discountRate: 0.01,
 *   customers: [{ customerId: "a", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }],
 * });
 * res.purchaseModelUncertainty; // => "fixed"
 * res.rows[0]!.lower.eq(res.rows[0]!.upper); // => true
 * ```
 *
 * @category BTYD
 */
export function customerLifetimeValueInterval(
  input: CustomerLifetimeValueInput,
  options: ClvIntervalOptions = {},
): ClvIntervalResult {
  assertKnownOptions(options, ["confidence", "draws", "seed"], "customerLifetimeValueInterval");
  const fn = "customerLifetimeValueInterval";
  const s = readSettings(input, fn);
  const d = readClvCustomers(input.customers, s.model, fn, true);
  const o = options ?? {};
  const draws = o.draws ?? 500;
  if (typeof draws !== "number" || !Number.isInteger(draws) || draws < 20 || draws > 10_000) {
    throw metricsError(fn, "invalid_option", ["options", "draws"], "an integer from 20 to 10000", draws);
  }
  const confidence = o.confidence ?? 0.9;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw metricsError(fn, "invalid_option", ["options", "confidence"], "a number in (0, 1)", confidence);
  }
  const seed = o.seed ?? 1;
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw metricsError(fn, "invalid_option", ["options", "seed"], "a finite number", seed);
  if (draws * d.n > 20_000_000) {
    throw metricsError(
      fn,
      "out_of_range",
      ["customers"],
      `at most ${Math.floor(20_000_000 / draws)} customers for ${draws} draws (cost grows with draws × customers)`,
      d.n,
    );
  }
  const rng = createRng(seed);

  // Spend model sampler (log scale).
  const sp = s.spend;
  const spendMean = [Math.log(sp.p), Math.log(sp.q), Math.log(sp.v)];
  const spendTheta = [sp.p, sp.q, sp.v];
  const sm = input.spendModel as { covariance?: unknown; standardErrors?: unknown };
  let spendL: number[][] | null = null;
  let spendMode: ClvIntervalResult["spendModelUncertainty"] = "fixed";
  if (Array.isArray(sm.covariance) && sm.covariance.length === 3) {
    const cov = sm.covariance as number[][];
    const logCov = cov.map((row, i) => row.map((c, j) => c / ((spendTheta[i] as number) * (spendTheta[j] as number))));
    spendL = logCov.every((row) => Array.isArray(row) && row.length === 3 && row.every(Number.isFinite))
      ? cholesky(logCov)
      : null;
    if (spendL) spendMode = "correlated-lognormal";
  }
  if (spendL === null && sm.standardErrors !== null && typeof sm.standardErrors === "object") {
    const se = sm.standardErrors as Record<string, unknown>;
    const sds = ["p", "q", "v"].map((k, i) =>
      typeof se[k] === "number" && Number.isFinite(se[k]) ? (se[k] as number) / (spendTheta[i] as number) : Number.NaN,
    );
    if (sds.every((x) => x >= 0)) {
      spendL = sds.map((sd, i) => sds.map((_, j) => (i === j ? sd : 0)));
      spendMode = "independent-lognormal";
    }
  }

  // Purchase model sampler (independent log-normal from standard errors).
  const pm = input.purchaseModel as BtydModelSpec & { standardErrors?: unknown };
  const pNames = Object.keys(s.model.params);
  const pTheta = pNames.map((k) => (s.model.params as unknown as Record<string, number>)[k] as number);
  let pSd: number[] | null = null;
  if (pm.standardErrors !== null && typeof pm.standardErrors === "object") {
    const se = pm.standardErrors as Record<string, unknown>;
    const sds = pNames.map((k, i) =>
      typeof se[k] === "number" && Number.isFinite(se[k]) ? (se[k] as number) / (pTheta[i] as number) : Number.NaN,
    );
    if (sds.every((x) => x >= 0)) pSd = sds;
  }

  const point = new Float64Array(d.n);
  computeClv(s, d, { value: point, purchases: null, spend: null, alive: null }, fn);
  const matrix = new Float64Array(draws * d.n); // draw-major
  const row = new Float64Array(d.n);
  let used = 0;
  const z = (r: Rng): number => r.normal(0, 1);
  for (let b = 0; b < draws; b++) {
    let spend = sp;
    if (spendL) {
      const e = [z(rng), z(rng), z(rng)];
      const u = spendMean.map((mu, i) => mu + (spendL as number[][])[i]!.reduce((acc, l, j) => acc + l * (e[j] as number), 0));
      spend = { p: Math.exp(u[0] as number), q: Math.exp(u[1] as number), v: Math.exp(u[2] as number) };
    }
    let model = s.model;
    if (pSd) {
      const params: Record<string, number> = {};
      pNames.forEach((k, i) => {
        params[k] = (pTheta[i] as number) * Math.exp((pSd as number[])[i]! * z(rng));
      });
      model = { model: s.model.model, params } as unknown as BtydModelSpec;
    }
    if (!(spend.q > 1)) continue;
    const sb: ClvSettings = { ...s, model, spend };
    try {
      computeClv(sb, d, { value: row, purchases: null, spend: null, alive: null }, fn);
    } catch {
      continue; // a draw where a value cannot be computed is discarded
    }
    matrix.set(row, used * d.n);
    used++;
  }
  if (used < 20)
    throw metricsError(
      fn,
      "insufficient_data",
      ["spendModel"],
      "parameter draws with q > 1 in at least 20 of the draws (the spend model is too uncertain)",
      used,
    );

  const col = new Float64Array(used);
  const lowP = (1 - confidence) / 2;
  const highP = 1 - lowP;
  const ids = d.ids as (string | number)[];
  const rows: ClvIntervalRow[] = [];
  for (let i = 0; i < d.n; i++) {
    let mean = 0;
    for (let b = 0; b < used; b++) {
      const v = matrix[b * d.n + i] as number;
      col[b] = v;
      mean += v / used;
    }
    let ss = 0;
    for (let b = 0; b < used; b++) ss += ((col[b] as number) - mean) ** 2;
    col.sort();
    rows.push({
      customerId: ids[i] as string | number,
      value: new _MoneyDecimal(point[i] as number),
      lower: new _MoneyDecimal(quantile(col, used, lowP)),
      upper: new _MoneyDecimal(quantile(col, used, highP)),
      standardError: Math.sqrt(ss / (used - 1)),
    });
  }
  return {
    rows,
    confidence,
    draws,
    usedDraws: used,
    method: "parametric-bootstrap",
    purchaseModelUncertainty: pSd ? "independent-lognormal" : "fixed",
    spendModelUncertainty: spendMode,
  };
}
