/**
 * Net Promoter® Score: classification, mergeable tallies, the score with
 * Wald / adjusted-Wald intervals (Rocks 2016), two-sample tests, trends per
 * period, segments and sample sizes. See docs/nps.md.
 *
 * Net Promoter®, NPS® and the NPS-related emoticons are registered trademarks
 * of Bain & Company, Inc., Fred Reichheld and Satmetrix Systems, Inc.
 *
 * @module nps
 */
export { classifyNps, type NpsCategory } from "./classifyNps.js";
export {
  npsTally,
  type NpsTally,
  type NpsTallyOptions,
  type NpsCounts,
  type NpsExclusions,
  type NpsExclusionReason,
  type NpsInvalidPolicy,
} from "./npsTally.js";
export { mergeNpsTallies } from "./mergeNpsTallies.js";
export { nps, type NpsOptions, type NpsResult, type NpsShares, type NpsIntervalMethod } from "./nps.js";
export { compareNps, type CompareNpsOptions, type NpsComparison } from "./compareNps.js";
export {
  npsTrend,
  type NpsTimedResponse,
  type NpsTrendOptions,
  type NpsTrendPeriod,
  type NpsTrendChange,
  type NpsTrendResult,
} from "./npsTrend.js";
export {
  npsBySegment,
  type NpsSegmentOf,
  type NpsBySegmentOptions,
  type NpsSegmentRow,
  type NpsBySegmentResult,
} from "./npsBySegment.js";
export { npsSampleSize, type NpsSampleSizeInput, type NpsSampleSizeResult } from "./npsSampleSize.js";
export { NpsScoreSchema, type NpsScore, NpsResponseSchema, type NpsResponse, parseNpsResponses } from "./schemas.js";
