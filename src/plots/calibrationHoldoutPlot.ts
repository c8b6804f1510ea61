import { colorScale, header, num, plotOptions, rowsOf, str } from "./_internal/common.js";
import type { CalibrationHoldoutInput, PlotOptions, VegaLiteSpec } from "./types.js";

const FN = "calibrationHoldoutPlot";

/**
 * Vega-Lite spec of the calibration-vs-holdout check: mean holdout purchases
 * by calibration frequency, actual vs expected, as lines with points.
 *
 * @remarks Data rows are `{ label, frequency, customers, series: "actual" | "expected", mean }`.
 * @param check - The calibration/holdout diagnostic (`rows`).
 * @param options - Title, size, colour scheme.
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `empty_sample` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { calibrationHoldoutPlot } from "customer-metrics/plots";
 * const spec = calibrationHoldoutPlot({ rows: [{ frequency: 0, label: "0", customers: 50, actualMean: 0.2, expectedMean: 0.25 }] });
 * (spec.data as { values: { mean: number }[] }).values.map((v) => v.mean); // => [0.2, 0.25]
 * @category Plots
 */
export function calibrationHoldoutPlot(check: CalibrationHoldoutInput, options?: PlotOptions): VegaLiteSpec {
  const o = plotOptions(options, FN, "Mean holdout purchases by calibration purchases: actual vs expected");
  const rows = rowsOf(check, "rows", FN);
  const values: Record<string, unknown>[] = [];
  const order: string[] = [];
  rows.forEach((r, i) => {
    const label = str(r["label"], FN, ["rows", i, "label"]);
    const frequency = num(r["frequency"], FN, ["rows", i, "frequency"]);
    const customers = num(r["customers"], FN, ["rows", i, "customers"]);
    const a = num(r["actualMean"], FN, ["rows", i, "actualMean"]);
    const e = num(r["expectedMean"], FN, ["rows", i, "expectedMean"]);
    order.push(label);
    values.push(
      { label, frequency, customers, series: "actual", mean: a },
      { label, frequency, customers, series: "expected", mean: e },
    );
  });
  return {
    ...header(o),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "label", type: "ordinal", title: "Repeat purchases in calibration", sort: order, axis: { labelAngle: 0 } },
      y: { field: "mean", type: "quantitative", title: "Mean purchases in holdout" },
      color: { field: "series", type: "nominal", title: null, scale: colorScale(o) },
      strokeDash: { field: "series", type: "nominal", title: null },
    },
  };
}
