import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/churn/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: a confidence so close to 1 that z is infinite is an error, not an Infinity.
describe("churn hostile inputs (issue 13)", () => {
  const aml = [9, 13, -13, 18, 23].map((t) => ({ duration: Math.abs(t), churned: t > 0 }));
  it("kaplanMeier: confidence 0.9999999999999999 is out_of_range", () => {
    expectMetricsError(() => kaplanMeier(aml, { confidence: 0.9999999999999999 }), "out_of_range", ["options", "confidence"]);
    expect(Number.isFinite(kaplanMeier(aml, { confidence: 0.999999999, interval: "plain" }).steps[0]!.lower)).toBe(true);
  });
});
