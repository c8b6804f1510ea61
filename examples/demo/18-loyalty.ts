import { createRng } from "customer-metrics/math";
import {
  categoryBreadth,
  engagementScore,
  referralRate,
  repeatCustomerEconomics,
  repeatPurchaseRate,
  sellThroughRate,
} from "customer-metrics/loyalty";
import type { DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/** Loyalty behaviour of a simulated online shop (2,000 customers over 2025). */
const CATEGORIES = ["coffee", "tea", "grinders", "mugs", "gifts"] as const;

interface Sim {
  orders: { customerId: string; at: string; amount: string; category: string }[];
  customers: { customerId: string; since: string }[];
  referrals: { referrerId: string; at: string }[];
  signals: { member: boolean; likes: number; shares: number; comments: number; emailClicks: number; accountSignup: boolean }[];
}

const iso = (day: number): string => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

function simulate(): Sim {
  const rng = createRng(2026);
  const sim: Sim = { orders: [], customers: [], referrals: [], signals: [] };
  for (let c = 0; c < 2000; c++) {
    const id = `c${c}`;
    const joined = rng.int(300);
    const member = rng.next() < 0.3;
    const rate = rng.gamma(0.6, member ? 1 / 40 : 1 / 150); // purchases per day, heterogeneous
    const breadth = 1 + rng.poisson(member ? 1.2 : 0.4);
    sim.customers.push({ customerId: id, since: iso(joined) });
    let day = joined;
    let first = true;
    while (day < 365) {
      const basket = 18 + rng.gamma(2, first ? 9 : 14);
      const category = CATEGORIES[first ? 0 : rng.int(Math.min(breadth, CATEGORIES.length))] as string;
      sim.orders.push({ customerId: id, at: iso(day), amount: basket.toFixed(2), category });
      first = false;
      day += Math.max(1, Math.ceil(rng.exponential(rate)));
    }
    const refs = rng.poisson(member ? 0.35 : 0.08);
    for (let r = 0; r < refs; r++) sim.referrals.push({ referrerId: id, at: iso(joined + rng.int(365 - joined)) });
    sim.signals.push({
      member,
      likes: rng.poisson(member ? 8 : 3),
      shares: rng.poisson(member ? 1.5 : 0.4),
      comments: rng.poisson(member ? 2 : 0.5),
      emailClicks: rng.poisson(member ? 5 : 1.5),
      accountSignup: member || rng.next() < 0.4,
    });
  }
  return sim;
}

const usd = (x: { toFixed(d: number): string }): string =>
  `$${Number(x.toFixed(2)).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

export const section: DemoSection = {
  title: "Loyalty: repeat buying, breadth, referrals and what repeat customers are worth",
  run() {
    const sim = simulate();
    const asOf = "2025-12-31";
    const repeat = repeatPurchaseRate(sim.orders, { period: "quarter", asOf });
    const breadth = categoryBreadth(sim.orders, { period: "quarter", asOf });
    const econ = repeatCustomerEconomics(sim.orders, { asOf, period: "quarter" });
    const refs = referralRate({ customers: sim.customers, referrals: sim.referrals }, { period: "quarter", asOf });
    const lines: string[] = [];
    lines.push(
      `${sim.customers.length.toLocaleString("en-US")} customers, ${sim.orders.length.toLocaleString("en-US")} orders in 2025 (simulated, seed 2026).`,
      "",
      table(
        (repeat.periods ?? []).map((p, k) => ({
          quarter: p.label,
          buyers: p.customers,
          "returning rate": p.rate === null ? "" : pct(p.rate),
          "multi-category": breadth.periods?.[k]?.multiCategoryShare == null ? "" : pct(breadth.periods[k]!.multiCategoryShare!),
          "repeat-order revenue":
            econ.periods?.[k]?.repeatOrderRevenueShare == null ? "" : pct(econ.periods[k]!.repeatOrderRevenueShare!),
          "new / returning": `${econ.periods?.[k]?.newCustomers ?? 0} / ${econ.periods?.[k]?.returningCustomers ?? 0}`,
          "referral rate": refs.periods?.[k]?.rate == null ? "" : pct(refs.periods[k]!.rate!),
        })),
      ),
      "",
      `Over the year ${pct(repeat.rate)} of customers bought again (95% CI ${repeat.confidenceInterval.map((x) => pct(x)).join(" … ")}); ` +
        `they are ${pct(econ.repeatCustomerShare)} of customers but bring ${pct(econ.repeatCustomerRevenueShare ?? 0)} of revenue.`,
      `A repeat customer spent ${usd(econ.averageSpendRepeatCustomer ?? 0)} against ${usd(econ.averageSpendOneTimeCustomer ?? 0)} for a one-time buyer ` +
        `(×${(econ.spendRatio ?? 0).toFixed(1)}); a repeat order averages ${usd(econ.averageRepeatOrderValue ?? 0)} vs ${usd(econ.averageFirstOrderValue)} for a first order.`,
      `Category breadth: mean ${breadth.mean.toFixed(2)} categories per customer, ${pct(breadth.multiCategoryShare)} buy in two or more.`,
      `Referral rate: ${pct(refs.rate)} of customers referred someone (${(refs.referralsPerCustomer ?? 0).toFixed(3)} referrals per customer).`,
    );
    const scores = sim.signals.map(({ member, ...signals }) => ({
      member,
      score: engagementScore({ ...signals, loyaltyMember: member }).score,
    }));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    lines.push(
      "",
      table([
        {
          group: "loyalty members",
          customers: scores.filter((s) => s.member).length,
          "mean engagement (0–100)": avg(scores.filter((s) => s.member).map((s) => s.score)),
        },
        {
          group: "non-members",
          customers: scores.filter((s) => !s.member).length,
          "mean engagement (0–100)": avg(scores.filter((s) => !s.member).map((s) => s.score)),
        },
      ]),
    );
    const stock = sellThroughRate([
      { productId: "house blend 1kg", unitsSold: 1840, beginningInventory: 400, unitsReceived: 1800 },
      { productId: "hand grinder", unitsSold: 96, beginningInventory: 60, unitsReceived: 120 },
      { productId: "gift box", unitsSold: 210, unitsAvailable: 500 },
    ]);
    lines.push(
      "",
      `Sell-through this year: ${stock.byProduct.map((p) => `${p.productId} ${pct(p.rate ?? 0)}`).join(", ")} (all products ${pct(stock.rate)}).`,
    );
    return lines.join("\n");
  },
};
