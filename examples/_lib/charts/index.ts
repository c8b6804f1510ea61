/**
 * The chart catalogue: every chart in the docs (docs/charts/<id>.svg, written
 * by `npm run charts`) and in the HTML report (`npm run demo -- --html`).
 * Each chart is computed from the library's public results on data from its
 * seeded simulators, so a chart can never disagree with the code.
 */
import type { TopLevelSpec } from "vega-lite";
import { BTYD_CHARTS } from "./btyd.js";
import { CHURN_CHARTS } from "./churn.js";
import { JOURNEY_CHARTS } from "./journey.js";
import { NPS_CHARTS } from "./nps.js";
import { PROJECTION_CHARTS } from "./projections.js";

/** One chart of the catalogue. */
export interface ChartDef {
  /** File name (without .svg) under docs/charts/, and the chart's id in the report. */
  readonly id: string;
  /** The library area the chart illustrates; the report shows it in that area's section. */
  readonly area: string;
  /** Caption / alt text. */
  readonly title: string;
  /** The guide that embeds the SVG. */
  readonly guide: string;
  /** Builds the Vega-Lite spec (data inline). */
  spec(): TopLevelSpec | Promise<TopLevelSpec>;
}

/** All charts, in docs order. */
export const CHARTS: readonly ChartDef[] = [
  ...NPS_CHARTS,
  ...CHURN_CHARTS,
  ...BTYD_CHARTS,
  ...PROJECTION_CHARTS,
  ...JOURNEY_CHARTS,
];
