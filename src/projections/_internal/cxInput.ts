import type { Decimal } from "decimal.js";
import { metricsError } from "../../core/errors.js";
import { assertFinite, assertIntegerInRange, assertNonNegative, assertPositive, assertProbability } from "../../core/guards.js";
import { _MoneyDecimal, money } from "../../core/money.js";

/** Validated input of cxRevenueImpact, as Decimals (rates from their shortest strings). */
export interface CxNormalized {
  readonly revenue: Decimal;
  readonly customers: Decimal;
  readonly retention: Decimal;
  readonly referral: Decimal;
  readonly newCustomers: Decimal;
  readonly improvedRetention: Decimal;
  readonly improvedReferral: Decimal;
  readonly spendFactor: Decimal;
  readonly years: number;
  readonly discountRate: Decimal;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const D = (x: number): Decimal => new _MoneyDecimal(x);

/** Validates cxRevenueImpact's input with the core guards. */
export function readCxRevenueImpactInput(input: unknown, fn: string): CxNormalized {
  if (!isObject(input)) throw metricsError(fn, "invalid_type", [], "an input object", input);
  const revenue = money(input["revenue"] as never, fn, ["revenue"]);
  if (!revenue.isPositive() || revenue.isZero())
    throw metricsError(fn, "out_of_range", ["revenue"], "a money amount > 0", revenue.toString());
  const customers = assertPositive(input["customers"], fn, ["customers"]);
  const baseline = input["baseline"];
  if (!isObject(baseline))
    throw metricsError(fn, "invalid_type", ["baseline"], "an object such as { retentionRate: 0.8 }", baseline);
  const r0 = assertProbability(baseline["retentionRate"], fn, ["baseline", "retentionRate"]);
  const q0 =
    baseline["referralRate"] === undefined ? 0 : assertNonNegative(baseline["referralRate"], fn, ["baseline", "referralRate"]);
  const x = assertNonNegative(input["improvement"], fn, ["improvement"]);
  const el = input["elasticities"];
  if (!isObject(el))
    throw metricsError(
      fn,
      "invalid_type",
      ["elasticities"],
      "an object such as { retention: 0.01, spend: 0.004, referral: 0.001 }",
      el,
    );
  const eR = el["retention"] === undefined ? 0 : assertFinite(el["retention"], fn, ["elasticities", "retention"]);
  const eS = el["spend"] === undefined ? 0 : assertFinite(el["spend"], fn, ["elasticities", "spend"]);
  const eQ = el["referral"] === undefined ? 0 : assertFinite(el["referral"], fn, ["elasticities", "referral"]);
  const years = assertIntegerInRange(input["years"], 1, 100, fn, ["years"]);
  const dRaw = input["discountRate"];
  const discountRate = dRaw === undefined ? 0 : assertNonNegative(dRaw, fn, ["discountRate"]);

  const N = D(customers);
  const retention = D(r0);
  const referral = D(q0);
  let newCustomers: Decimal;
  if (baseline["newCustomers"] === undefined) {
    const steady = N.times(D(1).minus(retention).minus(referral));
    newCustomers = steady.isNegative() ? D(0) : steady;
  } else newCustomers = D(assertNonNegative(baseline["newCustomers"], fn, ["baseline", "newCustomers"]));

  const X = D(x);
  const improvedRetention = retention.plus(D(eR).times(X));
  if (improvedRetention.lt(0) || improvedRetention.gt(1)) {
    throw metricsError(
      fn,
      "out_of_range",
      ["elasticities", "retention"],
      `an elasticity that keeps the improved retention in [0, 1] (${r0} + ${eR} × ${x} = ${improvedRetention.toString()})`,
      eR,
    );
  }
  const improvedReferral = referral.plus(D(eQ).times(X));
  if (improvedReferral.lt(0)) {
    throw metricsError(
      fn,
      "out_of_range",
      ["elasticities", "referral"],
      `an elasticity that keeps the improved referral rate >= 0 (${q0} + ${eQ} × ${x} = ${improvedReferral.toString()})`,
      eQ,
    );
  }
  const spendFactor = D(1).plus(D(eS).times(X));
  if (!spendFactor.gt(0)) {
    throw metricsError(
      fn,
      "out_of_range",
      ["elasticities", "spend"],
      `an elasticity that keeps spend positive (1 + ${eS} × ${x} = ${spendFactor.toString()})`,
      eS,
    );
  }
  return {
    revenue,
    customers: N,
    retention,
    referral,
    newCustomers,
    improvedRetention,
    improvedReferral,
    spendFactor,
    years,
    discountRate: D(discountRate),
  };
}
