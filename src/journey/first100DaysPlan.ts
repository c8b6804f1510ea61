import { fromDayNumber, toDayNumber, type DateInput } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import { prepareModel } from "./_internal/prepared.js";

/**
 * One dated checkpoint of a customer's plan.
 *
 * @category Journey
 */
export interface JourneyCheckpoint {
  /** Stage id. */
  readonly stage: string;
  /** Display name. */
  readonly name: string;
  /** What the stage means. */
  readonly description: string;
  /** The date signal the stage's window counts from, or `null` when the stage has no window. */
  readonly since: string | null;
  /** First day of the window (days after `since`), or `null` without a window. */
  readonly startDay: number | null;
  /** Last day of the window, or `null` without a window. */
  readonly endDay: number | null;
  /** ISO date the window opens, when it counts from the anchor; otherwise `null`. */
  readonly expectedFrom: string | null;
  /** ISO date by which the stage should be reached, when its window counts from the anchor; otherwise `null`. */
  readonly expectedBy: string | null;
}

/**
 * A customer's dated journey plan.
 *
 * @category Journey
 */
export interface JourneyPlan {
  /** The model's anchor signal (e.g. `"purchasedAt"`). */
  readonly anchor: string;
  /** The anchor date (ISO). */
  readonly anchorDate: string;
  /** Last `endDay` among the stages counted from the anchor (100 for {@link COLEMAN_JOURNEY}). */
  readonly horizonDay: number;
  /** One checkpoint per stage, in model order. */
  readonly checkpoints: readonly JourneyCheckpoint[];
}

/**
 * The dated checkpoints of one customer's journey from their purchase: for
 * every stage, the dates between which it is expected to be reached.
 *
 * @remarks
 * Dates are the purchase (anchor) date plus each stage window's `start` and
 * `end` days. Stages whose window counts from another signal (in
 * {@link COLEMAN_JOURNEY}, Assessment and Admission count from the first
 * contact) keep their day offsets but get `null` dates. With the built-in
 * model the plan spans the first 100 days ("First 100 Days®" is Joey
 * Coleman's registered trademark; the name is used descriptively).
 *
 * @param model - A journey model.
 * @param purchaseDate - The anchor date (the purchase for {@link COLEMAN_JOURNEY}).
 * @returns The {@link JourneyPlan}.
 * @throws {@link MetricsError} `invalid_date` for an unreadable date (path `["purchaseDate"]`); the model codes of {@link parseJourneyModel}.
 *
 * @example
 * ```ts
 * import { first100DaysPlan, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const plan = first100DaysPlan(COLEMAN_JOURNEY, "2024-03-01");
 * plan.horizonDay; // => 100
 * plan.checkpoints.map((c) => [c.stage, c.expectedBy]).slice(2, 4); // => [["affirmation", "2024-03-04"], ["activation", "2024-03-15"]]
 * plan.checkpoints[7]?.expectedBy; // => "2024-06-09"
 * ```
 *
 * @category Journey
 */
export function first100DaysPlan(model: JourneyModel, purchaseDate: DateInput): JourneyPlan {
  const fn = "first100DaysPlan";
  const p = prepareModel(model, fn);
  const day = toDayNumber(purchaseDate, { fn, path: ["purchaseDate"] });
  let horizon = 0;
  const checkpoints = p.stages.map((s): JourneyCheckpoint => {
    const hasWindow = s.since >= 0;
    const anchored = s.since === p.anchor;
    if (anchored && s.end > horizon) horizon = s.end;
    return {
      stage: s.id,
      name: s.name,
      description: s.description,
      since: hasWindow ? (p.signalIds[s.since] as string) : null,
      startDay: hasWindow ? s.start : null,
      endDay: hasWindow ? s.end : null,
      expectedFrom: anchored ? fromDayNumber(day + s.start) : null,
      expectedBy: anchored ? fromDayNumber(day + s.end) : null,
    };
  });
  return { anchor: model.anchor, anchorDate: fromDayNumber(day), horizonDay: horizon, checkpoints };
}
