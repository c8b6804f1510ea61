/**
 * Churn and retention: named churn-rate definitions, customer movements, cohort tables, revenue
 * retention, Kaplan–Meier survival with log-rank tests, and the shifted-beta-geometric model
 * (see docs/churn.md).
 *
 * @module churn
 */
export {
  churnRate,
  CHURN_RATE_METHODS,
  type ChurnRateMethod,
  type ChurnCounts,
  type DailyChurnCounts,
  type DailyChurnInput,
  type ChurnRateInput,
  type ChurnRateResult,
} from "./churnRate.js";
export { retentionRate, type RetentionRateResult } from "./retentionRate.js";
export { expectedLifetime } from "./expectedLifetime.js";
export {
  customerMovements,
  type SubscriptionRecord,
  type CustomerMovementsOptions,
  type CustomerMovementRow,
  type CustomerMovementsResult,
} from "./customerMovements.js";
export {
  cohortRetentionTally,
  type ActivityEvent,
  type SubscriptionActivity,
  type ActivityColumns,
  type CohortActivity,
  type CohortRetentionMode,
  type CohortRetentionTallyOptions,
  type CohortTallyRow,
  type CohortRetentionTally,
} from "./cohortRetentionTally.js";
export { mergeCohortRetentionTallies } from "./mergeCohortRetentionTallies.js";
export {
  cohortRetention,
  type CohortRetentionOptions,
  type CohortRetentionRow,
  type CohortAverageRow,
  type CohortRetentionResult,
} from "./cohortRetention.js";
export {
  revenueRetention,
  type RevenueMovements,
  type MrrRecord,
  type RevenueRetentionOptions,
  type RevenueRetentionCustomers,
  type RevenueRetentionResult,
} from "./revenueRetention.js";
export {
  kaplanMeier,
  type SurvivalRecord,
  type SurvivalDateRecord,
  type SurvivalColumns,
  type SurvivalInput,
  type SurvivalIntervalType,
  type KaplanMeierOptions,
  type KaplanMeierStep,
  type MedianLifetime,
  type RestrictedMeanLifetime,
  type KaplanMeierResult,
} from "./kaplanMeier.js";
export { logRankTest, type LogRankTestOptions, type LogRankGroup, type LogRankTestResult } from "./logRankTest.js";
export {
  fitShiftedBetaGeometric,
  type SbgRow,
  type SbgData,
  type SbgParams,
  type FitShiftedBetaGeometricOptions,
  type SbgDiagnostics,
  type ShiftedBetaGeometricModel,
} from "./fitShiftedBetaGeometric.js";
export { sbgLogLikelihood } from "./sbgLogLikelihood.js";
export { sbgSurvival } from "./sbgSurvival.js";
export { sbgRetention } from "./sbgRetention.js";
export { sbgExpectedLifetime, type SbgExpectedLifetimeOptions } from "./sbgExpectedLifetime.js";
export { sbgDiscountedResidualLifetime, type SbgDerlOptions } from "./sbgDiscountedResidualLifetime.js";
export { simulateSbgCohort, type SimulateSbgCohortOptions, type SimulatedSbgCohort } from "./simulateSbgCohort.js";
export {
  ChurnRateInputSchema,
  type ChurnRateInputParsed,
  parseChurnRateInput,
  SubscriptionRecordSchema,
  type SubscriptionRecordParsed,
  parseSubscriptionRecords,
  ActivityEventSchema,
  type ActivityEventParsed,
  parseActivityEvents,
  RevenueMovementsSchema,
  type RevenueMovementsParsed,
  parseRevenueMovements,
  MrrRecordSchema,
  type MrrRecordParsed,
  parseMrrRecords,
  SurvivalRecordSchema,
  type SurvivalRecordParsed,
  parseSurvivalRecords,
  SbgRowSchema,
  type SbgRowParsed,
  parseSbgRows,
} from "./schemas.js";
