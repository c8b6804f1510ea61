import { fromDayNumber } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import type { JourneyClassifyOptions, JourneyCustomer } from "./classifyJourneyStage.js";
import {
  checkCustomers,
  holds,
  overdueDays,
  prepareModel,
  readAsOf,
  readCustomerId,
  readSignals,
  stageOf,
  type PStage,
} from "./_internal/prepared.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A customer whose next journey stage is overdue.
 *
 * @category Journey
 */
export interface StalledJourneyCustomer {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Current stage id, or `null` when in no stage yet. */
  readonly stage: string | null;
  /** The overdue stage. */
  readonly nextStage: string;
  /** Last day of the next stage's expected window (ISO date). */
  readonly expectedBy: string;
  /** Whole days past `expectedBy` (≥ 1). */
  readonly daysOverdue: number;
  /** The customer's at-risk reasons (always starting with `"stalled"`). */
  readonly atRisk: readonly string[];
}

/**
 * The customers stuck in their journey stage: those whose next stage is past
 * the end of its expected window, most overdue first.
 *
 * @remarks
 * Same rules as {@link classifyJourneyStage}'s `stalled`. Ties keep input
 * order. Customers in the last stage, or whose next stage has no window or a
 * missing window date, are never stalled.
 *
 * @param model - A journey model.
 * @param customers - Customer snapshots, each with a `customerId`.
 * @param options - `asOf` (required).
 * @returns The stalled customers, sorted by `daysOverdue` descending (empty when none).
 * @throws {@link MetricsError} `empty_sample` for no customers; `invalid_type` for a missing `customerId` (path `[index, "customerId"]`);
 * the snapshot and model codes of {@link classifyJourneyStage}.
 *
 * @example
 * ```ts
 * import { stalledCustomers, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const rows = stalledCustomers(COLEMAN_JOURNEY, [
 *   { customerId: "a", purchasedAt: "2024-02-01" },
 *   { customerId: "b", purchasedAt: "2024-03-03" },
 *   { customerId: "c", purchasedAt: "2024-02-20", affirmedAt: "2024-02-21" },
 * ], { asOf: "2024-03-05" });
 * // "c" is on day 14 after purchase: the last day of Activation's window, so not (yet) stalled.
 * rows.map((r) => [r.customerId, r.nextStage, r.daysOverdue]); // => [["a", "affirmation", 30]]
 * ```
 *
 * @category Journey
 */
export function stalledCustomers(
  model: JourneyModel,
  customers: readonly JourneyCustomer[],
  options: JourneyClassifyOptions,
): StalledJourneyCustomer[] {
  assertKnownOptions(options, ["asOf"], "stalledCustomers");
  const fn = "stalledCustomers";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const list = checkCustomers(customers, fn);
  const vals = new Float64Array(p.signalIds.length);
  const out: StalledJourneyCustomer[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    readSignals(p, c, asOf, vals, fn, i);
    const customerId = readCustomerId(c, fn, i);
    const s = stageOf(p, vals, asOf);
    const over = overdueDays(p, s, vals, asOf);
    if (!(over > 0)) continue;
    const next = p.stages[s + 1] as PStage;
    const atRisk = ["stalled"];
    for (const r of p.risks) if (holds(r.rule, vals, asOf, p.stages)) atRisk.push(r.id);
    out.push({
      customerId,
      stage: s >= 0 ? (p.stages[s] as PStage).id : null,
      nextStage: next.id,
      expectedBy: fromDayNumber((vals[next.since] as number) + next.end),
      daysOverdue: over,
      atRisk,
    });
  }
  // Array.prototype.sort is stable: ties keep input order.
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
