/**
 * The `btyd` area (see docs/btyd.md): transaction summaries and buy-till-you-die models.
 *
 * @module btyd
 */
export { summarizeTransactions } from "./summarizeTransactions.js";
export { summarizeTransactionColumns } from "./summarizeTransactionColumns.js";
export type {
  BtydTransaction,
  BtydTransactionColumns,
  CustomerSummary,
  SummarizeTransactionsOptions,
  TransactionColumnsSummary,
} from "./summaryTypes.js";
export { fitBetaGeoNbd } from "./bgNbd/fitBetaGeoNbd.js";
export { fitModifiedBetaGeoNbd } from "./mbgNbd/fitModifiedBetaGeoNbd.js";
export type {
  BetaGeoParams,
  ParetoNbdParams,
  BetaGeoBetaBinomialParams,
  BtydModelSpec,
  BtydModelTag,
  BtydFitDiagnostics,
  BtydFitCommon,
  BetaGeoNbdModel,
  ModifiedBetaGeoNbdModel,
  ParetoNbdModel,
  BetaGeoBetaBinomialModel,
  BtydFitOptions,
  BtydSummaryRow,
  BtydSummaryColumns,
  BtydDiscreteRow,
  BtydDiscreteColumns,
  BtydCustomer,
  BtydCustomerColumns,
} from "./modelTypes.js";
export { fitParetoNbd } from "./paretoNbd/fitParetoNbd.js";
export { fitBetaGeoBetaBinomial } from "./bgBb/fitBetaGeoBetaBinomial.js";
export { fitGammaGamma } from "./gammaGamma/fitGammaGamma.js";
export { expectedAverageSpend, type GammaGammaSpec, type SpendCustomer } from "./gammaGamma/expectedAverageSpend.js";
export { gammaGammaLogLikelihood } from "./gammaGamma/gammaGammaLogLikelihood.js";
export {
  simulateGammaGammaSpend,
  type SimulateGammaGammaOptions,
  type SimulatedSpend,
} from "./gammaGamma/simulateGammaGammaSpend.js";
export type {
  GammaGammaParams,
  GammaGammaRow,
  GammaGammaColumns,
  FitGammaGammaOptions,
  GammaGammaDiagnostics,
  GammaGammaModel,
} from "./gammaGamma/types.js";
export { expectedPurchases } from "./expectedPurchases.js";
export { conditionalExpectedPurchases } from "./conditionalExpectedPurchases.js";
export { probabilityAlive } from "./probabilityAlive.js";
export { probabilityOfPurchases } from "./probabilityOfPurchases.js";
export { conditionalExpectedPurchasesBatch } from "./conditionalExpectedPurchasesBatch.js";
export { probabilityAliveBatch } from "./probabilityAliveBatch.js";
export { btydLogLikelihood } from "./btydLogLikelihood.js";
export { simulateBetaGeoNbd } from "./bgNbd/simulateBetaGeoNbd.js";
export { simulateParetoNbd } from "./paretoNbd/simulateParetoNbd.js";
export type { SimulateTransactionsOptions, SimulatedTransactions } from "./simulationTypes.js";
export {
  calibrationHoldoutAccuracy,
  type HoldoutCustomer,
  type CalibrationHoldoutOptions,
  type HoldoutBucket,
  type CalibrationHoldoutResult,
} from "./calibrationHoldoutAccuracy.js";
export {
  customerLifetimeValue,
  type ClvCustomer,
  type ClvHorizon,
  type CustomerLifetimeValueInput,
  type CustomerLifetimeValueRow,
} from "./customerLifetimeValue.js";
export {
  customerLifetimeValueBatch,
  type ClvCustomerColumns,
  type CustomerLifetimeValueBatchInput,
  type CustomerLifetimeValueBatchResult,
} from "./customerLifetimeValueBatch.js";
export {
  customerLifetimeValueInterval,
  type ClvIntervalOptions,
  type ClvIntervalRow,
  type ClvIntervalResult,
} from "./customerLifetimeValueInterval.js";
export { topCustomersByValue, type CustomerValueColumns, type TopCustomerRow } from "./topCustomersByValue.js";
export {
  BtydTransactionSchema,
  BtydTransactionsSchema,
  BtydSummaryRowSchema,
  BtydDiscreteRowSchema,
  SummarizeTransactionsOptionsSchema,
  parseBtydTransactions,
  parseBtydSummaryRows,
  type BtydTransactionData,
  type BtydTransactionsData,
  type BtydSummaryRowData,
  type BtydDiscreteRowData,
  type SummarizeTransactionsOptionsData,
} from "./schemas.js";
