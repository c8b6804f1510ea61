import { describe, expect, it } from "vitest";
import { COLEMAN_JOURNEY, first100DaysPlan, type JourneyModel } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("first100DaysPlan", () => {
  it("dates every Coleman checkpoint from the purchase", () => {
    // Expected dates computed with python3: date(2024, 3, 1) + timedelta(days=start / end).
    const plan = first100DaysPlan(COLEMAN_JOURNEY, "2024-03-01");
    expect([plan.anchor, plan.anchorDate, plan.horizonDay]).toEqual(["purchasedAt", "2024-03-01", 100]);
    expect(plan.checkpoints.map((c) => [c.stage, c.since, c.startDay, c.endDay, c.expectedFrom, c.expectedBy])).toEqual([
      ["assessment", "firstContactAt", 0, 0, null, null],
      ["admission", "firstContactAt", 0, 30, null, null],
      ["affirmation", "purchasedAt", 0, 3, "2024-03-01", "2024-03-04"],
      ["activation", "purchasedAt", 1, 14, "2024-03-02", "2024-03-15"],
      ["acclimation", "purchasedAt", 7, 30, "2024-03-08", "2024-03-31"],
      ["accomplishment", "purchasedAt", 14, 60, "2024-03-15", "2024-04-30"],
      ["adoption", "purchasedAt", 30, 90, "2024-03-31", "2024-05-30"],
      ["advocacy", "purchasedAt", 60, 100, "2024-04-30", "2024-06-09"],
    ]);
    expect(plan.checkpoints[3]?.description).toBe("The first major interaction after the purchase.");
  });

  it("crosses year ends and leap days (UTC), and accepts Date and epoch ms", () => {
    // python3: date(2023, 12, 20) + timedelta(days=100) == date(2024, 3, 29)
    expect(first100DaysPlan(COLEMAN_JOURNEY, "2023-12-20").checkpoints[7]?.expectedBy).toBe("2024-03-29");
    expect(first100DaysPlan(COLEMAN_JOURNEY, new Date(Date.UTC(2023, 11, 20, 23, 30)))).toEqual(
      first100DaysPlan(COLEMAN_JOURNEY, "2023-12-20"),
    );
    expect(first100DaysPlan(COLEMAN_JOURNEY, Date.UTC(2023, 11, 20))).toEqual(first100DaysPlan(COLEMAN_JOURNEY, "2023-12-20"));
  });

  it("leaves stages without a window undated", () => {
    const m: JourneyModel = {
      id: "m",
      name: "m",
      anchor: "at",
      signals: [{ id: "at", type: "date" }],
      stages: [{ id: "s", name: "S", entry: { signal: "at", op: "exists" } }],
    };
    expect(first100DaysPlan(m, "2024-01-01")).toEqual({
      anchor: "at",
      anchorDate: "2024-01-01",
      horizonDay: 0,
      checkpoints: [
        {
          stage: "s",
          name: "S",
          description: "",
          since: null,
          startDay: null,
          endDay: null,
          expectedFrom: null,
          expectedBy: null,
        },
      ],
    });
  });

  it("rejects a bad date", () => {
    expectMetricsError(() => first100DaysPlan(COLEMAN_JOURNEY, "2024-13-01"), "invalid_date", ["purchaseDate"]);
    expectMetricsError(() => first100DaysPlan(COLEMAN_JOURNEY, Number.NaN), "invalid_date", ["purchaseDate"]);
    expectMetricsError(() => first100DaysPlan(COLEMAN_JOURNEY, null as never), "invalid_date", ["purchaseDate"]);
  });
});
