import type { ChecklistDefinition } from "./schemas.js";

/**
 * A ready-made yes/no self-assessment: is a customer-intimacy strategy
 * (winning by knowing and serving individual customers, rather than by lowest
 * cost or product leadership) right for this business? Recommended when more
 * than half the weighted answers are yes.
 *
 * @see Treacy, M. & Wiersema, F. (1995). The Discipline of Market Leaders (the three value disciplines). Items are this library's own wording.
 *
 * @remarks
 * Eight items in three sections (customers, capabilities, economics). Use it
 * as is with {@link scoreChecklist}, or copy and adapt it.
 *
 * @example
 * ```ts
 * import { CUSTOMER_INTIMACY_CHECKLIST, scoreChecklist } from "customer-metrics/surveys";
 * const r = scoreChecklist(CUSTOMER_INTIMACY_CHECKLIST, { "repeat-relationships": true, "tailored-value": true, "pay-for-fit": true, "empowered-staff": false, "shared-history": true });
 * r.recommended; // => true
 * r.sections.map((s) => s.yesShare); // => [1, 0.5, null]
 * ```
 *
 * @category Surveys
 */
export const CUSTOMER_INTIMACY_CHECKLIST: ChecklistDefinition = {
  id: "customer-intimacy",
  title: "Is a customer-intimacy strategy right for us?",
  sections: [
    {
      id: "customers",
      title: "Our customers",
      items: [
        { id: "repeat-relationships", text: "Do our most valuable customers keep buying from us over several years?" },
        { id: "tailored-value", text: "Do customers value advice or solutions fitted to them more than the lowest price?" },
        { id: "pay-for-fit", text: "Would our best customers pay more for a service built around their needs?" },
      ],
    },
    {
      id: "capabilities",
      title: "Our capabilities",
      items: [
        { id: "empowered-staff", text: "Can front-line staff decide for a customer without escalating?" },
        { id: "shared-history", text: "Do we keep one shared, current record of each customer's history and preferences?" },
        { id: "fast-tailoring", text: "Can we adapt our offer for a single customer within days rather than months?" },
      ],
    },
    {
      id: "economics",
      title: "Our economics",
      items: [
        { id: "retention-cheaper", text: "Is keeping an existing customer cheaper for us than winning a new one?" },
        { id: "concentrated-profit", text: "Does a small share of customers bring most of our profit?" },
      ],
    },
  ],
  threshold: 0.5,
  rule: "above",
  recommendation: {
    met: "Most answers are yes: customer intimacy fits. Invest in knowing individual customers and in staff who can act on that knowledge.",
    notMet:
      "Most answers are no: customer intimacy is unlikely to pay off yet. Compete on cost or product first, or fix the gaps marked no.",
  },
};
