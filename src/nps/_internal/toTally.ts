import { type PathSegment, metricsError } from "../../core/errors.js";
import { kishEffectiveN } from "./interval.js";
import { emptyExclusions, type NpsCounts, type NpsExclusionReason, type NpsTally } from "../npsTally.js";

const REASONS: readonly NpsExclusionReason[] = ["missing", "invalid_type", "not_finite", "not_integer", "out_of_range"];

function nonNegative(value: unknown, fn: string, path: readonly PathSegment[]): number {
  if (typeof value !== "number") throw metricsError(fn, "invalid_type", path, "a finite number >= 0", value);
  if (!Number.isFinite(value)) throw metricsError(fn, "not_finite", path, "a finite number >= 0", value);
  if (value < 0) throw metricsError(fn, "out_of_range", path, "a finite number >= 0", value);
  return value === 0 ? 0 : value;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether a value looks like a tally / class counts rather than an array of scores. */
export function isCountsLike(value: unknown): value is NpsCounts {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy: left to the array check, which rejects it
  }
}

/**
 * Validates class counts or a full tally (e.g. read back from JSON or built by
 * a SQL `GROUP BY`) and fills in the derivable fields.
 */
export function toTally(input: NpsCounts, fn: string, path: readonly PathSegment[]): NpsTally {
  if (!isCountsLike(input))
    throw metricsError(fn, "invalid_type", path, "an NPS tally ({ promoters, passives, detractors, ... })", input);
  const promoters = nonNegative(input.promoters, fn, [...path, "promoters"]);
  const passives = nonNegative(input.passives, fn, [...path, "passives"]);
  const detractors = nonNegative(input.detractors, fn, [...path, "detractors"]);
  const total = promoters + passives + detractors;
  const weighted = input.weighted === undefined ? false : input.weighted;
  if (typeof weighted !== "boolean") throw metricsError(fn, "invalid_type", [...path, "weighted"], "a boolean", weighted);
  if (!weighted) {
    for (const [key, v] of [
      ["promoters", promoters],
      ["passives", passives],
      ["detractors", detractors],
    ] as const) {
      if (!Number.isInteger(v)) throw metricsError(fn, "not_integer", [...path, key], "a whole number (unweighted tally)", v);
    }
  }
  let n: number;
  if (input.n === undefined) {
    if (weighted)
      throw metricsError(fn, "invalid_input", [...path, "n"], "given for a weighted tally (the number of responses)", input.n);
    n = total;
  } else n = nonNegative(input.n, fn, [...path, "n"]);
  if (!Number.isInteger(n)) throw metricsError(fn, "not_integer", [...path, "n"], "a whole number of responses", n);
  if (!weighted) {
    if (n !== total) throw metricsError(fn, "invalid_input", [...path, "n"], `promoters + passives + detractors (${total})`, n);
  }
  const sumWeights =
    input.sumWeights === undefined ? (weighted ? total : n) : nonNegative(input.sumWeights, fn, [...path, "sumWeights"]);
  if (!close(sumWeights, total)) {
    throw metricsError(fn, "invalid_input", [...path, "sumWeights"], `promoters + passives + detractors (${total})`, sumWeights);
  }
  let sumSquaredWeights: number;
  if (input.sumSquaredWeights === undefined) {
    if (weighted)
      throw metricsError(
        fn,
        "invalid_input",
        [...path, "sumSquaredWeights"],
        "given for a weighted tally",
        input.sumSquaredWeights,
      );
    sumSquaredWeights = n;
  } else sumSquaredWeights = nonNegative(input.sumSquaredWeights, fn, [...path, "sumSquaredWeights"]);
  if (!weighted && sumSquaredWeights !== n) {
    throw metricsError(
      fn,
      "invalid_input",
      [...path, "sumSquaredWeights"],
      `equal to n (${n}) for an unweighted tally`,
      sumSquaredWeights,
    );
  }
  if (n > 0 && sumWeights === 0)
    throw metricsError(fn, "out_of_range", [...path, "sumWeights"], "> 0 when n > 0 (weights not all zero)", sumWeights);
  if (weighted && n > 0) {
    // Σw² > 0, and Kish's n_eff = (Σw)²/Σw² lies in [1, n] (Cauchy–Schwarz).
    if (sumSquaredWeights === 0) {
      throw metricsError(
        fn,
        "invalid_input",
        [...path, "sumSquaredWeights"],
        "> 0 for a weighted tally with responses",
        sumSquaredWeights,
      );
    }
    const effectiveN = kishEffectiveN(sumWeights, sumSquaredWeights);
    if (!(effectiveN <= n * (1 + 1e-9))) {
      throw metricsError(
        fn,
        "invalid_input",
        [...path, "sumSquaredWeights"],
        `>= sumWeights²/n (${sumWeights}²/${n}): Σw² cannot be smaller`,
        sumSquaredWeights,
      );
    }
    if (!(effectiveN >= 1 - 1e-9)) {
      throw metricsError(
        fn,
        "invalid_input",
        [...path, "sumSquaredWeights"],
        `<= sumWeights² (${sumWeights}²): Σw² cannot be larger`,
        sumSquaredWeights,
      );
    }
  }

  let distribution: number[] | null = null;
  if (input.distribution !== undefined && input.distribution !== null) {
    const d = input.distribution as unknown;
    if (!Array.isArray(d) || d.length !== 11) {
      throw metricsError(fn, "invalid_input", [...path, "distribution"], "an array of 11 counts (answers 0..10) or null", d);
    }
    distribution = d.map((v, k) => nonNegative(v, fn, [...path, "distribution", k]));
    let det = 0;
    for (let k = 0; k <= 6; k++) det += distribution[k] as number;
    const pas = (distribution[7] as number) + (distribution[8] as number);
    const pro = (distribution[9] as number) + (distribution[10] as number);
    if (!close(det, detractors) || !close(pas, passives) || !close(pro, promoters)) {
      throw metricsError(
        fn,
        "invalid_input",
        [...path, "distribution"],
        "consistent with the promoter, passive and detractor counts",
        d,
      );
    }
  }

  const excluded = emptyExclusions();
  if (input.excluded !== undefined) {
    const ex = input.excluded as unknown;
    if (typeof ex !== "object" || ex === null)
      throw metricsError(fn, "invalid_type", [...path, "excluded"], "{ count, byReason }", ex);
    const byReason = (ex as { byReason?: unknown }).byReason;
    if (typeof byReason !== "object" || byReason === null) {
      throw metricsError(fn, "invalid_type", [...path, "excluded", "byReason"], "an object of counts per reason", byReason);
    }
    for (const r of REASONS) {
      const v = (byReason as Partial<Record<NpsExclusionReason, unknown>>)[r];
      const c = v === undefined ? 0 : nonNegative(v, fn, [...path, "excluded", "byReason", r]);
      excluded.byReason[r] = c;
      excluded.count += c;
    }
  }
  return { promoters, passives, detractors, n, weighted, sumWeights, sumSquaredWeights, distribution, excluded };
}
