import { describe, expect, it } from "vitest";
import { COLEMAN_JOURNEY, journeySignalsFromEvents, journeySnapshotsFromEvents } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("journeySnapshotsFromEvents", () => {
  it("groups an event log by customer, in order of first appearance, like the single-customer function", () => {
    const log = [
      { customerId: 2, type: "lead_created", at: "2024-01-05" },
      { customerId: "2", type: "order_placed", at: "2024-01-09" },
      { customerId: 2, type: "order_placed", at: "2024-01-07" },
      { customerId: 2, type: "nps_response", at: "2024-02-01", value: 10 },
      { customerId: "2", type: "referral_made", at: "2024-02-02" },
    ];
    const snaps = journeySnapshotsFromEvents(COLEMAN_JOURNEY, log, { asOf: "2024-03-01" });
    expect(snaps.map((s) => s.customerId)).toEqual([2, "2"]);
    expect(snaps[0]).toEqual({
      customerId: 2,
      ...journeySignalsFromEvents(COLEMAN_JOURNEY, [log[0], log[2], log[3]] as never, { asOf: "2024-03-01" }),
    });
    expect(snaps[0]).toEqual({
      customerId: 2,
      firstContactAt: "2024-01-05",
      purchasedAt: "2024-01-07",
      lastActiveAt: "2024-01-07",
      npsScore: 10,
      referralCount: 0,
    });
    expect(snaps[1]).toEqual({
      customerId: "2",
      purchasedAt: "2024-01-09",
      lastActiveAt: "2024-01-09",
      firstReferralAt: "2024-02-02",
      referralCount: 1,
    });
  });

  it("rejects a log without ids, an empty log and unknown types", () => {
    expectMetricsError(() => journeySnapshotsFromEvents(COLEMAN_JOURNEY, [], { asOf: "2024-03-01" }), "empty_sample", ["events"]);
    expectMetricsError(
      () =>
        journeySnapshotsFromEvents(COLEMAN_JOURNEY, [{ type: "order_placed", at: "2024-01-01" } as never], {
          asOf: "2024-03-01",
        }),
      "invalid_type",
      [0, "customerId"],
    );
    expectMetricsError(
      () =>
        journeySnapshotsFromEvents(
          COLEMAN_JOURNEY,
          [
            { customerId: 1, type: "order_placed", at: "2024-01-01" },
            { customerId: 1, type: "refund", at: "2024-01-02" },
          ],
          { asOf: "2024-03-01" },
        ),
      "unknown_reference",
      [1, "type"],
    );
  });
});
