import { colorScale, header, num, plotOptions, rowsOf, str } from "./_internal/common.js";
import type { PlotOptions, RepeatPurchaseHistogramInput, VegaLiteSpec } from "./types.js";

const FN = "repeatPurchaseHistogramPlot";

/**
 * Vega-Lite spec of grouped bars: customers by number of repeat purchases,
 * actual vs expected by the model.
 *
 * @remarks Data rows are `{ label, purchases, series: "actual" | "expected", customers }`; bars follow the input order.
 * @param histogram - The histogram diagnostic (`rows`).
 * @param options - Title, size, colour scheme.
 * @returns A Vega-Lite spec (plain JSON, data inline).
 * @throws {@link MetricsError} `invalid_type` / `not_finite` / `empty_sample` for a bad result; `invalid_option` at `["options", key]`.
 * @example
 * import { repeatPurchaseHistogramPlot } from "customer-metrics/plots";
 * const spec = repeatPurchaseHistogramPlot({ rows: [{ purchases: 0, label: "0", actual: 10, expected: 9.5 }] });
 * (spec.data as { values: unknown[] }).values; // => [{ label: "0", purchases: 0, series: "actual", customers: 10 }, { label: "0", purchases: 0, series: "expected", customers: 9.5 }]
 * @category Plots
 */
export function repeatPurchaseHistogramPlot(histogram: RepeatPurchaseHistogramInput, options?: PlotOptions): VegaLiteSpec {
  const o = plotOptions(options, FN, "Customers by repeat purchases: actual vs expected");
  const rows = rowsOf(histogram, "rows", FN);
  const values: Record<string, unknown>[] = [];
  const order: string[] = [];
  rows.forEach((r, i) => {
    const label = str(r["label"], FN, ["rows", i, "label"]);
    const purchases = num(r["purchases"], FN, ["rows", i, "purchases"]);
    const a = num(r["actual"], FN, ["rows", i, "actual"]);
    const e = num(r["expected"], FN, ["rows", i, "expected"]);
    order.push(label);
    values.push({ label, purchases, series: "actual", customers: a }, { label, purchases, series: "expected", customers: e });
  });
  return {
    ...header(o),
    data: { values },
    mark: "bar",
    encoding: {
      x: { field: "label", type: "ordinal", title: "Repeat purchases", sort: order, axis: { labelAngle: 0 } },
      xOffset: { field: "series", type: "nominal" },
      y: { field: "customers", type: "quantitative", title: "Customers" },
      color: { field: "series", type: "nominal", title: null, scale: colorScale(o) },
    },
  };
}
