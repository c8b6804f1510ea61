import { describe, expect, it } from "vitest";
import { NpsResponseSchema, NpsScoreSchema, parseNpsResponses } from "../../src/nps/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("nps schemas", () => {
  it("accepts valid responses", () => {
    expect(
      parseNpsResponses([
        { score: 0, at: "2024-01-01" },
        { score: 10, at: 0, weight: 2 },
      ]),
    ).toHaveLength(2);
    expect(NpsScoreSchema.safeParse(7).success).toBe(true);
    expect(NpsResponseSchema.safeParse({ score: 9, at: new Date(0) }).success).toBe(true);
  });

  it("rejects bad responses with code and path", () => {
    expectMetricsError(
      () =>
        parseNpsResponses([
          { score: 9, at: "2024-01-01" },
          { score: 11, at: "2024-01-01" },
        ]),
      "out_of_range",
      [1, "score"],
    );
    expectMetricsError(() => parseNpsResponses([{ score: 7.5, at: "2024-01-01" }]), "invalid_type", [0, "score"]);
    expectMetricsError(() => parseNpsResponses([{ score: "9", at: "2024-01-01" }]), "invalid_type", [0, "score"]);
    expectMetricsError(() => parseNpsResponses([{ score: 9, at: "yesterday" }]), "invalid_input", [0, "at"]);
    expectMetricsError(() => parseNpsResponses([{ score: 9, at: "2024-01-01", weight: -1 }]), "out_of_range", [0, "weight"]);
    expectMetricsError(() => parseNpsResponses("x"), "invalid_type", []);
  });
});
