import { describe, expect, it } from "vitest";
import { csat, parseChecklistDefinition, parseSurveyDefinition, scoreChecklist } from "../../src/surveys/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

// Issue 13: hostile inputs. Each reproducer is a MetricsError with code and path.
describe("surveys hostile inputs (issue 13)", () => {
  const question = '{"id":"q1","text":"Overall?","scale":{"min":1,"max":5}}';

  it("parseSurveyDefinition rejects __proto__ / constructor / prototype keys from JSON", () => {
    expectMetricsError(() => parseSurveyDefinition(JSON.parse(`{"__proto__": {}, "questions": [${question}]}`)), "unsafe_key", [
      "__proto__",
    ]);
    expectMetricsError(() => parseSurveyDefinition(JSON.parse(`{"constructor": {}, "questions": [${question}]}`)), "unsafe_key", [
      "constructor",
    ]);
    expectMetricsError(
      () => parseSurveyDefinition(JSON.parse(`{"questions": [{"id":"q1","text":"x","scale":{"min":1,"max":5,"prototype":1}}]}`)),
      "unsafe_key",
      ["questions", 0, "scale", "prototype"],
    );
    expect(parseSurveyDefinition(JSON.parse(`{"questions": [${question}]}`)).questions.length).toBe(1);
  });

  it("parseChecklistDefinition rejects them too", () => {
    expectMetricsError(
      () =>
        parseChecklistDefinition(
          JSON.parse('{"__proto__": {}, "sections": [{"id": "s", "items": [{"id": "a", "text": "Do we?"}]}]}'),
        ),
      "unsafe_key",
      ["__proto__"],
    );
  });

  it('scoreChecklist: an answer "maybe" is invalid_type', () => {
    const def = {
      sections: [
        {
          id: "s",
          items: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
          ],
        },
      ],
    };
    expectMetricsError(() => scoreChecklist(def as never, { a: true, b: "maybe" } as never), "invalid_type", ["answers", "b"]);
    expectMetricsError(() => scoreChecklist(def as never, { a: 1 } as never), "invalid_type", ["answers", "a"]);
  });

  it("csat: confidence 0.9999999999999999 is out_of_range", () => {
    expectMetricsError(() => csat([5, 4, 4, 3, 1], { confidence: 0.9999999999999999 }), "out_of_range", [
      "options",
      "confidence",
    ]);
    expect(csat([5, 4, 4, 3, 1], { confidence: 0.999999999 }).value).toBe(0.6);
  });
});
