/** Journey charts: the Coleman funnel of a simulated customer base. */
import { COLEMAN_JOURNEY, journeyFunnel, simulateColemanCustomers } from "customer-metrics/journey";
import type { ChartDef } from "./index.js";
import { funnel } from "./specs.js";

export const JOURNEY_CHARTS: readonly ChartDef[] = [
  {
    id: "journey-funnel",
    area: "journey",
    title: "Coleman's eight-stage journey funnel of 2,000 simulated customers",
    guide: "docs/journey.md",
    spec() {
      // 2,000 customers from the journey area's seeded simulator.
      const f = journeyFunnel(COLEMAN_JOURNEY, simulateColemanCustomers(2000, { seed: 2026, asOf: "2025-12-31" }), {
        asOf: "2025-12-31",
      });
      const rows = f.steps.map((s) => ({
        stage: s.name,
        reached: s.reached,
        label: `${s.reached.toLocaleString("en-US")}  (${(s.shareOfTotal * 100).toFixed(0)}%${s.conversion === null ? "" : `, ${(s.conversion * 100).toFixed(0)}% of previous`})`,
      }));
      return funnel({
        title: "Customer journey funnel",
        subtitle: `journeyFunnel(COLEMAN_JOURNEY, customers, { asOf }): customers who reached each stage, n = ${f.n.toLocaleString("en-US")}`,
        rows,
        stage: { field: "stage", title: "" },
        count: { field: "reached", title: "Customers who reached the stage" },
        label: "label",
      });
    },
  },
];
