import type { DateInput } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import {
  borrowScratch,
  earliestDate,
  heldSince,
  holds,
  isoDay,
  overdueDays,
  prepareModel,
  readAsOf,
  readSignals,
  releaseScratch,
  stageOf,
  unmet,
  type PStage,
  type PreparedModel,
} from "./_internal/prepared.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * A customer snapshot: an object whose keys are the model's signal ids
 * (e.g. {@link ColemanJourneySignals}), optionally with a `customerId`. Other
 * keys are ignored. Dates are `Date`, ISO-8601 strings or epoch ms (UTC);
 * `null` / `undefined` mean "not happened (yet)".
 *
 * @category Journey
 */
export type JourneyCustomer = object;

/**
 * Options of the journey classifiers.
 *
 * @category Journey
 */
export interface JourneyClassifyOptions {
  /** The day the classification is made for (required: the library has no clock). Dates in the snapshot must not be later. */
  readonly asOf: DateInput;
}

/**
 * The stage after the customer's current one, and what reaching it takes.
 *
 * @category Journey
 */
export interface JourneyNextStage {
  /** Stage id. */
  readonly stage: string;
  /** Display name. */
  readonly name: string;
  /** The parts of its entry rule that do not hold yet, as text (e.g. `["onboardingStartedAt exists"]`). */
  readonly needs: readonly string[];
  /** First day of its expected window (ISO date), or `null` when it has no window or the window's date signal is missing. */
  readonly expectedFrom: string | null;
  /** Last day of its expected window (ISO date), or `null` likewise. */
  readonly expectedBy: string | null;
  /** Whole days past `expectedBy` (0 when not overdue). */
  readonly daysOverdue: number;
}

/**
 * Where one customer stands in a journey model, and why.
 *
 * @category Journey
 */
export interface JourneyClassification {
  /** Id of the customer's stage, or `null` when no stage's entry rule holds (not in the journey yet). */
  readonly stage: string | null;
  /** Display name of the stage, or `null`. */
  readonly stageName: string | null;
  /** 0-based position of the stage in the model (−1 when `stage` is `null`). */
  readonly stageIndex: number;
  /** The entry rule that placed the customer in the stage, as text, or `null`. */
  readonly matchedRule: string | null;
  /** ISO date from which the entry rule holds, as far as its dated conditions tell; `null` when unknown (e.g. a rule on a count). */
  readonly enteredOn: string | null;
  /** Whole days from the customer's earliest dated signal to `asOf`, or `null` without any date. */
  readonly daysInRelationship: number | null;
  /** Whole days from the model's anchor (e.g. the purchase) to `asOf`, or `null` when the anchor is missing. */
  readonly daysSinceAnchor: number | null;
  /** Whole days from `enteredOn` to `asOf`, or `null` when `enteredOn` is unknown. */
  readonly daysInStage: number | null;
  /** The next stage and what it needs, or `null` in the last stage. */
  readonly nextStage: JourneyNextStage | null;
  /** Whether the next stage is past its expected window (`nextStage.daysOverdue > 0`). */
  readonly stalled: boolean;
  /** Reasons the customer is at risk: `"stalled"` first when stalled, then the ids of the model's risk rules that hold. */
  readonly atRisk: readonly string[];
  /** Earlier stages whose entry rule does not hold (possible with `progression: "furthest"`): usually missing data. */
  readonly skippedStages: readonly string[];
  /** The day classified for (ISO date). */
  readonly asOf: string;
}

/** Builds the full classification from prepared signal values (shared with batch functions). */
export function buildClassification(p: PreparedModel, vals: Float64Array, asOf: number): JourneyClassification {
  const stages = p.stages;
  const idx = stageOf(p, vals, asOf);
  const st = idx >= 0 ? (stages[idx] as PStage) : null;
  const since = st === null ? NaN : heldSince(st.entry, vals, asOf, stages, p.signalTypes);
  const first = earliestDate(p, vals);
  const anchor = vals[p.anchor] as number;
  const over = overdueDays(p, idx, vals, asOf);
  const stalled = over > 0;
  const nextSt = stages[idx + 1];
  let nextStage: JourneyNextStage | null = null;
  if (nextSt !== undefined) {
    const base = nextSt.since >= 0 ? (vals[nextSt.since] as number) : NaN;
    nextStage = {
      stage: nextSt.id,
      name: nextSt.name,
      needs: unmet(nextSt.entry, vals, asOf, stages, []),
      expectedFrom: base === base ? isoDay(base + nextSt.start) : null,
      expectedBy: base === base ? isoDay(base + nextSt.end) : null,
      daysOverdue: stalled ? over : 0,
    };
  }
  const atRisk: string[] = stalled ? ["stalled"] : [];
  for (const r of p.risks) if (holds(r.rule, vals, asOf, stages)) atRisk.push(r.id);
  const skippedStages: string[] = [];
  for (let i = 0; i < idx; i++) {
    const s = stages[i] as PStage;
    if (!holds(s.entry, vals, asOf, stages)) skippedStages.push(s.id);
  }
  return {
    stage: st === null ? null : st.id,
    stageName: st === null ? null : st.name,
    stageIndex: idx,
    matchedRule: st === null ? null : st.entry.text,
    enteredOn: since === since ? isoDay(since) : null,
    daysInRelationship: first === first ? asOf - first : null,
    daysSinceAnchor: anchor === anchor ? asOf - anchor : null,
    daysInStage: since === since ? Math.max(0, asOf - since) : null,
    nextStage,
    stalled,
    atRisk,
    skippedStages,
    asOf: isoDay(asOf),
  };
}

/**
 * Places one customer in a journey model's stages as of a day: the stage,
 * the rule that placed them there, how long they have been there, what the
 * next stage needs and by when, and whether they are stalled or at risk.
 *
 * @remarks
 * With `progression: "furthest"` (the default, and {@link COLEMAN_JOURNEY}'s)
 * the stage is the last one, in model order, whose entry rule holds; with
 * `"sequential"` the classifier walks the stages in order and stops before
 * the first rule that fails. A customer is **stalled** when the next stage is
 * past the end of its expected window (counted from the window's `since`
 * date, by default the model's anchor): on day `end` they are on time, on
 * day `end + 1` stalled. Days are whole UTC days. Rules are interpreted, never
 * compiled or evaluated as code. The validated form of a model is cached per
 * model object: treat models as immutable (copy before editing).
 *
 * @param model - A journey model, e.g. {@link COLEMAN_JOURNEY} or one from {@link parseJourneyModel}.
 * @param customer - The customer's signals (see {@link JourneyCustomer}).
 * @param options - `asOf` (required).
 * @returns The {@link JourneyClassification}.
 * @throws {@link MetricsError} `invalid_date` for a missing `asOf`, an unreadable date or a date after `asOf` (path `[signal]`);
 * `invalid_type` / `not_finite` / `out_of_range` / `not_integer` for a bad signal value (path `[signal]`);
 * the model codes of {@link parseJourneyModel} for an invalid model.
 *
 * @example
 * ```ts
 * import { classifyJourneyStage, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const c = classifyJourneyStage(COLEMAN_JOURNEY, {
 *   firstContactAt: "2024-01-20", purchasedAt: "2024-02-01", affirmedAt: "2024-02-02",
 *   onboardingStartedAt: "2024-02-05", npsScore: 5,
 * }, { asOf: "2024-03-05" });
 * c.stage; // => "activation"
 * c.daysInStage; // => 29
 * c.daysInRelationship; // => 45
 * c.nextStage?.needs; // => ["onboardingCompletedAt exists"]
 * c.nextStage?.expectedBy; // => "2024-03-02"
 * c.stalled; // => true
 * c.atRisk; // => ["stalled", "detractor"]
 * classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-04-01" }, { asOf: "2024-03-05" }); // throws invalid_date
 * ```
 *
 * @category Journey
 */
export function classifyJourneyStage(
  model: JourneyModel,
  customer: JourneyCustomer,
  options: JourneyClassifyOptions,
): JourneyClassification {
  assertKnownOptions(options, ["asOf"], "classifyJourneyStage");
  const fn = "classifyJourneyStage";
  const p = prepareModel(model, fn);
  const asOf = readAsOf(options, fn);
  const vals = borrowScratch(p);
  try {
    readSignals(p, customer, asOf, vals, fn, -1);
    return buildClassification(p, vals, asOf);
  } finally {
    releaseScratch(p, vals);
  }
}
