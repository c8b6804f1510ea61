import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import {
  alivePathPlot,
  calibrationHoldoutPlot,
  frequencyRecencyHeatmapPlot,
  repeatPurchaseHistogramPlot,
  sbgActualFittedPlot,
  trackingPlot,
} from "../../src/plots/index.js";

// Each spec is compiled by vega-lite 6.5 and rendered to SVG by vega 6.4 (as
// `npm run charts` does); the expected data values are written out from the input.
async function render(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), {
    renderer: "none",
    logLevel: vega.Error,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
const valuesOf = (spec: Record<string, unknown>): unknown[] => (spec["data"] as { values: unknown[] }).values;

const tracking = {
  unit: "week" as const,
  calibrationEnd: 2,
  rows: [
    { period: 1, actual: 3, expected: 2.5, actualCumulative: 3, expectedCumulative: 2.5 },
    { period: 2, actual: 1, expected: 2, actualCumulative: 4, expectedCumulative: 4.5 },
  ],
};

describe("plots: compile, render, data values", () => {
  it("trackingPlot cumulative (default) and incremental", async () => {
    const spec = trackingPlot(tracking, { title: "T", width: 300, height: 100, colorScheme: "tableau10" });
    expect(valuesOf(spec)).toEqual([
      { period: 1, series: "actual", purchases: 3 },
      { period: 1, series: "expected", purchases: 2.5 },
      { period: 2, series: "actual", purchases: 4 },
      { period: 2, series: "expected", purchases: 4.5 },
    ]);
    expect([spec["title"], spec["width"], spec["height"]]).toEqual(["T", 300, 100]);
    expect(await render(spec)).toContain("<svg");
    const inc = trackingPlot(tracking, { cumulative: false });
    expect(valuesOf(inc).map((v) => (v as { purchases: number }).purchases)).toEqual([3, 2.5, 1, 2]);
    expect(await render(inc)).toContain("<svg");
  });
  it("repeatPurchaseHistogramPlot", async () => {
    const spec = repeatPurchaseHistogramPlot({
      rows: [
        { purchases: 0, label: "0", actual: 10, expected: 9.5 },
        { purchases: 1, label: "1+", actual: 4, expected: 4.5 },
      ],
    });
    expect(valuesOf(spec)).toEqual([
      { label: "0", purchases: 0, series: "actual", customers: 10 },
      { label: "0", purchases: 0, series: "expected", customers: 9.5 },
      { label: "1+", purchases: 1, series: "actual", customers: 4 },
      { label: "1+", purchases: 1, series: "expected", customers: 4.5 },
    ]);
    expect(await render(spec)).toContain("1+");
  });
  it("calibrationHoldoutPlot", async () => {
    const spec = calibrationHoldoutPlot({
      rows: [{ frequency: 0, label: "0", customers: 50, actualMean: 0.2, expectedMean: 0.25 }],
    });
    expect(valuesOf(spec)).toEqual([
      { label: "0", frequency: 0, customers: 50, series: "actual", mean: 0.2 },
      { label: "0", frequency: 0, customers: 50, series: "expected", mean: 0.25 },
    ]);
    expect(await render(spec)).toContain("<svg");
  });
  it("frequencyRecencyHeatmapPlot for both kinds", async () => {
    const cells = [
      { frequency: 1, recency: 5, value: 0.6 },
      { frequency: 1, recency: 10, value: 1 },
    ];
    const spec = frequencyRecencyHeatmapPlot({ kind: "probability-alive", T: 10, frequencies: [1], recencies: [5, 10], cells });
    expect(valuesOf(spec)).toEqual(cells);
    expect(spec["title"]).toBe("P(alive) by frequency and recency (T = 10)");
    expect(await render(spec)).toContain("<svg");
    const e = frequencyRecencyHeatmapPlot({
      kind: "expected-purchases",
      T: 10,
      horizon: 4,
      frequencies: [1],
      recencies: [5, 10],
      cells,
    });
    expect(e["title"]).toBe("Expected purchases in 4 periods by frequency and recency (T = 10)");
    expect(await render(e)).toContain("<svg");
  });
  it("alivePathPlot", async () => {
    const rows = [
      { t: 0, probabilityAlive: 1, purchase: true },
      { t: 1, probabilityAlive: 0.8, purchase: false },
    ];
    const spec = alivePathPlot({ rows });
    expect(valuesOf(spec)).toEqual(rows);
    expect(await render(spec)).toContain("<svg");
  });
  it("sbgActualFittedPlot with the calibration rule", async () => {
    const spec = sbgActualFittedPlot(
      {
        rows: [
          { period: 0, actualSurvival: 1, fittedSurvival: 1 },
          { period: 1, actualSurvival: 0.6, fittedSurvival: 0.63 },
        ],
      },
      { calibrationEnd: 1 },
    );
    expect(valuesOf(spec)).toEqual([
      { period: 0, series: "actual", survival: 1 },
      { period: 0, series: "sBG", survival: 1 },
      { period: 1, series: "actual", survival: 0.6 },
      { period: 1, series: "sBG", survival: 0.63 },
    ]);
    expect(await render(spec)).toContain("<svg");
  });
});

describe("plots: bad input", () => {
  const code = (f: () => unknown): [string, unknown] => {
    try {
      f();
    } catch (e) {
      const m = e as { code: string; path: unknown; name: string };
      expect(m.name).toBe("MetricsError");
      return [m.code, m.path];
    }
    throw new Error("no throw");
  };
  it("unknown and bad options", () => {
    expect(code(() => trackingPlot(tracking, { colour: "x" } as never))).toEqual(["invalid_option", ["options", "colour"]]);
    expect(code(() => alivePathPlot({ rows: [{ t: 0, probabilityAlive: 1, purchase: true }] }, { width: -1 }))).toEqual([
      "invalid_option",
      ["options", "width"],
    ]);
    expect(code(() => sbgActualFittedPlot({ rows: [] }, { bogus: 1 } as never))).toEqual([
      "invalid_option",
      ["options", "bogus"],
    ]);
  });
  it("bad result objects", () => {
    expect(code(() => repeatPurchaseHistogramPlot(null as never))).toEqual(["invalid_type", []]);
    expect(code(() => calibrationHoldoutPlot({ rows: [] }))).toEqual(["empty_sample", ["rows"]]);
    expect(code(() => trackingPlot({ ...tracking, rows: [{ ...tracking.rows[0]!, actualCumulative: Number.NaN }] }))).toEqual([
      "not_finite",
      ["rows", 0, "actualCumulative"],
    ]);
    expect(code(() => alivePathPlot({ rows: [{ t: 0, probabilityAlive: 2, purchase: true }] }))).toEqual([
      "out_of_range",
      ["rows", 0, "probabilityAlive"],
    ]);
    expect(
      code(() =>
        frequencyRecencyHeatmapPlot({
          kind: "x",
          T: 1,
          frequencies: [],
          recencies: [],
          cells: [{ frequency: 0, recency: 0, value: 0 }],
        } as never),
      ),
    ).toEqual(["invalid_input", ["kind"]]);
  });
});
