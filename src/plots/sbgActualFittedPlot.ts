import { assertKnownOptions } from "../core/guards.js";
import { colorScale, header, num, plotOptions, rowsOf } from "./_internal/common.js";
import type { PlotOptions, SbgActualFittedInput, VegaLiteSpec } from "./types.js";

/** Options of {@link sbgActualFittedPlot}. */
export interface SbgActualFittedPlotOptions extends PlotOptions {
  /** Last period used for the fit: a rule marks where the projection starts. */
  readonly calibrationEnd?: number;
}

const FN = "sbgActualFittedPlot";

/**
 * Vega-Lite spec of an sBG projection vs actual survival: two lines, with an
 * optional rule at the end of the fitting window.
 *
 * @remarks Data rows are `{ period, series: "actual" | "sBG", survival }`.
 * @param fit - Rows of `{ period, actualSurvival, fittedSurvival }` (e.g. from `sbgSurvival` and observed counts).
 * @param options - Title, size, colour scheme, `calibrationEnd`.
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `empty_sample` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { sbgActualFittedPlot } from "customer-metrics/plots";
 * const spec = sbgActualFittedPlot({ rows: [{ period: 0, actualSurvival: 1, fittedSurvival: 1 }, { period: 1, actualSurvival: 0.6, fittedSurvival: 0.63 }] });
 * (spec.data as { values: { survival: number }[] }).values.map((v) => v.survival); // => [1, 1, 0.6, 0.63]
 * @category Plots
 */
export function sbgActualFittedPlot(fit: SbgActualFittedInput, options?: SbgActualFittedPlotOptions): VegaLiteSpec {
  const { calibrationEnd, ...common } = assertKnownOptions(
    options,
    ["title", "width", "height", "colorScheme", "calibrationEnd"],
    FN,
  );
  const o = plotOptions(common as PlotOptions, FN, "sBG projection vs actual survival");
  const end = calibrationEnd === undefined ? undefined : num(calibrationEnd, FN, ["options", "calibrationEnd"]);
  const rows = rowsOf(fit, "rows", FN);
  const values: Record<string, unknown>[] = [];
  rows.forEach((r, i) => {
    const period = num(r["period"], FN, ["rows", i, "period"]);
    values.push(
      { period, series: "actual", survival: num(r["actualSurvival"], FN, ["rows", i, "actualSurvival"]) },
      { period, series: "sBG", survival: num(r["fittedSurvival"], FN, ["rows", i, "fittedSurvival"]) },
    );
  });
  const layer: unknown[] = [
    {
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "period", type: "quantitative", title: "Period" },
        y: {
          field: "survival",
          type: "quantitative",
          title: "Share still active",
          scale: { domain: [0, 1] },
          axis: { format: ".0%" },
        },
        color: { field: "series", type: "nominal", title: null, scale: colorScale(o) },
        strokeDash: { field: "series", type: "nominal", title: null },
      },
    },
  ];
  if (end !== undefined) {
    layer.push({
      data: { values: [{ period: end }] },
      mark: { type: "rule", strokeDash: [2, 2], color: "#888" },
      encoding: { x: { field: "period", type: "quantitative" } },
    });
  }
  return { ...header(o), data: { values }, layer };
}
