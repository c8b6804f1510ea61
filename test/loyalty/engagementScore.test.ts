import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_ENGAGEMENT_WEIGHTS, engagementScore } from "../../src/loyalty/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("engagementScore", () => {
  it("weights sum to 1 and are the documented defaults", () => {
    expect(DEFAULT_ENGAGEMENT_WEIGHTS).toEqual({
      likes: 0.1,
      shares: 0.15,
      comments: 0.15,
      emailClicks: 0.2,
      accountSignup: 0.15,
      loyaltyMember: 0.25,
    });
    expectClose(
      Object.values(DEFAULT_ENGAGEMENT_WEIGHTS).reduce((a, b) => a + b, 0),
      1,
      { abs: 1e-15 },
    );
  });

  // Hand-computed (test/fixtures/loyalty/README.md): 0.1·10/20 + 0.15·5/5 + 0.15·0 + 0.2·5/10 + 0.15·1 + 0.25·0 = 0.45.
  it("computes the weighted, saturated score", () => {
    const r = engagementScore({ likes: 10, shares: 5, comments: 0, emailClicks: 5, accountSignup: true, loyaltyMember: false });
    expectClose(r.score, 45, { abs: 1e-12 });
    expect(r.components.map((c) => c.signal)).toEqual([
      "likes",
      "shares",
      "comments",
      "emailClicks",
      "accountSignup",
      "loyaltyMember",
    ]);
    expectClose(r.components[0]?.contribution as number, 5, { abs: 1e-12 });
    expect(
      engagementScore({ likes: 1000, shares: 99, comments: 50, emailClicks: 12, accountSignup: true, loyaltyMember: true }).score,
    ).toBeCloseTo(100, 12);
    expect(engagementScore({}).score).toBe(0);
  });

  it("merges custom weights over the defaults and renormalises", () => {
    // Only loyaltyMember (0.25) and a doubled emailClicks (0.4) matter when others are 0.
    const r = engagementScore(
      { emailClicks: 10, loyaltyMember: false },
      { likes: 0, shares: 0, comments: 0, accountSignup: 0, emailClicks: 0.4 },
    );
    expectClose(r.score, (100 * 0.4) / 0.65, { rel: 1e-12 });
    const capped = engagementScore(
      { likes: 5 },
      { likes: 1, shares: 0, comments: 0, emailClicks: 0, accountSignup: 0, loyaltyMember: 0 },
      { caps: { likes: 5 } },
    );
    expect(capped.score).toBe(100);
  });

  it("rejects bad input", () => {
    expectMetricsError(() => engagementScore({ likes: -1 }), "out_of_range", ["signals", "likes"]);
    expectMetricsError(() => engagementScore({ likes: Number.NaN }), "not_finite", ["signals", "likes"]);
    expectMetricsError(() => engagementScore({ likes: "3" } as never), "invalid_type", ["signals", "likes"]);
    expectMetricsError(() => engagementScore({ loyaltyMember: "yes" } as never), "invalid_type", ["signals", "loyaltyMember"]);
    expectMetricsError(() => engagementScore({ pageViews: 3 } as never), "unknown_reference", ["signals", "pageViews"]);
    expectMetricsError(() => engagementScore(JSON.parse('{"__proto__": 1}') as never), "unsafe_key", ["signals", "__proto__"]);
    expectMetricsError(() => engagementScore({}, { likes: -0.1 }), "out_of_range", ["weights", "likes"]);
    expectMetricsError(
      () => engagementScore({}, { likes: 0, shares: 0, comments: 0, emailClicks: 0, accountSignup: 0, loyaltyMember: 0 }),
      "out_of_range",
      ["weights"],
    );
    expectMetricsError(() => engagementScore({}, {}, { caps: { likes: 0 } }), "out_of_range", ["options", "caps", "likes"]);
    expectMetricsError(() => engagementScore({}, {}, { caps: { loyaltyMember: 3 } as never }), "unknown_reference", [
      "options",
      "caps",
      "loyaltyMember",
    ]);
    expectMetricsError(() => engagementScore(null as never), "invalid_type", ["signals"]);
  });

  it("score stays within 0..100 and is monotone in each count (property)", () => {
    const count = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        fc.boolean(),
        fc.boolean(),
        (likes, shares, comments, emailClicks, accountSignup, loyaltyMember) => {
          const s = { likes, shares, comments, emailClicks, accountSignup, loyaltyMember };
          const a = engagementScore(s).score;
          const b = engagementScore({ ...s, likes: likes + 1 }).score;
          return a >= 0 && a <= 100 && b >= a - 1e-12;
        },
      ),
    );
  });
});
