import type { Decimal } from "decimal.js";
import { metricsError } from "../../core/errors.js";
import { assertFinite, assertIntegerInRange, assertOneOf, assertProbability } from "../../core/guards.js";
import { _MoneyDecimal, money } from "../../core/money.js";
import type { Period } from "../../core/time.js";
import { commonPeriod, untag } from "./units.js";

/** Largest horizon an explicit cash-flow table may have. */
export const MAX_HORIZON = 100_000;

/** Validated inputs shared by clvFromRetention, clvCashflows and cacPaybackPeriods. */
export interface RetentionInputs {
  readonly margin: Decimal;
  readonly retention: Decimal;
  readonly retentionNumber: number;
  readonly discount: Decimal;
  readonly growth: Decimal;
  readonly timing: "end" | "start";
  readonly horizon: number | null;
  readonly period: Period | null;
  readonly acquisitionCost: Decimal | null;
}

/** Input fields read by {@link readRetentionInputs}. */
export interface RawRetentionInput {
  readonly margin?: unknown;
  readonly retentionRate?: unknown;
  readonly discountRate?: unknown;
  readonly marginGrowth?: unknown;
  readonly timing?: unknown;
  readonly horizon?: unknown;
  readonly period?: unknown;
  readonly acquisitionCost?: unknown;
}

/**
 * Validates the Gupta–Lehmann inputs. `retentionOne` says whether r = 1 is
 * allowed (finite horizons, payback); `horizonRequired` whether a horizon must be given.
 */
export function readRetentionInputs(
  fn: string,
  input: unknown,
  opts: {
    readonly horizonRequired: boolean;
    readonly retentionOne: "allow" | "finite-only";
    readonly retentionOptional?: boolean;
  },
): RetentionInputs {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw metricsError(fn, "invalid_type", [], "an input object", input);
  }
  const raw = input as RawRetentionInput;
  const m = untag(raw.margin, fn, ["margin"]);
  if (m.value === undefined) throw metricsError(fn, "invalid_type", ["margin"], "a money amount per period", undefined);
  const margin = money(m.value as never, fn, m.tagged ? ["margin", "value"] : ["margin"]);

  const rIn =
    opts.retentionOptional && raw.retentionRate === undefined
      ? { value: 1, unit: null, tagged: false }
      : untag(raw.retentionRate, fn, ["retentionRate"]);
  const rPath = rIn.tagged ? ["retentionRate", "value"] : ["retentionRate"];
  const r = assertProbability(rIn.value, fn, rPath);

  const dIn =
    raw.discountRate === undefined && opts.retentionOptional
      ? { value: 0, unit: null, tagged: false }
      : untag(raw.discountRate, fn, ["discountRate"]);
  const dPath = dIn.tagged ? ["discountRate", "value"] : ["discountRate"];
  const d = assertFinite(dIn.value, fn, dPath);
  if (d < 0) throw metricsError(fn, "out_of_range", dPath, "a discount rate >= 0 (a fraction per period, e.g. 0.1)", dIn.value);

  const gIn =
    raw.marginGrowth === undefined ? { value: 0, unit: null, tagged: false } : untag(raw.marginGrowth, fn, ["marginGrowth"]);
  const gPath = gIn.tagged ? ["marginGrowth", "value"] : ["marginGrowth"];
  const g = assertFinite(gIn.value, fn, gPath);
  if (g <= -1) throw metricsError(fn, "out_of_range", gPath, "a growth rate greater than -1 (a fraction per period)", gIn.value);

  const timing = assertOneOf(raw.timing ?? "end", ["end", "start"] as const, fn, ["timing"]);

  let horizon: number | null = null;
  let horizonUnit: Period | null = null;
  if (raw.horizon !== undefined) {
    const h = untag(raw.horizon, fn, ["horizon"]);
    horizon = assertIntegerInRange(h.value, 1, MAX_HORIZON, fn, h.tagged ? ["horizon", "value"] : ["horizon"]);
    horizonUnit = h.unit;
  } else if (opts.horizonRequired) {
    throw metricsError(fn, "invalid_type", ["horizon"], `an integer number of periods from 1 to ${MAX_HORIZON}`, undefined);
  }

  if (r === 1 && opts.retentionOne === "finite-only" && horizon === null) {
    throw metricsError(
      fn,
      "out_of_range",
      rPath,
      "a retention rate in [0, 1) for an infinite horizon (a customer who never leaves has no finite lifetime; pass a horizon)",
      rIn.value,
    );
  }

  let acquisitionCost: Decimal | null = null;
  if (raw.acquisitionCost !== undefined) {
    acquisitionCost = money(raw.acquisitionCost as never, fn, ["acquisitionCost"]);
    if (acquisitionCost.isNegative())
      throw metricsError(fn, "out_of_range", ["acquisitionCost"], "a money amount >= 0", raw.acquisitionCost);
  }

  const period = commonPeriod(fn, raw.period, [
    { path: ["margin"], unit: m.unit },
    { path: ["retentionRate"], unit: rIn.unit },
    { path: ["discountRate"], unit: dIn.unit },
    { path: ["marginGrowth"], unit: gIn.unit },
    { path: ["horizon"], unit: horizonUnit },
  ]);

  return {
    margin,
    retention: new _MoneyDecimal(r),
    retentionNumber: r,
    discount: new _MoneyDecimal(d),
    growth: new _MoneyDecimal(g),
    timing,
    horizon,
    period,
    acquisitionCost,
  };
}
