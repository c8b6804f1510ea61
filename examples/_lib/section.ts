import type { TopLevelSpec } from "vega-lite";

/**
 * A chart attached to a report section: a Vega-Lite spec built from the
 * library's plot-ready results. The HTML report (`npm run demo -- --html
 * report.html`) renders it to inline SVG; the text report ignores it.
 */
export interface DemoChart {
  /** Stable id (also the file name under docs/charts/ when the chart is in the docs). */
  readonly id: string;
  /** Caption shown under the chart. */
  readonly title: string;
  /** The Vega-Lite spec (data inline). */
  readonly spec: TopLevelSpec;
}

/**
 * A section of the customer-health report printed by `npm run demo`.
 * Each file in examples/demo/ exports one `section`; demo.ts runs them in
 * file-name order (prefix files with a number, e.g. `20-nps.ts`).
 */
export interface DemoSection {
  /** Heading of the section. */
  readonly title: string;
  /** Produces the section's text (tables, short commentary). */
  run(): string | Promise<string>;
  /**
   * Optional charts for the HTML report. A section without charts of its own
   * gets the docs catalogue's charts for its area (examples/_lib/charts/).
   */
  charts?(): readonly DemoChart[] | Promise<readonly DemoChart[]>;
}
