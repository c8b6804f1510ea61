import { runCohort, runProjection, toFloat } from "./engine.js";
import { COMPONENT_NAMES, type Normalized } from "./normalize.js";
import type { ProjectionResult } from "../projectRetentionProfit.js";
import type { TenureProfitResult } from "../customerProfitByTenure.js";
import type { ProjectionPlotPoint } from "../types.js";

/** Builds the public projection result from normalized assumptions. */
export function buildProjectionResult(n: Normalized): ProjectionResult {
  const { rows, totals } = runProjection(n);
  const series: ProjectionPlotPoint[] = [];
  const add = (name: string, pick: (r: (typeof rows)[number]) => number): void => {
    for (const r of rows) series.push({ x: r.period, y: pick(r), series: name });
  };
  add("customers at start", (r) => r.customersAtStart);
  add("acquired", (r) => r.acquired);
  add("lost", (r) => r.lost);
  add("profit", (r) => toFloat(r.profit, n.fn, "the plot series"));
  add("cumulative profit", (r) => toFloat(r.cumulativeProfit, n.fn, "the plot series"));
  add("discounted profit", (r) => toFloat(r.discountedProfit, n.fn, "the plot series"));
  return {
    periods: rows,
    totals,
    periodUnit: n.periodUnit,
    timing: n.timing,
    revenueBasis: n.revenue === null ? "contribution" : "revenue",
    method: "tenure-cohort",
    series,
  };
}

/** Builds the public tenure-profile result from normalized assumptions. */
export function buildTenureResult(n: Normalized): TenureProfitResult {
  const { rows, totals } = runCohort(n);
  const series: ProjectionPlotPoint[] = [];
  if (!totals.acquisitionCost.isZero())
    series.push({ x: 0, y: -toFloat(totals.acquisitionCost, n.fn, "the plot series"), series: "acquisition cost" });
  for (const name of COMPONENT_NAMES) {
    if (n.components[name].zero) continue;
    for (const r of rows) series.push({ x: r.tenure + 1, y: toFloat(r.components[name], n.fn, "the plot series"), series: name });
  }
  for (const r of rows)
    series.push({ x: r.tenure + 1, y: toFloat(r.expectedProfit, n.fn, "the plot series"), series: "expected profit" });
  for (const r of rows) series.push({ x: r.tenure + 1, y: r.survival, series: "survival" });
  return { tenures: rows, totals, periodUnit: n.periodUnit, timing: n.timing, series };
}
