/**
 * The computation run both in headless Chromium (bundled from dist/ by
 * test/browser/dist.test.ts) and in Node (from src/ through the vitest alias),
 * so the two results can be compared field by field.
 *
 * Imports only public subpaths. Everything returned is plain JSON.
 */
import { convertRate, money, roundMoney, toDayNumber } from "customer-metrics/core";

/** Plain-JSON results of the in-page computation. */
export type PageResults = Record<string, unknown>;

/** Runs the shared computation. */
export function compute(): PageResults {
  return {
    core: {
      annualChurn: convertRate(0.05, { from: "month", to: "year" }),
      money: roundMoney(money("0.1").plus("0.2").times(3)).toString(),
      day: toDayNumber("2024-03-05"),
    },
  };
}
