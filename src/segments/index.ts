/**
 * Customer segments: RFM scores by quantile or cut points, named RFM segments
 * from an overridable rule table, and value × risk quadrants from model
 * outputs (see docs/segments.md).
 *
 * @module segments
 */
export {
  RfmSegmentRuleSchema,
  RfmSegmentMapSchema,
  parseRfmSegmentMap,
  type RfmScoreRange,
  type RfmSegmentRule,
  type RfmSegmentMap,
} from "./schemas.js";
export { DEFAULT_RFM_SEGMENT_MAP } from "./defaultRfmSegmentMap.js";
export { rfmScores, type RfmInputRow, type RfmCutPoints, type RfmScoresOptions, type RfmScore } from "./rfmScores.js";
export { rfmSegments, type RfmScoreInput, type RfmSegmentsOptions, type RfmSegmentRow } from "./rfmSegments.js";
export {
  valueRiskQuadrants,
  type ValueRiskInput,
  type ValueRiskOptions,
  type ValueRiskQuadrant,
  type ValueRiskQuadrantSummary,
  type ValueRiskQuadrants,
} from "./valueRiskQuadrants.js";
export { rfmFromTransactions, type RfmFromTransactionsOptions } from "./rfmFromTransactions.js";
