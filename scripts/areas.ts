/**
 * The public areas of customer-metrics, in the order they appear in the docs.
 * package.json#exports, tsup entries, typedoc entry points and src barrels must
 * all list exactly these (checked by test/package/consistency.test.ts).
 */
export const AREAS = [
  "core",
  "math",
  "nps",
  "surveys",
  "loyalty",
  "churn",
  "clv",
  "btyd",
  "projections",
  "journey",
  "segments",
  "plots",
] as const;

export type Area = (typeof AREAS)[number];
