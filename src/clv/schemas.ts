import { Decimal } from "decimal.js";
import { z } from "zod";
import { parseWithSchema } from "../core/validate.js";
import type { ClvFromRetentionInput } from "./clvFromRetention.js";
import type { ClvCashflowsInput } from "./clvCashflows.js";
import type { SimpleClvInput } from "./simpleClv.js";
import type { ClvToCacInput } from "./clvToCacRatio.js";
import type { CacPaybackInput } from "./cacPaybackPeriods.js";

/*
 * Zod schemas for the clv inputs, for validating untrusted input at the edge
 * (forms, JSON). The calculators never load zod; they validate with guards.
 * The schemas check shapes and domains; cross-field rules (one revenue basis,
 * matching units, r(1+g) < 1+d) are checked by the calculators.
 */

const PeriodSchema = /* @__PURE__ */ (() => z.enum(["day", "week", "month", "quarter", "year"]))();
const MoneyInputSchema = /* @__PURE__ */ (() =>
  z.union([
    z.number().refine(Number.isFinite, "must be finite"),
    z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/, 'must be a decimal string such as "19.99"'),
    z.custom<Decimal>((v) => Decimal.isDecimal(v), "must be a Decimal"),
  ]))();
const tagged = <T extends z.ZodType>(inner: T) => z.union([inner, z.object({ value: inner, unit: PeriodSchema }).strict()]);
const Fraction = /* @__PURE__ */ (() => z.number().min(0).max(1))();
const DiscountRate = /* @__PURE__ */ (() => z.number().min(0).refine(Number.isFinite, "must be finite"))();
const Growth = /* @__PURE__ */ (() => z.number().gt(-1).refine(Number.isFinite, "must be finite"))();
const Timing = /* @__PURE__ */ (() => z.enum(["end", "start"]))();

/**
 * Schema of {@link ClvFromRetentionInput}.
 *
 * @category CLV
 */
export const ClvFromRetentionInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      margin: tagged(MoneyInputSchema),
      retentionRate: tagged(Fraction),
      discountRate: tagged(DiscountRate),
      timing: Timing.optional(),
      horizon: tagged(z.number().int().min(1).max(100_000)).optional(),
      marginGrowth: tagged(Growth).optional(),
      acquisitionCost: MoneyInputSchema.optional(),
      period: PeriodSchema.optional(),
    })
    .strict())();

/**
 * Input type inferred from {@link ClvFromRetentionInputSchema} (structurally the same as {@link ClvFromRetentionInput}).
 *
 * @category CLV
 */
export type ClvFromRetentionInputParsed = z.infer<typeof ClvFromRetentionInputSchema>;

/**
 * Validates untrusted input for {@link clvFromRetention}.
 *
 * @param input - Untrusted input (e.g. parsed JSON).
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path (`invalid_type`, `out_of_range`, `invalid_option`, `invalid_input`).
 *
 * @example
 * ```ts
 * import { parseClvFromRetentionInput } from "customer-metrics/clv";
 * parseClvFromRetentionInput({ margin: "100", retentionRate: 0.8, discountRate: 0.1 }).retentionRate; // => 0.8
 * parseClvFromRetentionInput({ margin: "100", retentionRate: 80, discountRate: 0.1 }); // throws out_of_range
 * ```
 *
 * @category CLV
 */
export function parseClvFromRetentionInput(input: unknown): ClvFromRetentionInput {
  return parseWithSchema(ClvFromRetentionInputSchema, input, "parseClvFromRetentionInput") as ClvFromRetentionInput;
}

/**
 * Schema of {@link ClvCashflowsInput}.
 *
 * @category CLV
 */
export const ClvCashflowsInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      margin: tagged(MoneyInputSchema),
      retentionRate: tagged(Fraction),
      discountRate: tagged(DiscountRate),
      horizon: tagged(z.number().int().min(1).max(100_000)),
      timing: Timing.optional(),
      marginGrowth: tagged(Growth).optional(),
      acquisitionCost: MoneyInputSchema.optional(),
      period: PeriodSchema.optional(),
    })
    .strict())();

/**
 * Input type inferred from {@link ClvCashflowsInputSchema}.
 *
 * @category CLV
 */
export type ClvCashflowsInputParsed = z.infer<typeof ClvCashflowsInputSchema>;

/**
 * Validates untrusted input for {@link clvCashflows}.
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path.
 *
 * @example
 * ```ts
 * import { parseClvCashflowsInput } from "customer-metrics/clv";
 * parseClvCashflowsInput({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 5 }).horizon; // => 5
 * parseClvCashflowsInput({ margin: "100", retentionRate: 0.8, discountRate: 0.1, horizon: 5, timing: "middle" }); // throws invalid_option
 * ```
 *
 * @category CLV
 */
export function parseClvCashflowsInput(input: unknown): ClvCashflowsInput {
  return parseWithSchema(ClvCashflowsInputSchema, input, "parseClvCashflowsInput") as ClvCashflowsInput;
}

/**
 * Schema of {@link SimpleClvInput}.
 *
 * @category CLV
 */
export const SimpleClvInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      averageOrderValue: MoneyInputSchema.optional(),
      purchaseFrequency: tagged(z.number().min(0).refine(Number.isFinite, "must be finite")).optional(),
      arpa: tagged(MoneyInputSchema).optional(),
      grossMargin: Fraction,
      lifetime: tagged(z.number().gt(0).refine(Number.isFinite, "must be finite")).optional(),
      churnRate: tagged(Fraction).optional(),
      period: PeriodSchema.optional(),
    })
    .strict())();

/**
 * Input type inferred from {@link SimpleClvInputSchema}.
 *
 * @category CLV
 */
export type SimpleClvInputParsed = z.infer<typeof SimpleClvInputSchema>;

/**
 * Validates untrusted input for {@link simpleClv}.
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path.
 *
 * @example
 * ```ts
 * import { parseSimpleClvInput } from "customer-metrics/clv";
 * parseSimpleClvInput({ arpa: "100", grossMargin: 0.8, churnRate: 0.02 }).churnRate; // => 0.02
 * parseSimpleClvInput({ arpa: "100", grossMargin: 80, churnRate: 0.02 }); // throws out_of_range
 * ```
 *
 * @category CLV
 */
export function parseSimpleClvInput(input: unknown): SimpleClvInput {
  return parseWithSchema(SimpleClvInputSchema, input, "parseSimpleClvInput") as SimpleClvInput;
}

/**
 * Schema of {@link ClvToCacInput}.
 *
 * @category CLV
 */
export const ClvToCacInputSchema = /* @__PURE__ */ (() => z.object({ clv: MoneyInputSchema, cac: MoneyInputSchema }).strict())();

/**
 * Input type inferred from {@link ClvToCacInputSchema}.
 *
 * @category CLV
 */
export type ClvToCacInputParsed = z.infer<typeof ClvToCacInputSchema>;

/**
 * Validates untrusted input for {@link clvToCacRatio}.
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path.
 *
 * @example
 * ```ts
 * import { parseClvToCacInput } from "customer-metrics/clv";
 * parseClvToCacInput({ clv: "300", cac: "100" }).cac; // => "100"
 * parseClvToCacInput({ clv: "300" }); // throws invalid_option
 * ```
 *
 * @category CLV
 */
export function parseClvToCacInput(input: unknown): ClvToCacInput {
  return parseWithSchema(ClvToCacInputSchema, input, "parseClvToCacInput") as ClvToCacInput;
}

/**
 * Schema of {@link CacPaybackInput}.
 *
 * @category CLV
 */
export const CacPaybackInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      cac: MoneyInputSchema,
      margin: tagged(MoneyInputSchema),
      retentionRate: tagged(Fraction).optional(),
      discountRate: tagged(DiscountRate).optional(),
      marginGrowth: tagged(Growth).optional(),
      timing: Timing.optional(),
      period: PeriodSchema.optional(),
    })
    .strict())();

/**
 * Input type inferred from {@link CacPaybackInputSchema}.
 *
 * @category CLV
 */
export type CacPaybackInputParsed = z.infer<typeof CacPaybackInputSchema>;

/**
 * Validates untrusted input for {@link cacPaybackPeriods}.
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path.
 *
 * @example
 * ```ts
 * import { parseCacPaybackInput } from "customer-metrics/clv";
 * parseCacPaybackInput({ cac: "600", margin: "96" }).margin; // => "96"
 * parseCacPaybackInput({ cac: "600", margin: "96", timing: "middle" }); // throws invalid_option
 * ```
 *
 * @category CLV
 */
export function parseCacPaybackInput(input: unknown): CacPaybackInput {
  return parseWithSchema(CacPaybackInputSchema, input, "parseCacPaybackInput") as CacPaybackInput;
}
