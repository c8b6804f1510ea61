import { metricsError } from "../core/errors.js";
import { assertIntegerInRange, assertOneOf, assertKnownOptions } from "../core/guards.js";
import { fromDayNumber, toDayNumber, type DateInput } from "../core/time.js";
import { createRng } from "../math/index.js";
import type { ColemanJourneySignals } from "./colemanJourney.js";

/**
 * Options of {@link simulateColemanCustomers}.
 *
 * @category Journey
 */
export interface SimulateColemanOptions {
  /** Seed of the random generator (same seed, same customers). */
  readonly seed: number;
  /** The snapshot day: no date is later. */
  readonly asOf: DateInput;
  /** First contacts are spread uniformly over this many days before `asOf`. @defaultValue `180` */
  readonly horizonDays?: number;
  /** Dates as ISO `YYYY-MM-DD` strings or as epoch milliseconds (faster to read in large batches). @defaultValue `"iso"` */
  readonly dates?: "iso" | "epoch-ms";
}

const MS_PER_DAY = 86_400_000;

/**
 * Probability of moving on to each stage after the previous one, and the
 * mean delay in days after the previous stage.
 * Illustrative, like the model's defaults.
 */
const STEPS: ReadonlyArray<readonly [keyof ColemanJourneySignals, number, number]> = [
  ["affirmedAt", 0.85, 1],
  ["onboardingStartedAt", 0.85, 4],
  ["onboardingCompletedAt", 0.8, 10],
  ["firstValueAt", 0.75, 15],
  ["repeatPurchaseAt", 0.6, 25],
  ["firstReferralAt", 0.45, 25],
];

/**
 * Seeded synthetic customers for {@link COLEMAN_JOURNEY}: prospects who may
 * buy, then move through the stages with illustrative probabilities and
 * delays, with some gaps in the records, NPS answers that improve with
 * progress, and activity dates. For demos, tests and benchmarks.
 *
 * @remarks
 * Each customer gets a first contact uniformly in the `horizonDays` before
 * `asOf`; 60% buy after an exponential delay (mean 10 days); each later stage
 * follows the previous one with probability 0.85, 0.85, 0.8, 0.75, 0.6, 0.45
 * after exponential delays from the previous stage (means 1, 4, 10, 15, 25
 * and 25 days: about days 1, 5, 15, 30, 55 and 80 after the purchase). 10% of affirmations are not recorded (so
 * `skippedStages` occurs). Events after `asOf` have not happened yet. Half the
 * customers who bought answered the NPS question, more favourably the further
 * they got (mean answer 6.1 right after the purchase, 9.7 in Advocacy). Uses
 * `createRng` from the math area.
 *
 * @param n - Number of customers (1 to 10,000,000).
 * @param options - `seed`, `asOf` (required), `horizonDays`, `dates`.
 * @returns `n` snapshots with `customerId` 0..n−1.
 * @throws {@link MetricsError} `out_of_range` / `not_integer` for `n` or `horizonDays`; `invalid_date` for `asOf`;
 * `invalid_type` for a non-number seed; `invalid_option` for `dates`.
 *
 * @example
 * ```ts
 * import { simulateColemanCustomers, journeyDistribution, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const customers = simulateColemanCustomers(1000, { seed: 7, asOf: "2024-06-30" });
 * customers.length; // => 1000
 * journeyDistribution(COLEMAN_JOURNEY, customers, { asOf: "2024-06-30" }).n; // => 1000
 * ```
 *
 * @category Journey
 */
export function simulateColemanCustomers(n: number, options: SimulateColemanOptions): ColemanJourneySignals[] {
  const fn = "simulateColemanCustomers";
  assertIntegerInRange(n, 1, 10_000_000, fn, ["n"]);
  if (options === null || typeof options !== "object")
    throw metricsError(fn, "invalid_type", ["options"], "an options object { seed, asOf }", options);
  assertKnownOptions(options, ["asOf", "dates", "horizonDays", "seed"], "simulateColemanCustomers");
  if (typeof options.seed !== "number" || !Number.isFinite(options.seed))
    throw metricsError(fn, "invalid_type", ["options", "seed"], "a finite number", options.seed);
  const asOf = toDayNumber(options.asOf, { fn, path: ["options", "asOf"] });
  const horizon =
    options.horizonDays === undefined
      ? 180
      : assertIntegerInRange(options.horizonDays, 0, 100_000, fn, ["options", "horizonDays"]);
  const iso =
    (options.dates === undefined ? "iso" : assertOneOf(options.dates, ["iso", "epoch-ms"] as const, fn, ["options", "dates"])) ===
    "iso";
  const rng = createRng(options.seed);
  const out = new Array<ColemanJourneySignals>(n);
  const put = (day: number): string | number => (iso ? fromDayNumber(day) : day * MS_PER_DAY);
  for (let i = 0; i < n; i++) {
    const c: Record<string, string | number> = { customerId: i };
    const contact = asOf - rng.int(horizon + 1);
    c["firstContactAt"] = put(contact);
    let last = contact;
    let progress = 0;
    if (rng.next() < 0.6) {
      const purchase = contact + Math.floor(rng.exponential(1 / 10));
      if (purchase <= asOf) {
        c["purchasedAt"] = put(purchase);
        last = purchase;
        progress = 1;
        let t = purchase;
        for (const [key, p, mean] of STEPS) {
          if (!(rng.next() < p)) break;
          t += Math.floor(rng.exponential(1 / mean));
          if (t > asOf) break;
          progress++;
          last = t;
          if (key === "affirmedAt" && rng.next() < 0.1) continue; // not recorded
          c[key] = put(t);
          if (key === "firstReferralAt") c["referralCount"] = 1 + rng.poisson(0.6);
        }
      }
    }
    if (rng.next() < 0.5) {
      const noise = rng.normal(0, 2);
      // Only customers (not prospects) answer; answers rise with progress (mean 6.1 after the purchase, 9.7 in Advocacy).
      if (progress >= 1) c["npsScore"] = Math.min(10, Math.max(0, Math.round(5.5 + 0.6 * progress + noise)));
    }
    c["lastActiveAt"] = put(Math.min(asOf, last + Math.floor(rng.exponential(1 / 12))));
    out[i] = c as ColemanJourneySignals;
  }
  return out;
}
