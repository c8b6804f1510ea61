import { describe, expect, it } from "vitest";
import { parseChecklistDefinition, parseSurveyDefinition, SurveyDefinitionSchema } from "../../src/surveys/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

const q = (id: string, extra: Record<string, unknown> = {}) => ({ id, text: id, scale: { min: 1, max: 5, ...extra } });

describe("survey schemas", () => {
  it("accepts a full definition", () => {
    const d = parseSurveyDefinition({
      id: "s",
      questions: [q("a", { labels: ["1", "2", "3", "4", "5"], best: "max" }), q("b", { reverse: true })],
      indices: [{ id: "i", questions: ["a", "b"], method: "normalized", weights: [1, 2] }],
    });
    expect(d.indices?.[0]?.method).toBe("normalized");
  });

  it("checks shape with zod and meaning with the shared rules", () => {
    expectMetricsError(
      () => parseSurveyDefinition({ questions: [{ id: "a", text: "a", scale: { min: 1, max: 4.5 } }] }),
      "invalid_type",
      ["questions", 0, "scale", "max"],
    );
    expectMetricsError(() => parseSurveyDefinition({ questions: [] }), "out_of_range", ["questions"]);
    expectMetricsError(
      () => parseSurveyDefinition({ questions: [q("a")], indices: [{ id: "i", questions: ["a"], method: "median" }] }),
      "invalid_option",
      ["indices", 0, "method"],
    );
    expectMetricsError(() => parseSurveyDefinition({ questions: [q("__proto__")] }), "unsafe_key", ["questions", 0, "id"]);
    expectMetricsError(() => parseSurveyDefinition({ questions: [q("a"), q("a")] }), "invalid_input", ["questions", 1, "id"]);
    expectMetricsError(
      () => parseSurveyDefinition({ questions: [q("a")], indices: [{ id: "i", questions: ["x"], method: "mean" }] }),
      "invalid_input",
      ["indices", 0, "questions", 0],
    );
    expectMetricsError(
      () => parseSurveyDefinition({ questions: [{ id: "a", text: "a", scale: { min: 5, max: 1 } }] }),
      "invalid_input",
      ["questions", 0, "scale", "max"],
    );
    expectMetricsError(() => parseSurveyDefinition({ questions: [q("a", { topBox: 9 })] }), "invalid_input", [
      "questions",
      0,
      "scale",
      "topBox",
    ]);
    expect(SurveyDefinitionSchema.safeParse({ questions: [q("a")] }).success).toBe(true);
  });

  it("validates checklists", () => {
    expectMetricsError(() => parseChecklistDefinition({ sections: [{ id: "s", items: [] }] }), "out_of_range", [
      "sections",
      0,
      "items",
    ]);
    expectMetricsError(
      () => parseChecklistDefinition({ sections: [{ id: "s", items: [{ id: "prototype", text: "" }] }] }),
      "unsafe_key",
      ["sections", 0, "items", 0, "id"],
    );
    expectMetricsError(
      () => parseChecklistDefinition({ sections: [{ id: "s", items: [{ id: "a", text: "" }] }], threshold: 2 }),
      "out_of_range",
      ["threshold"],
    );
  });
});
