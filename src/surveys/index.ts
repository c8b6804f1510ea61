/**
 * Surveys: typed survey definitions with reverse-scored items and indices,
 * scoring with confidence intervals and exclusion reasons, the Customer
 * Loyalty Index, CSAT, CES and yes/no checklists; every metric with a
 * mergeable tally. See docs/surveys.md.
 *
 * @module surveys
 */
export {
  SurveyScaleSchema,
  type SurveyScale,
  SurveyQuestionSchema,
  type SurveyQuestion,
  SurveyIndexMethodSchema,
  type SurveyIndexMethod,
  SurveyIndexSchema,
  type SurveyIndex,
  SurveyDefinitionSchema,
  type SurveyDefinition,
  parseSurveyDefinition,
  ChecklistItemSchema,
  type ChecklistItem,
  ChecklistSectionSchema,
  type ChecklistSection,
  ChecklistDefinitionSchema,
  type ChecklistDefinition,
  parseChecklistDefinition,
} from "./schemas.js";
export {
  ratingTally,
  type RatingTally,
  type RatingTallyOptions,
  type RatingScaleInput,
  type RatingScale,
  type RatingExclusions,
  type RatingExclusionReason,
} from "./ratingTally.js";
export { mergeRatingTallies } from "./mergeRatingTallies.js";
export { csat, type CsatMethod, type CsatOptions, type CsatResult } from "./csat.js";
export { ces, type CesMethod, type CesOptions, type CesResult } from "./ces.js";
export { reverseScore } from "./reverseScore.js";
export { normalizeScore } from "./normalizeScore.js";
export {
  customerLoyaltyIndexTally,
  type LoyaltyIndexResponse,
  type LoyaltyLevel,
  type NetCutoffs,
  type LoyaltyLevelThresholds,
  type LoyaltyIndexTallyOptions,
  type LoyaltyIndexQuestionCounts,
  type LoyaltyIndexTally,
} from "./customerLoyaltyIndexTally.js";
export { mergeLoyaltyIndexTallies } from "./mergeLoyaltyIndexTallies.js";
export {
  customerLoyaltyIndex,
  type LoyaltyIndexMethod,
  type CustomerLoyaltyIndexOptions,
  type LoyaltyIndexQuestionStats,
  type CustomerLoyaltyIndexResult,
} from "./customerLoyaltyIndex.js";
export {
  surveyTally,
  type SurveyResponse,
  type SurveyExclusionReason,
  type SurveyExcludedResponse,
  type SurveyExclusions,
  type SurveyIndexTally,
  type SurveyTally,
  type SurveyTallyOptions,
} from "./surveyTally.js";
export { mergeSurveyTallies } from "./mergeSurveyTallies.js";
export {
  scoreSurvey,
  type ScoreSurveyOptions,
  type SurveyQuestionStats,
  type SurveyIndexResult,
  type SurveyScore,
} from "./scoreSurvey.js";
export { checklistTally, type ChecklistAnswers, type ChecklistItemCounts, type ChecklistTally } from "./checklistTally.js";
export { mergeChecklistTallies } from "./mergeChecklistTallies.js";
export {
  scoreChecklist,
  type ScoreChecklistOptions,
  type ChecklistSectionScore,
  type ChecklistItemScore,
  type ChecklistScore,
} from "./scoreChecklist.js";
export { CUSTOMER_INTIMACY_CHECKLIST } from "./checklists.js";
