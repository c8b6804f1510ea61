import { describe, expect, it } from "vitest";
import { cacPaybackPeriods } from "../../src/clv/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: hostile inputs. Each reproducer is a MetricsError or a finite result.
describe("clv hostile inputs (issue 13)", () => {
  it("a margin tiny next to CAC is undefined_result, not a hang", () => {
    const t0 = Date.now();
    expectMetricsError(() => cacPaybackPeriods({ cac: "600", margin: "1e-30" }), "undefined_result", ["margin"]);
    expectMetricsError(
      () => cacPaybackPeriods({ cac: "600", margin: "1e-30", retentionRate: 1, marginGrowth: 1e-40 }),
      "undefined_result",
      ["margin"],
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("the limit is 10^9 periods: exactly 10^9 is computed, 10^9 + 1 is not", () => {
    // 1e9 × 1 = 1e9 reaches CAC in exactly 1e9 periods (hand-computed: CAC ÷ margin).
    expect(cacPaybackPeriods({ cac: "1000000000", margin: "1" }).wholePeriods).toBe(1_000_000_000);
    expectMetricsError(() => cacPaybackPeriods({ cac: "1000000001", margin: "1" }), "undefined_result", ["margin"]);
  });
});
