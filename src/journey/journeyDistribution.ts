import { fromDayNumber } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import type { JourneyClassifyOptions, JourneyCustomer } from "./classifyJourneyStage.js";
import { checkCustomers, overdueDays, prepareModel, readAsOf, readSignals, stageOf } from "./_internal/prepared.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * Customers in one stage.
 *
 * @category Journey
 */
export interface JourneyStageCount {
  /** Stage id. */
  readonly stage: string;
  /** Display name. */
  readonly name: string;
  /** Customers in the stage. */
  readonly count: number;
  /** `count / n`, a fraction in [0, 1]. */
  readonly share: number;
  /** Customers in the stage whose next stage is overdue. */
  readonly stalled: number;
}

/**
 * How customers are spread over a journey's stages.
 *
 * @category Journey
 */
export interface JourneyDistribution {
  /** Customers classified. */
  readonly n: number;
  /** One row per stage, in model order. */
  readonly stages: readonly JourneyStageCount[];
  /** Customers in no stage (no entry rule holds); `Σ count + unclassified = n`. */
  readonly unclassified: number;
  /** `unclassified / n`. */
  readonly unclassifiedShare: number;
  /** Stalled customers in all stages. */
  readonly stalled: number;
  /** The day classified for (ISO date). */
  readonly asOf: string;
}

/**
 * Counts and shares of customers per journey stage (with how many are
 * stalled), classifying every customer as {@link classifyJourneyStage} does.
 *
 * @remarks
 * One pass, no per-customer result objects: this is the fast path for large
 * batches. Counts are additive, so distributions of partitions computed
 * separately (same model, same `asOf`) combine by adding counts.
 *
 * @param model - A journey model.
 * @param customers - Customer snapshots.
 * @param options - `asOf` (required).
 * @returns The {@link JourneyDistribution}.
 * @throws {@link MetricsError} `empty_sample` for no customers; the snapshot codes of
 * {@link classifyJourneyStage} with path `[index, signal]`; the model codes of {@link parseJourneyModel}.
 *
 * @example
 * ```ts
 * import { journeyDistribution, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const d = journeyDistribution(COLEMAN_JOURNEY, [
 *   { firstContactAt: "2024-03-01" },
 *   { purchasedAt: "2024-02-01", affirmedAt: "2024-02-01" },
 *   { purchasedAt: "2024-03-01", affirmedAt: "2024-03-02" },
 *   {},
 * ], { asOf: "2024-03-05" });
 * d.stages.find((s) => s.stage === "affirmation"); // => { stage: "affirmation", name: "Affirmation", count: 2, share: 0.5, stalled: 1 }
 * d.unclassified; // => 1
 * ```
 *
 * @category Journey
 */
export function journeyDistribution(
  model: JourneyModel,
  customers: readonly JourneyCustomer[],
  options: JourneyClassifyOptions,
): JourneyDistribution {
  assertKnownOptions(options, ["asOf"], "journeyDistribution");
  const fn = "journeyDistribution";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const list = checkCustomers(customers, fn);
  const k = p.stages.length;
  const counts = new Float64Array(k + 1);
  const stalled = new Float64Array(k + 1);
  const vals = new Float64Array(p.signalIds.length);
  const n = list.length;
  for (let i = 0; i < n; i++) {
    readSignals(p, list[i], asOf, vals, fn, i);
    const s = stageOf(p, vals, asOf);
    counts[s + 1] = (counts[s + 1] as number) + 1;
    if (overdueDays(p, s, vals, asOf) > 0) stalled[s + 1] = (stalled[s + 1] as number) + 1;
  }
  let stalledTotal = 0;
  for (let i = 0; i <= k; i++) stalledTotal += stalled[i] as number;
  return {
    n,
    stages: p.stages.map((s, i) => ({
      stage: s.id,
      name: s.name,
      count: counts[i + 1] as number,
      share: (counts[i + 1] as number) / n,
      stalled: stalled[i + 1] as number,
    })),
    unclassified: counts[0] as number,
    unclassifiedShare: (counts[0] as number) / n,
    stalled: stalledTotal,
    asOf: fromDayNumber(asOf),
  };
}
