/**
 * Loyalty signals, notebook style: run with `npx tsx examples/loyalty.ts`.
 *
 * 1. The engagement score, its breakdown, and how much the weights matter.
 * 2. Repeat buying month by month (empty months stay empty).
 * 3. What repeat customers are worth, in exact money.
 * 4. Referral rate from a CRM report and from events.
 * 5. Sell-through per product and per month.
 */
import { createRng } from "customer-metrics/math";
import {
  DEFAULT_ENGAGEMENT_WEIGHTS,
  engagementScore,
  referralRate,
  repeatCustomerEconomics,
  repeatPurchaseRate,
  sellThroughRate,
  type EngagementSignals,
} from "customer-metrics/loyalty";
import { heading, pct, table } from "./_lib/table.js";

const rng = createRng(5);

console.log(heading("1. Engagement score"));
const customer: EngagementSignals = {
  likes: 14,
  shares: 2,
  comments: 4,
  emailClicks: 3,
  accountSignup: true,
  loyaltyMember: false,
};
const e = engagementScore(customer);
console.log(
  table(
    e.components.map((c) => ({
      signal: c.signal,
      value: c.value,
      "on 0–1": c.normalized,
      weight: c.weight,
      points: c.contribution,
    })),
  ),
);
console.log(`score ${e.score.toFixed(1)} / 100 with the default weights ${JSON.stringify(DEFAULT_ENGAGEMENT_WEIGHTS)}`);
console.log(
  table([
    { weights: "default", score: e.score },
    { weights: "email-led (emailClicks 0.5)", score: engagementScore(customer, { emailClicks: 0.5 }).score },
    { weights: "social only", score: engagementScore(customer, { emailClicks: 0, accountSignup: 0, loyaltyMember: 0 }).score },
    {
      weights: "caps doubled",
      score: engagementScore(customer, {}, { caps: { likes: 40, shares: 10, comments: 20, emailClicks: 20 } }).score,
    },
  ]),
);

console.log(heading("2. Repeat buying by month"));
const iso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
const orders: { customerId: string; at: string; amount: string }[] = [];
for (let c = 0; c < 400; c++) {
  let day = rng.int(330);
  // About 45% buy once and never come back; the others return every month or two.
  const gap = rng.next() < 0.45 ? 400 : 25 + rng.exponential(1 / 40);
  while (day < 365) {
    // The shop closed for August (days 212–242): no orders at all that month.
    if (day < 212 || day > 242) orders.push({ customerId: `c${c}`, at: iso(day), amount: (15 + rng.gamma(2, 12)).toFixed(2) });
    day += Math.ceil(gap * (0.5 + rng.next()));
  }
}
const monthly = repeatPurchaseRate(orders, { period: "month" });
console.log(
  table(
    (monthly.periods ?? []).map((p) => ({
      month: p.label,
      buyers: p.customers,
      "bought ≥ 2 times so far": p.repeatCustomers,
      rate: p.rate === null ? "(no orders)" : pct(p.rate),
    })),
  ),
);
console.log(`Year: ${pct(monthly.rate)} of ${monthly.customers} customers bought more than once.`);

console.log(heading("3. What repeat customers are worth"));
const econ = repeatCustomerEconomics(orders, { asOf: "2025-12-31", period: "quarter" });
console.log(
  table([
    { measure: "revenue", value: econ.revenue.toFixed(2) },
    { measure: "share of revenue from repeat customers", value: pct(econ.repeatCustomerRevenueShare ?? 0) },
    { measure: "share of revenue from repeat orders", value: pct(econ.repeatOrderRevenueShare ?? 0) },
    { measure: "average spend, repeat customer", value: econ.averageSpendRepeatCustomer?.toFixed(2) ?? "" },
    { measure: "average spend, one-time customer", value: econ.averageSpendOneTimeCustomer?.toFixed(2) ?? "" },
    { measure: "spend ratio", value: (econ.spendRatio ?? 0).toFixed(2) },
    { measure: "average first order", value: econ.averageFirstOrderValue.toFixed(2) },
    { measure: "average repeat order", value: econ.averageRepeatOrderValue?.toFixed(2) ?? "" },
  ]),
);
console.log(
  table(
    (econ.periods ?? []).map((p) => ({
      quarter: p.label,
      orders: p.orders,
      revenue: p.revenue.toFixed(2),
      new: p.newCustomers,
      returning: p.returningCustomers,
      "repeat-order share": p.repeatOrderRevenueShare === null ? "" : pct(p.repeatOrderRevenueShare),
    })),
  ),
);

console.log(heading("4. Referral rate"));
const report = referralRate({ customers: 5200, referringCustomers: 364, referrals: 501 });
console.log(
  `From a CRM report: ${pct(report.rate)} (95% CI ${report.confidenceInterval.map((x) => pct(x)).join(" … ")}), ${report.referralsPerCustomer?.toFixed(3)} referrals per customer.`,
);
const joinedDay = Array.from({ length: 300 }, () => rng.int(300));
const customers = joinedDay.map((d, i) => ({ customerId: `c${i}`, since: iso(d) }));
const referrals = joinedDay.flatMap((d, i) =>
  rng.next() < 0.15 ? [{ referrerId: `c${i}`, at: iso(d + rng.int(365 - d)) }] : [],
);
const ev = referralRate({ customers, referrals }, { period: "quarter" });
console.log(
  table(
    (ev.periods ?? []).map((p) => ({
      quarter: p.label,
      "customers by quarter end": p.customers,
      referrers: p.referringCustomers,
      rate: p.rate === null ? "" : pct(p.rate),
    })),
  ),
);

console.log(heading("5. Sell-through"));
const stock = sellThroughRate(
  [
    { productId: "beans", at: "2025-10-01", unitsSold: 420, beginningInventory: 150, unitsReceived: 400 },
    { productId: "beans", at: "2025-11-01", unitsSold: 380, beginningInventory: 130, unitsReceived: 400 },
    { productId: "kettle", at: "2025-10-01", unitsSold: 18, beginningInventory: 40, unitsReceived: 0 },
    { productId: "kettle", at: "2025-11-01", unitsSold: 9, unitsAvailable: 22 },
  ],
  { period: "month" },
);
console.log(
  table(
    stock.byProduct.map((p) => ({
      product: p.productId,
      sold: p.unitsSold,
      available: p.unitsAvailable,
      "sell-through": pct(p.rate ?? 0),
    })),
  ),
);
console.log(
  table(
    (stock.periods ?? []).map((p) => ({
      month: p.label,
      sold: p.unitsSold,
      available: p.unitsAvailable,
      "sell-through": p.rate === null ? "" : pct(p.rate),
    })),
  ),
);
