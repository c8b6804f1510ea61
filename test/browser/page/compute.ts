/**
 * The computation run both in headless Chromium (bundled from dist/ by
 * test/browser/dist.test.ts) and in Node (from src/ through the vitest alias),
 * so the two results can be compared field by field.
 *
 * Imports only public subpaths (five of them). Everything returned is plain JSON.
 */
import { fitBetaGeoNbd, simulateBetaGeoNbd, summarizeTransactionColumns } from "customer-metrics/btyd";
import { kaplanMeier, simulateSbgCohort } from "customer-metrics/churn";
import { convertRate, money, roundMoney, toDayNumber } from "customer-metrics/core";
import { createRng } from "customer-metrics/math";
import { mergeNpsTallies, nps, npsTally } from "customer-metrics/nps";

/** Plain-JSON results of the in-page computation. */
export type PageResults = Record<string, unknown>;

/** Runs the shared computation. */
export function compute(): PageResults {
  // NPS: 5,000 seeded answers, tallied in two halves and merged.
  const rng = createRng(11);
  const scores = Uint8Array.from({ length: 5000 }, () => (rng.next() < 0.45 ? 9 + rng.int(2) : rng.int(9)));
  const score = nps(scores);
  const merged = nps(mergeNpsTallies(npsTally(scores.subarray(0, 2000)), npsTally(scores.subarray(2000))));

  // Kaplan–Meier on a seeded sBG cohort with censoring.
  const cohort = simulateSbgCohort({ alpha: 0.8, beta: 2.5 }, { size: 400, periods: 12, seed: 5 });
  const records = cohort.lifetimes.map((t, i) =>
    t <= 12 - (i % 6) ? { duration: t, churned: true } : { duration: 12 - (i % 6), churned: false },
  );
  const km = kaplanMeier(records);

  // BG/NBD: simulate, summarize, fit.
  const log = simulateBetaGeoNbd({ r: 0.5, alpha: 40, a: 0.7, b: 3 }, { customers: 2000, seed: 3, observationDays: 365 });
  const summary = summarizeTransactionColumns(log, { asOf: log.asOf, unit: "week" });
  const fit = fitBetaGeoNbd({ frequency: summary.frequency, recency: summary.recency, T: summary.T });

  return {
    core: {
      annualChurn: convertRate(0.05, { from: "month", to: "year" }),
      money: roundMoney(money("0.1").plus("0.2").times(3)).toString(),
      day: toDayNumber("2024-03-05"),
    },
    nps: {
      score: score.score,
      n: score.n,
      promoters: score.promoters,
      detractors: score.detractors,
      standardError: score.standardError,
      confidenceInterval: score.confidenceInterval,
      mergedScore: merged.score,
      mergedInterval: merged.confidenceInterval,
    },
    kaplanMeier: {
      n: km.n,
      events: km.events,
      median: km.median,
      restrictedMean: km.restrictedMean,
      steps: km.steps,
    },
    bgNbd: {
      customers: summary.customer.length,
      params: fit.params,
      logLikelihood: fit.logLikelihood,
      standardErrors: fit.standardErrors,
      converged: fit.diagnostics.converged,
      iterations: fit.diagnostics.iterations,
    },
  };
}
