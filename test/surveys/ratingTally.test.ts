import { describe, expect, it } from "vitest";
import { mergeRatingTallies, ratingTally } from "../../src/surveys/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("ratingTally / mergeRatingTallies", () => {
  it("counts per scale point (hand-computed)", () => {
    expect(ratingTally([5, 4, 4, 2])).toEqual({
      min: 1,
      max: 5,
      counts: [0, 1, 0, 2, 1],
      n: 4,
      excluded: { count: 0, byReason: { missing: 0, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 0 } },
    });
    expect(ratingTally(Int8Array.from([-2, 0, 2]), { scale: { min: -2, max: 2 } }).counts).toEqual([1, 0, 1, 0, 1]);
  });

  it("rejects bad ratings and scales", () => {
    expectMetricsError(() => ratingTally([1, 2, 6]), "out_of_range", [2]);
    expectMetricsError(() => ratingTally([1, "2"] as never), "invalid_type", [1]);
    expectMetricsError(() => ratingTally([1, -0.5]), "not_integer", [1]);
    expectMetricsError(() => ratingTally([]), "empty_sample", []);
    expectMetricsError(() => ratingTally("12" as never), "invalid_type", []);
    expectMetricsError(() => ratingTally([1], { scale: { min: 1, max: 5000 } }), "out_of_range", ["options", "scale", "max"]);
    expectMetricsError(() => ratingTally([1], { scale: 2.5 }), "not_integer", ["options", "scale"]);
    expectMetricsError(() => ratingTally([1], { scale: { min: 0, max: 10, best: "top" as never } }), "invalid_option", [
      "options",
      "scale",
      "best",
    ]);
  });

  it("merges exactly and refuses different scales", () => {
    expect(mergeRatingTallies(ratingTally([5, 4]), ratingTally([4, 1])).counts).toEqual([1, 0, 0, 2, 1]);
    expectMetricsError(() => mergeRatingTallies(ratingTally([5]), ratingTally([5], { scale: 7 })), "unit_mismatch", [1]);
    expectMetricsError(() => mergeRatingTallies(), "empty_sample", []);
    expectMetricsError(
      () => mergeRatingTallies(ratingTally([5]), { min: 1, max: 5, counts: [0, 0, 0, 0, -1] } as never),
      "out_of_range",
      [1, "counts", 4],
    );
  });
});
