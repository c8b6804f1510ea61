/**
 * Renders Vega-Lite specs to standalone SVG strings in Node: vega-lite compiles
 * the spec to Vega, vega's headless View renders it with the "none" renderer
 * and serializes SVG. No browser, no canvas (text widths are estimated).
 *
 * Used by `npm run charts` (docs/charts/*.svg) and `npm run demo -- --html`.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export type { TopLevelSpec };

/** Look shared by every chart: same font, sizes and palette in docs and report. */
export const CHART_CONFIG = {
  font: "Helvetica, Arial, sans-serif",
  background: "white",
  padding: 8,
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#e6e6e6" },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 14, anchor: "start", offset: 8 },
  range: { category: ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"] },
  view: { stroke: null },
} as const;

/**
 * Renders a Vega-Lite spec to an SVG document string. Deterministic: the same
 * spec gives the same bytes (so regenerated charts diff cleanly).
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const compiled = compile(withConfig).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return `${svg.trim()}\n`;
  } finally {
    view.finalize();
  }
}
