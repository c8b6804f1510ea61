import { describe, expect, it } from "vitest";
import {
  clvFromRetention,
  parseCacPaybackInput,
  parseClvCashflowsInput,
  parseClvFromRetentionInput,
  parseClvToCacInput,
  parseSimpleClvInput,
  simpleClv,
} from "../../src/clv/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("clv schemas", () => {
  it("accept valid untrusted input that the calculators then evaluate", () => {
    const json = JSON.parse('{"margin":{"value":"100","unit":"year"},"retentionRate":0.8,"discountRate":0.1}');
    const input = parseClvFromRetentionInput(json);
    expect(clvFromRetention(input).value.toFixed(2)).toBe("266.67");
    const s = parseSimpleClvInput({ arpa: "2000", grossMargin: 0.6, churnRate: 0.005 });
    expect(simpleClv(s).value.toString()).toBe("240000");
    expect(parseClvCashflowsInput({ margin: 5, retentionRate: 0.5, discountRate: 0, horizon: 2 }).horizon).toBe(2);
    expect(parseClvToCacInput({ clv: "3", cac: "1" })).toEqual({ clv: "3", cac: "1" });
    expect(parseCacPaybackInput({ cac: "600", margin: "96", timing: "start" }).timing).toBe("start");
  });

  it("reject invalid input with a MetricsError and path", () => {
    expectMetricsError(
      () => parseClvFromRetentionInput({ margin: "100", retentionRate: 80, discountRate: 0.1 }),
      "out_of_range",
      ["retentionRate"],
    );
    expectMetricsError(() => parseSimpleClvInput({ arpa: "100", grossMargin: 80, churnRate: 0.1 }), "out_of_range", [
      "grossMargin",
    ]);
    expectMetricsError(() => parseCacPaybackInput({ cac: "600", margin: "96", timing: "middle" }), "invalid_option", ["timing"]);
    expectMetricsError(() => parseClvToCacInput({ clv: "3", cac: "1", extra: 1 }), "invalid_input");
    expectMetricsError(() => parseClvFromRetentionInput(null), "invalid_type");
  });
});
