import type { Decimal } from "decimal.js";
import { metricsError, type PathSegment } from "../core/errors.js";
import { assertIntegerInRange, assertOneOf } from "../core/guards.js";
import { PERIODS } from "../core/time.js";
import { money, type DecimalInput } from "../core/money.js";
import { readCount, readObject } from "./_internal/checks.js";
import type { CohortRetentionTally, CohortTallyRow } from "./cohortRetentionTally.js";

const FN = "mergeCohortRetentionTallies";

/**
 * Combines partial cohort tables built on disjoint sets of customers into the table of their
 * union — exactly, including revenue (Decimal addition).
 *
 * @remarks
 * Partition by customer (e.g. `hash(customerId) % workers`), not by time: a customer's cohort is
 * the period of their FIRST activity, which only a partition holding all of their events can know.
 * All tallies must share `period`, `mode` and `asOf`. Tallies that went through JSON (revenue as
 * strings) are accepted. The merge is associative and commutative, and merging a single tally
 * returns an equal tally.
 *
 * @param tallies - Tallies from {@link cohortRetentionTally} (at least one).
 * @returns The merged {@link CohortRetentionTally}.
 * @throws {@link MetricsError} `empty_sample` for no tallies; `invalid_input` for something that is not
 * a tally; `invalid_option` when `period`, `mode` or `asOf` differ.
 *
 * @example
 * ```ts
 * import { cohortRetentionTally, mergeCohortRetentionTallies } from "customer-metrics/churn";
 * const a = cohortRetentionTally([{ customerId: "a", at: "2024-01-03" }, { customerId: "a", at: "2024-02-03" }]);
 * const b = cohortRetentionTally([{ customerId: "b", at: "2024-01-09" }]);
 * mergeCohortRetentionTallies(a, b).cohorts[0].active; // => [2, 1]
 * ```
 *
 * @category Churn
 */
export function mergeCohortRetentionTallies(...tallies: readonly CohortRetentionTally[]): CohortRetentionTally {
  if (tallies.length === 0) throw metricsError(FN, "empty_sample", [], "at least one tally", tallies);
  const first = readTally(tallies[0], [0]);
  const byCohort = new Map<number, { size: number; active: number[]; revenue: Decimal[] | null }>();
  let customers = 0;
  let events = 0;
  let ignored = 0;
  for (let t = 0; t < tallies.length; t++) {
    const tally = t === 0 ? first : readTally(tallies[t], [t]);
    if (tally.period !== first.period)
      throw metricsError(FN, "invalid_option", [t, "period"], `"${first.period}" like the first tally`, tally.period);
    if (tally.mode !== first.mode)
      throw metricsError(FN, "invalid_option", [t, "mode"], `"${first.mode}" like the first tally`, tally.mode);
    if (tally.asOf !== first.asOf)
      throw metricsError(FN, "invalid_option", [t, "asOf"], `${String(first.asOf)} like the first tally`, tally.asOf);
    customers += readCount(tally.customers, FN, [t, "customers"]);
    events += readCount(tally.events, FN, [t, "events"]);
    ignored += readCount(tally.ignoredEvents, FN, [t, "ignoredEvents"]);
    if (!Array.isArray(tally.cohorts))
      throw metricsError(FN, "invalid_input", [t, "cohorts"], "an array of cohort rows", tally.cohorts);
    for (let k = 0; k < tally.cohorts.length; k++) {
      const path: PathSegment[] = [t, "cohorts", k];
      const row = readObject(tally.cohorts[k], FN, path, "a cohort row") as unknown as CohortTallyRow;
      const index = assertIntegerInRange(row.periodIndex, -1e9, 1e9, FN, [...path, "periodIndex"]);
      const size = readCount(row.size, FN, [...path, "size"]);
      if (!Array.isArray(row.active))
        throw metricsError(FN, "invalid_input", [...path, "active"], "an array of counts", row.active);
      let acc = byCohort.get(index);
      if (acc === undefined) {
        acc = { size: 0, active: [], revenue: first.mode === "revenue" ? [] : null };
        byCohort.set(index, acc);
      }
      acc.size += size;
      for (let a = 0; a < row.active.length; a++) {
        acc.active[a] = (acc.active[a] ?? 0) + readCount(row.active[a], FN, [...path, "active", a]);
      }
      if (acc.revenue !== null) {
        const rev = row.revenue as readonly DecimalInput[] | undefined;
        if (!Array.isArray(rev))
          throw metricsError(FN, "invalid_input", [...path, "revenue"], 'an array of amounts in "revenue" mode', rev);
        for (let a = 0; a < rev.length; a++) {
          const x = money(rev[a] as DecimalInput, FN, [...path, "revenue", a]);
          const prev = acc.revenue[a];
          acc.revenue[a] = prev === undefined ? x : prev.plus(x);
        }
      }
    }
  }
  const zero = money(0);
  const cohorts: CohortTallyRow[] = [...byCohort.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([periodIndex, acc]) => {
      const active = Array.from({ length: acc.active.length }, (_, a) => acc.active[a] ?? 0);
      if (acc.revenue === null) return { periodIndex, size: acc.size, active };
      const width = Math.max(active.length, acc.revenue.length);
      while (active.length < width) active.push(0);
      const revenue = Array.from({ length: width }, (_, a) => acc.revenue?.[a] ?? zero);
      return { periodIndex, size: acc.size, active, revenue };
    });
  return {
    kind: "cohort-retention-tally",
    period: first.period,
    mode: first.mode,
    asOf: first.asOf,
    cohorts,
    customers,
    events,
    ignoredEvents: ignored,
  };
}

function readTally(value: unknown, path: PathSegment[]): CohortRetentionTally {
  const t = readObject(value, FN, path, "a cohort retention tally");
  if (t["kind"] !== "cohort-retention-tally") {
    throw metricsError(
      FN,
      "invalid_input",
      [...path, "kind"],
      '"cohort-retention-tally" (a result of cohortRetentionTally)',
      t["kind"],
    );
  }
  assertOneOf(t["period"], PERIODS, FN, [...path, "period"]);
  assertOneOf(t["mode"], ["customers", "revenue"] as const, FN, [...path, "mode"]);
  return t as unknown as CohortRetentionTally;
}
