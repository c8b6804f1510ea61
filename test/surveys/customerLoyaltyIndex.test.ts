import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { customerLoyaltyIndex, customerLoyaltyIndexTally, mergeLoyaltyIndexTallies } from "../../src/surveys/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref } from "./_ref.js";

const rows = (list: readonly (readonly number[])[]) =>
  list.map(
    ([recommend, repurchase, tryOther]) =>
      ({ recommend, repurchase, tryOther }) as { recommend: number; repurchase: number; tryOther: number },
  );

describe("customerLoyaltyIndex", () => {
  // Published example: Totango glossary, "6, 7, 8 → CLI 7" (mean of three 0–10 answers).
  it("matches Totango's worked example", () => {
    const r = customerLoyaltyIndex(rows([[6, 7, 8]]));
    expect(r.value).toBe(7);
    expect(r.normalized).toBe(70);
    expect(r.method).toBe("mean");
    expect(r.scale).toEqual({ min: 0, max: 10, best: "max" });
    expect(r.confidenceInterval).toBeNull(); // one respondent: no interval, never NaN
  });

  it("mean method: value, interval and per-question means (reference)", () => {
    const r = customerLoyaltyIndex(rows(ref.cli.responses));
    expectClose(r.value, ref.cli.mean.mean, { rel: 1e-12 });
    expectClose(r.normalized, ref.cli.normalized, { rel: 1e-12 });
    expectClose(r.confidenceInterval?.[0] as number, ref.cli.mean.lower, { rel: 1e-9 });
    expectClose(r.confidenceInterval?.[1] as number, ref.cli.mean.upper, { rel: 1e-9 });
    expectClose(r.normalizedConfidenceInterval?.[0] as number, 10 * ref.cli.mean.lower, { rel: 1e-9 });
    expectClose(r.standardError as number, ref.cli.mean.se, { rel: 1e-9 });
    expect([r.perQuestion.recommend.mean, r.perQuestion.repurchase.mean, r.perQuestion.tryOther.mean]).toEqual(
      ref.cli.perQuestion,
    );
    expect(r.n).toBe(5);
  });

  it("net method: NPS-style nets per question, averaged (reference)", () => {
    const r = customerLoyaltyIndex(rows(ref.cli.responses), { method: "net" });
    expectClose(r.value, ref.cliNet.t.mean, { abs: 1e-12 });
    expectClose(r.confidenceInterval?.[1] as number, ref.cliNet.t.upper, { rel: 1e-9 });
    expect([r.perQuestion.recommend.net, r.perQuestion.repurchase.net, r.perQuestion.tryOther.net]).toEqual(
      ref.cliNet.perQuestionNet,
    );
    // Hand-computed: (10, 9, 7) and (3, 9, 9): nets 0, 100, 50 → 50.
    expect(
      customerLoyaltyIndex(
        rows([
          [10, 9, 7],
          [3, 9, 9],
        ]),
        { method: "net" },
      ).value,
    ).toBe(50);
    expect(
      customerLoyaltyIndex(
        rows([
          [10, 9, 7],
          [3, 9, 9],
        ]),
        { method: "net" },
      ).normalized,
    ).toBe(75);
  });

  it("1–6 scale with 1 = best (declared), normalised to 0–100 (reference)", () => {
    const r = customerLoyaltyIndex(rows(ref.cli6.responses), { scale: { min: 1, max: 6, best: "min" } });
    expectClose(r.value, ref.cli6.mean.mean, { rel: 1e-12 });
    expectClose(r.normalized, ref.cli6.normalized, { rel: 1e-12 });
    expect(r.netCutoffs).toBeNull();
    expectMetricsError(
      () => customerLoyaltyIndex(rows(ref.cli6.responses), { scale: { min: 1, max: 6 }, method: "net" }),
      "invalid_option",
      ["options", "netCutoffs"],
    );
    const n = customerLoyaltyIndex(rows([[6, 6, 1]]), {
      scale: { min: 1, max: 6 },
      method: "net",
      netCutoffs: { promoterMin: 6, detractorMax: 3 },
    });
    expectClose(n.value, 100 / 3, { rel: 1e-12 });
  });

  it("classifies each respondent's loyalty level", () => {
    const r = customerLoyaltyIndex(
      rows([
        [9, 9, 8],
        [6, 7, 8],
        [3, 5, 4],
      ]),
    );
    // Means 8.67 (86.7 → high), 7 (70 → medium), 4 (40 → low).
    expect(r.respondentLevels).toEqual(["high", "medium", "low"]);
    expect(r.levels).toEqual({ high: 1, medium: 1, low: 1 });
    const strict = customerLoyaltyIndex(rows([[9, 9, 8]]), { levelThresholds: { high: 90, medium: 50 } });
    expect(strict.respondentLevels).toEqual(["medium"]);
    expect(customerLoyaltyIndex(rows([[8, 8, 8]])).respondentLevels).toEqual(["high"]); // exactly 80
  });

  it("rejects an NPS (−100..100) passed where a 0–10 answer is expected, and other bad input", () => {
    expectMetricsError(() => customerLoyaltyIndex(rows([[42, 7, 8]])), "out_of_range", [0, "recommend"]);
    expectMetricsError(() => customerLoyaltyIndex(rows([[7, -20, 8]])), "out_of_range", [0, "repurchase"]);
    expectMetricsError(() => customerLoyaltyIndex(rows([[7, 7, 7.5]])), "not_integer", [0, "tryOther"]);
    expectMetricsError(() => customerLoyaltyIndex([{ recommend: 7, repurchase: 7 }] as never), "invalid_type", [0, "tryOther"]);
    expectMetricsError(() => customerLoyaltyIndex([{ recommend: "7", repurchase: 7, tryOther: 7 }] as never), "invalid_type", [
      0,
      "recommend",
    ]);
    expectMetricsError(() => customerLoyaltyIndex([null] as never), "invalid_type", [0]);
    expectMetricsError(() => customerLoyaltyIndex([]), "empty_sample", []);
    expectMetricsError(() => customerLoyaltyIndex(rows([[7, 7, 7]]), { method: "median" as never }), "invalid_option", [
      "options",
      "method",
    ]);
    expectMetricsError(
      () => customerLoyaltyIndex(rows([[7, 7, 7]]), { netCutoffs: { promoterMin: 5, detractorMax: 6 } }),
      "out_of_range",
      ["options", "netCutoffs", "promoterMin"],
    );
    expectMetricsError(
      () => customerLoyaltyIndex(rows([[7, 7, 7]]), { levelThresholds: { high: 50, medium: 60 } }),
      "out_of_range",
      ["options", "levelThresholds", "high"],
    );
  });

  it("skips invalid responses when asked", () => {
    const r = customerLoyaltyIndex(
      [
        ...rows([
          [7, 7, 7],
          [11, 7, 7],
        ]),
        null as never,
      ],
      { onInvalid: "skip" },
    );
    expect(r.n).toBe(1);
    expect(r.respondentLevels).toEqual(["medium", null, null]);
    expect(r.excluded.byReason.out_of_range).toBe(1);
    expect(r.excluded.byReason.invalid_type).toBe(1);
  });

  it("tallies merge exactly and score like the concatenation; normalised within 0..100 (property)", () => {
    const resp = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }));
    const part = fc.array(resp, { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("mean" as const, "net" as const),
        (parts, method) => {
          const merged = mergeLoyaltyIndexTallies(...parts.map((p) => customerLoyaltyIndexTally(rows(p))));
          expect(merged).toEqual(customerLoyaltyIndexTally(rows(parts.flat())));
          const a = customerLoyaltyIndex(merged, { method });
          const b = customerLoyaltyIndex(rows(parts.flat()), { method });
          expect({ ...a, respondentLevels: null }).toEqual({ ...b, respondentLevels: null });
          expect(a.normalized).toBeGreaterThanOrEqual(-1e-9);
          expect(a.normalized).toBeLessThanOrEqual(100 + 1e-9);
        },
      ),
    );
  });

  it("refuses to merge tallies with different settings", () => {
    const a = customerLoyaltyIndexTally(rows([[7, 7, 7]]));
    const b = customerLoyaltyIndexTally(rows([[5, 5, 5]]), { scale: { min: 1, max: 6 } });
    expectMetricsError(() => mergeLoyaltyIndexTallies(a, b), "unit_mismatch", [1]);
    expectMetricsError(() => mergeLoyaltyIndexTallies(), "empty_sample", []);
    expectMetricsError(() => customerLoyaltyIndex({ ...a, n: 2 }), "invalid_input", ["questions", "recommend"]);
  });
});
