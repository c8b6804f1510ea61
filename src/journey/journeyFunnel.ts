import { metricsError } from "../core/errors.js";
import { assertInRange, assertKnownOptions } from "../core/guards.js";
import { fromDayNumber, type DateInput } from "../core/time.js";
import type { JourneyModel, JourneyProgression } from "./schemas.js";
import type { JourneyCustomer } from "./classifyJourneyStage.js";
import {
  checkCustomers,
  heldSince,
  holds,
  prepareModel,
  readAsOf,
  readSignals,
  stageOf,
  type PStage,
} from "./_internal/prepared.js";
import { wilsonInterval } from "../math/wilsonInterval.js";

/**
 * Options of {@link journeyFunnel}.
 *
 * @category Journey
 */
export interface JourneyFunnelOptions {
  /** The day classified for (required). */
  readonly asOf: DateInput;
  /** Confidence level of the conversion intervals, in (0, 1). @defaultValue `0.95` */
  readonly confidence?: number;
}

/**
 * One step of a journey funnel.
 *
 * @category Journey
 */
export interface JourneyFunnelStep {
  /** Stage id. */
  readonly stage: string;
  /** Display name. */
  readonly name: string;
  /** Customers who reached this stage: their current stage is this one or a later one. */
  readonly reached: number;
  /** `reached / n`. */
  readonly shareOfTotal: number;
  /** `reached / reached(previous stage)`, a fraction in [0, 1]; `null` for the first stage or when no customer reached the previous one. */
  readonly conversion: number | null;
  /** Wilson score interval of `conversion` at the chosen confidence, or `null` with it. */
  readonly conversionInterval: readonly [number, number] | null;
  /** Median whole days from entering the previous stage to entering this one, over customers with both entry dates known; `null` when there are none. */
  readonly medianDaysFromPrevious: number | null;
  /** Number of customers behind `medianDaysFromPrevious`. */
  readonly daysSample: number;
}

/**
 * A journey funnel: how many customers reach each stage and how fast.
 *
 * @category Journey
 */
export interface JourneyFunnel {
  /** Customers classified. */
  readonly n: number;
  /** One step per stage, in model order. */
  readonly steps: readonly JourneyFunnelStep[];
  /** Customers in no stage. */
  readonly unclassified: number;
  /** Interval method for `conversionInterval`. */
  readonly method: "wilson";
  /** Confidence level of the intervals. */
  readonly confidence: number;
  /** The model's progression rule, which defines "reached". */
  readonly progression: JourneyProgression;
  /** The day classified for (ISO date). */
  readonly asOf: string;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  const h = xs.length >> 1;
  return xs.length % 2 === 1 ? (xs[h] as number) : ((xs[h - 1] as number) + (xs[h] as number)) / 2;
}

/**
 * Conversion between consecutive journey stages, with Wilson intervals, and
 * the median days customers take from one stage to the next.
 *
 * @remarks
 * A customer has **reached** stage *i* when their current stage (as
 * {@link classifyJourneyStage} places them) is *i* or later, so `reached` never
 * increases along the funnel and `conversion_i = reached_i / reached_{i−1}`.
 * The days between stages use each stage's entry date (`enteredOn`), known
 * only when the rule's dated conditions give one and both rules hold; a
 * negative difference (later stage recorded first) is kept as it is. The
 * interval is Wilson's score interval (Wilson 1927), which stays inside [0, 1]
 * for small counts.
 *
 * @param model - A journey model.
 * @param customers - Customer snapshots.
 * @param options - `asOf` (required) and `confidence`.
 * @returns The {@link JourneyFunnel}.
 * @throws {@link MetricsError} `empty_sample` for no customers; `out_of_range` for a confidence outside (0, 1);
 * the snapshot and model codes of {@link classifyJourneyStage}.
 *
 * @example
 * ```ts
 * import { journeyFunnel, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const f = journeyFunnel(COLEMAN_JOURNEY, [
 *   { firstContactAt: "2024-01-01", purchasedAt: "2024-01-11" },
 *   { firstContactAt: "2024-01-01", purchasedAt: "2024-01-21" },
 *   { firstContactAt: "2024-01-05" },
 *   { firstContactAt: "2024-01-09" },
 * ], { asOf: "2024-03-01" });
 * f.steps[1]?.reached; // => 2
 * f.steps[1]?.conversion; // => 0.5
 * f.steps[1]?.medianDaysFromPrevious; // => 15
 * ```
 *
 * @category Journey
 */
export function journeyFunnel(
  model: JourneyModel,
  customers: readonly JourneyCustomer[],
  options: JourneyFunnelOptions,
): JourneyFunnel {
  assertKnownOptions(options, ["asOf", "confidence"], "journeyFunnel");
  const fn = "journeyFunnel";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const confidence =
    options.confidence === undefined
      ? 0.95
      : assertInRange(options.confidence, 0, 1, fn, ["options", "confidence"], { minExclusive: true, maxExclusive: true });
  if (!(1 - (1 - confidence) / 2 < 1)) {
    throw metricsError(
      fn,
      "out_of_range",
      ["options", "confidence"],
      "a confidence level whose critical value z is finite",
      confidence,
    );
  }
  const list = checkCustomers(customers, fn);
  const stages = p.stages;
  const k = stages.length;
  const atStage = new Float64Array(k + 1);
  const diffs: number[][] = stages.map(() => []);
  const since = new Float64Array(k);
  const vals = new Float64Array(p.signalIds.length);
  for (let i = 0; i < list.length; i++) {
    readSignals(p, list[i], asOf, vals, fn, i);
    const s = stageOf(p, vals, asOf);
    atStage[s + 1] = (atStage[s + 1] as number) + 1;
    for (let j = 0; j <= s; j++) {
      const st = stages[j] as PStage;
      since[j] = holds(st.entry, vals, asOf, stages) ? heldSince(st.entry, vals, asOf, stages, p.signalTypes) : NaN;
      if (j > 0) {
        const d = (since[j] as number) - (since[j - 1] as number);
        if (d === d) (diffs[j] as number[]).push(d);
      }
    }
  }
  const n = list.length;
  const reached = new Float64Array(k);
  let acc = 0;
  for (let j = k - 1; j >= 0; j--) {
    acc += atStage[j + 1] as number;
    reached[j] = acc;
  }
  const steps = stages.map((st, j): JourneyFunnelStep => {
    const r = reached[j] as number;
    const prev = j === 0 ? 0 : (reached[j - 1] as number);
    const conversion = j === 0 || prev === 0 ? null : r / prev;
    const list = diffs[j] as number[];
    return {
      stage: st.id,
      name: st.name,
      reached: r,
      shareOfTotal: r / n,
      conversion,
      conversionInterval: conversion === null ? null : wilsonInterval(r, prev, confidence),
      medianDaysFromPrevious: median(list),
      daysSample: list.length,
    };
  });
  return {
    n,
    steps,
    unclassified: atStage[0] as number,
    method: "wilson",
    confidence,
    progression: p.sequential ? "sequential" : "furthest",
    asOf: fromDayNumber(asOf),
  };
}
