import type { Decimal } from "decimal.js";
import { _MoneyDecimal } from "../../core/money.js";
import type { ClvCashflowRow } from "../clvCashflows.js";
import type { RetentionInputs } from "./retentionInputs.js";

/**
 * Builds the explicit discounted cash-flow table over `horizon` periods, in
 * Decimal: survival r^k, margin m·(1+g)^(t−1), discount 1/(1+d)^k with k = t
 * (margins at period end) or t − 1 (at period start). Also returns the margin
 * multiple Σ survival·growth·discount.
 */
export function buildCashflows(
  inp: RetentionInputs,
  horizon: number,
): { rows: ClvCashflowRow[]; total: Decimal; multiple: Decimal } {
  const one = new _MoneyDecimal(1);
  const growthStep = one.plus(inp.growth);
  const discountStep = one.plus(inp.discount);
  let survival = inp.timing === "end" ? inp.retention : one; // r^k
  let compounding = inp.timing === "end" ? discountStep : one; // (1+d)^k
  let growth = one; // (1+g)^(t-1)
  let total = new _MoneyDecimal(0);
  let multiple = new _MoneyDecimal(0);
  const rows: ClvCashflowRow[] = [];
  for (let t = 1; t <= horizon; t++) {
    const margin = inp.margin.times(growth);
    const expectedMargin = margin.times(survival);
    const discountFactor = one.div(compounding);
    const presentValue = expectedMargin.times(discountFactor);
    total = total.plus(presentValue);
    multiple = multiple.plus(growth.times(survival).times(discountFactor));
    rows.push({
      period: t,
      time: inp.timing === "end" ? t : t - 1,
      survival: survival.toNumber(),
      margin: clean(margin),
      expectedMargin: clean(expectedMargin),
      discountFactor: discountFactor.toNumber(),
      presentValue: clean(presentValue),
      cumulativePresentValue: clean(total),
    });
    survival = survival.times(inp.retention);
    compounding = compounding.times(discountStep);
    growth = growth.times(growthStep);
  }
  return { rows, total: clean(total), multiple };
}

/** Normalises -0 to 0 so results print as "0". */
export function clean(d: Decimal): Decimal {
  return d.isZero() ? new _MoneyDecimal(0) : d;
}
