import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COLEMAN_JOURNEY, stageTransitions } from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

describe("stageTransitions", () => {
  it("builds the from × to matrix between two snapshots (hand-checked)", () => {
    const before = {
      asOf: "2024-03-01",
      customers: [
        { customerId: "a", firstContactAt: "2024-02-01" }, // assessment -> admission
        { customerId: "b", purchasedAt: "2024-02-01" }, // admission -> admission
        { customerId: "c", purchasedAt: "2024-02-01", onboardingStartedAt: "2024-02-03" }, // activation -> advocacy
        { customerId: "d" }, // none -> assessment
        { customerId: "gone", purchasedAt: "2024-01-01" },
      ],
    };
    const after = {
      asOf: "2024-04-01",
      customers: [
        { customerId: "d", firstContactAt: "2024-03-15" },
        { customerId: "c", purchasedAt: "2024-02-01", onboardingStartedAt: "2024-02-03", referralCount: 2 },
        { customerId: "b", purchasedAt: "2024-02-01" },
        { customerId: "a", firstContactAt: "2024-02-01", purchasedAt: "2024-03-10" },
        { customerId: "new", firstContactAt: "2024-03-30" },
      ],
    };
    const t = stageTransitions(COLEMAN_JOURNEY, before, after);
    const k = COLEMAN_JOURNEY.stages.length;
    const expected = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
    (expected[0] as number[])[1] = 1; // a
    (expected[1] as number[])[1] = 1; // b
    (expected[3] as number[])[7] = 1; // c
    (expected[k] as number[])[0] = 1; // d
    expect(t.matrix).toEqual(expected);
    expect(t.stages).toEqual(COLEMAN_JOURNEY.stages.map((s) => s.id));
    expect({
      n: t.n,
      forward: t.forward,
      backward: t.backward,
      unchanged: t.unchanged,
      onlyBefore: t.onlyBefore,
      onlyAfter: t.onlyAfter,
      from: t.from,
      to: t.to,
    }).toEqual({
      n: 4,
      forward: 3,
      backward: 0,
      unchanged: 1,
      onlyBefore: 1,
      onlyAfter: 1,
      from: "2024-03-01",
      to: "2024-04-01",
    });
  });

  it("counts a lost signal as a backward move", () => {
    const t = stageTransitions(
      COLEMAN_JOURNEY,
      { asOf: "2024-03-01", customers: [{ customerId: 1, purchasedAt: "2024-02-01", affirmedAt: "2024-02-02" }] },
      { asOf: "2024-03-02", customers: [{ customerId: 1, purchasedAt: "2024-02-01" }] },
    );
    expect([t.backward, t.matrix[2]?.[1]]).toEqual([1, 1]);
  });

  it("matrix total equals the matched customers (property)", () => {
    const day = 86_400_000;
    const asOf = Date.UTC(2024, 0, 1);
    const snap = fc.record({
      purchasedAt: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
      referralCount: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        snap,
        (ids0, ids1, s) => {
          const mk = (ids: number[]) =>
            ids.map((customerId) => ({
              customerId,
              referralCount: s.referralCount,
              purchasedAt: s.purchasedAt === undefined ? undefined : asOf - s.purchasedAt * day,
            }));
          const t = stageTransitions(COLEMAN_JOURNEY, { asOf, customers: mk(ids0) }, { asOf: asOf + day, customers: mk(ids1) });
          const total = t.matrix.flat().reduce((a, b) => a + b, 0);
          const common = ids0.filter((x) => ids1.includes(x)).length;
          return (
            total === t.n &&
            t.n === common &&
            t.forward + t.backward + t.unchanged === t.n &&
            t.onlyBefore === ids0.length - common &&
            t.onlyAfter === ids1.length - common
          );
        },
      ),
    );
  });

  it("rejects duplicate ids, bad snapshots and snapshots out of order", () => {
    const ok = { asOf: "2024-02-01", customers: [{ customerId: 1 }] };
    expectMetricsError(
      () => stageTransitions(COLEMAN_JOURNEY, { asOf: "2024-01-01", customers: [{ customerId: 1 }, { customerId: 1 }] }, ok),
      "duplicate_id",
      ["before", "customers", 1, "customerId"],
    );
    expectMetricsError(
      () =>
        stageTransitions(COLEMAN_JOURNEY, ok, { asOf: "2024-03-01", customers: [{ customerId: 1, purchasedAt: "2024-03-02" }] }),
      "invalid_date",
      ["after", "customers", 0, "purchasedAt"],
    );
    expectMetricsError(
      () => stageTransitions(COLEMAN_JOURNEY, ok, { asOf: "2024-01-01", customers: [{ customerId: 1 }] }),
      "invalid_date",
      ["after", "asOf"],
    );
    expectMetricsError(() => stageTransitions(COLEMAN_JOURNEY, ok, { asOf: "2024-03-01", customers: [] }), "empty_sample", [
      "after",
      "customers",
    ]);
    // Regression: journey used to accept __proto__ as a customer id.
    expectMetricsError(
      () => stageTransitions(COLEMAN_JOURNEY, { asOf: "2024-01-01", customers: [{ customerId: "__proto__" }] }, ok),
      "unsafe_key",
      ["before", "customers", 0, "customerId"],
    );
    expectMetricsError(
      () => stageTransitions(COLEMAN_JOURNEY, ok, { asOf: "2024-03-01", customers: [{ customerId: "constructor" }] }),
      "unsafe_key",
      ["after", "customers", 0, "customerId"],
    );
    expectMetricsError(() => stageTransitions(COLEMAN_JOURNEY, ok, null as never), "invalid_type", ["after"]);
    expectMetricsError(() => stageTransitions(COLEMAN_JOURNEY, { customers: [{ customerId: 1 }] } as never, ok), "invalid_date", [
      "before",
      "asOf",
    ]);
  });
});
