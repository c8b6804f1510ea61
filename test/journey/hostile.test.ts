import { describe, expect, it } from "vitest";
import { runInNewContext } from "node:vm";
import { COLEMAN_JOURNEY, journeyFunnel } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: hostile inputs.
describe("journey hostile inputs (issue 13)", () => {
  const customers = [{ firstContactAt: "2024-01-01", purchasedAt: "2024-01-11" }, { firstContactAt: "2024-01-05" }];
  it("journeyFunnel: confidence 0.9999999999999999 is out_of_range", () => {
    expectMetricsError(
      () => journeyFunnel(COLEMAN_JOURNEY, customers, { asOf: "2024-03-01", confidence: 0.9999999999999999 }),
      "out_of_range",
      ["options", "confidence"],
    );
  });
  it("a Date from another realm is accepted as a date", () => {
    const foreign = [
      { firstContactAt: runInNewContext('new Date("2024-01-01T00:00:00Z")') as Date, purchasedAt: "2024-01-11" },
      customers[1]!,
    ];
    const a = journeyFunnel(COLEMAN_JOURNEY, foreign, { asOf: "2024-03-01" });
    const b = journeyFunnel(COLEMAN_JOURNEY, customers, { asOf: "2024-03-01" });
    expect(a.steps.map((s) => s.reached)).toEqual(b.steps.map((s) => s.reached));
  });
});
