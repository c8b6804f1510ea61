import { describe, expect, it } from "vitest";
import { sellThroughRate } from "../../src/loyalty/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("sellThroughRate", () => {
  it("units sold / units available (hand-computed)", () => {
    expect(sellThroughRate({ unitsSold: 62, unitsAvailable: 100 }).rate).toBe(0.62);
    const r = sellThroughRate(
      [
        { productId: "tee", unitsSold: 30, beginningInventory: 40, unitsReceived: 10, at: "2024-01-31" },
        { productId: "cap", unitsSold: 5, unitsAvailable: 50, at: "2024-01-15" },
        { productId: "tee", unitsSold: 10, unitsAvailable: 20, at: "2024-03-31" },
      ],
      { period: "month" },
    );
    expect([r.unitsSold, r.unitsAvailable, r.rate]).toEqual([45, 120, 0.375]);
    expect(r.byProduct).toEqual([
      { productId: "tee", unitsSold: 40, unitsAvailable: 70, rate: 4 / 7 },
      { productId: "cap", unitsSold: 5, unitsAvailable: 50, rate: 0.1 },
    ]);
    expect(r.periods?.map((p) => [p.label, p.rate])).toEqual([
      ["2024-01", 0.35],
      ["2024-02", null],
      ["2024-03", 0.5],
    ]);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => sellThroughRate([]), "empty_sample", []);
    expectMetricsError(() => sellThroughRate({ unitsSold: 101, unitsAvailable: 100 }), "out_of_range", ["unitsSold"]);
    expectMetricsError(
      () =>
        sellThroughRate([
          { unitsSold: 1, unitsAvailable: 2 },
          { unitsSold: -1, unitsAvailable: 2 },
        ]),
      "out_of_range",
      [1, "unitsSold"],
    );
    expectMetricsError(() => sellThroughRate({ unitsSold: 1 }), "invalid_input", ["unitsAvailable"]);
    expectMetricsError(() => sellThroughRate({ unitsSold: Number.NaN, unitsAvailable: 1 }), "not_finite", ["unitsSold"]);
    expectMetricsError(() => sellThroughRate({ unitsSold: "1", unitsAvailable: 1 } as never), "invalid_type", ["unitsSold"]);
    expectMetricsError(() => sellThroughRate({ unitsSold: 0, unitsAvailable: 0 }), "undefined_result", []);
    expectMetricsError(() => sellThroughRate([{ unitsSold: 1, unitsAvailable: 2 }], { period: "month" }), "invalid_date", [
      0,
      "at",
    ]);
  });
});
