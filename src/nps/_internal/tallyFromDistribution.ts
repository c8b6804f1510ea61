import type { NpsExclusions, NpsTally } from "../npsTally.js";

/** A tally from the counts (or weight sums) of answers 0..10: detractors 0–6, passives 7–8, promoters 9–10. */
export function tallyFromDistribution(
  dist: number[],
  n: number,
  weighted: boolean,
  sumWeights: number,
  sumSquaredWeights: number,
  excluded: NpsExclusions,
): NpsTally {
  let detractors = 0;
  for (let k = 0; k <= 6; k++) detractors += dist[k] as number;
  const passives = (dist[7] as number) + (dist[8] as number);
  const promoters = (dist[9] as number) + (dist[10] as number);
  return { promoters, passives, detractors, n, weighted, sumWeights, sumSquaredWeights, distribution: dist, excluded };
}
