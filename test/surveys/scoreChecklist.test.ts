import { describe, expect, it } from "vitest";
import {
  checklistTally,
  CUSTOMER_INTIMACY_CHECKLIST,
  mergeChecklistTallies,
  parseChecklistDefinition,
  scoreChecklist,
} from "../../src/surveys/index.js";
import { expectClose, expectMetricsError } from "../helpers/expectClose.js";

const def = {
  id: "fit",
  sections: [
    {
      id: "s1",
      title: "One",
      items: [
        { id: "a", text: "A?" },
        { id: "b", text: "B?", weight: 2 },
      ],
    },
    { id: "s2", items: [{ id: "c", text: "C?" }] },
  ],
  recommendation: { met: "Go", notMet: "Wait" },
};

describe("scoreChecklist", () => {
  it("weighted share of yes, per section, with the recommendation (hand-computed)", () => {
    // a yes (w1), b no (w2), c yes (w1): 2/4 = 0.5, not above 0.5 → not recommended.
    const r = scoreChecklist(def, { a: true, b: "no", c: "yes" });
    expect(r.yesShare).toBe(0.5);
    expect([r.yes, r.no, r.unanswered, r.respondents]).toEqual([2, 1, 0, 1]);
    expect(r.recommended).toBe(false);
    expect(r.recommendation).toBe("Wait");
    expect(r.sections.map((s) => s.yesShare)).toEqual([1 / 3, 1]);
    // with rule "at-least", 0.5 passes
    expect(scoreChecklist({ ...def, rule: "at-least" as const }, { a: true, b: "no", c: "yes" }).recommended).toBe(true);
  });

  it("unanswered items: excluded by default, or counted as no", () => {
    const r = scoreChecklist(def, { a: true, c: null });
    expect(r.yesShare).toBe(1);
    expect(r.unanswered).toBe(2);
    expect(r.sections[1]?.yesShare).toBeNull();
    expectClose(scoreChecklist(def, { a: true }, { unanswered: "no" }).yesShare, 0.25, { rel: 1e-15 });
  });

  it("scores many respondents, and tallies merge exactly", () => {
    const answers = [{ a: true, b: true, c: false }, { a: false, b: true, c: true }, { a: true }];
    const r = scoreChecklist(def, answers);
    // yes: a 2, b 2 (w2), c 1 → 2 + 4 + 1 = 7; counted weights: a 3·1, b 2·2, c 2·1 → 9.
    expectClose(r.yesShare, 7 / 9, { rel: 1e-15 });
    expect(r.respondents).toBe(3);
    const merged = mergeChecklistTallies(checklistTally(def, answers.slice(0, 1)), checklistTally(def, answers.slice(1)));
    expect(merged).toEqual(checklistTally(def, answers));
    expect(scoreChecklist(def, merged)).toEqual(r);
  });

  it("ships a customer-intimacy checklist that validates and scores", () => {
    expect(parseChecklistDefinition(CUSTOMER_INTIMACY_CHECKLIST).sections).toHaveLength(3);
    const all = Object.fromEntries(CUSTOMER_INTIMACY_CHECKLIST.sections.flatMap((s) => s.items.map((i) => [i.id, true])));
    expect(scoreChecklist(CUSTOMER_INTIMACY_CHECKLIST, all).recommended).toBe(true);
    const none = Object.fromEntries(Object.keys(all).map((k) => [k, false]));
    const r = scoreChecklist(CUSTOMER_INTIMACY_CHECKLIST, none);
    expect(r.recommended).toBe(false);
    expect(r.recommendation).toMatch(/^Most answers are no/);
  });

  it("rejects bad answers and definitions", () => {
    expectMetricsError(() => scoreChecklist(def, { a: "maybe" } as never), "invalid_type", ["answers", "a"]);
    expectMetricsError(() => scoreChecklist(def, [{ a: true }, { z: true }]), "unknown_reference", ["answers", 1, "z"]);
    expectMetricsError(() => scoreChecklist(def, JSON.parse('{"__proto__": true}') as never), "unsafe_key", [
      "answers",
      "__proto__",
    ]);
    expectMetricsError(() => scoreChecklist(def, {}), "empty_sample", ["answers"]);
    expectMetricsError(() => scoreChecklist(def, []), "empty_sample", ["answers"]);
    expectMetricsError(() => scoreChecklist(def, { a: true }, { unanswered: "yes" as never }), "invalid_option", [
      "options",
      "unanswered",
    ]);
    expectMetricsError(
      () =>
        scoreChecklist(
          {
            sections: [
              {
                id: "s",
                items: [
                  { id: "a", text: "" },
                  { id: "a", text: "" },
                ],
              },
            ],
          },
          { a: true },
        ),
      "duplicate_id",
      ["definition", "sections", 0, "items", 1, "id"],
    );
    expectMetricsError(() => scoreChecklist({ ...def, threshold: 1.5 }, { a: true }), "out_of_range", [
      "definition",
      "threshold",
    ]);
    expectMetricsError(
      () => scoreChecklist({ sections: [{ id: "s", items: [{ id: "a", text: "", weight: 0 }] }] }, { a: true }),
      "out_of_range",
      ["definition", "sections"],
    );
    expectMetricsError(() => scoreChecklist(def, { checklistId: "x", respondents: 1, items: [] } as never), "unit_mismatch", [
      "answers",
    ]);
  });

  it("mergeChecklistTallies refuses something that is not a checklist tally, the first one included", () => {
    const merge = mergeChecklistTallies as (...t: unknown[]) => unknown;
    expectMetricsError(() => merge(null), "invalid_type", [0]);
    expectMetricsError(() => merge({}), "invalid_type", [0, "items"]);
    const t = checklistTally(def, [{ a: true }]);
    expectMetricsError(() => merge(t, { ...t, respondents: Number.NaN }), "invalid_type", [1, "respondents"]);
  });
});
