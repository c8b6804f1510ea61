/**
 * Loyalty signals: engagement score, repeat-purchase rate, category breadth,
 * referral rate, sell-through rate and the economics of repeat customers,
 * each also per calendar period. See docs/loyalty.md.
 *
 * @module loyalty
 */
export type { LoyaltyPeriodKey } from "./types.js";
export {
  engagementScore,
  DEFAULT_ENGAGEMENT_WEIGHTS,
  DEFAULT_ENGAGEMENT_CAPS,
  type EngagementSignals,
  type EngagementSignal,
  type EngagementWeights,
  type EngagementCaps,
  type EngagementScoreOptions,
  type EngagementComponent,
  type EngagementScoreResult,
} from "./engagementScore.js";
export {
  repeatPurchaseRate,
  type PurchaseEvent,
  type RepeatPurchaseRateOptions,
  type RepeatPurchasePeriod,
  type RepeatPurchaseRateResult,
} from "./repeatPurchaseRate.js";
export {
  categoryBreadth,
  type CategoryPurchase,
  type CategoryBreadthOptions,
  type CategoryBreadthPeriod,
  type CategoryBreadthResult,
} from "./categoryBreadth.js";
export {
  referralRate,
  type ReferralCounts,
  type ReferralEvents,
  type ReferralRateOptions,
  type ReferralPeriod,
  type ReferralRateResult,
} from "./referralRate.js";
export {
  sellThroughRate,
  type SellThroughRecord,
  type SellThroughRateOptions,
  type SellThroughTotals,
  type SellThroughRateResult,
} from "./sellThroughRate.js";
export {
  repeatCustomerEconomics,
  type OrderTransaction,
  type RepeatCustomerEconomicsOptions,
  type RepeatEconomicsPeriod,
  type RepeatCustomerEconomicsResult,
} from "./repeatCustomerEconomics.js";
