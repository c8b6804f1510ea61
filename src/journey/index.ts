/**
 * Customer-journey stages: journey models as data (Joey Coleman's eight
 * stages of the first 100 days built in as {@link COLEMAN_JOURNEY}), a
 * rule-based classifier, funnels, stalled customers, stage transitions,
 * NPS by stage and dated plans (see docs/journey.md).
 *
 * @module journey
 */
export {
  JourneyModelSchema,
  JourneyRuleSchema,
  JourneySignalConditionSchema,
  JourneyStageConditionSchema,
  JourneySignalSchema,
  JourneyStageWindowSchema,
  JourneyStageSchema,
  JourneyRiskRuleSchema,
  JourneyEventMappingSchema,
  parseJourneyModel,
  type JourneyModel,
  type JourneyRule,
  type JourneySignalCondition,
  type JourneyStageCondition,
  type JourneyAllRule,
  type JourneyAnyRule,
  type JourneyNotRule,
  type JourneyComparisonOp,
  type JourneyConditionOp,
  type JourneySignal,
  type JourneySignalType,
  type JourneyStage,
  type JourneyStageWindow,
  type JourneyRiskRule,
  type JourneyEventMapping,
  type JourneyEventAggregate,
  type JourneyProgression,
} from "./schemas.js";
export { COLEMAN_JOURNEY, type ColemanJourneySignals } from "./colemanJourney.js";
export {
  classifyJourneyStage,
  type JourneyClassification,
  type JourneyClassifyOptions,
  type JourneyCustomer,
  type JourneyNextStage,
} from "./classifyJourneyStage.js";
export { journeyDistribution, type JourneyDistribution, type JourneyStageCount } from "./journeyDistribution.js";
export { journeyFunnel, type JourneyFunnel, type JourneyFunnelOptions, type JourneyFunnelStep } from "./journeyFunnel.js";
export { stalledCustomers, type StalledJourneyCustomer } from "./stalledCustomers.js";
export { stageTransitions, type JourneySnapshotSet, type JourneyStageTransitions } from "./stageTransitions.js";
export { first100DaysPlan, type JourneyCheckpoint, type JourneyPlan } from "./first100DaysPlan.js";
export {
  journeySignalsFromEvents,
  type JourneyEvent,
  type JourneyEventOptions,
  type JourneySignalSnapshot,
} from "./journeySignalsFromEvents.js";
export {
  journeySnapshotsFromEvents,
  type JourneyCustomerEvent,
  type JourneyCustomerSnapshot,
} from "./journeySnapshotsFromEvents.js";
export {
  npsByJourneyStage,
  type NpsByJourneyStage,
  type NpsByJourneyStageOptions,
  type JourneyStageNps,
} from "./npsByJourneyStage.js";
export { simulateColemanCustomers, type SimulateColemanOptions } from "./simulateColemanCustomers.js";
