import { describe, expect, it } from "vitest";
import { fitBetaGeoNbd } from "../../src/btyd/index.js";
import { nps, npsTally, npsTrend } from "../../src/nps/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 12: an unknown option key is an error at ["options", key]; bad option values at ["options", name].
describe("option convention", () => {
  const responses = [
    { score: 10, at: "2024-01-05" },
    { score: 3, at: "2024-01-20" },
  ];

  it("rejects a misspelt option key instead of ignoring it", () => {
    expectMetricsError(() => nps([10, 9, 0], { confidnce: 0.9 } as never), "invalid_option", ["options", "confidnce"]);
    expectMetricsError(() => npsTrend(responses, { window: 3 } as never), "invalid_option", ["options", "window"]);
    expectMetricsError(() => npsTally([10, 9], { weight: [1, 1] } as never), "invalid_option", ["options", "weight"]);
  });

  it("still accepts the known keys (control: 2 promoters, 1 detractor of 3 → NPS 100·(2−1)/3)", () => {
    expect(nps([10, 9, 0], { confidence: 0.9 }).score).toBeCloseTo(100 / 3, 12);
  });

  it("puts btyd option errors under options", () => {
    expectMetricsError(() => fitBetaGeoNbd([{ frequency: 1, recency: 0, T: 1 }], { penalizer: -1 }), "out_of_range", [
      "options",
      "penalizer",
    ]);
  });
});
