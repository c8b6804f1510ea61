import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeSurveyTallies, scoreSurvey, type SurveyDefinition, surveyTally } from "../../src/surveys/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";
import { ref } from "./_ref.js";

const definition: SurveyDefinition = {
  id: "post-support",
  questions: [
    { id: "q1", text: "I am satisfied", scale: { min: 1, max: 5, labels: ["1", "2", "3", "4", "5"] }, required: true },
    { id: "q2", text: "It took too long", scale: { min: 1, max: 5, reverse: true } },
    { id: "q3", text: "Would you recommend us?", scale: { min: 0, max: 10, topBox: 9, bottomBox: 6 } },
    { id: "q4", text: "Effort (1 = very easy)", scale: { min: 1, max: 7, best: "min" } },
  ],
  indices: [
    { id: "satisfaction", questions: ["q1", "q2"], method: "mean" },
    { id: "overall", questions: ["q1", "q2", "q3", "q4"], method: "normalized", weights: [2, 1, 1, 0.5] },
    { id: "promoters", questions: ["q3"], method: "topBox" },
    { id: "happyBoth", questions: ["q1", "q2"], method: "topBox" },
    { id: "net", questions: ["q1", "q3"], method: "net", weights: [1, 3] },
    { id: "unhappy", questions: ["q4"], method: "bottomBox" },
  ],
};
const responses = (ref.survey.answers as Record<string, number | null>[]).map((answers, i) => ({
  respondentId: `r${i}`,
  answers,
}));

describe("scoreSurvey", () => {
  it("per-question statistics on the coded scale match the reference", () => {
    const s = scoreSurvey(definition, responses);
    expect(s.n).toBe(6);
    expect(s.surveyId).toBe("post-support");
    for (const q of s.questions) {
      const r = ref.survey.questions[q.id];
      expect(q.n, q.id).toBe(r.n);
      expectClose(q.mean as number, r.mean, { rel: 1e-12 }, q.id);
      expectClose(q.sd as number, r.sd, { rel: 1e-9 }, q.id);
      expectClose(q.meanConfidenceInterval?.[0] as number, r.lower, { rel: 1e-9 }, q.id);
      expectClose(q.topBox as number, r.topBox, { rel: 1e-12 }, q.id);
      expectClose(q.bottomBox as number, r.bottomBox, { rel: 1e-12 }, q.id);
      expectClose(q.net as number, r.net, { rel: 1e-12, abs: 1e-15 }, q.id);
    }
    expect(s.questions[0]?.distribution).toEqual([1, 1, 1, 1, 2]);
    expect(s.questions[0]?.labels).toEqual(["1", "2", "3", "4", "5"]);
    expect(s.questions.map((q) => q.reverseCoded)).toEqual([false, true, false, true]);
    expect(s.questions[2]?.topBoxMin).toBe(9);
    expect(s.questions[0]?.topBoxMin).toBe(4); // default: top two points of a 5-point scale
  });

  it("indices with t (means, normalised, net) and Wilson (boxes) intervals match the reference", () => {
    const s = scoreSurvey(definition, responses);
    const byId = new Map(s.indices.map((x) => [x.id, x]));
    for (const id of ["satisfaction", "overall", "net"]) {
      const r = ref.survey.indices[id];
      const x = byId.get(id);
      expect(x?.intervalMethod).toBe("t");
      expectClose(x?.value as number, r.mean, { rel: 1e-12 }, id);
      expectClose(x?.confidenceInterval?.[0] as number, r.lower, { rel: 1e-9 }, id);
      expectClose(x?.confidenceInterval?.[1] as number, r.upper, { rel: 1e-9 }, id);
      expectClose(x?.standardError as number, r.se, { rel: 1e-9 }, id);
    }
    for (const id of ["promoters", "happyBoth", "unhappy"]) {
      const r = ref.survey.indices[id];
      const x = byId.get(id);
      expect(x?.intervalMethod).toBe("wilson");
      expectClose(x?.value as number, r.mean, { rel: 1e-12 }, id);
      expectClose(x?.confidenceInterval?.[0] as number, r.lower, { rel: 1e-9 }, id);
      expectClose(x?.confidenceInterval?.[1] as number, r.upper, { rel: 1e-9 }, id);
    }
    expect(byId.get("unhappy")?.n).toBe(5); // one respondent skipped q4
  });

  it("excludes responses with the reason: duplicate, unknown question, off scale, missing required, invalid", () => {
    const s = scoreSurvey(definition, [
      { respondentId: "a", answers: { q1: 5 } },
      { respondentId: "a", answers: { q1: 4 } },
      { respondentId: "b", answers: { q1: 4, q9: 3 } },
      { respondentId: "c", answers: { q1: 6 } },
      { respondentId: "d", answers: { q1: 4.5 } },
      { respondentId: "e", answers: { q2: 3 } },
      { respondentId: "f", answers: { q1: null } },
      null as never,
      { answers: { q1: 3 } },
      { respondentId: 7, answers: { q1: 2 } },
    ]);
    expect(s.n).toBe(3);
    expect(s.excluded.byReason).toEqual({
      duplicate_respondent: 1,
      invalid_response: 1,
      unknown_question: 1,
      off_scale: 2,
      missing_required: 2,
    });
    expect(s.excluded.responses.slice(0, 3)).toEqual([
      { index: 1, respondentId: "a", reason: "duplicate_respondent", questionId: null },
      { index: 2, respondentId: "b", reason: "unknown_question", questionId: "q9" },
      { index: 3, respondentId: "c", reason: "off_scale", questionId: "q1" },
    ]);
    expect(s.excluded.count).toBe(7);
  });

  it("throws instead of excluding with onInvalid: 'throw'", () => {
    const opts = { onInvalid: "throw" as const };
    expectMetricsError(() => scoreSurvey(definition, [{ answers: { q1: 9 } }], opts), "out_of_range", [
      "responses",
      0,
      "answers",
      "q1",
    ]);
    expectMetricsError(() => scoreSurvey(definition, [{ answers: { q1: 2, zz: 1 } }], opts), "unknown_reference", [
      "responses",
      0,
      "answers",
      "zz",
    ]);
    expectMetricsError(() => scoreSurvey(definition, [{ answers: {} }], opts), "invalid_input", [
      "responses",
      0,
      "answers",
      "q1",
    ]);
    expectMetricsError(
      () =>
        scoreSurvey(
          definition,
          [
            { respondentId: "x", answers: { q1: 1 } },
            { respondentId: "x", answers: { q1: 1 } },
          ],
          opts,
        ),
      "duplicate_id",
      ["responses", 1, "respondentId"],
    );
  });

  it("rejects unsafe answer keys, bad definitions and empty input", () => {
    const proto = JSON.parse('{"respondentId": "p", "answers": {"__proto__": 3, "q1": 4}}') as never;
    expectMetricsError(() => scoreSurvey(definition, [proto]), "unsafe_key", ["responses", 0, "answers", "__proto__"]);
    expectMetricsError(() => scoreSurvey(definition, []), "empty_sample", ["responses"]);
    const q = (id: string) => ({ id, text: id, scale: { min: 1, max: 5 } });
    expectMetricsError(() => scoreSurvey({ questions: [q("a"), q("a")] }, [{ answers: {} }]), "duplicate_id", [
      "definition",
      "questions",
      1,
      "id",
    ]);
    expectMetricsError(() => scoreSurvey({ questions: [q("constructor")] }, [{ answers: {} }]), "unsafe_key", [
      "definition",
      "questions",
      0,
      "id",
    ]);
    expectMetricsError(
      () => scoreSurvey({ questions: [q("a")], indices: [{ id: "i", questions: ["b"], method: "mean" }] }, [{ answers: {} }]),
      "unknown_reference",
      ["definition", "indices", 0, "questions", 0],
    );
    expectMetricsError(
      () =>
        scoreSurvey({ questions: [q("a")], indices: [{ id: "i", questions: ["a"], method: "mean", weights: [0] }] }, [
          { answers: {} },
        ]),
      "out_of_range",
      ["definition", "indices", 0, "weights"],
    );
    expectMetricsError(
      () =>
        scoreSurvey({ questions: [q("a")], indices: [{ id: "i", questions: ["a"], method: "mean", weights: [-1] }] }, [
          { answers: {} },
        ]),
      "out_of_range",
      ["definition", "indices", 0, "weights", 0],
    );
    expectMetricsError(
      () =>
        scoreSurvey({ questions: [q("a")], indices: [{ id: "i", questions: ["a"], method: "mean", weights: [1, 2] }] }, [
          { answers: {} },
        ]),
      "length_mismatch",
      ["definition", "indices", 0, "weights"],
    );
    expectMetricsError(
      () => scoreSurvey({ questions: [{ id: "a", text: "", scale: { min: 1, max: 5, labels: ["x"] } }] }, [{ answers: {} }]),
      "invalid_input",
      ["definition", "questions", 0, "scale", "labels"],
    );
    expectMetricsError(() => scoreSurvey({ questions: [] }, [{ answers: {} }]), "empty_sample", ["definition", "questions"]);
    expectMetricsError(() => scoreSurvey(definition, responses, { confidence: 2 }), "out_of_range", ["options", "confidence"]);
  });

  it("questions nobody answered have null statistics (never NaN)", () => {
    const s = scoreSurvey(definition, [{ answers: { q1: 4 } }]);
    const q2 = s.questions[1];
    expect([q2?.n, q2?.mean, q2?.sd, q2?.topBox, q2?.meanConfidenceInterval]).toEqual([0, null, null, null, null]);
    const idx = s.indices.find((x) => x.id === "promoters");
    expect([idx?.n, idx?.value, idx?.confidenceInterval]).toEqual([0, null, null]);
  });

  it("does not mutate inputs", () => {
    const d = JSON.parse(JSON.stringify(definition)) as SurveyDefinition;
    const r = JSON.parse(JSON.stringify(responses)) as typeof responses;
    scoreSurvey(definition, responses);
    expect(definition).toEqual(d);
    expect(responses).toEqual(r);
  });

  it("merged partition tallies score like the whole (property)", () => {
    const answer = fc.record({
      q1: fc.integer({ min: 1, max: 5 }),
      q2: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      q3: fc.integer({ min: 0, max: 10 }),
      q4: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
    });
    const part = fc.array(
      answer.map((answers) => ({ answers })),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const merged = mergeSurveyTallies(...parts.map((p) => surveyTally(definition, p)));
        const a = scoreSurvey(definition, merged);
        const b = scoreSurvey(definition, parts.flat());
        expect(a.questions).toEqual(b.questions);
        a.indices.forEach((x, k) => {
          const y = b.indices[k];
          expect(x.n).toBe(y?.n);
          expectClose(x.value as number, y?.value as number, { rel: 1e-9, abs: 1e-12 });
          if (x.value !== null && x.method === "normalized") {
            expect(x.value).toBeGreaterThanOrEqual(0);
            expect(x.value).toBeLessThanOrEqual(100);
          }
        });
      }),
    );
  });

  it("refuses tallies of another survey", () => {
    const other: SurveyDefinition = { questions: [{ id: "x", text: "x", scale: { min: 1, max: 3 } }] };
    const t = surveyTally(other, [{ answers: { x: 1 } }]);
    expectMetricsError(() => mergeSurveyTallies(surveyTally(definition, responses), t), "unit_mismatch", [1]);
    expectMetricsError(() => scoreSurvey(definition, t), "unit_mismatch", ["tally", "questions", 0]);
  });

  it("mergeSurveyTallies refuses something that is not a survey tally, the first one included", () => {
    const merge = mergeSurveyTallies as (...t: unknown[]) => unknown;
    expectMetricsError(() => merge(undefined), "invalid_type", [0]);
    expectMetricsError(() => merge([]), "invalid_type", [0]);
    expectMetricsError(() => merge({}), "invalid_type", [0, "questions"]);
    const t = surveyTally(definition, responses);
    expectMetricsError(() => merge(t, { ...t, excluded: undefined }), "invalid_type", [1, "excluded"]);
  });
});
