import { metricsError } from "../core/errors.js";
import { checkLoyaltyIndexTally } from "./_internal/checkLoyaltyIndexTally.js";
import type { LoyaltyIndexTally } from "./customerLoyaltyIndexTally.js";
import type { RatingExclusionReason } from "./ratingTally.js";

/**
 * Combines Customer Loyalty Index tallies of disjoint partitions (exact:
 * every field is an integer sum).
 *
 * @param tallies - Tallies built with the same scale, net cut-offs and level thresholds.
 * @returns The merged tally.
 * @throws {@link MetricsError} `empty_sample` with no tally; `unit_mismatch` (path `[i]`) when settings differ; `invalid_input` etc. for a malformed tally.
 *
 * @example
 * ```ts
 * import { customerLoyaltyIndexTally, mergeLoyaltyIndexTallies } from "customer-metrics/surveys";
 * const a = customerLoyaltyIndexTally([{ recommend: 9, repurchase: 9, tryOther: 8 }]);
 * const b = customerLoyaltyIndexTally([{ recommend: 3, repurchase: 5, tryOther: 4 }]);
 * mergeLoyaltyIndexTallies(a, b).levels; // => { high: 1, medium: 0, low: 1 }
 * ```
 *
 * @category Surveys
 */
export function mergeLoyaltyIndexTallies(...tallies: readonly LoyaltyIndexTally[]): LoyaltyIndexTally {
  const fn = "mergeLoyaltyIndexTallies";
  if (tallies.length === 0) throw metricsError(fn, "empty_sample", [], "at least one tally");
  const checked = tallies.map((t, i) => checkLoyaltyIndexTally(t, fn, [i]));
  const first = checked[0] as LoyaltyIndexTally;
  const key = (t: LoyaltyIndexTally) => JSON.stringify([t.scale, t.netCutoffs, t.levelThresholds]);
  const k0 = key(first);
  const questions = {
    recommend: [...first.questions.recommend],
    repurchase: [...first.questions.repurchase],
    tryOther: [...first.questions.tryOther],
  };
  let { n, sumTotals, sumSquaredTotals, sumNet, sumSquaredNet } = first;
  const levels = { ...first.levels };
  const excluded = { count: first.excluded.count, byReason: { ...first.excluded.byReason } };
  for (let i = 1; i < checked.length; i++) {
    const t = checked[i] as LoyaltyIndexTally;
    if (key(t) !== k0)
      throw metricsError(fn, "unit_mismatch", [i], "a tally with the same scale, net cut-offs and level thresholds", key(t));
    for (const q of ["recommend", "repurchase", "tryOther"] as const) {
      t.questions[q].forEach((c, k) => {
        questions[q][k] = (questions[q][k] as number) + c;
      });
    }
    n += t.n;
    sumTotals += t.sumTotals;
    sumSquaredTotals += t.sumSquaredTotals;
    if (sumNet !== null && t.sumNet !== null) sumNet += t.sumNet;
    if (sumSquaredNet !== null && t.sumSquaredNet !== null) sumSquaredNet += t.sumSquaredNet;
    levels.high += t.levels.high;
    levels.medium += t.levels.medium;
    levels.low += t.levels.low;
    excluded.count += t.excluded.count;
    for (const r of Object.keys(excluded.byReason) as RatingExclusionReason[]) excluded.byReason[r] += t.excluded.byReason[r];
  }
  return { ...first, n, questions, sumTotals, sumSquaredTotals, sumNet, sumSquaredNet, levels, excluded };
}
