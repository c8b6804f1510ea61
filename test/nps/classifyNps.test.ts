import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyNps } from "../../src/nps/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("classifyNps", () => {
  // Source: Reichheld (2003) / Qualtrics NPS docs: 9–10 promoters, 7–8 passives, 0–6 detractors.
  it("classifies every answer 0..10", () => {
    const got = Array.from({ length: 11 }, (_, k) => classifyNps(k));
    expect(got).toEqual([
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });

  it("reads -0 as 0", () => {
    expect(classifyNps(-0)).toBe("detractor");
  });

  it("rejects anything that is not an integer 0..10", () => {
    expectMetricsError(() => classifyNps(11), "out_of_range", []);
    expectMetricsError(() => classifyNps(-1), "out_of_range", []);
    expectMetricsError(() => classifyNps(7.5), "not_integer", []);
    expectMetricsError(() => classifyNps(Number.NaN), "not_finite", []);
    expectMetricsError(() => classifyNps(Number.POSITIVE_INFINITY), "not_finite", []);
    expectMetricsError(() => classifyNps("9" as never), "invalid_type", []);
    expectMetricsError(() => classifyNps(null as never), "invalid_type", []);
    expectMetricsError(() => classifyNps(undefined as never), "invalid_type", []);
    expectMetricsError(() => classifyNps(4294967305), "out_of_range", []); // 2^32 + 9 must not wrap to 9
  });

  it("agrees with the threshold definition for every integer 0..10 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (s) => {
        const c = classifyNps(s);
        return c === (s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor");
      }),
    );
  });
});

describe("classifyNps on an object without a primitive value", () => {
  it("throws invalid_type, not a TypeError from the integer check", () => {
    expectMetricsError(() => classifyNps(Object.create(null) as number), "invalid_type", []);
    expectMetricsError(() => classifyNps({ valueOf: () => 9 } as unknown as number), "invalid_type", []);
  });
});
