/**
 * Formula-based customer lifetime value in exact money: the Gupta–Lehmann
 * retention model (closed form and explicit cash-flow tables), the quick
 * dashboard formulas, LTV:CAC and CAC payback (see docs/clv.md).
 *
 * @module clv
 */
export { clvFromRetention, type ClvFromRetentionInput, type ClvFromRetentionResult } from "./clvFromRetention.js";
export { clvCashflows, type ClvCashflowsInput, type ClvCashflowRow, type ClvCashflowTable } from "./clvCashflows.js";
export { simpleClv, type SimpleClvInput, type SimpleClvMethod, type SimpleClvResult } from "./simpleClv.js";
export { clvToCacRatio, type ClvToCacInput, type ClvToCacResult } from "./clvToCacRatio.js";
export { cacPaybackPeriods, type CacPaybackInput, type CacPaybackResult } from "./cacPaybackPeriods.js";
export type { ClvPerPeriod, ClvTiming } from "./types.js";
export {
  ClvFromRetentionInputSchema,
  parseClvFromRetentionInput,
  type ClvFromRetentionInputParsed,
  ClvCashflowsInputSchema,
  parseClvCashflowsInput,
  type ClvCashflowsInputParsed,
  SimpleClvInputSchema,
  parseSimpleClvInput,
  type SimpleClvInputParsed,
  ClvToCacInputSchema,
  parseClvToCacInput,
  type ClvToCacInputParsed,
  CacPaybackInputSchema,
  parseCacPaybackInput,
  type CacPaybackInputParsed,
} from "./schemas.js";
