/**
 * Retention-to-profit projections in exact money: period-by-period customer
 * and profit tables from explicit assumptions, a customer's profit by tenure,
 * retention scenarios and sensitivity grids, a CX → loyalty → revenue model
 * and Bain's Earned Growth Rate (see docs/projections.md).
 *
 * @module projections
 */
export {
  projectRetentionProfit,
  type ProjectionPeriodRow,
  type ProjectionTotals,
  type ProjectionResult,
} from "./projectRetentionProfit.js";
export {
  customerProfitByTenure,
  type TenureProfitRow,
  type TenureProfitTotals,
  type TenureProfitResult,
} from "./customerProfitByTenure.js";
export {
  compareRetentionScenarios,
  type RetentionScenarioOptions,
  type RetentionUpliftRow,
  type RetentionUplift,
  type RetentionScenarioComparison,
} from "./compareRetentionScenarios.js";
export {
  retentionSensitivity,
  type RetentionSensitivityOptions,
  type SensitivityMetric,
  type SensitivityCell,
  type TornadoBar,
  type RetentionSensitivityResult,
} from "./retentionSensitivity.js";
export { cxRevenueImpact, type CxImpactYear, type CxImpactDrivers, type CxRevenueImpactResult } from "./cxRevenueImpact.js";
export { earnedGrowthRate, type EarnedGrowthRateResult } from "./earnedGrowthRate.js";
export type { ProjectionPlotPoint, ProfitComponentAmounts } from "./types.js";
export {
  ProjectionAssumptionsSchema,
  parseProjectionAssumptions,
  type ProjectionAssumptions,
  ProfitComponentSchema,
  type ProfitComponent,
  ProfitPerCustomerSchema,
  type ProfitPerCustomer,
  RetentionAssumptionSchema,
  type RetentionAssumption,
  NewCustomersAssumptionSchema,
  type NewCustomersAssumption,
  StartingCustomersSchema,
  type StartingCustomers,
  CxRevenueImpactInputSchema,
  parseCxRevenueImpactInput,
  type CxRevenueImpactInput,
  EarnedGrowthRateInputSchema,
  parseEarnedGrowthRateInput,
  type EarnedGrowthRateInput,
} from "./schemas.js";
