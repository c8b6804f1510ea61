import { metricsError } from "../core/errors.js";
import { assertSafeKey, assertKnownOptions } from "../core/guards.js";
import { fromDayNumber, type DateInput } from "../core/time.js";
import { mergeNpsTallies, nps, npsTally, type NpsIntervalMethod, type NpsResult, type NpsTally } from "../nps/index.js";
import type { JourneyModel } from "./schemas.js";
import type { JourneyCustomer } from "./classifyJourneyStage.js";
import { T_NUMBER, checkCustomers, prepareModel, readAsOf, readSignals, stageOf, type PStage } from "./_internal/prepared.js";

/**
 * Options of {@link npsByJourneyStage}.
 *
 * @category Journey
 */
export interface NpsByJourneyStageOptions {
  /** The day classified for (required). */
  readonly asOf: DateInput;
  /** The number signal holding each customer's latest 0–10 answer. @defaultValue `"npsScore"` */
  readonly signal?: string;
  /** Interval method passed to `nps`. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
  /** Confidence level passed to `nps`. @defaultValue `0.95` */
  readonly confidence?: number;
}

/**
 * NPS of the customers in one stage (or in none).
 *
 * @category Journey
 */
export interface JourneyStageNps {
  /** Stage id, or `null` for customers in no stage. */
  readonly stage: string | null;
  /** Display name, or `null`. */
  readonly name: string | null;
  /** Customers in the stage. */
  readonly customers: number;
  /** Of them, customers with an answer. */
  readonly responses: number;
  /** Mergeable tally of the answers (merge partitions with `mergeNpsTallies`); all zero, with `distribution: null`, when nobody answered. */
  readonly tally: NpsTally;
  /** The NPS with its interval, or `null` when nobody in the stage answered. */
  readonly nps: NpsResult | null;
}

/**
 * NPS per journey stage.
 *
 * @category Journey
 */
export interface NpsByJourneyStage {
  /** Customers classified. */
  readonly n: number;
  /** Customers with an answer. */
  readonly responses: number;
  /** The signal read. */
  readonly signal: string;
  /** One row per stage, in model order. */
  readonly stages: readonly JourneyStageNps[];
  /** Customers in no stage. */
  readonly unclassified: JourneyStageNps;
  /** NPS over all answers, or `null` without any. */
  readonly overall: NpsResult | null;
  /** The day classified for (ISO date). */
  readonly asOf: string;
}

/**
 * The Net Promoter® Score of the customers in each journey stage: where in the
 * journey promoters are made and detractors lost.
 *
 * @remarks
 * Each customer is placed as {@link classifyJourneyStage} does; their latest
 * answer (`signal`, 0–10) is counted in that stage with the `nps` area's
 * `npsTally` and scored with `nps` (adjusted-Wald interval by default, Rocks
 * 2016). Customers without an answer count in `customers` but not in
 * `responses`. Small stages give wide intervals: read them before acting.
 *
 * @param model - A journey model with a number signal for the answers.
 * @param customers - Customer snapshots.
 * @param options - `asOf` (required), `signal`, `interval`, `confidence`.
 * @returns The {@link NpsByJourneyStage}.
 * @throws {@link MetricsError} `unknown_reference` when the model has no such signal (path `["options", "signal"]`);
 * `invalid_model` when it is not a number signal; `invalid_type` / `not_integer` / `out_of_range` for an answer that is not an
 * integer 0–10 (path `[index, signal]`); the snapshot and model codes of {@link classifyJourneyStage}.
 *
 * @example
 * ```ts
 * import { npsByJourneyStage, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const r = npsByJourneyStage(COLEMAN_JOURNEY, [
 *   { purchasedAt: "2024-01-05", npsScore: 3 },
 *   { purchasedAt: "2024-01-08", npsScore: 9 },
 *   { purchasedAt: "2024-01-02", repeatPurchaseAt: "2024-02-20", npsScore: 10 },
 *   { purchasedAt: "2024-01-02", repeatPurchaseAt: "2024-02-25", npsScore: 9 },
 *   { purchasedAt: "2024-01-09", repeatPurchaseAt: "2024-02-28" },
 * ], { asOf: "2024-03-01" });
 * r.stages[1]?.nps?.score; // => 0
 * r.stages[6]?.responses; // => 2
 * r.stages[6]?.nps?.score; // => 100
 * r.overall?.score; // => 50
 * ```
 *
 * @category Journey
 */
export function npsByJourneyStage(
  model: JourneyModel,
  customers: readonly JourneyCustomer[],
  options: NpsByJourneyStageOptions,
): NpsByJourneyStage {
  assertKnownOptions(options, ["asOf", "confidence", "interval", "signal"], "npsByJourneyStage");
  const fn = "npsByJourneyStage";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const signal = options.signal === undefined ? "npsScore" : assertSafeKey(options.signal, fn, ["options", "signal"]);
  const sig = p.signalIndex.get(signal);
  if (sig === undefined)
    throw metricsError(fn, "unknown_reference", ["options", "signal"], "a number signal declared in the model", signal);
  if (p.signalTypes[sig] !== T_NUMBER)
    throw metricsError(fn, "invalid_model", ["options", "signal"], `a number signal ("${signal}" is not)`, signal);
  const list = checkCustomers(customers, fn);
  const k = p.stages.length;
  const scores: number[][] = Array.from({ length: k + 1 }, () => []);
  const counts = new Float64Array(k + 1);
  const all: number[] = [];
  const vals = new Float64Array(p.signalIds.length);
  for (let i = 0; i < list.length; i++) {
    readSignals(p, list[i], asOf, vals, fn, i);
    const s = stageOf(p, vals, asOf) + 1;
    counts[s] = (counts[s] as number) + 1;
    const v = vals[sig] as number;
    if (v !== v) continue;
    if (!Number.isInteger(v)) throw metricsError(fn, "not_integer", [i, signal], "an integer answer from 0 to 10", v);
    if (v < 0 || v > 10) throw metricsError(fn, "out_of_range", [i, signal], "an integer answer from 0 to 10", v);
    (scores[s] as number[]).push(v);
    all.push(v);
  }
  const npsOptions = {
    ...(options.interval === undefined ? {} : { interval: options.interval }),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  };
  const row = (s: number, st: PStage | null): JourneyStageNps => {
    const xs = scores[s] as number[];
    // An empty stage gets an empty tally (from class counts: its distribution is null).
    const tally = xs.length === 0 ? mergeNpsTallies({ promoters: 0, passives: 0, detractors: 0 }) : npsTally(xs);
    return {
      stage: st === null ? null : st.id,
      name: st === null ? null : st.name,
      customers: counts[s] as number,
      responses: xs.length,
      tally,
      nps: xs.length === 0 ? null : nps(tally, npsOptions),
    };
  };
  // Validate interval options once, even when no stage has answers.
  if (all.length === 0) nps({ promoters: 1, passives: 0, detractors: 0 }, npsOptions);
  return {
    n: list.length,
    responses: all.length,
    signal,
    stages: p.stages.map((st, i) => row(i + 1, st)),
    unclassified: row(0, null),
    overall: all.length === 0 ? null : nps(all, npsOptions),
    asOf: fromDayNumber(asOf),
  };
}
