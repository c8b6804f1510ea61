import { Decimal } from "decimal.js";
import { z } from "zod";
import { parseWithSchema } from "../core/validate.js";
import { readProjectionAssumptions } from "./_internal/normalize.js";
import { readCxRevenueImpactInput } from "./_internal/cxInput.js";
import { readEarnedGrowthInput } from "./_internal/earnedGrowthInput.js";

/*
 * Zod schemas for the projections inputs, for validating untrusted input at
 * the edge (forms, JSON files of assumptions). The calculators never load zod:
 * they validate with the guards in src/core. The schemas check shapes and
 * domains; the parse helpers then run the calculators' own cross-field checks
 * (curve lengths against the horizon, matching units), so a parsed value is
 * one the calculators accept.
 *
 * Every top-level schema is built inside a `/* @__PURE__ *\/` IIFE so that a
 * bundler drops zod entirely when only calculators are imported.
 */

const PeriodSchema = /* @__PURE__ */ (() => z.enum(["day", "week", "month", "quarter", "year"]))();

const MoneyInputSchema = /* @__PURE__ */ (() =>
  z.union([
    z.number(),
    z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/, 'must be a decimal string such as "19.99"'),
    z.custom<Decimal>((v) => Decimal.isDecimal(v), "must be a Decimal"),
  ]))();

const FractionSchema = /* @__PURE__ */ (() => z.number().min(0).max(1))();
const CountSchema = /* @__PURE__ */ (() => z.number().min(0))();
const TenureSchema = /* @__PURE__ */ (() => z.number().int().min(0))();

/**
 * Schema of one named component of profit per customer ({@link ProfitComponent}).
 *
 * @category Projections
 */
export const ProfitComponentSchema = /* @__PURE__ */ (() =>
  z.union([
    MoneyInputSchema,
    z.strictObject({ curve: z.array(MoneyInputSchema).min(1) }),
    z.strictObject({
      increment: MoneyInputSchema,
      startTenure: TenureSchema.optional(),
      maxTenure: TenureSchema.optional(),
    }),
  ]))();

/**
 * One named component of a customer's profit per period, as a function of
 * tenure (the number of whole periods the customer has already been a customer:
 * 0 in the period they are acquired).
 *
 * - a money amount (`"40"`): the same amount at every tenure;
 * - `{ curve: [...] }`: the amount at tenure 0, 1, 2, …; a curve shorter than
 *   the tenures the projection reaches is rejected (`length_mismatch`) unless
 *   the assumptions set `curveExtension: "last-value"`;
 * - `{ increment, startTenure = 1, maxTenure? }`: grows by `increment` per
 *   period of tenure: `increment × (min(tenure, maxTenure) − startTenure + 1)`,
 *   and 0 before `startTenure` (so `{ increment: "5" }` is 0, 5, 10, 15, …).
 *
 * @category Projections
 */
export type ProfitComponent = z.infer<typeof ProfitComponentSchema>;

/**
 * Schema of {@link ProfitPerCustomer}.
 *
 * @category Projections
 */
export const ProfitPerCustomerSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    base: ProfitComponentSchema,
    spendGrowth: ProfitComponentSchema.optional(),
    costSavings: ProfitComponentSchema.optional(),
    referrals: ProfitComponentSchema.optional(),
    pricePremium: ProfitComponentSchema.optional(),
    unit: PeriodSchema.optional(),
  }))();

/**
 * Profit per active customer per period, built from the five named components
 * of Reichheld & Sasser's "Zero Defections" argument. The customer's profit at
 * tenure k is the sum of the components at k.
 *
 * - `base`: base profit (margin on the purchases every customer makes);
 * - `spendGrowth`: extra profit from customers buying more as tenure grows;
 * - `costSavings`: lower cost to serve a customer who knows the business;
 * - `referrals`: profit from the new customers this customer refers (do not
 *   also model referrals as `newCustomersPerPeriod: { type: "referral" }`, or
 *   they are counted twice);
 * - `pricePremium`: the premium long-standing customers pay;
 * - `unit`: the period the amounts are per; must equal the projection's
 *   `periodUnit` (money per period is never converted silently).
 *
 * @category Projections
 */
export type ProfitPerCustomer = z.infer<typeof ProfitPerCustomerSchema>;

/**
 * Schema of {@link RetentionAssumption}.
 *
 * @category Projections
 */
export const RetentionAssumptionSchema = /* @__PURE__ */ (() =>
  z.union([
    FractionSchema,
    z.strictObject({ value: FractionSchema, unit: PeriodSchema }),
    z.strictObject({ type: z.literal("per-tenure"), rates: z.array(FractionSchema).min(1), unit: PeriodSchema.optional() }),
    z.strictObject({ type: z.literal("per-period"), rates: z.array(FractionSchema).min(1), unit: PeriodSchema.optional() }),
  ]))();

/**
 * The share of customers who stay from one period to the next, a fraction in
 * [0, 1] (0.85, not 85):
 *
 * - a number, or `{ value, unit }`: the same rate for everyone, every period;
 * - `{ type: "per-tenure", rates }`: `rates[k]` is the retention of customers
 *   with tenure k (newer customers usually leave more often);
 * - `{ type: "per-period", rates }`: `rates[t − 1]` applies to everyone in
 *   projection period t (a calendar effect, e.g. a price rise in year 3).
 *
 * A `unit` must equal the projection's `periodUnit` (convert with
 * `convertRate(rate, { from, to, kind: "retention" })` first).
 *
 * @category Projections
 */
export type RetentionAssumption = z.infer<typeof RetentionAssumptionSchema>;

/**
 * Schema of {@link NewCustomersAssumption}.
 *
 * @category Projections
 */
export const NewCustomersAssumptionSchema = /* @__PURE__ */ (() =>
  z.union([
    CountSchema,
    z.strictObject({ value: CountSchema, unit: PeriodSchema }),
    z.strictObject({
      type: z.literal("growing"),
      initial: CountSchema,
      growthRate: z.number().gt(-1),
      unit: PeriodSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("referral"),
      referralsPerCustomer: CountSchema,
      base: CountSchema.optional(),
      acquisitionCost: MoneyInputSchema.optional(),
      unit: PeriodSchema.optional(),
    }),
    z.strictObject({ type: z.literal("per-period"), counts: z.array(CountSchema).min(1), unit: PeriodSchema.optional() }),
  ]))();

/**
 * How many customers are acquired in each projection period (expected counts,
 * fractions allowed):
 *
 * - a number, or `{ value, unit }`: the same number every period;
 * - `{ type: "growing", initial, growthRate }`: `initial × (1 + growthRate)^(t − 1)` in period t;
 * - `{ type: "referral", referralsPerCustomer, base = 0, acquisitionCost? }`:
 *   `base + referralsPerCustomer × customersAtStart(t)`; referred customers
 *   cost `acquisitionCost` each (default: the projection's acquisition cost);
 * - `{ type: "per-period", counts }`: `counts[t − 1]` in period t.
 *
 * @category Projections
 */
export type NewCustomersAssumption = z.infer<typeof NewCustomersAssumptionSchema>;

/**
 * Schema of {@link StartingCustomers}.
 *
 * @category Projections
 */
export const StartingCustomersSchema = /* @__PURE__ */ (() =>
  z.union([CountSchema, z.strictObject({ byTenure: z.array(CountSchema).min(1) })]))();

/**
 * Customers at the start of the projection: a count (all with tenure 0), or a
 * tenure mix `{ byTenure }` where `byTenure[k]` customers have already been
 * customers for k whole periods (they earn the profit of their tenure, and pay
 * no acquisition cost).
 *
 * @category Projections
 */
export type StartingCustomers = z.infer<typeof StartingCustomersSchema>;

/**
 * Schema of {@link ProjectionAssumptions}.
 *
 * @category Projections
 */
export const ProjectionAssumptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    periods: z.number().int().min(1).max(2000),
    periodUnit: PeriodSchema.optional(),
    startingCustomers: StartingCustomersSchema.optional(),
    newCustomersPerPeriod: NewCustomersAssumptionSchema.optional(),
    retentionRate: RetentionAssumptionSchema,
    acquisitionCost: MoneyInputSchema.optional(),
    profitPerCustomer: ProfitPerCustomerSchema,
    revenuePerCustomer: ProfitComponentSchema.optional(),
    discountRate: z.union([z.number().min(0), z.strictObject({ value: z.number().min(0), unit: PeriodSchema })]).optional(),
    timing: z.enum(["end", "start"]).optional(),
    curveExtension: z.enum(["reject", "last-value"]).optional(),
  }))();

/**
 * Every assumption of a retention-to-profit projection, explicit and
 * serializable (store it as JSON next to the result it produced).
 *
 * Fields:
 * - `periods`: the horizon, an integer number of periods from 1 to 2000;
 * - `periodUnit`: what one period is (`"year"`, `"month"`, …); default: the
 *   unit of any tagged value, else `"year"`. Every `unit` tag must agree;
 * - `startingCustomers`: see {@link StartingCustomers}; default 0;
 * - `newCustomersPerPeriod`: see {@link NewCustomersAssumption}; default 0;
 * - `retentionRate`: see {@link RetentionAssumption} (required);
 * - `acquisitionCost`: money per new customer, ≥ 0, paid at the start of the period they join; default 0;
 * - `profitPerCustomer`: see {@link ProfitPerCustomer} (required);
 * - `revenuePerCustomer`: optional revenue per active customer by tenure (a
 *   {@link ProfitComponent}); only used for the table's `revenue`/`costs` columns;
 * - `discountRate`: per period, a fraction ≥ 0 (0.1 for 10%), or `{ value, unit }`; default 0;
 * - `timing`: `"end"` (default: profit at the end of each period, earned only by
 *   customers retained through it, Gupta–Lehmann) or `"start"` (profit at the
 *   start of each period from every active customer);
 * - `curveExtension`: `"reject"` (default: a curve shorter than the tenures or
 *   periods the projection reaches is an error) or `"last-value"` (repeat its
 *   last value, e.g. profit plateaus after the last year you have data for).
 *
 * @category Projections
 */
export type ProjectionAssumptions = z.infer<typeof ProjectionAssumptionsSchema>;

/**
 * Validates untrusted projection assumptions (e.g. a JSON file): the schema's
 * shape and domain checks, then the cross-field checks
 * {@link projectRetentionProfit} makes (curve lengths against the horizon and
 * the starting tenure mix, consistent `unit` tags).
 *
 * @param input - Untrusted input.
 * @returns The assumptions, typed (the same object; nothing is filled in).
 * @throws {@link MetricsError} with the first zod issue's path (`invalid_type`, `out_of_range`, `invalid_option`, `invalid_input`), or `length_mismatch` for a curve shorter than the horizon, `unit_mismatch` for disagreeing unit tags.
 *
 * @example
 * ```ts
 * import { parseProjectionAssumptions } from "customer-metrics/projections";
 * const a = parseProjectionAssumptions({ periods: 5, retentionRate: 0.8, profitPerCustomer: { base: "100" } });
 * a.periods; // => 5
 * parseProjectionAssumptions({ periods: 5, retentionRate: 80, profitPerCustomer: { base: "100" } }); // throws out_of_range
 * parseProjectionAssumptions({ periods: 5, retentionRate: 0.8, profitPerCustomer: { base: { curve: ["10", "20"] } } }); // throws length_mismatch
 * ```
 *
 * @category Projections
 */
export function parseProjectionAssumptions(input: unknown): ProjectionAssumptions {
  const fn = "parseProjectionAssumptions";
  const parsed = parseWithSchema(ProjectionAssumptionsSchema, input, fn);
  readProjectionAssumptions(parsed, fn, "projection");
  return parsed;
}

/**
 * Schema of {@link CxRevenueImpactInput}.
 *
 * @category Projections
 */
export const CxRevenueImpactInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    revenue: MoneyInputSchema,
    customers: z.number().gt(0),
    baseline: z.strictObject({
      retentionRate: FractionSchema,
      referralRate: CountSchema.optional(),
      newCustomers: CountSchema.optional(),
    }),
    improvement: z.number().min(0),
    elasticities: z.strictObject({
      retention: z.number().optional(),
      spend: z.number().optional(),
      referral: z.number().optional(),
    }),
    years: z.number().int().min(1).max(100),
    discountRate: z.number().min(0).optional(),
  }))();

/**
 * Input of {@link cxRevenueImpact}: a customer-experience improvement that
 * changes three loyalty behaviours, valued in revenue year by year.
 *
 * - `revenue`: annual revenue before the improvement (money > 0);
 * - `customers`: number of customers producing it (> 0); revenue per customer is `revenue / customers`;
 * - `baseline.retentionRate`: annual share of customers who stay (repurchase), in [0, 1];
 * - `baseline.referralRate`: new customers won per existing customer per year through recommendations, ≥ 0; default 0;
 * - `baseline.newCustomers`: customers won per year through other channels;
 *   default `customers × (1 − retentionRate − referralRate)` (keeps the baseline flat), or 0 when that is negative;
 * - `improvement`: size of the CX improvement, ≥ 0, in the unit the elasticities are per
 *   (points of your CX index, or the share of customers moved from a poor to a good experience);
 * - `elasticities.retention`: change in retention per unit of improvement (fraction points); default 0;
 * - `elasticities.spend`: relative change in revenue per customer per unit of improvement (0.04 = +4%); default 0;
 * - `elasticities.referral`: change in referral rate per unit of improvement; default 0;
 * - `years`: horizon, an integer from 1 to 100;
 * - `discountRate`: annual, ≥ 0, for the present value of the impact; default 0.
 *
 * @category Projections
 */
export type CxRevenueImpactInput = z.infer<typeof CxRevenueImpactInputSchema>;

/**
 * Validates untrusted input for {@link cxRevenueImpact}: the schema, then the
 * calculator's cross-field checks (improved retention must stay within [0, 1]).
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path, or `out_of_range` when the improved rates leave their domain.
 *
 * @example
 * ```ts
 * import { parseCxRevenueImpactInput } from "customer-metrics/projections";
 * const input = parseCxRevenueImpactInput({ revenue: "1000000000", customers: 1000000, baseline: { retentionRate: 0.8 }, improvement: 10, elasticities: { retention: 0.01 }, years: 3 });
 * input.years; // => 3
 * parseCxRevenueImpactInput({ revenue: "1e9", customers: 1000, baseline: { retentionRate: 0.8 }, improvement: 10, elasticities: { retention: 0.05 }, years: 3 }); // throws out_of_range
 * ```
 *
 * @category Projections
 */
export function parseCxRevenueImpactInput(input: unknown): CxRevenueImpactInput {
  const fn = "parseCxRevenueImpactInput";
  const parsed = parseWithSchema(CxRevenueImpactInputSchema, input, fn);
  readCxRevenueImpactInput(parsed, fn);
  return parsed;
}

/**
 * Schema of {@link EarnedGrowthRateInput}.
 *
 * @category Projections
 */
export const EarnedGrowthRateInputSchema = /* @__PURE__ */ (() =>
  z.union([
    z.strictObject({
      netRevenueRetention: z.number().min(0).max(10),
      earnedNewRevenueShare: z.number().min(0).max(10),
      boughtNewRevenueShare: z.number().min(0).max(10).optional(),
    }),
    z.strictObject({
      startingRevenue: MoneyInputSchema,
      revenueFromExistingCustomers: MoneyInputSchema,
      revenueFromEarnedNewCustomers: MoneyInputSchema,
      revenueFromBoughtNewCustomers: MoneyInputSchema.optional(),
    }),
  ]))();

/**
 * Input of {@link earnedGrowthRate}, as rates or as revenue amounts.
 *
 * Rates (fractions of last period's revenue): `netRevenueRetention` (0.85 for
 * 85%, may exceed 1), `earnedNewRevenueShare` (revenue from new customers who
 * came through referrals or recommendations), optional `boughtNewRevenueShare`
 * (revenue from new customers won by marketing and sales spend). Each in [0, 10].
 *
 * Amounts: `startingRevenue` (last period, > 0), `revenueFromExistingCustomers`
 * (this period, from last period's customers), `revenueFromEarnedNewCustomers`,
 * optional `revenueFromBoughtNewCustomers` (each ≥ 0).
 *
 * @category Projections
 */
export type EarnedGrowthRateInput = z.infer<typeof EarnedGrowthRateInputSchema>;

/**
 * Validates untrusted input for {@link earnedGrowthRate}.
 *
 * @param input - Untrusted input.
 * @returns The input, typed.
 * @throws {@link MetricsError} with the first zod issue's path, or `out_of_range` for a starting revenue of 0.
 *
 * @example
 * ```ts
 * import { parseEarnedGrowthRateInput } from "customer-metrics/projections";
 * parseEarnedGrowthRateInput({ netRevenueRetention: 0.85, earnedNewRevenueShare: 0.25 }).netRevenueRetention; // => 0.85
 * parseEarnedGrowthRateInput({ netRevenueRetention: 85, earnedNewRevenueShare: 25 }); // throws out_of_range
 * ```
 *
 * @category Projections
 */
export function parseEarnedGrowthRateInput(input: unknown): EarnedGrowthRateInput {
  const fn = "parseEarnedGrowthRateInput";
  const parsed = parseWithSchema(EarnedGrowthRateInputSchema, input, fn);
  readEarnedGrowthInput(parsed, fn);
  return parsed;
}
