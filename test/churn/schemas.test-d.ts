import { expectTypeOf, test } from "vitest";
import type {
  ActivityEvent,
  ActivityEventParsed,
  MrrRecord,
  MrrRecordParsed,
  RevenueMovements,
  RevenueMovementsParsed,
  SbgRow,
  SbgRowParsed,
  SubscriptionRecord,
  SubscriptionRecordParsed,
  SurvivalRecord,
  SurvivalRecordParsed,
} from "../../src/churn/index.js";
import { churnRate, kaplanMeier, revenueRetention } from "../../src/churn/index.js";

test("schema-inferred types are accepted by the calculators' input types", () => {
  expectTypeOf<SubscriptionRecordParsed>().toExtend<SubscriptionRecord>();
  expectTypeOf<ActivityEventParsed>().toExtend<ActivityEvent>();
  expectTypeOf<RevenueMovementsParsed>().toExtend<RevenueMovements>();
  expectTypeOf<MrrRecordParsed>().toExtend<MrrRecord>();
  expectTypeOf<SurvivalRecordParsed>().toExtend<SurvivalRecord>();
  expectTypeOf<SbgRowParsed>().toExtend<SbgRow>();
});

test("inputs are typed", () => {
  // @ts-expect-error "median" is not a churn-rate method
  churnRate({ customersAtStart: 1, customersLost: 0, method: "median" });
  // @ts-expect-error daily-sum needs `daily`
  churnRate({ method: "daily-sum" });
  // @ts-expect-error churned is a boolean
  kaplanMeier([{ duration: 3, churned: "yes" }]);
  // @ts-expect-error per-customer records need options { from, to }
  revenueRetention([{ customerId: 1, at: "2024-01-01", mrr: "1" }]);
});
