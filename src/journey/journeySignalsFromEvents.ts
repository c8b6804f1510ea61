import { metricsError } from "../core/errors.js";
import type { DateInput } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import { prepareModel, readAsOf } from "./_internal/prepared.js";
import { addEvent, fedSignals, newAccumulator, readUnknownPolicy, toSnapshot } from "./_internal/events.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A raw customer event, e.g. `{ type: "order_placed", at: "2024-03-01T10:12:00Z" }`.
 *
 * @category Journey
 */
export interface JourneyEvent {
  /** Event type, matched against the model's `eventMapping[].event`. */
  readonly type: string;
  /** When it happened (Date, ISO-8601 string or epoch ms; UTC). */
  readonly at: DateInput;
  /** A number carried by the event (needed for `sum` and `latestValue` mappings, e.g. an NPS answer). */
  readonly value?: number | undefined;
}

/**
 * Options for turning events into signals.
 *
 * @category Journey
 */
export interface JourneyEventOptions {
  /** The day the snapshot is for (required); events after it are rejected. */
  readonly asOf: DateInput;
  /** What to do with an event whose type the mapping does not declare. @defaultValue `"throw"` */
  readonly onUnknownEvent?: "throw" | "ignore";
}

/**
 * A signal snapshot built from events: signal id → value (dates as ISO
 * `YYYY-MM-DD` strings). Signals without events are absent, except `count`
 * and `sum` signals (0) and `flag` signals (`false`).
 *
 * @category Journey
 */
export type JourneySignalSnapshot = Readonly<Record<string, string | number | boolean>>;

/**
 * Turns one customer's raw events into the signal snapshot a journey model
 * classifies, through the model's declared `eventMapping`.
 *
 * @remarks
 * Each mapping says which event type feeds which signal and how: `first`,
 * `second`, `last` (dates), `count`, `sum`, `latestValue` (numbers) or
 * `flag` (boolean). Events may come in any order. Dates are reduced to UTC
 * days; `latestValue` keeps the value of the latest event (ties: the later in
 * the list). Feed the result to {@link classifyJourneyStage}.
 *
 * @param model - A journey model with an `eventMapping`.
 * @param events - The customer's events.
 * @param options - `asOf` (required) and `onUnknownEvent`.
 * @returns The {@link JourneySignalSnapshot}.
 * @throws {@link MetricsError} `unknown_reference` for an event type the mapping does not declare (path `[index, "type"]`);
 * `invalid_date` for an unreadable `at` or one after `asOf` (path `[index, "at"]`); `invalid_type` / `not_finite` for a
 * missing or bad `value` where one is needed; `invalid_type` for a non-array; `invalid_option` for a bad `onUnknownEvent`.
 *
 * @example
 * ```ts
 * import { journeySignalsFromEvents, classifyJourneyStage, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const events = [
 *   { type: "lead_created", at: "2024-01-03" },
 *   { type: "order_placed", at: "2024-01-10T09:30:00Z" },
 *   { type: "onboarding_started", at: "2024-01-12" },
 *   { type: "order_placed", at: "2024-02-15" },
 *   { type: "nps_response", at: "2024-02-20", value: 9 },
 * ];
 * const signals = journeySignalsFromEvents(COLEMAN_JOURNEY, events, { asOf: "2024-03-01" });
 * signals; // => { firstContactAt: "2024-01-03", purchasedAt: "2024-01-10", repeatPurchaseAt: "2024-02-15", onboardingStartedAt: "2024-01-12", referralCount: 0, npsScore: 9, lastActiveAt: "2024-02-15" }
 * classifyJourneyStage(COLEMAN_JOURNEY, signals, { asOf: "2024-03-01" }).stage; // => "adoption"
 * journeySignalsFromEvents(COLEMAN_JOURNEY, [{ type: "signup", at: "2024-01-01" }], { asOf: "2024-03-01" }); // throws unknown_reference
 * ```
 *
 * @category Journey
 */
export function journeySignalsFromEvents(
  model: JourneyModel,
  events: readonly JourneyEvent[],
  options: JourneyEventOptions,
): JourneySignalSnapshot {
  assertKnownOptions(options, ["asOf", "onUnknownEvent"], "journeySignalsFromEvents");
  const fn = "journeySignalsFromEvents";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const ignore = readUnknownPolicy(options.onUnknownEvent, fn);
  if (!Array.isArray(events)) throw metricsError(fn, "invalid_type", ["events"], "an array of events", events);
  const acc = newAccumulator(p);
  for (let i = 0; i < events.length; i++) addEvent(p, acc, events[i], i, asOf, fn, ignore, []);
  return toSnapshot(p, acc, fedSignals(p));
}
