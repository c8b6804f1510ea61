import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import {
  COLEMAN_JOURNEY,
  classifyJourneyStage,
  type ColemanJourneySignals,
  type JourneyModel,
  type JourneyModelSchema,
  type JourneyRule,
  type JourneyRuleSchema,
} from "../../src/journey/index.js";

test("schema-inferred types are the exported types", () => {
  expectTypeOf<z.infer<typeof JourneyModelSchema>>().toEqualTypeOf<JourneyModel>();
  expectTypeOf<z.infer<typeof JourneyRuleSchema>>().toEqualTypeOf<JourneyRule>();
});

test("readonly `as const` models and typed snapshots are accepted", () => {
  const model = {
    id: "m",
    name: "M",
    anchor: "at",
    signals: [{ id: "at", type: "date" }],
    stages: [{ id: "s", name: "S", entry: { any: [{ signal: "at", op: "exists" }] } }],
  } as const;
  expectTypeOf(model).toExtend<JourneyModel>();
  const snapshot: ColemanJourneySignals = { purchasedAt: "2024-01-01", referralCount: 2 };
  classifyJourneyStage(COLEMAN_JOURNEY, snapshot, { asOf: "2024-02-01" });
  // @ts-expect-error asOf is required
  classifyJourneyStage(COLEMAN_JOURNEY, snapshot, {});
  // @ts-expect-error "after" is not an operator
  expectTypeOf({ signal: "at", op: "after" } as const).toExtend<JourneyRule>();
});
