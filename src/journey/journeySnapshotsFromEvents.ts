import { metricsError } from "../core/errors.js";
import type { JourneyModel } from "./schemas.js";
import type { JourneyEvent, JourneyEventOptions, JourneySignalSnapshot } from "./journeySignalsFromEvents.js";
import { prepareModel, readAsOf } from "./_internal/prepared.js";
import {
  addEvent,
  fedSignals,
  newAccumulator,
  readUnknownPolicy,
  toSnapshot,
  type EventAccumulator,
} from "./_internal/events.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A raw event of an event log with many customers.
 *
 * @category Journey
 */
export interface JourneyCustomerEvent extends JourneyEvent {
  /** The customer the event belongs to. */
  readonly customerId: string | number;
}

/**
 * One customer's snapshot built from an event log.
 *
 * @category Journey
 */
export type JourneyCustomerSnapshot = JourneySignalSnapshot & {
  /** The customer the snapshot belongs to, as given in the events' `customerId` (not converted). */
  readonly customerId: string | number;
};

/**
 * Turns an event log of many customers into one signal snapshot per customer
 * (as {@link journeySignalsFromEvents} does for one), ready for the batch
 * functions ({@link journeyDistribution}, {@link journeyFunnel}, …).
 *
 * @remarks
 * Customers are grouped by `customerId` (compared with `===`) and returned in
 * order of their first event. One pass over the log.
 *
 * @param model - A journey model with an `eventMapping`.
 * @param events - The event log, in any order.
 * @param options - `asOf` (required) and `onUnknownEvent`.
 * @returns One snapshot per customer, each with its `customerId`.
 * @throws {@link MetricsError} `empty_sample` for an empty log; `invalid_type` for a missing `customerId` (path `[index, "customerId"]`);
 * otherwise as {@link journeySignalsFromEvents}.
 *
 * @example
 * ```ts
 * import { journeySnapshotsFromEvents, journeyDistribution, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const log = [
 *   { customerId: "a", type: "order_placed", at: "2024-02-01" },
 *   { customerId: "b", type: "lead_created", at: "2024-02-10" },
 *   { customerId: "a", type: "referral_made", at: "2024-02-20" },
 * ];
 * const snaps = journeySnapshotsFromEvents(COLEMAN_JOURNEY, log, { asOf: "2024-03-01" });
 * snaps.map((s) => s.customerId); // => ["a", "b"]
 * snaps[0]?.referralCount; // => 1
 * journeyDistribution(COLEMAN_JOURNEY, snaps, { asOf: "2024-03-01" }).stages.map((s) => s.count).join(""); // => "10000001"
 * ```
 *
 * @category Journey
 */
export function journeySnapshotsFromEvents(
  model: JourneyModel,
  events: readonly JourneyCustomerEvent[],
  options: JourneyEventOptions,
): JourneyCustomerSnapshot[] {
  assertKnownOptions(options, ["asOf", "onUnknownEvent"], "journeySnapshotsFromEvents");
  const fn = "journeySnapshotsFromEvents";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const ignore = readUnknownPolicy(options.onUnknownEvent, fn);
  if (!Array.isArray(events)) throw metricsError(fn, "invalid_type", ["events"], "an array of events", events);
  if (events.length === 0) throw metricsError(fn, "empty_sample", ["events"], "a non-empty array of events", events);
  const byCustomer = new Map<string | number, EventAccumulator>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as unknown;
    if (e === null || typeof e !== "object")
      throw metricsError(fn, "invalid_type", [i], "an event object { customerId, type, at, value? }", e);
    const id = (e as { customerId?: unknown }).customerId;
    if (typeof id === "string" ? id.length === 0 : typeof id !== "number" || !Number.isFinite(id)) {
      throw metricsError(fn, "invalid_type", [i, "customerId"], "a non-empty string or a finite number", id);
    }
    const key = id as string | number;
    let acc = byCustomer.get(key);
    if (acc === undefined) {
      acc = newAccumulator(p);
      byCustomer.set(key, acc);
    }
    addEvent(p, acc, e, i, asOf, fn, ignore, []);
  }
  const fed = fedSignals(p);
  const out: JourneyCustomerSnapshot[] = [];
  for (const [customerId, acc] of byCustomer) out.push({ customerId, ...toSnapshot(p, acc, fed) });
  return out;
}
