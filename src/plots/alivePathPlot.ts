import { metricsError } from "../core/errors.js";
import { header, num, plotOptions, rowsOf } from "./_internal/common.js";
import type { AlivePathInput, PlotOptions, VegaLiteSpec } from "./types.js";

const FN = "alivePathPlot";

/**
 * Vega-Lite spec of one customer's P(alive) over time, with a tick at each purchase.
 *
 * @remarks Data rows are `{ t, probabilityAlive, purchase }`.
 * @param path - The alive-path diagnostic (`rows`).
 * @param options - Title, size, colour scheme (unused: one series).
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `out_of_range` / `empty_sample` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { alivePathPlot } from "customer-metrics/plots";
 * const spec = alivePathPlot({ rows: [{ t: 0, probabilityAlive: 1, purchase: true }, { t: 1, probabilityAlive: 0.8, purchase: false }] });
 * (spec.data as { values: unknown[] }).values.length; // => 2
 * @category Plots
 */
export function alivePathPlot(path: AlivePathInput, options?: PlotOptions): VegaLiteSpec {
  const o = plotOptions(options, FN, "P(alive) over time");
  const rows = rowsOf(path, "rows", FN);
  const values = rows.map((r, i) => {
    const p = num(r["probabilityAlive"], FN, ["rows", i, "probabilityAlive"]);
    if (p < 0 || p > 1) throw metricsError(FN, "out_of_range", ["rows", i, "probabilityAlive"], "a probability in [0, 1]", p);
    if (typeof r["purchase"] !== "boolean")
      throw metricsError(FN, "invalid_type", ["rows", i, "purchase"], "a boolean", r["purchase"]);
    return { t: num(r["t"], FN, ["rows", i, "t"]), probabilityAlive: p, purchase: r["purchase"] };
  });
  return {
    ...header(o),
    data: { values },
    encoding: { x: { field: "t", type: "quantitative", title: "Time since first purchase" } },
    layer: [
      {
        mark: { type: "line", color: "#4c78a8" },
        encoding: { y: { field: "probabilityAlive", type: "quantitative", title: "P(alive)", scale: { domain: [0, 1] } } },
      },
      {
        transform: [{ filter: "datum.purchase" }],
        mark: { type: "rule", color: "#f58518", strokeDash: [3, 2] },
      },
    ],
  };
}
