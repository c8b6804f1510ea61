import { describe, expect, it } from "vitest";
import {
  COLEMAN_JOURNEY,
  JourneyModelSchema,
  classifyJourneyStage,
  journeyDistribution,
  parseJourneyModel,
  type JourneyModel,
} from "../../src/journey/index.js";
import { expectMetricsError } from "../helpers/expectClose.js";

/** A custom B2B onboarding model used across these tests. */
const CUSTOM: JourneyModel = {
  id: "b2b-onboarding",
  name: "B2B onboarding",
  description: "Contract to expansion.",
  anchor: "signedAt",
  progression: "furthest",
  signals: [
    { id: "signedAt", type: "date" },
    { id: "kickoffAt", type: "date" },
    { id: "usersActive", type: "number", min: 0, integer: true },
    { id: "ssoEnabled", type: "boolean" },
    { id: "expandedAt", type: "date" },
    { id: "csat", type: "number", min: 1, max: 5 },
  ],
  stages: [
    { id: "signed", name: "Signed", entry: { signal: "signedAt", op: "exists" } },
    { id: "kicked-off", name: "Kicked off", entry: { signal: "kickoffAt", op: "exists" }, window: { start: 0, end: 10 } },
    {
      id: "live",
      name: "Live",
      entry: {
        all: [
          { stage: "kicked-off" },
          {
            any: [
              { signal: "usersActive", op: "gte", value: 10 },
              { signal: "ssoEnabled", op: "eq", value: true },
            ],
          },
        ],
      },
      window: { start: 10, end: 45 },
    },
    {
      id: "expanding",
      name: "Expanding",
      entry: { all: [{ signal: "expandedAt", op: "exists" }, { not: { signal: "csat", op: "lt", value: 3 } }] },
      window: { start: 60, end: 180 },
    },
  ],
  riskRules: [{ id: "unhappy", rule: { signal: "csat", op: "lte", value: 2 } }],
  eventMapping: [
    { event: "contract_signed", signal: "signedAt", aggregate: "first" },
    { event: "kickoff_held", signal: "kickoffAt", aggregate: "first" },
  ],
};

const CUSTOMERS = [
  { signedAt: "2024-01-02" },
  { signedAt: "2024-01-02", kickoffAt: "2024-01-08", usersActive: 4 },
  { signedAt: "2024-01-02", kickoffAt: "2024-01-08", ssoEnabled: true },
  { signedAt: "2024-01-02", kickoffAt: "2024-01-08", usersActive: 40, expandedAt: "2024-04-01", csat: 4 },
  { signedAt: "2024-01-02", kickoffAt: "2024-01-08", usersActive: 40, expandedAt: "2024-04-01", csat: 2 },
  {},
];

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe("parseJourneyModel", () => {
  it("round-trips COLEMAN_JOURNEY through JSON", () => {
    const parsed = parseJourneyModel(JSON.parse(JSON.stringify(COLEMAN_JOURNEY)));
    expect(parsed).toEqual(COLEMAN_JOURNEY);
  });

  it("round-trips a custom model through JSON and classifies identically", () => {
    const parsed = parseJourneyModel(JSON.parse(JSON.stringify(CUSTOM)));
    expect(parsed).toEqual(CUSTOM);
    for (const c of CUSTOMERS) {
      expect(classifyJourneyStage(parsed, c, { asOf: "2024-05-01" })).toEqual(
        classifyJourneyStage(CUSTOM, c, { asOf: "2024-05-01" }),
      );
    }
    // Hand-checked expectations for the custom model.
    expect(CUSTOMERS.map((c) => classifyJourneyStage(parsed, c, { asOf: "2024-05-01" }).stage)).toEqual([
      "signed",
      "kicked-off",
      "live",
      "expanding",
      "live",
      null,
    ]);
    expect(journeyDistribution(parsed, CUSTOMERS, { asOf: "2024-05-01" }).stages.map((s) => s.count)).toEqual([1, 1, 2, 1]);
  });

  it("is also usable as a zod schema", () => {
    expect(JourneyModelSchema.safeParse(clone(CUSTOM)).success).toBe(true);
    const bad = JourneyModelSchema.safeParse({ ...clone(CUSTOM), stages: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["stages"]);
  });

  it("does not execute anything in a model: strings are data", () => {
    const m = clone(CUSTOM) as unknown as { stages: { name: string; description?: string }[] };
    (m.stages[0] as { name: string }).name = "globalThis.__pwned = true";
    (m.stages[0] as { description?: string }).description = "${process.exit(1)}";
    const parsed = parseJourneyModel(m);
    classifyJourneyStage(parsed, { signedAt: "2024-01-01" }, { asOf: "2024-01-02" });
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  describe("bad models: code and path", () => {
    const cases: Array<
      [
        string,
        (m: Record<string, unknown> & { stages: Record<string, unknown>[]; signals: Record<string, unknown>[] }) => unknown,
        string,
        (string | number)[],
      ]
    > = [
      ["duplicate stage id", (m) => ((m.stages[2] as { id: string }).id = "signed"), "duplicate_id", ["stages", 2, "id"]],
      ["duplicate signal id", (m) => ((m.signals[1] as { id: string }).id = "signedAt"), "duplicate_id", ["signals", 1, "id"]],
      [
        "rule naming an unknown signal",
        (m) => ((m.stages[1] as { entry: unknown }).entry = { signal: "kickofAt", op: "exists" }),
        "unknown_reference",
        ["stages", 1, "entry", "signal"],
      ],
      [
        "nested rule naming an unknown signal",
        (m) =>
          ((m.stages[2] as { entry: unknown }).entry = {
            all: [{ stage: "kicked-off" }, { any: [{ signal: "users", op: "gte", value: 1 }] }],
          }),
        "unknown_reference",
        ["stages", 2, "entry", "all", 1, "any", 0, "signal"],
      ],
      [
        "rule naming an unknown stage",
        (m) => ((m.stages[2] as { entry: unknown }).entry = { stage: "kickoff" }),
        "unknown_reference",
        ["stages", 2, "entry", "stage"],
      ],
      ["empty stage list", (m) => (m.stages = []), "invalid_model", ["stages"]],
      ["stages not an array", (m) => ((m as { stages: unknown }).stages = null), "invalid_type", ["stages"]],
      [
        "cycle of stage references",
        (m) => ((m.stages[1] as { entry: unknown }).entry = { all: [{ signal: "kickoffAt", op: "exists" }, { stage: "live" }] }),
        "invalid_model",
        ["stages", 2, "entry", "all", 0, "stage"],
      ],
      [
        "stage referencing itself",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { stage: "signed" }),
        "invalid_model",
        ["stages", 0, "entry", "stage"],
      ],
      ["__proto__ as a stage id", (m) => ((m.stages[0] as { id: string }).id = "__proto__"), "unsafe_key", ["stages", 0, "id"]],
      [
        "constructor as a signal id",
        (m) => ((m.signals[0] as { id: string }).id = "constructor"),
        "unsafe_key",
        ["signals", 0, "id"],
      ],
      [
        "unknown operator",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "signedAt", op: "after" }),
        "invalid_option",
        ["stages", 0, "entry", "op"],
      ],
      [
        "comparing a date without daysSince",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "signedAt", op: "gte", value: 3 }),
        "invalid_model",
        ["stages", 0, "entry", "measure"],
      ],
      [
        "daysSince on a number",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "usersActive", measure: "daysSince", op: "gte", value: 3 }),
        "invalid_model",
        ["stages", 0, "entry", "measure"],
      ],
      [
        "gt on a boolean",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "ssoEnabled", op: "gt", value: true }),
        "invalid_model",
        ["stages", 0, "entry", "op"],
      ],
      [
        "string value for a number",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "usersActive", op: "gte", value: "10" }),
        "invalid_type",
        ["stages", 0, "entry", "value"],
      ],
      [
        "NaN value",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "usersActive", op: "gte", value: Number.NaN }),
        "not_finite",
        ["stages", 0, "entry", "value"],
      ],
      [
        "value on exists",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "signedAt", op: "exists", value: 1 }),
        "invalid_model",
        ["stages", 0, "entry", "value"],
      ],
      [
        "empty all",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { all: [] }),
        "invalid_model",
        ["stages", 0, "entry", "all"],
      ],
      [
        "rule with no known key",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { when: "signedAt" }),
        "invalid_model",
        ["stages", 0, "entry"],
      ],
      [
        "misspelt field in a condition",
        (m) => ((m.stages[0] as { entry: unknown }).entry = { signal: "signedAt", op: "exists", vaule: 1 }),
        "invalid_input",
        ["stages", 0, "entry", "vaule"],
      ],
      [
        "window ending before it starts",
        (m) => ((m.stages[1] as { window: unknown }).window = { start: 10, end: 5 }),
        "out_of_range",
        ["stages", 1, "window", "end"],
      ],
      [
        "fractional window day",
        (m) => ((m.stages[1] as { window: unknown }).window = { start: 0, end: 10.5 }),
        "not_integer",
        ["stages", 1, "window", "end"],
      ],
      [
        "window since an unknown signal",
        (m) => ((m.stages[1] as { window: unknown }).window = { since: "x", start: 0, end: 5 }),
        "unknown_reference",
        ["stages", 1, "window", "since"],
      ],
      [
        "window since a number signal",
        (m) => ((m.stages[1] as { window: unknown }).window = { since: "csat", start: 0, end: 5 }),
        "invalid_model",
        ["stages", 1, "window", "since"],
      ],
      ["unknown anchor", (m) => (m["anchor"] = "boughtAt"), "unknown_reference", ["anchor"]],
      ["anchor not a date", (m) => (m["anchor"] = "csat"), "invalid_model", ["anchor"]],
      ["unknown progression", (m) => (m["progression"] = "linear"), "invalid_option", ["progression"]],
      [
        "unknown signal type",
        (m) => ((m.signals[0] as { type: string }).type = "datetime"),
        "invalid_option",
        ["signals", 0, "type"],
      ],
      [
        "customerId as a signal",
        (m) => ((m.signals[5] as { id: string }).id = "customerId"),
        "invalid_model",
        ["signals", 5, "id"],
      ],
      ["min above max", (m) => ((m.signals[5] as { min: number }).min = 9), "out_of_range", ["signals", 5, "max"]],
      [
        "reserved risk id",
        (m) =>
          ((m["riskRules"] as { id: string }[])[0] = { id: "stalled", rule: { signal: "csat", op: "lt", value: 2 } } as never),
        "invalid_model",
        ["riskRules", 0, "id"],
      ],
      [
        "risk rule naming an unknown signal",
        (m) => (m["riskRules"] = [{ id: "x", rule: { signal: "nps", op: "lt", value: 7 } }]),
        "unknown_reference",
        ["riskRules", 0, "rule", "signal"],
      ],
      [
        "event mapped to an unknown signal",
        (m) => (m["eventMapping"] = [{ event: "e", signal: "nope", aggregate: "first" }]),
        "unknown_reference",
        ["eventMapping", 0, "signal"],
      ],
      [
        "event aggregate of the wrong type",
        (m) => (m["eventMapping"] = [{ event: "e", signal: "usersActive", aggregate: "first" }]),
        "invalid_model",
        ["eventMapping", 0, "aggregate"],
      ],
      [
        "the same event mapped twice to a signal",
        (m) =>
          (m["eventMapping"] = [
            { event: "e", signal: "signedAt", aggregate: "first" },
            { event: "e", signal: "signedAt", aggregate: "first" },
          ]),
        "duplicate_id",
        ["eventMapping", 1, "signal"],
      ],
      ["unknown top-level field", (m) => (m["stagse"] = []), "invalid_input", ["stagse"]],
      ["missing name", (m) => delete m["name"], "invalid_type", ["name"]],
    ];
    it.each(cases)("%s", (_name, mutate, code, path) => {
      const m = clone(CUSTOM) as unknown as Parameters<(typeof cases)[number][1]>[0];
      mutate(m);
      expectMetricsError(() => parseJourneyModel(m), code, path);
      // The calculators run the same checks (without zod).
      expectMetricsError(() => classifyJourneyStage(m as unknown as JourneyModel, {}, { asOf: "2024-01-01" }), code, path);
      // And the zod schema reports the same path.
      const r = JourneyModelSchema.safeParse(m);
      expect(r.success).toBe(false);
    });

    it("rejects __proto__ as a key in JSON input", () => {
      const json = JSON.stringify(CUSTOM).replace('"name":"Signed"', '"name":"Signed","__proto__":{"polluted":true}');
      expectMetricsError(() => parseJourneyModel(JSON.parse(json)), "unsafe_key", ["stages", 0, "__proto__"]);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });

    it("rejects a non-object model", () => {
      expectMetricsError(() => parseJourneyModel(null), "invalid_type", []);
      expectMetricsError(() => parseJourneyModel("coleman"), "invalid_type", []);
    });

    it("rejects rules nested too deeply", () => {
      let rule: unknown = { signal: "signedAt", op: "exists" };
      for (let i = 0; i < 70; i++) rule = { not: rule };
      const m = clone(CUSTOM) as unknown as { stages: { entry: unknown }[] };
      (m.stages[0] as { entry: unknown }).entry = rule;
      expect(() => parseJourneyModel(m)).toThrow(/nested at most 64/);
    });
  });
});
