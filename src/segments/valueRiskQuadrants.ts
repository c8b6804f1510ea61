import { metricsError } from "../core/errors.js";
import { assertFinite, assertProbability, assertKnownOptions } from "../core/guards.js";

/**
 * One customer's model outputs.
 *
 * @category Segments
 */
export interface ValueRiskInput {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Probability the customer is still active, in [0, 1] (e.g. btyd's `probabilityAlive`). */
  readonly probabilityAlive: number;
  /** The customer's value as a plain number (e.g. CLV via `.toNumber()`, or historical spend). */
  readonly value: number;
}

/**
 * Options of {@link valueRiskQuadrants}.
 *
 * @category Segments
 */
export interface ValueRiskOptions {
  /** Customers with `probabilityAlive` below this are "at risk". @defaultValue `0.5` */
  readonly aliveThreshold?: number;
  /** Customers with `value` at or above this are "high value". @defaultValue the median value */
  readonly valueThreshold?: number;
}

/**
 * The four value × risk quadrants:
 * `"retain"` (high value, likely alive), `"rescue"` (high value, at risk),
 * `"develop"` (low value, likely alive), `"deprioritize"` (low value, at risk).
 *
 * @category Segments
 */
export type ValueRiskQuadrant = "retain" | "rescue" | "develop" | "deprioritize";

/**
 * Customers, value and share per quadrant.
 *
 * @category Segments
 */
export interface ValueRiskQuadrantSummary {
  /** The quadrant. */
  readonly quadrant: ValueRiskQuadrant;
  /** Customers in it. */
  readonly count: number;
  /** `count / n`. */
  readonly share: number;
  /** The quadrant's share of the total value, in [0, 1] (`null` when the total is not positive). */
  readonly valueShare: number | null;
}

/**
 * The value × risk quadrants of a customer base.
 *
 * @category Segments
 */
export interface ValueRiskQuadrants {
  /** Customers. */
  readonly n: number;
  /** The thresholds used. */
  readonly thresholds: {
    /** P(alive) cut-off in [0, 1]: a customer below it is at risk (the `aliveThreshold` option). */
    readonly probabilityAlive: number;
    /** Value cut-off, in the unit of the input values: a customer at or above it is high value (given, or the median value). */
    readonly value: number;
  };
  /** Where the value threshold came from. */
  readonly valueThresholdMethod: "median" | "given";
  /** Each customer's quadrant, in input order. */
  readonly customers: ReadonlyArray<{
    /** The customer's id, as given. */
    readonly customerId: string | number;
    /** The customer's quadrant. */
    readonly quadrant: ValueRiskQuadrant;
    /** The customer's probability of being alive, in [0, 1], as given. */
    readonly probabilityAlive: number;
    /** The customer's value, as given. */
    readonly value: number;
  }>;
  /** One row per quadrant, in the order retain, rescue, develop, deprioritize. */
  readonly quadrants: readonly ValueRiskQuadrantSummary[];
}

const ORDER: readonly ValueRiskQuadrant[] = ["retain", "rescue", "develop", "deprioritize"];

/**
 * Splits customers into value × risk quadrants from model outputs: the
 * probability they are still alive against their value (e.g. CLV).
 *
 * @remarks
 * A customer is **at risk** when `probabilityAlive < aliveThreshold` and
 * **high value** when `value ≥ valueThreshold` (default: the median value,
 * the mean of the two middle values for even `n`). "Rescue" is where
 * retention effort pays most. Plain numbers in: convert Decimal CLVs with
 * `.toNumber()`. Note that a BTYD CLV already weighs in P(alive); the
 * quadrant view shows the two separately so an at-risk but valuable customer
 * stands out.
 *
 * @param rows - One row per customer.
 * @param options - `aliveThreshold`, `valueThreshold`.
 * @returns The {@link ValueRiskQuadrants}.
 * @throws {@link MetricsError} `empty_sample` for no rows; `invalid_type` / `not_finite` / `out_of_range` for a bad
 * `probabilityAlive` or `value` (path `[index, field]`) or threshold (path `["options", field]`).
 *
 * @example
 * ```ts
 * import { valueRiskQuadrants } from "customer-metrics/segments";
 * const q = valueRiskQuadrants([
 *   { customerId: "a", probabilityAlive: 0.9, value: 500 },
 *   { customerId: "b", probabilityAlive: 0.2, value: 800 },
 *   { customerId: "c", probabilityAlive: 0.7, value: 40 },
 *   { customerId: "d", probabilityAlive: 0.1, value: 60 },
 * ]);
 * q.thresholds; // => { probabilityAlive: 0.5, value: 280 }
 * q.customers.map((c) => c.quadrant); // => ["retain", "rescue", "develop", "deprioritize"]
 * q.quadrants[1]; // => { quadrant: "rescue", count: 1, share: 0.25, valueShare: 0.571 }
 * ```
 *
 * @category Segments
 */
export function valueRiskQuadrants(rows: readonly ValueRiskInput[], options: ValueRiskOptions = {}): ValueRiskQuadrants {
  assertKnownOptions(options, ["aliveThreshold", "valueThreshold"], "valueRiskQuadrants");
  const fn = "valueRiskQuadrants";
  const alive =
    options.aliveThreshold === undefined ? 0.5 : assertProbability(options.aliveThreshold, fn, ["options", "aliveThreshold"]);
  if (!Array.isArray(rows))
    throw metricsError(fn, "invalid_type", ["rows"], "an array of { customerId, probabilityAlive, value }", rows);
  const n = rows.length;
  if (n === 0) throw metricsError(fn, "empty_sample", ["rows"], "a non-empty array", rows);
  const p = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown;
    if (row === null || typeof row !== "object")
      throw metricsError(fn, "invalid_type", [i], "an object { customerId, probabilityAlive, value }", row);
    const r = row as Record<string, unknown>;
    p[i] = assertProbability(r["probabilityAlive"], fn, [i, "probabilityAlive"]);
    v[i] = assertFinite(r["value"], fn, [i, "value"]);
  }
  let threshold: number;
  let method: "median" | "given";
  if (options.valueThreshold === undefined) {
    const s = v.slice().sort();
    const h = n >> 1;
    threshold = n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
    method = "median";
  } else {
    threshold = assertFinite(options.valueThreshold, fn, ["options", "valueThreshold"]);
    method = "given";
  }
  const counts = new Float64Array(4);
  const sums = new Float64Array(4);
  let total = 0;
  const customers = new Array<ValueRiskQuadrants["customers"][number]>(n);
  for (let i = 0; i < n; i++) {
    const high = (v[i] as number) >= threshold;
    const risk = (p[i] as number) < alive;
    const q = (high ? 0 : 2) + (risk ? 1 : 0);
    counts[q] = (counts[q] as number) + 1;
    sums[q] = (sums[q] as number) + (v[i] as number);
    total += v[i] as number;
    customers[i] = {
      customerId: (rows[i] as ValueRiskInput).customerId,
      quadrant: ORDER[q] as ValueRiskQuadrant,
      probabilityAlive: p[i] as number,
      value: v[i] as number,
    };
  }
  return {
    n,
    thresholds: { probabilityAlive: alive, value: threshold },
    valueThresholdMethod: method,
    customers,
    quadrants: ORDER.map((quadrant, q) => ({
      quadrant,
      count: counts[q] as number,
      share: (counts[q] as number) / n,
      valueShare: total > 0 ? (sums[q] as number) / total : null,
    })),
  };
}
