import { describe, expect, it } from "vitest";
import { ces, ratingTally } from "../../src/surveys/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref } from "./_ref.js";

describe("ces", () => {
  // Definitions: Nicereply (mean of 1–7), Simplesat (share of 5–7 on 1–7), Delighted (4–5 on 1–5).
  it("mean on 1–7 with a t-interval (default)", () => {
    const r = ces(ref.ces.scores);
    expect(r.method).toBe("mean");
    expectClose(r.value, 4.6, { rel: 1e-15 });
    expectClose(r.confidenceInterval?.[0] as number, ref.ces.mean.lower, { rel: 1e-9 });
    expectClose(r.confidenceInterval?.[1] as number, ref.ces.mean.upper, { rel: 1e-9 });
  });

  it("share who agree (5–7 of 7) with a Wilson interval", () => {
    const r = ces(ref.ces.scores, { method: "share-agree" });
    expect([r.value, r.agree, r.agreeMin]).toEqual([0.6, 3, 5]);
    expectClose(r.confidenceInterval?.[0] as number, ref.ces.agree.lower, { rel: 1e-12 });
  });

  it("5-point scale agrees at 4–5; reverse-oriented scales are reverse-coded", () => {
    expect(ces([5, 4, 2], { scale: 5, method: "share-agree" }).agree).toBe(2);
    const r = ces(ref.ces5Reversed.scores, { scale: { min: 1, max: 5, best: "min" } });
    expectClose(r.value, ref.ces5Reversed.mean.mean, { rel: 1e-12 });
    const s = ces(ref.ces5Reversed.scores, { scale: { min: 1, max: 5, best: "min" }, method: "share-agree" });
    expectClose(s.value, ref.ces5Reversed.agree.share, { rel: 1e-12 });
  });

  it("accepts a tally", () => {
    expect(ces(ratingTally([7, 6, 5, 3, 2], { scale: 7 }))).toEqual(ces([7, 6, 5, 3, 2]));
  });

  it("rejects bad input", () => {
    expectMetricsError(() => ces([8]), "out_of_range", [0]);
    expectMetricsError(() => ces([-1]), "out_of_range", [0]);
    expectMetricsError(() => ces([]), "empty_sample", []);
    expectMetricsError(() => ces([5], { method: "top-box" as never }), "invalid_option", ["options", "method"]);
    expectMetricsError(() => ces([5], { agreeMin: 7.5 }), "not_integer", ["options", "agreeMin"]);
    expectMetricsError(() => ces([5], { confidence: 0 }), "out_of_range", ["options", "confidence"]);
  });
});
