import { createRng } from "customer-metrics/math";
import {
  ces,
  csat,
  CUSTOMER_INTIMACY_CHECKLIST,
  customerLoyaltyIndex,
  scoreChecklist,
  scoreSurvey,
  type SurveyDefinition,
  type SurveyResponse,
} from "customer-metrics/surveys";
import type { DemoSection } from "../_lib/section.js";
import { pct, table } from "../_lib/table.js";

/** A post-support survey (CSAT, CES, the three CLI questions) on simulated answers, plus a checklist. */
const definition: SurveyDefinition = {
  id: "post-support",
  questions: [
    { id: "csat", text: "How satisfied are you with the support you received?", scale: { min: 1, max: 5 }, required: true },
    { id: "ces", text: "The company made it easy for me to handle my issue.", scale: { min: 1, max: 7 } },
    { id: "waited", text: "I had to wait too long.", scale: { min: 1, max: 5, reverse: true } },
    { id: "recommend", text: "How likely are you to recommend us?", scale: { min: 0, max: 10, topBox: 9, bottomBox: 6 } },
    { id: "repurchase", text: "How likely are you to buy from us again?", scale: { min: 0, max: 10, topBox: 9, bottomBox: 6 } },
    {
      id: "tryOther",
      text: "How likely are you to try our other products?",
      scale: { min: 0, max: 10, topBox: 9, bottomBox: 6 },
    },
  ],
  indices: [
    { id: "service", label: "Service experience (0–100)", questions: ["csat", "ces", "waited"], method: "normalized" },
    { id: "satisfied", label: "Satisfied (4–5)", questions: ["csat"], method: "topBox" },
    {
      id: "loyalty-net",
      label: "Loyalty net (top − bottom box)",
      questions: ["recommend", "repurchase", "tryOther"],
      method: "net",
    },
  ],
};

function simulate(): SurveyResponse[] {
  const rng = createRng(2026);
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  const out: SurveyResponse[] = [];
  for (let i = 0; i < 600; i++) {
    const mood = rng.normal(0, 1); // one latent attitude drives every answer
    const answers: Record<string, number | null> = {
      csat: clamp(3.9 + 0.9 * mood + rng.normal(0, 0.5), 1, 5),
      ces: rng.next() < 0.1 ? null : clamp(5 + 1.2 * mood + rng.normal(0, 0.8), 1, 7),
      waited: clamp(2.4 - 0.8 * mood + rng.normal(0, 0.7), 1, 5),
      recommend: clamp(7.4 + 1.8 * mood + rng.normal(0, 1), 0, 10),
      repurchase: clamp(7.8 + 1.5 * mood + rng.normal(0, 1), 0, 10),
      tryOther: clamp(6.2 + 1.6 * mood + rng.normal(0, 1.2), 0, 10),
    };
    if (i % 97 === 5) answers["csat"] = null; // a few skip a required question
    if (i % 151 === 7) answers["csat"] = 6; // data-entry error: off the scale
    out.push({ respondentId: `r${i % 590}`, answers }); // the last ten reuse earlier ids: duplicates
  }
  return out;
}

export const section: DemoSection = {
  title: "Surveys: CSAT, CES, the Customer Loyalty Index and a checklist",
  run() {
    const responses = simulate();
    const s = scoreSurvey(definition, responses);
    const lines: string[] = [];
    lines.push(
      `${responses.length} simulated post-support responses; ${s.n} scored, ${s.excluded.count} excluded: ` +
        Object.entries(s.excluded.byReason)
          .filter(([, c]) => c > 0)
          .map(([reason, c]) => `${c} ${reason.replace(/_/g, " ")}`)
          .join(", ") +
        ".",
      "",
      table(
        s.questions.map((q) => ({
          question: q.id,
          n: q.n,
          mean: q.mean ?? "",
          sd: q.sd ?? "",
          "top box": q.topBox === null ? "" : pct(q.topBox),
          "bottom box": q.bottomBox === null ? "" : pct(q.bottomBox),
          reversed: q.reverseCoded ? "yes" : "",
        })),
      ),
      "",
      table(
        s.indices.map((x) => ({
          index: x.label ?? x.id,
          value: x.value === null ? "" : x.method === "normalized" ? x.value.toFixed(1) : pct(x.value),
          "95% CI":
            x.confidenceInterval === null
              ? ""
              : x.confidenceInterval.map((v) => (x.method === "normalized" ? v.toFixed(1) : pct(v))).join(" … "),
          interval: x.intervalMethod,
        })),
      ),
    );
    const scored = responses.filter((r) => typeof r.answers["csat"] === "number" && (r.answers["csat"] as number) <= 5);
    const sat = csat(scored.map((r) => r.answers["csat"] as number));
    const effort = ces(
      scored.map((r) => r.answers["ces"] ?? null),
      { onInvalid: "skip" },
    );
    const cli = customerLoyaltyIndex(
      scored.map((r) => ({
        recommend: r.answers["recommend"] as number,
        repurchase: r.answers["repurchase"] as number,
        tryOther: r.answers["tryOther"] as number,
      })),
    );
    const cliNet = customerLoyaltyIndex(
      scored.map((r) => ({
        recommend: r.answers["recommend"] as number,
        repurchase: r.answers["repurchase"] as number,
        tryOther: r.answers["tryOther"] as number,
      })),
      { method: "net" },
    );
    lines.push(
      "",
      `CSAT (share 4–5): ${pct(sat.value)} [${sat.confidenceInterval?.map((v) => pct(v)).join(" … ")}]; mean ${sat.mean.toFixed(2)} of 5.`,
      `CES (mean of 1–7): ${effort.value.toFixed(2)}; share agreeing (5–7): ${pct(effort.share)}; ${effort.excluded.byReason.missing} left it blank.`,
      `Customer Loyalty Index: ${cli.value.toFixed(2)} of 10 (normalised ${cli.normalized.toFixed(1)}), net variant ${cliNet.value.toFixed(1)} points — two definitions, two numbers.`,
      `Loyalty levels: ${cli.levels.high} high, ${cli.levels.medium} medium, ${cli.levels.low} low.`,
    );
    const team = [
      {
        "repeat-relationships": true,
        "tailored-value": true,
        "pay-for-fit": false,
        "empowered-staff": false,
        "shared-history": true,
        "fast-tailoring": false,
        "retention-cheaper": true,
        "concentrated-profit": true,
      },
      {
        "repeat-relationships": true,
        "tailored-value": true,
        "pay-for-fit": true,
        "empowered-staff": false,
        "shared-history": false,
        "fast-tailoring": false,
        "retention-cheaper": true,
        "concentrated-profit": null,
      },
      {
        "repeat-relationships": true,
        "tailored-value": false,
        "pay-for-fit": false,
        "empowered-staff": true,
        "shared-history": true,
        "fast-tailoring": false,
        "retention-cheaper": true,
        "concentrated-profit": true,
      },
    ];
    const check = scoreChecklist(CUSTOMER_INTIMACY_CHECKLIST, team);
    lines.push(
      "",
      `"${CUSTOMER_INTIMACY_CHECKLIST.title}" — three leaders answered: ${pct(check.yesShare)} yes ` +
        `(${check.sections.map((x) => `${x.title ?? x.id} ${x.yesShare === null ? "–" : pct(x.yesShare)}`).join(", ")}).`,
      check.recommendation ?? "",
    );
    return lines.join("\n");
  },
};
