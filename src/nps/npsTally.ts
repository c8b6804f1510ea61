import { metricsError } from "../core/errors.js";
import { assertOneOf, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { rejectScore } from "./_internal/invalidScore.js";
import { tallyFromDistribution } from "./_internal/tallyFromDistribution.js";

/**
 * Why a score was excluded under `onInvalid: "skip"`: `missing` (`null` or
 * `undefined`), `invalid_type` (not a number, e.g. `"9"`), `not_finite` (NaN,
 * ±Infinity), `not_integer` (e.g. 7.5), `out_of_range` (outside 0–10).
 *
 * @category NPS
 */
export type NpsExclusionReason = "missing" | "invalid_type" | "not_finite" | "not_integer" | "out_of_range";

/**
 * Responses left out of a tally, with the count per reason.
 *
 * @category NPS
 */
export interface NpsExclusions {
  /** Number of excluded responses. */
  readonly count: number;
  /** Excluded responses per {@link NpsExclusionReason}. */
  readonly byReason: { readonly [K in NpsExclusionReason]: number };
}

/**
 * What to do with an invalid score: `"throw"` a {@link MetricsError} (with the
 * index in `path`), or `"skip"` it and count it in `excluded`.
 *
 * @category NPS
 */
export type NpsInvalidPolicy = "throw" | "skip";

/**
 * The mergeable sufficient statistics of a set of 0–10 answers. Tallies of
 * partitions combine with {@link mergeNpsTallies}; {@link nps} turns a tally
 * into a score with its interval.
 *
 * @remarks
 * Unweighted, every count is an integer and merging is exact. Weighted, the
 * class totals are sums of weights and `sumSquaredWeights` feeds Kish's
 * effective sample size; an unweighted tally is the same as one with all
 * weights 1 (`sumWeights = sumSquaredWeights = n`), so weighted and unweighted
 * tallies merge consistently.
 *
 * @category NPS
 */
export interface NpsTally {
  /** Promoters (answers 9–10); a sum of weights when weighted. */
  readonly promoters: number;
  /** Passives (answers 7–8); a sum of weights when weighted. */
  readonly passives: number;
  /** Detractors (answers 0–6); a sum of weights when weighted. */
  readonly detractors: number;
  /** Number of valid responses counted (unweighted). */
  readonly n: number;
  /** Whether respondent weights were applied. */
  readonly weighted: boolean;
  /** Σw over counted responses (equals `n` when unweighted). */
  readonly sumWeights: number;
  /** Σw² over counted responses (equals `n` when unweighted). */
  readonly sumSquaredWeights: number;
  /** Count (or weight) per answer 0..10 (index = answer), or `null` when the tally was built from class counts only. */
  readonly distribution: readonly number[] | null;
  /** Responses excluded under `onInvalid: "skip"`. */
  readonly excluded: NpsExclusions;
}

/**
 * Class counts as a partition or a SQL `GROUP BY` may produce them: the three
 * counts at minimum, or a full {@link NpsTally}. Accepted by {@link nps},
 * {@link mergeNpsTallies} and {@link compareNps}.
 *
 * @remarks
 * When only the three counts are given the tally is unweighted, `n` is their
 * sum and `distribution` is unknown (`null`). A weighted tally must carry `n`,
 * `weighted: true` and `sumSquaredWeights`.
 *
 * @category NPS
 */
export interface NpsCounts {
  /** Promoters (answers 9–10), or their total weight. */
  readonly promoters: number;
  /** Passives (answers 7–8), or their total weight. */
  readonly passives: number;
  /** Detractors (answers 0–6), or their total weight. */
  readonly detractors: number;
  /** Number of responses. @defaultValue promoters + passives + detractors */
  readonly n?: number;
  /** Whether the counts are sums of weights. @defaultValue `false` */
  readonly weighted?: boolean;
  /** Σw. @defaultValue promoters + passives + detractors */
  readonly sumWeights?: number;
  /** Σw² (Kish's effective n = (Σw)²/Σw²). @defaultValue `n` (unweighted) */
  readonly sumSquaredWeights?: number;
  /** Count per answer 0..10. @defaultValue `null` (unknown) */
  readonly distribution?: readonly number[] | null;
  /** Excluded responses. @defaultValue none */
  readonly excluded?: NpsExclusions;
}

/**
 * Options for {@link npsTally}.
 *
 * @category NPS
 */
export interface NpsTallyOptions {
  /** Respondent weights (finite, ≥ 0, one per score, not all zero), e.g. post-stratification weights. When Σw or Σw² would overflow or underflow float64 (weights beyond about 1e±150), the tally's sums are of the weights divided by the largest weight (rounded to a power of two): every NPS statistic is scale-free and unchanged. @defaultValue none (every response counts 1) */
  readonly weights?: ArrayLike<number>;
  /** What to do with an invalid score. @defaultValue `"throw"` */
  readonly onInvalid?: NpsInvalidPolicy;
}

const FN = "npsTally";
const POLICIES = ["throw", "skip"] as const;

/** @internal */
export function emptyExclusions(): { count: number; byReason: Record<NpsExclusionReason, number> } {
  return { count: 0, byReason: { missing: 0, invalid_type: 0, not_finite: 0, not_integer: 0, out_of_range: 0 } };
}

/**
 * Counts promoters, passives and detractors in one pass over the answers
 * (0–10), optionally weighted: the mergeable form of the Net Promoter® Score.
 *
 * @remarks
 * The fast path for large inputs: a `Uint8Array` or `number[]` of millions of
 * answers is validated and counted in one tight loop into an 11-bin histogram,
 * with no allocation per element. A `Uint8Array` needs only the `> 10` check.
 *
 * Every score must be an integer 0–10. By default an invalid score throws with
 * its index in `path`; with `onInvalid: "skip"` it is excluded and counted in
 * `excluded.byReason`. A missing score (`null`/`undefined`) is never counted as
 * a detractor. Invalid weights always throw.
 *
 * @param scores - Answers to the 0–10 recommend question.
 * @param options - See {@link NpsTallyOptions}.
 * @returns The tally (see {@link NpsTally}).
 * @throws {@link MetricsError} `invalid_type` when `scores` is not an array; `empty_sample` for an empty array; for a score (path `[i]`): `invalid_type`, `not_finite`, `not_integer`, `out_of_range` (unless skipped); `length_mismatch` (path `["options", "weights"]`) when weights and scores differ in length; for a weight (path `["options", "weights", i]`): `invalid_type`, `not_finite`, `out_of_range` (negative); `out_of_range` (path `["options", "weights"]`) when all counted weights are zero; `invalid_option` for an unknown `onInvalid`.
 *
 * @example
 * ```ts
 * import { npsTally } from "customer-metrics/nps";
 * const t = npsTally([10, 9, 8, 7, 6, 0]);
 * [t.promoters, t.passives, t.detractors, t.n]; // => [2, 2, 2, 6]
 * npsTally([10, null, 7.5, 3], { onInvalid: "skip" }).excluded; // => { count: 2, byReason: { missing: 1, invalid_type: 0, not_finite: 0, not_integer: 1, out_of_range: 0 } }
 * npsTally([9, 11]); // throws out_of_range
 * ```
 *
 * @category NPS
 */
export function npsTally(scores: ArrayLike<number | null | undefined>, options: NpsTallyOptions = {}): NpsTally {
  assertKnownOptions(options, ["onInvalid", "weights"], "npsTally");
  const onInvalid =
    options.onInvalid === undefined ? "throw" : assertOneOf(options.onInvalid, POLICIES, FN, ["options", "onInvalid"]);
  if (!isArrayLike(scores)) throw metricsError(FN, "invalid_type", [], "an array (or typed array) of scores", scores);
  const len = scores.length;
  if (len === 0) throw metricsError(FN, "empty_sample", [], "a non-empty array of scores", scores);
  const weights = options.weights;
  const excluded = emptyExclusions();
  const skip = onInvalid === "skip";
  const invalid = (i: number): void => rejectScore(FN, scores[i], [i], skip, excluded);

  if (weights === undefined) {
    let dist: number[];
    if (scores instanceof Uint8Array) dist = countBytes(scores, invalid);
    else {
      try {
        dist = countNumbers(scores as ArrayLike<number>, invalid);
      } catch (e) {
        // `>>> 0` throws a TypeError on a bigint: recount, checking each type.
        if (!(e instanceof TypeError)) throw e;
        excluded.count = 0;
        for (const r of Object.keys(excluded.byReason) as NpsExclusionReason[]) excluded.byReason[r] = 0;
        dist = countChecked(scores, invalid);
      }
    }
    let n = 0;
    for (let k = 0; k <= 10; k++) n += dist[k] as number;
    return tallyFromDistribution(dist, n, false, n, n, excluded);
  }

  if (!isArrayLike(weights))
    throw metricsError(FN, "invalid_type", ["options", "weights"], "an array of weights, one per score", weights);
  if (weights.length !== len) {
    throw metricsError(FN, "length_mismatch", ["options", "weights"], `of length ${len} (one weight per score)`, weights);
  }
  let hw = new Float64Array(11);
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  let maxW = 0;
  for (let i = 0; i < len; i++) {
    const w = weights[i] as number;
    if (typeof w !== "number" || !(w >= 0 && w <= Number.MAX_VALUE)) {
      const requirement = "a finite weight >= 0";
      if (typeof w !== "number") throw metricsError(FN, "invalid_type", ["options", "weights", i], requirement, w);
      if (!Number.isFinite(w)) throw metricsError(FN, "not_finite", ["options", "weights", i], requirement, w);
      throw metricsError(FN, "out_of_range", ["options", "weights", i], requirement, w);
    }
    const s = scores[i] as number;
    const k = typeof s === "number" ? s >>> 0 : -1;
    if (k === s && k <= 10) {
      (hw[k] as number) += w;
      n++;
      sw += w;
      sw2 += w * w;
      if (w > maxW) maxW = w;
    } else invalid(i);
  }
  if (n > 0 && sw === 0) throw metricsError(FN, "out_of_range", ["options", "weights"], "weights that are not all zero", weights);
  if (n > 0 && !(Number.isFinite(sw) && Number.isFinite(sw2) && sw2 >= MIN_NORMAL)) {
    // Σw or Σw² overflowed or underflowed (weights beyond about 1e±150):
    // normalise by the largest weight, rounded to a power of two so the
    // relative weights are kept exactly. Shares, score and Kish's n_eff are
    // scale-free, so every statistic is unchanged.
    const e = -Math.round(Math.log2(maxW));
    const s1 = 2 ** Math.trunc(e / 2); // two factors: 2^e alone may overflow
    const s2 = 2 ** (e - Math.trunc(e / 2));
    hw = new Float64Array(11);
    sw = 0;
    sw2 = 0;
    for (let i = 0; i < len; i++) {
      const s = scores[i] as number;
      const k = typeof s === "number" ? s >>> 0 : -1;
      if (k === s && k <= 10) {
        const w = (weights[i] as number) * s1 * s2;
        (hw[k] as number) += w;
        sw += w;
        sw2 += w * w;
      }
    }
  }
  return tallyFromDistribution(Array.from(hw), n, true, sw, sw2, excluded);
}

const MIN_NORMAL = 2.2250738585072014e-308;

/** The per-element count, checking each value's type (bigints and other non-numbers are invalid). */
function countChecked(scores: ArrayLike<unknown>, invalid: (i: number) => void): number[] {
  const h = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    const k = typeof s === "number" ? s >>> 0 : -1;
    if (k === s && k <= 10) (h[k] as number)++;
    else invalid(i);
  }
  return Array.from(h);
}

/** Below this many bytes the word-at-a-time path is not worth its setup. */
const SWAR_MIN = 4096;

/**
 * Counts a Uint8Array of answers. Large inputs are read four bytes at a time
 * through a Uint32Array view: one SWAR test per word flags any byte above 10
 * (b + 117 sets the byte's top bit exactly when b ≥ 11), and each 16-bit half
 * (a pair of answers) is counted in a 65,536-bin pair histogram, so 10 M
 * answers cost 5 M increments and 2.5 M checks. Pairs are split into answers
 * at the end; the result does not depend on byte order.
 */
function countBytes(scores: Uint8Array, invalid: (i: number) => void): number[] {
  const len = scores.length;
  const h = new Float64Array(11);
  const one = (i: number): void => {
    const s = scores[i] as number;
    if (s > 10) invalid(i);
    else (h[s] as number)++;
  };
  let i = 0;
  if (len >= SWAR_MIN) {
    const off = scores.byteOffset;
    while (((off + i) & 3) !== 0) one(i++);
    const words = (len - i) >>> 2;
    const w32 = new Uint32Array(scores.buffer, off + i, words);
    const p0 = new Uint32Array(65536);
    const p1 = new Uint32Array(65536);
    for (let k = 0; k < words; k++) {
      const w = w32[k] as number;
      if (((((w & 0x7f7f7f7f) + 0x75757575) | w) & 0x80808080) !== 0) {
        const b = i + 4 * k;
        one(b);
        one(b + 1);
        one(b + 2);
        one(b + 3);
        continue;
      }
      (p0[w & 0xffff] as number)++;
      (p1[w >>> 16] as number)++;
    }
    i += 4 * words;
    for (let a = 0; a <= 10; a++) {
      for (let b = 0; b <= 10; b++) {
        const c = (p0[a | (b << 8)] as number) + (p1[a | (b << 8)] as number);
        (h[a] as number) += c;
        (h[b] as number) += c;
      }
    }
  }
  for (; i < len; i++) one(i);
  return Array.from(h);
}

/**
 * Counts an array of numbers: validates four answers per step with integer
 * checks (`x >>> 0 === x` rejects NaN, ±Infinity, fractions, negatives,
 * strings, null) and counts them as two pairs (a·11 + b) in two small
 * histograms, halving the increments.
 */
function countNumbers(scores: ArrayLike<number>, invalid: (i: number) => void): number[] {
  const len = scores.length;
  const pairs = new Float64Array(256);
  const h = new Float64Array(11);
  const end = len - (len & 3);
  let i = 0;
  for (; i < end; i += 4) {
    const a = scores[i] as number;
    const b = scores[i + 1] as number;
    const c = scores[i + 2] as number;
    const d = scores[i + 3] as number;
    const ka = a >>> 0;
    const kb = b >>> 0;
    const kc = c >>> 0;
    const kd = d >>> 0;
    if (ka === a && kb === b && kc === c && kd === d && ka <= 10 && kb <= 10 && kc <= 10 && kd <= 10) {
      (pairs[ka * 11 + kb] as number)++;
      (pairs[128 + kc * 11 + kd] as number)++;
    } else {
      for (let j = i; j < i + 4; j++) {
        const s = scores[j] as number;
        const k = s >>> 0;
        if (k === s && k <= 10) (h[k] as number)++;
        else invalid(j);
      }
    }
  }
  for (; i < len; i++) {
    const s = scores[i] as number;
    const k = s >>> 0;
    if (k === s && k <= 10) (h[k] as number)++;
    else invalid(i);
  }
  for (let a = 0; a <= 10; a++) {
    for (let b = 0; b <= 10; b++) {
      const c = (pairs[a * 11 + b] as number) + (pairs[128 + a * 11 + b] as number);
      (h[a] as number) += c;
      (h[b] as number) += c;
    }
  }
  return Array.from(h);
}
