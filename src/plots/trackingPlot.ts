import { metricsError } from "../core/errors.js";
import { assertKnownOptions } from "../core/guards.js";
import { colorScale, header, num, plotOptions, rowsOf } from "./_internal/common.js";
import type { PlotOptions, TrackingInput, VegaLiteSpec } from "./types.js";

/** Options of {@link trackingPlot}. */
export interface TrackingPlotOptions extends PlotOptions {
  /** Plot cumulative repeat purchases (default) or purchases per period. */
  readonly cumulative?: boolean;
}

const FN = "trackingPlot";

/**
 * Vega-Lite spec of a BTYD tracking plot: actual vs expected repeat purchases
 * per period (or cumulative), with a rule where the holdout starts.
 *
 * @remarks Data rows are `{ period, series: "actual" | "expected", purchases }`.
 * @param tracking - The tracking diagnostic (`unit`, `calibrationEnd`, `rows`).
 * @param options - Title, size, colour scheme, `cumulative` (default true).
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `empty_sample` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { trackingPlot } from "customer-metrics/plots";
 * const spec = trackingPlot({ unit: "week", calibrationEnd: 2, rows: [
 *   { period: 1, actual: 3, expected: 2.5, actualCumulative: 3, expectedCumulative: 2.5 },
 *   { period: 2, actual: 1, expected: 2, actualCumulative: 4, expectedCumulative: 4.5 },
 * ] });
 * (spec.data as { values: unknown[] }).values.length; // => 4
 * @category Plots
 */
export function trackingPlot(tracking: TrackingInput, options?: TrackingPlotOptions): VegaLiteSpec {
  const known = assertKnownOptions(options, ["title", "width", "height", "colorScheme", "cumulative"], FN);
  const { cumulative, ...common } = known;
  if (cumulative !== undefined && typeof cumulative !== "boolean") {
    throw metricsError(FN, "invalid_option", ["options", "cumulative"], "a boolean", cumulative);
  }
  const cum = cumulative ?? true;
  const o = plotOptions(
    common,
    FN,
    cum ? "Cumulative repeat purchases: actual vs expected" : "Repeat purchases per period: actual vs expected",
  );
  const rows = rowsOf(tracking, "rows", FN);
  const t = tracking as TrackingInput;
  if (t.unit !== "day" && t.unit !== "week") throw metricsError(FN, "invalid_input", ["unit"], '"day" or "week"', t.unit);
  const calibrationEnd = num(t.calibrationEnd, FN, ["calibrationEnd"]);
  const values: Record<string, unknown>[] = [];
  rows.forEach((r, i) => {
    const period = num(r["period"], FN, ["rows", i, "period"]);
    const a = num(r[cum ? "actualCumulative" : "actual"], FN, ["rows", i, cum ? "actualCumulative" : "actual"]);
    const e = num(r[cum ? "expectedCumulative" : "expected"], FN, ["rows", i, cum ? "expectedCumulative" : "expected"]);
    values.push({ period, series: "actual", purchases: a }, { period, series: "expected", purchases: e });
  });
  return {
    ...header(o),
    data: { values },
    layer: [
      {
        mark: { type: "line" },
        encoding: {
          x: { field: "period", type: "quantitative", title: t.unit === "day" ? "Day" : "Week" },
          y: { field: "purchases", type: "quantitative", title: cum ? "Cumulative repeat purchases" : "Repeat purchases" },
          color: { field: "series", type: "nominal", title: null, scale: colorScale(o) },
          strokeDash: { field: "series", type: "nominal", title: null },
        },
      },
      {
        data: { values: [{ period: calibrationEnd, label: "holdout" }] },
        mark: { type: "rule", strokeDash: [2, 2], color: "#888" },
        encoding: { x: { field: "period", type: "quantitative" } },
      },
    ],
  };
}
