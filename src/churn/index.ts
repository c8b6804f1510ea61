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
