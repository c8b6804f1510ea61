import { metricsError } from "../core/errors.js";
import { header, num, plotOptions, rowsOf } from "./_internal/common.js";
import type { FrequencyRecencyMatrixInput, PlotOptions, VegaLiteSpec } from "./types.js";

const FN = "frequencyRecencyHeatmapPlot";

/**
 * Vega-Lite spec of a frequency × recency heatmap of P(alive) or of expected
 * purchases (the matrix diagnostic of a BTYD model).
 *
 * @remarks Data rows are `{ frequency, recency, value }`; P(alive) uses the domain [0, 1], expected purchases the data's range.
 * @param matrix - The matrix diagnostic (`kind`, `T`, `horizon`, `frequencies`, `recencies`, `cells`).
 * @param options - Title, size, colour scheme (default `"blues"`).
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `empty_sample` / `invalid_input` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { frequencyRecencyHeatmapPlot } from "customer-metrics/plots";
 * const spec = frequencyRecencyHeatmapPlot({ kind: "probability-alive", T: 10, frequencies: [1], recencies: [5, 10],
 *   cells: [{ frequency: 1, recency: 5, value: 0.6 }, { frequency: 1, recency: 10, value: 1 }] });
 * (spec.data as { values: unknown[] }).values.length; // => 2
 * @category Plots
 */
export function frequencyRecencyHeatmapPlot(matrix: FrequencyRecencyMatrixInput, options?: PlotOptions): VegaLiteSpec {
  const rows = rowsOf(matrix, "cells", FN);
  const m = matrix as FrequencyRecencyMatrixInput;
  if (m.kind !== "probability-alive" && m.kind !== "expected-purchases") {
    throw metricsError(FN, "invalid_input", ["kind"], '"probability-alive" or "expected-purchases"', m.kind);
  }
  const T = num(m.T, FN, ["T"]);
  const horizon = m.horizon === undefined ? undefined : num(m.horizon, FN, ["horizon"]);
  const alive = m.kind === "probability-alive";
  const o = plotOptions(
    options,
    FN,
    alive
      ? `P(alive) by frequency and recency (T = ${T})`
      : `Expected purchases${horizon === undefined ? "" : ` in ${horizon} periods`} by frequency and recency (T = ${T})`,
  );
  const values = rows.map((r, i) => ({
    frequency: num(r["frequency"], FN, ["cells", i, "frequency"]),
    recency: num(r["recency"], FN, ["cells", i, "recency"]),
    value: num(r["value"], FN, ["cells", i, "value"]),
  }));
  return {
    ...header(o),
    data: { values },
    mark: "rect",
    encoding: {
      x: { field: "recency", type: "ordinal", title: "Recency (time of the last purchase)" },
      y: { field: "frequency", type: "ordinal", title: "Frequency (repeat purchases)", sort: "descending" },
      color: {
        field: "value",
        type: "quantitative",
        title: alive ? "P(alive)" : "Expected purchases",
        scale: { scheme: o.colorScheme ?? "blues", ...(alive ? { domain: [0, 1] } : {}) },
      },
      tooltip: [
        { field: "frequency", type: "quantitative" },
        { field: "recency", type: "quantitative" },
        { field: "value", type: "quantitative", format: ".3f" },
      ],
    },
  };
}
