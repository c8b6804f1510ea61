import { metricsError } from "../core/errors.js";
import { toTally } from "./_internal/toTally.js";
import { emptyExclusions, type NpsCounts, type NpsExclusionReason, type NpsTally } from "./npsTally.js";

/**
 * Combines tallies of disjoint partitions (workers, shards, SQL `GROUP BY`
 * rows, days) into the tally of their union.
 *
 * @remarks
 * Merging sums every field, so `nps(mergeNpsTallies(npsTally(a), npsTally(b)))`
 * equals `nps(npsTally([...a, ...b]))`: exactly for unweighted tallies
 * (integer counts), and up to floating-point rounding of the weight sums for
 * weighted ones. `distribution` is kept only when every input has one.
 * An unweighted tally merges with a weighted one as if its weights were 1.
 *
 * @param tallies - Tallies (or bare `{ promoters, passives, detractors }` counts) of disjoint sets of responses.
 * @returns The merged tally.
 * @throws {@link MetricsError} `empty_sample` when called with no tally; `invalid_type` / `invalid_input` / `out_of_range` / `not_integer` for a malformed tally (path `[i, field]`).
 *
 * @example
 * ```ts
 * import { mergeNpsTallies, npsTally } from "customer-metrics/nps";
 * const merged = mergeNpsTallies(npsTally([10, 9, 3]), npsTally([8, 6]), { promoters: 5, passives: 0, detractors: 1 });
 * [merged.promoters, merged.passives, merged.detractors, merged.n]; // => [7, 1, 3, 11]
 * merged.distribution; // => null
 * ```
 *
 * @category NPS
 */
export function mergeNpsTallies(...tallies: readonly NpsCounts[]): NpsTally {
  if (tallies.length === 0) throw metricsError("mergeNpsTallies", "empty_sample", [], "at least one tally");
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let n = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  let weighted = false;
  let distribution: number[] | null = new Array<number>(11).fill(0);
  const excluded = emptyExclusions();
  tallies.forEach((input, i) => {
    const t = toTally(input, "mergeNpsTallies", [i]);
    promoters += t.promoters;
    passives += t.passives;
    detractors += t.detractors;
    n += t.n;
    sumWeights += t.sumWeights;
    sumSquaredWeights += t.sumSquaredWeights;
    weighted ||= t.weighted;
    if (distribution !== null && t.distribution !== null) {
      for (let k = 0; k <= 10; k++) distribution[k] = (distribution[k] as number) + (t.distribution[k] as number);
    } else distribution = null;
    excluded.count += t.excluded.count;
    for (const r of Object.keys(excluded.byReason) as NpsExclusionReason[]) excluded.byReason[r] += t.excluded.byReason[r];
  });
  return { promoters, passives, detractors, n, weighted, sumWeights, sumSquaredWeights, distribution, excluded };
}
