import { describe, expect, it } from "vitest";
import {
  calibrationHoldoutAccuracy,
  conditionalExpectedPurchases,
  fitBetaGeoNbd,
  simulateBetaGeoNbd,
  summarizeTransactions,
} from "../../src/btyd/index.js";
import { fromDayNumber } from "../../src/core/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

describe("calibrationHoldoutAccuracy", () => {
  const bg = { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;

  it("averages actual, predicted and naive holdout purchases per calibration-frequency bucket (hand-computed)", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38, frequencyHoldout: 0, durationHoldout: 39 },
      { frequency: 0, recency: 0, T: 20, frequencyHoldout: 2, durationHoldout: 39 },
      { frequency: 9, recency: 30, T: 38, frequencyHoldout: 5, durationHoldout: 39 },
    ];
    const acc = calibrationHoldoutAccuracy(bg, rows, { maxFrequencyBucket: 3 });
    const p = rows.map((r) => conditionalExpectedPurchases(bg, r, 39));
    expect(acc.buckets.map((b) => [b.frequency, b.orMore, b.customers])).toEqual([
      [0, false, 2],
      [3, true, 1],
    ]);
    expectClose(acc.buckets[0]?.predicted as number, ((p[0] as number) + (p[1] as number)) / 2, { rel: 1e-15 });
    expectClose(acc.buckets[0]?.actual as number, 1, { rel: 0 });
    expectClose(acc.buckets[1]?.naive as number, (9 / 38) * 39, { rel: 1e-15 });
    expectClose(acc.mae, (Math.abs((p[0] as number) - 0) + Math.abs((p[1] as number) - 2) + Math.abs((p[2] as number) - 5)) / 3, {
      rel: 1e-14,
    });
    expectClose(acc.naiveMae, (0 + 2 + Math.abs((9 / 38) * 39 - 5)) / 3, { rel: 1e-14 });
    expect(acc.totalActual).toBe(7);
    expect(acc.n).toBe(3);
  });

  it("beats the naive forecast on simulated BG/NBD data (calibration 273 days, holdout 182)", () => {
    const log = simulateBetaGeoNbd(
      { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
      { customers: 20_000, seed: 5, acquisitionDays: 60, observationDays: 455 },
    );
    const tx = Array.from(log.day, (d, i) => ({ customerId: log.customer[i] as number, at: fromDayNumber(d) }));
    const calEnd = fromDayNumber(19723 + 272);
    const rows = summarizeTransactions(tx, { asOf: log.asOf, unit: "day", calibrationEnd: calEnd });
    const model = fitBetaGeoNbd(rows);
    const acc = calibrationHoldoutAccuracy(model, rows as never);
    expect(acc.mae).toBeLessThan(acc.naiveMae);
    expect(Math.abs(acc.totalPredicted - acc.totalActual) / acc.totalActual).toBeLessThan(0.08);
  });

  it("rejects bad rows and options", () => {
    expectMetricsError(() => calibrationHoldoutAccuracy(bg, []), "empty_sample", ["customers"]);
    expectMetricsError(
      () => calibrationHoldoutAccuracy(bg, [{ frequency: 0, recency: 0, T: 1, frequencyHoldout: -1, durationHoldout: 1 }]),
      "out_of_range",
      [0, "frequencyHoldout"],
    );
    expectMetricsError(
      () =>
        calibrationHoldoutAccuracy(bg, [{ frequency: 0, recency: 0, T: 1, frequencyHoldout: 1, durationHoldout: Number.NaN }]),
      "not_finite",
      [0, "durationHoldout"],
    );
    expectMetricsError(
      () => calibrationHoldoutAccuracy(bg, [{ frequency: 0, recency: 1, T: 1, frequencyHoldout: 1, durationHoldout: 1 }]),
      "invalid_input",
      [0, "recency"],
    );
    expectMetricsError(
      () =>
        calibrationHoldoutAccuracy(bg, [{ frequency: 0, recency: 0, T: 1, frequencyHoldout: 1, durationHoldout: 1 }], {
          maxFrequencyBucket: -1,
        }),
      "invalid_option",
      ["options", "maxFrequencyBucket"],
    );
  });
});
