import type { Decimal } from "decimal.js";
import { metricsError } from "../core/errors.js";
import { money } from "../core/money.js";
import { fromDayNumber, periodIndex, periodLabel, periodStart, type DateInput, type Period } from "../core/time.js";
import { readOptions } from "./_internal/checks.js";
import { readDay } from "./_internal/dates.js";
import {
  cohortRetentionTally,
  type CohortActivity,
  type CohortRetentionMode,
  type CohortRetentionTally,
} from "./cohortRetentionTally.js";
import { mergeCohortRetentionTallies } from "./mergeCohortRetentionTallies.js";
import { assertKnownOptions } from "../core/guards.js";

/**
 * Options for {@link cohortRetention}.
 *
 * @category Churn
 */
export interface CohortRetentionOptions {
  /** Calendar period of cohorts and ages (ignored for a tally, which carries its own). @defaultValue `"month"` */
  readonly period?: Period;
  /**
   * Last day of data (inclusive). Required for raw activity; for a tally it defaults to the tally's
   * `asOf` and must equal it when both are set.
   */
  readonly asOf?: DateInput;
  /** Count customers or revenue (ignored for a tally). @defaultValue `"customers"` */
  readonly mode?: CohortRetentionMode;
  /**
   * Also report the period containing `asOf` when it is not over yet. Its counts are partial (and
   * so look like a drop in retention), which is why it is excluded by default. @defaultValue `false`
   */
  readonly includeIncomplete?: boolean;
}

/**
 * One cohort (row) of a retention table. Every array has one entry per age `0 … ages − 1`; an age
 * the cohort has not reached by `asOf` is `null` with `observable[age] === false` — never 0.
 *
 * @category Churn
 */
export interface CohortRetentionRow {
  /** Cohort label, e.g. `"2024-03"`. */
  readonly cohort: string;
  /** Period index of the cohort. */
  readonly periodIndex: number;
  /** ISO date of the cohort period's first day. */
  readonly start: string;
  /** Customers in the cohort (first active in its period). */
  readonly size: number;
  /** Whether each age is observable (complete by `asOf`, or current with `includeIncomplete`). */
  readonly observable: readonly boolean[];
  /** Customers of the cohort active at each age. */
  readonly active: readonly (number | null)[];
  /** Revenue of the cohort at each age (only in `"revenue"` mode). */
  readonly revenue?: readonly (Decimal | null)[];
  /**
   * Share of the starting cohort at each age: active ÷ size, or in `"revenue"` mode revenue ÷
   * revenue at age 0 (can exceed 1 with expansion). `null` when not observable or when the
   * revenue at age 0 is 0.
   */
  readonly retention: readonly (number | null)[];
  /** Share of the previous age: value(age) ÷ value(age − 1); `null` at age 0, when not observable, or when the previous value is 0. */
  readonly periodOverPeriod: readonly (number | null)[];
}

/**
 * One age of the size-weighted average retention curve.
 *
 * @category Churn
 */
export interface CohortAverageRow {
  /** Age in periods since the cohort period. */
  readonly age: number;
  /** Σ active (or revenue) at this age ÷ Σ size (or revenue at age 0), over the cohorts that reached it; `null` if none did or the base is 0. */
  readonly retention: number | null;
  /** Number of cohorts that reached this age. */
  readonly cohorts: number;
  /** Customers in those cohorts (their total size). */
  readonly customers: number;
}

/**
 * A cohort × age retention table.
 *
 * @category Churn
 */
export interface CohortRetentionResult {
  /** Calendar period of cohorts and ages. */
  readonly period: Period;
  /** What is measured. */
  readonly mode: CohortRetentionMode;
  /** ISO date of `asOf`. */
  readonly asOf: string;
  /** Label of the last period counted (the last complete one unless `includeIncomplete`). */
  readonly lastPeriod: string;
  /** Number of age columns (the oldest cohort's observable ages). */
  readonly ages: number;
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: readonly CohortRetentionRow[];
  /** The size-weighted average curve, one row per age. */
  readonly average: readonly CohortAverageRow[];
  /** Customers in the reported cohorts. */
  readonly customers: number;
  /** Events (or subscription records) that went into the tally. */
  readonly events: number;
  /** Events ignored because they fall after `asOf`. */
  readonly ignoredEvents: number;
}

const FN = "cohortRetention";
const ZERO = /* @__PURE__ */ money(0);

/**
 * A cohort retention table: for each cohort (customers whose first activity fell in the same
 * period), how many were active — or how much revenue they brought — 0, 1, 2, … periods later, as
 * counts, as a share of the starting cohort and as a share of the previous period, with the
 * size-weighted average curve.
 *
 * @see Cohort display modes (% of original, % of previous period, absolute; by subscribers or MRR), as in ChartMogul's and Baremetrics' cohort reports.
 *
 * @remarks
 * Ages a cohort has not reached by `asOf` are marked unobservable (`null`), never reported as 0
 * — the most common way cohort charts mislead. The period containing `asOf` is excluded unless it
 * ends on `asOf` or `includeIncomplete` is set. Pass a tally (from {@link cohortRetentionTally} /
 * {@link mergeCohortRetentionTallies}) to finalize partitions computed elsewhere: the result equals
 * the one computed on the union of the partitions. Customers, not events, are counted: a customer
 * is active at an age when they have at least one event in that period (and need not be active at
 * the ages in between).
 *
 * @param activity - Activity events, subscription intervals, columns, or a tally.
 * @param options - `{ period = "month", asOf, mode = "customers", includeIncomplete = false }`.
 * @returns The table: `{ cohorts: [{ cohort, size, active, retention, periodOverPeriod, observable, ... }], average, ... }`.
 * @throws {@link MetricsError} the codes of {@link cohortRetentionTally}; `invalid_date` for a missing
 * `asOf`; `out_of_range` when `asOf` is before every event (path `["options", "asOf"]`);
 * `insufficient_data` when no period before `asOf` is complete; `invalid_option` when a tally's
 * `asOf` differs from the option.
 *
 * @example
 * ```ts
 * import { cohortRetention } from "customer-metrics/churn";
 * const events = [
 *   { customerId: "a", at: "2024-01-05" }, { customerId: "a", at: "2024-02-11" }, { customerId: "a", at: "2024-03-02" },
 *   { customerId: "b", at: "2024-01-17" }, { customerId: "b", at: "2024-03-20" },
 *   { customerId: "c", at: "2024-02-08" }, { customerId: "c", at: "2024-03-01" },
 * ];
 * const table = cohortRetention(events, { period: "month", asOf: "2024-03-31" });
 * table.cohorts.map((c) => c.cohort); // => ["2024-01", "2024-02"]
 * table.cohorts[0].active; // => [2, 1, 2]
 * table.cohorts[0].retention; // => [1, 0.5, 1]
 * table.cohorts[1].active; // => [1, 1, null]
 * table.cohorts[1].observable; // => [true, true, false]
 * table.average.map((r) => r.retention); // => [1, 0.6666666667, 1]
 * ```
 *
 * @category Churn
 */
export function cohortRetention(
  activity: CohortActivity | CohortRetentionTally,
  options?: CohortRetentionOptions,
): CohortRetentionResult {
  assertKnownOptions(options, ["asOf", "includeIncomplete", "mode", "period"], "cohortRetention");
  const opts = readOptions(options, FN);
  const includeIncomplete = opts.includeIncomplete ?? false;
  if (typeof includeIncomplete !== "boolean") {
    throw metricsError(FN, "invalid_option", ["options", "includeIncomplete"], "a boolean", includeIncomplete);
  }
  let tally: CohortRetentionTally;
  let asOf: number;
  const isTally =
    !Array.isArray(activity) &&
    activity !== null &&
    typeof activity === "object" &&
    (activity as { kind?: unknown }).kind === "cohort-retention-tally";
  if (isTally) {
    tally = mergeCohortRetentionTallies(activity as CohortRetentionTally);
    const own = tally.asOf === null ? undefined : readDay(tally.asOf, FN, ["asOf"]);
    const given = opts.asOf === undefined ? undefined : readDay(opts.asOf, FN, ["options", "asOf"]);
    if (own !== undefined && given !== undefined && own !== given) {
      throw metricsError(FN, "invalid_option", ["options", "asOf"], `the tally's asOf (${tally.asOf})`, opts.asOf);
    }
    const chosen = given ?? own;
    if (chosen === undefined)
      throw metricsError(FN, "invalid_date", ["options", "asOf"], "given (the tally has none)", undefined);
    asOf = chosen;
  } else {
    if (opts.asOf === undefined)
      throw metricsError(
        FN,
        "invalid_date",
        ["options", "asOf"],
        "given: the last day of data (the library never reads the clock)",
        undefined,
      );
    if (activity === null || typeof activity !== "object") {
      throw metricsError(FN, "invalid_type", [], "an array of events, an object of columns or a tally", activity);
    }
    asOf = readDay(opts.asOf, FN, ["options", "asOf"]);
    const tallyOptions = {
      asOf: opts.asOf,
      ...(opts.period === undefined ? {} : { period: opts.period }),
      ...(opts.mode === undefined ? {} : { mode: opts.mode }),
    };
    tally = cohortRetentionTally(activity as CohortActivity, tallyOptions);
  }
  return finalize(tally, asOf, includeIncomplete, opts.asOf ?? tally.asOf);
}

function finalize(
  tally: CohortRetentionTally,
  asOf: number,
  includeIncomplete: boolean,
  asOfInput: unknown,
): CohortRetentionResult {
  const { period, mode } = tally;
  const revenueMode = mode === "revenue";
  const asOfP = periodIndex(asOf, period);
  const periodEnds = periodStart(asOfP + 1, period) - 1;
  const lastP = includeIncomplete || asOf >= periodEnds ? asOfP : asOfP - 1;
  const rowsIn = tally.cohorts.filter((c) => c.periodIndex <= lastP);
  if (rowsIn.length === 0) {
    const anyBefore = tally.cohorts.some((c) => c.periodIndex <= asOfP);
    if (!anyBefore) throw metricsError(FN, "out_of_range", ["options", "asOf"], "on or after the earliest activity", asOfInput);
    throw metricsError(
      FN,
      "insufficient_data",
      ["options", "asOf"],
      "after the end of at least one complete period with activity (or set includeIncomplete)",
      asOfInput,
    );
  }
  const firstP = (rowsIn[0] as (typeof rowsIn)[number]).periodIndex;
  const width = lastP - firstP + 1;

  const sumActive = new Float64Array(width);
  const sumBase = new Float64Array(width);
  const sumCustomers = new Float64Array(width);
  const nCohorts = new Float64Array(width);
  const sumRevenue: (Decimal | null)[] = new Array<Decimal | null>(width).fill(null);
  const sumRevenueBase: (Decimal | null)[] = new Array<Decimal | null>(width).fill(null);
  let customers = 0;

  const cohorts: CohortRetentionRow[] = rowsIn.map((c) => {
    customers += c.size;
    const reach = lastP - c.periodIndex; // last observable age
    const observable: boolean[] = new Array(width);
    const active: (number | null)[] = new Array(width);
    const retention: (number | null)[] = new Array(width);
    const pop: (number | null)[] = new Array(width);
    const revenue: (Decimal | null)[] | null = revenueMode ? new Array(width) : null;
    const rev0 = revenueMode ? (c.revenue?.[0] ?? null) : null;
    for (let a = 0; a < width; a++) {
      const obs = a <= reach;
      observable[a] = obs;
      if (!obs) {
        active[a] = null;
        retention[a] = null;
        pop[a] = null;
        if (revenue !== null) revenue[a] = null;
        continue;
      }
      const act = c.active[a] ?? 0;
      active[a] = act;
      nCohorts[a] = (nCohorts[a] as number) + 1;
      sumCustomers[a] = (sumCustomers[a] as number) + c.size;
      if (revenue !== null) {
        const r = c.revenue?.[a] ?? null;
        const value = r ?? ZERO;
        revenue[a] = value;
        if (rev0 !== null) {
          sumRevenue[a] = sumRevenue[a] === null ? value : (sumRevenue[a] as Decimal).plus(value);
          sumRevenueBase[a] = sumRevenueBase[a] === null ? rev0 : (sumRevenueBase[a] as Decimal).plus(rev0);
        }
        retention[a] = rev0 === null || rev0.isZero() ? null : value.div(rev0).toNumber();
        const prev = a === 0 ? null : (revenue[a - 1] ?? null);
        pop[a] = prev === null || prev.isZero() ? null : value.div(prev).toNumber();
      } else {
        retention[a] = act / c.size;
        sumActive[a] = (sumActive[a] as number) + act;
        sumBase[a] = (sumBase[a] as number) + c.size;
        const prev = a === 0 ? null : (active[a - 1] ?? null);
        pop[a] = prev === null || prev === 0 ? null : act / prev;
      }
    }
    const base = {
      cohort: periodLabel(c.periodIndex, period),
      periodIndex: c.periodIndex,
      start: fromDayNumber(periodStart(c.periodIndex, period)),
      size: c.size,
      observable,
      active,
    };
    return revenue === null
      ? { ...base, retention, periodOverPeriod: pop }
      : { ...base, revenue, retention, periodOverPeriod: pop };
  });

  const average: CohortAverageRow[] = [];
  for (let a = 0; a < width; a++) {
    let value: number | null;
    if (revenueMode) {
      const num = sumRevenue[a] ?? null;
      const den = sumRevenueBase[a] ?? null;
      value = num === null || den === null || den.isZero() ? null : num.div(den).toNumber();
    } else {
      const den = sumBase[a] as number;
      value = den === 0 ? null : (sumActive[a] as number) / den;
    }
    average.push({ age: a, retention: value, cohorts: nCohorts[a] as number, customers: sumCustomers[a] as number });
  }
  return {
    period,
    mode,
    asOf: fromDayNumber(asOf),
    lastPeriod: periodLabel(lastP, period),
    ages: width,
    cohorts,
    average,
    customers,
    events: tally.events,
    ignoredEvents: tally.ignoredEvents,
  };
}
