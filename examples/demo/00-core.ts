import { convertRate, money, roundMoney } from "customer-metrics/core";
import { table, pct } from "../_lib/table.js";
import type { DemoSection } from "../_lib/section.js";

/** Units first: the same churn expressed per month, quarter and year. */
export const section: DemoSection = {
  title: "Units: one churn rate, three periods",
  run() {
    const monthly = 0.05;
    const rows = (["month", "quarter", "year"] as const).map((to) => ({
      period: to,
      churn: pct(convertRate(monthly, { from: "month", to })),
      retention: pct(1 - convertRate(monthly, { from: "month", to })),
    }));
    const revenue = money("129999.99").times("0.2");
    return `${table(rows)}\n\n20% of $129,999.99 is ${roundMoney(revenue).toFixed(2)} exactly (Decimal money, no float drift).`;
  },
};
