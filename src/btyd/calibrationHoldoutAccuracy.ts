import { metricsError } from "../core/errors.js";
import { checkCustomerValues, checkModel } from "./_internal/model.js";
import { conditionalExpectedPurchasesOf } from "./_internal/dispatch.js";
import type { BtydModelSpec } from "./modelTypes.js";
import { assertKnownOptions } from "../core/guards.js";

const FN = "calibrationHoldoutAccuracy";

/**
 * One customer with calibration summary and holdout outcome (the rows of {@link summarizeTransactions}
 * with `calibrationEnd`).
 *
 * @category BTYD
 */
export interface HoldoutCustomer {
  /** Calibration repeat purchases x. */
  readonly frequency: number;
  /** Calibration recency t_x. */
  readonly recency: number;
  /** Calibration age T (BG/BB: read as n when `n` is absent). */
  readonly T?: number;
  /** Number of calibration opportunities (BG/BB). */
  readonly n?: number;
  /** Purchases observed in the holdout window. */
  readonly frequencyHoldout: number;
  /** Length of the holdout window, in the model's time unit. */
  readonly durationHoldout: number;
}

/**
 * Options of {@link calibrationHoldoutAccuracy}.
 *
 * @category BTYD
 */
export interface CalibrationHoldoutOptions {
  /** Calibration frequencies at or above this share one bucket ("7+"). @defaultValue `7` */
  readonly maxFrequencyBucket?: number;
}

/**
 * One calibration-frequency bucket of {@link calibrationHoldoutAccuracy}.
 *
 * @category BTYD
 */
export interface HoldoutBucket {
  /** Calibration frequency of the bucket (the last bucket holds this and above). */
  readonly frequency: number;
  /** Whether this is the open-ended top bucket. */
  readonly orMore: boolean;
  /** Customers in the bucket. */
  readonly customers: number;
  /** Mean observed holdout purchases. */
  readonly actual: number;
  /** Mean model prediction (conditional expected purchases over the holdout duration). */
  readonly predicted: number;
  /** Mean naive prediction (each customer's calibration rate frequency / T × duration). */
  readonly naive: number;
}

/**
 * Result of {@link calibrationHoldoutAccuracy}.
 *
 * @category BTYD
 */
export interface CalibrationHoldoutResult {
  /** Per calibration-frequency bucket: actual vs predicted mean holdout purchases. */
  readonly buckets: readonly HoldoutBucket[];
  /** Mean absolute error of the model per customer. */
  readonly mae: number;
  /** Root mean squared error of the model per customer. */
  readonly rmse: number;
  /** Mean absolute error of the naive forecast per customer. */
  readonly naiveMae: number;
  /** Total observed holdout purchases. */
  readonly totalActual: number;
  /** Total predicted holdout purchases. */
  readonly totalPredicted: number;
  /** Customers evaluated. */
  readonly n: number;
  /** How predictions were made. */
  readonly method: "conditional-expected-purchases";
}

/**
 * Checks a fitted purchase model against what customers actually did afterwards: predicted vs actual
 * holdout purchases per calibration-frequency bucket (the classic "conditional expectations" plot of the
 * BTYD papers), with per-customer MAE and RMSE and the MAE of a naive forecast for comparison.
 *
 * Model prediction for a customer: {@link conditionalExpectedPurchases}(model, calibration history,
 * durationHoldout). Naive forecast: (frequency / T) · durationHoldout (0 when T = 0; BG/BB: frequency / n).
 *
 * @see Fader, Hardie & Lee (2005), Figure 4 (conditional expectations by calibration frequency).
 *
 * @remarks
 * A model that does not beat the naive forecast on your data is a warning sign (lifetimes issue #418).
 * Fit the model on the calibration summaries only.
 *
 * @param model - A fitted model (or `{ model, params }`).
 * @param customers - Rows with calibration summary and holdout outcome.
 * @param options - See {@link CalibrationHoldoutOptions}.
 * @returns A {@link CalibrationHoldoutResult}.
 * @throws {@link MetricsError} `empty_sample` for no customers; `invalid_model`; the customer errors of
 * {@link conditionalExpectedPurchases} (paths `[i, field]`); `invalid_type` / `not_finite` / `out_of_range` for
 * a bad `frequencyHoldout` or `durationHoldout`; `invalid_option` for a bad `maxFrequencyBucket`.
 *
 * @example
 * ```ts
 * import { calibrationHoldoutAccuracy } from "customer-metrics/btyd";
 * const bgnbd = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const acc = calibrationHoldoutAccuracy(bgnbd, [
 *   { frequency: 0, recency: 0, T: 38, frequencyHoldout: 0, durationHoldout: 39 },
 *   { frequency: 2, recency: 30.43, T: 38.86, frequencyHoldout: 1, durationHoldout: 39 },
 * ]);
 * acc.buckets.length; // => 2
 * acc.totalActual; // => 1
 * ```
 *
 * @category BTYD
 */
export function calibrationHoldoutAccuracy(
  model: BtydModelSpec,
  customers: readonly HoldoutCustomer[],
  options: CalibrationHoldoutOptions = {},
): CalibrationHoldoutResult {
  assertKnownOptions(options, ["maxFrequencyBucket"], "calibrationHoldoutAccuracy");
  const m = checkModel(model, FN);
  if (!Array.isArray(customers)) throw metricsError(FN, "invalid_type", ["customers"], "an array of customers", customers);
  if (customers.length === 0) throw metricsError(FN, "empty_sample", ["customers"], "a non-empty array", customers);
  const maxB = options.maxFrequencyBucket ?? 7;
  if (typeof maxB !== "number" || !Number.isInteger(maxB) || maxB < 0 || maxB > 10000) {
    throw metricsError(FN, "invalid_option", ["options", "maxFrequencyBucket"], "an integer from 0 to 10000", maxB);
  }
  const discrete = m.model === "bg-bb";
  const nb = maxB + 1;
  const cnt = new Float64Array(nb);
  const act = new Float64Array(nb);
  const pred = new Float64Array(nb);
  const naive = new Float64Array(nb);
  let absErr = 0;
  let sqErr = 0;
  let naiveAbs = 0;
  let totalActual = 0;
  let totalPredicted = 0;
  for (let i = 0; i < customers.length; i++) {
    const row = customers[i] as HoldoutCustomer | null;
    if (row === null || typeof row !== "object") throw metricsError(FN, "invalid_type", [i], "a customer row", row);
    const third = discrete && row.n !== undefined ? row.n : row.T;
    const c = checkCustomerValues(row.frequency, row.recency, third, discrete, FN, (f) => [
      i,
      f === "n" && row.n === undefined ? "T" : f,
    ]);
    const fh = row.frequencyHoldout;
    if (typeof fh !== "number") throw metricsError(FN, "invalid_type", [i, "frequencyHoldout"], "a finite number >= 0", fh);
    if (!Number.isFinite(fh)) throw metricsError(FN, "not_finite", [i, "frequencyHoldout"], "a finite number >= 0", fh);
    if (fh < 0) throw metricsError(FN, "out_of_range", [i, "frequencyHoldout"], "a finite number >= 0", fh);
    const d = row.durationHoldout;
    if (typeof d !== "number") throw metricsError(FN, "invalid_type", [i, "durationHoldout"], "a finite number >= 0", d);
    if (!Number.isFinite(d)) throw metricsError(FN, "not_finite", [i, "durationHoldout"], "a finite number >= 0", d);
    if (d < 0) throw metricsError(FN, "out_of_range", [i, "durationHoldout"], "a finite number >= 0", d);
    if (discrete && !Number.isInteger(d))
      throw metricsError(FN, "not_integer", [i, "durationHoldout"], "a whole number of opportunities", d);
    const p = conditionalExpectedPurchasesOf(m, c.x, c.tx, c.T, d);
    if (!Number.isFinite(p))
      throw metricsError(FN, "undefined_result", [i], "a history for which the expectation is finite", row);
    const nv = c.T > 0 ? (c.x / c.T) * d : 0;
    const b = Math.min(c.x, maxB);
    cnt[b] = (cnt[b] as number) + 1;
    act[b] = (act[b] as number) + fh;
    pred[b] = (pred[b] as number) + p;
    naive[b] = (naive[b] as number) + nv;
    absErr += Math.abs(p - fh);
    sqErr += (p - fh) * (p - fh);
    naiveAbs += Math.abs(nv - fh);
    totalActual += fh;
    totalPredicted += p;
  }
  const n = customers.length;
  const buckets: HoldoutBucket[] = [];
  for (let b = 0; b < nb; b++) {
    const k = cnt[b] as number;
    if (k === 0) continue;
    buckets.push({
      frequency: b,
      orMore: b === maxB,
      customers: k,
      actual: (act[b] as number) / k,
      predicted: (pred[b] as number) / k,
      naive: (naive[b] as number) / k,
    });
  }
  return {
    buckets,
    mae: absErr / n,
    rmse: Math.sqrt(sqErr / n),
    naiveMae: naiveAbs / n,
    totalActual,
    totalPredicted,
    n,
    method: "conditional-expected-purchases",
  };
}
