import { expectTypeOf, test } from "vitest";
import type {
  CacPaybackInput,
  CacPaybackInputParsed,
  ClvCashflowsInput,
  ClvCashflowsInputParsed,
  ClvFromRetentionInput,
  ClvFromRetentionInputParsed,
  ClvToCacInput,
  ClvToCacInputParsed,
  SimpleClvInput,
  SimpleClvInputParsed,
} from "../../src/clv/index.js";
import { clvFromRetention } from "../../src/clv/index.js";

test("schema-inferred input types are accepted by the calculators' input types", () => {
  expectTypeOf<ClvFromRetentionInputParsed>().toExtend<ClvFromRetentionInput>();
  expectTypeOf<ClvCashflowsInputParsed>().toExtend<ClvCashflowsInput>();
  expectTypeOf<SimpleClvInputParsed>().toExtend<SimpleClvInput>();
  expectTypeOf<ClvToCacInputParsed>().toExtend<ClvToCacInput>();
  expectTypeOf<CacPaybackInputParsed>().toExtend<CacPaybackInput>();
});

test("units are typed", () => {
  // @ts-expect-error "fortnight" is not a Period
  clvFromRetention({ margin: "1", retentionRate: { value: 0.5, unit: "fortnight" }, discountRate: 0 });
  // @ts-expect-error retention is a number, not a string
  clvFromRetention({ margin: "1", retentionRate: "0.5", discountRate: 0 });
});
