import type { Decimal } from "decimal.js";
import { metricsError } from "../../core/errors.js";
import { _MoneyDecimal } from "../../core/money.js";
import type { ProjectionPeriodRow, ProjectionTotals } from "../projectRetentionProfit.js";
import type { TenureProfitRow, TenureProfitTotals } from "../customerProfitByTenure.js";
import { COMPONENT_NAMES, type ComponentName, type Normalized, type TenureCurve, retentionAt } from "./normalize.js";

/** Exact zero in the library's Decimal. */
export const ZERO: Decimal = new _MoneyDecimal(0);

/**
 * Float64 count → Decimal at 15 significant digits (the precision float64
 * guarantees), so accumulated binary noise such as 656.1000000000001 crosses
 * into money as 656.1. This is the one float → Decimal crossing of the area.
 */
export function dec(x: number): Decimal {
  return x === 0 ? ZERO : new _MoneyDecimal(x.toPrecision(15));
}

/** A float64 statistic reported at 15 significant digits (0.6400000000000001 → 0.64). */
export function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(15));
}

/** Replaces a negative zero by zero. */
export function clean(x: Decimal): Decimal {
  return x.isZero() ? ZERO : x;
}

/** Powers (1 + d)^t for t = 0..n, or null when d = 0. */
function discountPowers(n: Normalized, count: number): Decimal[] | null {
  if (n.discount.isZero()) return null;
  const onePlusD = n.discount.plus(1);
  const out: Decimal[] = [new _MoneyDecimal(1)];
  for (let t = 1; t <= count; t++) out.push((out[t - 1] as Decimal).times(onePlusD));
  return out;
}

function discount(x: Decimal, pow: Decimal[] | null, t: number): Decimal {
  return pow === null || x.isZero() ? x : x.div(pow[t] as Decimal);
}

/** Σ_k w[k] × value(k) over k = 0..kMax, with one Decimal product per distinct coefficient. */
function weightedSum(c: TenureCurve, w: Float64Array, kMax: number, acc: Float64Array): Decimal {
  if (c.zero) return ZERO;
  const m = c.coefs.length;
  acc.fill(0, 0, m);
  const ids = c.ids;
  const g = c.g;
  for (let k = 0; k <= kMax; k++) {
    const wk = w[k] as number;
    if (wk !== 0) {
      const id = ids[k] as number;
      acc[id] = (acc[id] as number) + wk * (g[k] as number);
    }
  }
  let s = ZERO;
  for (let j = 0; j < m; j++) {
    const a = acc[j] as number;
    if (a !== 0) s = s.plus((c.coefs[j] as Decimal).times(dec(a)));
  }
  return s;
}

/** Runs the period-by-period projection. */
export function runProjection(n: Normalized): { rows: ProjectionPeriodRow[]; totals: ProjectionTotals } {
  const H = n.periods;
  const S0 = n.start.length - 1;
  const counts = new Float64Array(n.tenures + 1);
  counts.set(n.start);
  const ret = new Float64Array(n.tenures + 1);
  let maxCoefs = 1;
  for (const name of COMPONENT_NAMES) maxCoefs = Math.max(maxCoefs, n.components[name].coefs.length);
  if (n.revenue !== null) maxCoefs = Math.max(maxCoefs, n.revenue.coefs.length);
  const acc = new Float64Array(maxCoefs);
  const pow = discountPowers(n, H);
  const endTiming = n.timing === "end";

  const rows: ProjectionPeriodRow[] = [];
  let cumProfit = ZERO;
  let cumDisc = ZERO;
  let totRevenue = ZERO;
  let totCosts = ZERO;
  let totCustomerProfit = ZERO;
  let totAcq = ZERO;
  let acquiredTotal = 0;
  let lostTotal = 0;
  let ending = 0;

  for (let t = 1; t <= H; t++) {
    const kMax = S0 + t - 1;
    let atStart = 0;
    for (let k = 0; k <= kMax; k++) atStart += counts[k] as number;
    let acquired: number;
    let acqCost: Decimal;
    if (n.newCustomers.kind === "schedule") {
      acquired = n.newCustomers.counts[t - 1] as number;
      acqCost = acquired === 0 ? ZERO : n.acquisitionCost.times(dec(acquired));
    } else {
      const referred = n.newCustomers.rate * atStart;
      acquired = n.newCustomers.base + referred;
      acqCost = clean(n.acquisitionCost.times(dec(n.newCustomers.base)).plus(n.newCustomers.referredCost.times(dec(referred))));
    }
    if (!Number.isFinite(atStart + acquired)) {
      throw metricsError(
        n.fn,
        "undefined_result",
        ["newCustomersPerPeriod"],
        `assumptions that keep the number of customers finite (it overflows float64 in period ${t}; referral-driven growth compounds)`,
        atStart + acquired,
      );
    }
    counts[0] = (counts[0] as number) + acquired;
    let retained = 0;
    let lost = 0;
    for (let k = 0; k <= kMax; k++) {
      const c = counts[k] as number;
      const r = retentionAt(n.retention, t, k);
      const kept = c * r;
      ret[k] = kept;
      retained += kept;
      lost += c - kept;
    }
    const w = endTiming ? ret : counts;
    const comp = {} as Record<ComponentName, Decimal>;
    let customerProfit = ZERO;
    for (const name of COMPONENT_NAMES) {
      const v = clean(weightedSum(n.components[name], w, kMax, acc));
      comp[name] = v;
      customerProfit = customerProfit.plus(v);
    }
    customerProfit = clean(customerProfit);
    const revenue = n.revenue === null ? customerProfit : clean(weightedSum(n.revenue, w, kMax, acc));
    const profit = clean(customerProfit.minus(acqCost));
    const costs = clean(revenue.minus(profit));
    const discounted = clean(discount(customerProfit, pow, endTiming ? t : t - 1).minus(discount(acqCost, pow, t - 1)));
    cumProfit = clean(cumProfit.plus(profit));
    cumDisc = clean(cumDisc.plus(discounted));
    totRevenue = totRevenue.plus(revenue);
    totCosts = totCosts.plus(costs);
    totCustomerProfit = totCustomerProfit.plus(customerProfit);
    totAcq = totAcq.plus(acqCost);
    acquiredTotal += acquired;
    lostTotal += lost;
    ending = retained;
    rows.push({
      period: t,
      customersAtStart: tidy(atStart),
      acquired: tidy(acquired),
      active: tidy(atStart + acquired),
      retained: tidy(retained),
      lost: tidy(lost),
      revenue,
      costs,
      customerProfit,
      components: comp,
      acquisitionCosts: clean(acqCost),
      profit,
      cumulativeProfit: cumProfit,
      discountedProfit: discounted,
      cumulativeDiscountedProfit: cumDisc,
    });
    // age everyone by one period
    for (let k = kMax; k >= 0; k--) counts[k + 1] = ret[k] as number;
    counts[0] = 0;
  }
  const cohort = runCohort(n);
  return {
    rows,
    totals: {
      revenue: clean(totRevenue),
      costs: clean(totCosts),
      customerProfit: clean(totCustomerProfit),
      acquisitionCosts: clean(totAcq),
      profit: cumProfit,
      npv: cumDisc,
      customerNpv: cohort.totals.customerNpv,
      acquired: tidy(acquiredTotal),
      lost: tidy(lostTotal),
      endingCustomers: tidy(ending),
    },
  };
}

/**
 * Follows one customer acquired at the start of period 1 for `periods`
 * periods. Survival is computed in Decimal from the rates' shortest strings,
 * so hand checks (0.9³ = 0.729) are exact.
 */
export function runCohort(n: Normalized): { rows: TenureProfitRow[]; totals: TenureProfitTotals } {
  const H = n.periods;
  const pow = discountPowers(n, H);
  const endTiming = n.timing === "end";
  const rows: TenureProfitRow[] = [];
  let survival = new _MoneyDecimal(1);
  let cum = ZERO;
  let cumDisc = ZERO;
  let active = ZERO;
  for (let k = 0; k < H; k++) {
    const r = retentionAt(n.retention, k + 1, k);
    const rD = new _MoneyDecimal(r);
    const next = survival.times(rD);
    const weight = endTiming ? next : survival;
    const comp = {} as Record<ComponentName, Decimal>;
    let perCustomer = ZERO;
    for (const name of COMPONENT_NAMES) {
      const v = n.components[name].values[k] as Decimal;
      comp[name] = clean(v);
      perCustomer = perCustomer.plus(v);
    }
    perCustomer = clean(perCustomer);
    const expected = clean(perCustomer.times(weight));
    const discounted = clean(discount(expected, pow, endTiming ? k + 1 : k));
    cum = clean(cum.plus(expected));
    cumDisc = clean(cumDisc.plus(discounted));
    active = active.plus(survival);
    rows.push({
      tenure: k,
      survival: survival.toNumber(),
      retentionRate: r,
      profitPerCustomer: perCustomer,
      components: comp,
      expectedProfit: expected,
      discountedProfit: discounted,
      cumulativeProfit: cum,
      cumulativeDiscountedProfit: cumDisc,
    });
    survival = next;
  }
  return {
    rows,
    totals: {
      lifetimeProfit: cum,
      lifetimeValue: cumDisc,
      acquisitionCost: n.acquisitionCost,
      customerNpv: clean(cumDisc.minus(n.acquisitionCost)),
      expectedActivePeriods: active.toNumber(),
    },
  };
}

/**
 * Relative change (improved − base) / |base| as a fraction, or null when base
 * is 0 (or so close to 0 that the ratio is beyond float64).
 */
export function relativeChange(base: Decimal, improved: Decimal): number | null {
  if (base.isZero()) return null;
  const v = improved.minus(base).div(base.abs()).toNumber();
  if (!Number.isFinite(v)) return null;
  return v === 0 ? 0 : v;
}

/** A Decimal as a float64 for plots and counts; an `undefined_result` error beyond float64 (never Infinity). */
export function toFloat(x: Decimal, fn: string, what: string): number {
  const v = x.toNumber();
  if (!Number.isFinite(v)) {
    throw metricsError(fn, "undefined_result", [], `amounts within float64 range for ${what} (|x| < 1.8e308)`, x.toString());
  }
  return v === 0 ? 0 : v;
}
