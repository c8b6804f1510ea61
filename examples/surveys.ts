/**
 * Surveys, notebook style: run with `npx tsx examples/surveys.ts`.
 *
 * 1. One set of ratings, every published CSAT / CES definition.
 * 2. The Customer Loyalty Index: mean, net, 0–10 vs 1–6 scales, loyalty levels.
 * 3. A custom survey with reverse-scored items, indices and exclusions.
 * 4. Tallies per store, merged exactly.
 * 5. A yes/no checklist.
 */
import { createRng } from "customer-metrics/math";
import {
  ces,
  csat,
  CUSTOMER_INTIMACY_CHECKLIST,
  customerLoyaltyIndex,
  mergeRatingTallies,
  mergeSurveyTallies,
  ratingTally,
  scoreChecklist,
  scoreSurvey,
  surveyTally,
  type SurveyDefinition,
} from "customer-metrics/surveys";
import { heading, pct, table } from "./_lib/table.js";

const rng = createRng(11);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

console.log(heading("1. CSAT and CES: the definition changes the number"));
const sat = Array.from({ length: 250 }, () => clamp(rng.normal(3.9, 1), 1, 5));
const effort = Array.from({ length: 250 }, () => clamp(rng.normal(5.1, 1.4), 1, 7));
const fmtCi = (ci: readonly [number, number] | null, f: (x: number) => string) =>
  ci === null ? "" : `${f(ci[0])} … ${f(ci[1])}`;
console.log(
  table([
    { metric: "CSAT, share of 4–5 (Delighted)", value: pct(csat(sat).value), "95% CI": fmtCi(csat(sat).confidenceInterval, pct) },
    {
      metric: "CSAT, share of 5 only",
      value: pct(csat(sat, { satisfiedMin: 5 }).value),
      "95% CI": fmtCi(csat(sat, { satisfiedMin: 5 }).confidenceInterval, pct),
    },
    {
      metric: "CSAT, mean of 1–5",
      value: csat(sat, { method: "mean" }).value.toFixed(2),
      "95% CI": fmtCi(csat(sat, { method: "mean" }).confidenceInterval, (x) => x.toFixed(2)),
    },
    {
      metric: "CES, mean of 1–7 (CES 2.0)",
      value: ces(effort).value.toFixed(2),
      "95% CI": fmtCi(ces(effort).confidenceInterval, (x) => x.toFixed(2)),
    },
    {
      metric: "CES, share agreeing 5–7",
      value: pct(ces(effort, { method: "share-agree" }).value),
      "95% CI": fmtCi(ces(effort, { method: "share-agree" }).confidenceInterval, pct),
    },
  ]),
);

console.log(heading("2. Customer Loyalty Index"));
const cliAnswers = Array.from({ length: 300 }, () => {
  const m = rng.normal(0, 1);
  return { recommend: clamp(7.5 + 1.7 * m, 0, 10), repurchase: clamp(7.9 + 1.4 * m, 0, 10), tryOther: clamp(6 + 1.8 * m, 0, 10) };
});
const cliMean = customerLoyaltyIndex(cliAnswers);
const cliNet = customerLoyaltyIndex(cliAnswers, { method: "net" });
// The same attitudes on a 1–6 scale where 1 is best (school-grade style).
const toSix = (x: number) => clamp(6 - (5 * x) / 10, 1, 6);
const cliSix = customerLoyaltyIndex(
  cliAnswers.map((a) => ({ recommend: toSix(a.recommend), repurchase: toSix(a.repurchase), tryOther: toSix(a.tryOther) })),
  { scale: { min: 1, max: 6, best: "min" } },
);
console.log(
  table([
    {
      variant: "mean of three 0–10 answers",
      value: cliMean.value.toFixed(2),
      normalized: cliMean.normalized.toFixed(1),
      "95% CI (0–100)": fmtCi(cliMean.normalizedConfidenceInterval, (x) => x.toFixed(1)),
    },
    {
      variant: "net (NPS-style) per question",
      value: cliNet.value.toFixed(1),
      normalized: cliNet.normalized.toFixed(1),
      "95% CI (0–100)": fmtCi(cliNet.normalizedConfidenceInterval, (x) => x.toFixed(1)),
    },
    {
      variant: "mean on 1–6, 1 = best",
      value: cliSix.value.toFixed(2),
      normalized: cliSix.normalized.toFixed(1),
      "95% CI (0–100)": fmtCi(cliSix.normalizedConfidenceInterval, (x) => x.toFixed(1)),
    },
  ]),
);
console.log(
  table(
    (["recommend", "repurchase", "tryOther"] as const).map((q) => ({
      question: q,
      mean: cliMean.perQuestion[q].mean,
      "net (points)": cliMean.perQuestion[q].net ?? "",
    })),
  ),
);
console.log(`Loyalty levels (0–100 mean ≥ 80 high, ≥ 60 medium): ${JSON.stringify(cliMean.levels)}`);

console.log(heading("3. A custom survey"));
const definition: SurveyDefinition = {
  id: "onboarding",
  questions: [
    {
      id: "clear",
      text: "Setup instructions were clear",
      scale: { min: 1, max: 5, labels: ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"] },
      required: true,
    },
    { id: "confusing", text: "The product was confusing at first", scale: { min: 1, max: 5, reverse: true } },
    { id: "grade", text: "Grade our onboarding (1 = excellent … 6 = poor)", scale: { min: 1, max: 6, best: "min" } },
  ],
  indices: [
    { id: "onboarding", questions: ["clear", "confusing", "grade"], method: "normalized", weights: [2, 1, 1] },
    { id: "agree", questions: ["clear"], method: "topBox" },
  ],
};
const responses = Array.from({ length: 120 }, (_, i) => {
  const m = rng.normal(0, 1);
  return {
    respondentId: `u${i}`,
    answers: {
      clear: clamp(3.8 + m, 1, 5),
      confusing: rng.next() < 0.2 ? null : clamp(2.6 - m, 1, 5),
      grade: clamp(2.5 - m, 1, 6),
    },
  };
});
responses.push({ respondentId: "u3", answers: { clear: 5, confusing: 1, grade: 1 } }); // duplicate
responses.push({ respondentId: "x1", answers: { clear: 9, confusing: 1, grade: 1 } }); // off scale
responses.push({ respondentId: "x2", answers: { clear: 4, confusing: 2, grade: 2, speed: 3 } as never }); // unknown question
const scored = scoreSurvey(definition, responses);
console.log(
  table(
    scored.questions.map((q) => ({
      question: q.id,
      n: q.n,
      mean: q.mean ?? "",
      "top box": q.topBox === null ? "" : pct(q.topBox),
      reversed: q.reverseCoded,
    })),
  ),
);
console.log(
  table(
    scored.indices.map((x) => ({
      index: x.id,
      method: x.method,
      value: x.value ?? "",
      "95% CI": fmtCi(x.confidenceInterval, (v) => v.toFixed(3)),
      n: x.n,
    })),
  ),
);
console.log(
  table(
    scored.excluded.responses.map((e) => ({
      index: e.index,
      respondent: e.respondentId,
      reason: e.reason,
      question: e.questionId,
    })),
  ),
);

console.log(heading("4. Tallies per store, merged"));
const stores = [0, 1, 2].map((k) =>
  ratingTally(Array.from({ length: 80 + 40 * k }, () => clamp(rng.normal(3.6 + 0.3 * k, 1), 1, 5))),
);
console.log(table(stores.map((t, k) => ({ store: `#${k + 1}`, n: t.n, CSAT: pct(csat(t).value) }))));
console.log(`All stores: CSAT ${pct(csat(mergeRatingTallies(...stores)).value)} (exact: integer histograms).`);
const half = Math.floor(responses.length / 2);
const mergedSurvey = scoreSurvey(
  definition,
  mergeSurveyTallies(surveyTally(definition, responses.slice(0, half)), surveyTally(definition, responses.slice(half))),
);
console.log(
  `Survey tallied in two halves and merged: onboarding index ${(mergedSurvey.indices[0]?.value ?? 0).toFixed(3)}, n ${mergedSurvey.n} ` +
    `(whole: ${(scored.indices[0]?.value ?? 0).toFixed(3)}, n ${scored.n}).\nThe duplicate u3 sits in the other half, so no partition can see it: ` +
    "duplicates are only caught within one tally, so partition by respondent.",
);

console.log(heading("5. Checklist"));
const check = scoreChecklist(CUSTOMER_INTIMACY_CHECKLIST, {
  "repeat-relationships": true,
  "tailored-value": false,
  "pay-for-fit": false,
  "empowered-staff": false,
  "shared-history": true,
  "fast-tailoring": false,
  "retention-cheaper": true,
  "concentrated-profit": false,
});
console.log(table(check.items.map((i) => ({ item: i.text, answer: i.yes ? "yes" : i.no ? "no" : "–" }))));
console.log(`${pct(check.yesShare)} yes (threshold: more than ${pct(check.threshold)}): ${check.recommendation}`);
