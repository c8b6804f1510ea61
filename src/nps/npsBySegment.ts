import { metricsError } from "../core/errors.js";
import { assertOneOf, assertSafeKey, isArrayLike, assertKnownOptions } from "../core/guards.js";
import { zFor } from "./_internal/interval.js";
import { rejectScore } from "./_internal/invalidScore.js";
import { tallyFromDistribution } from "./_internal/tallyFromDistribution.js";
import { compareTallies } from "./compareNps.js";
import { type NpsIntervalMethod, npsFromTally, type NpsResult } from "./nps.js";
import { emptyExclusions, type NpsExclusions, type NpsInvalidPolicy, type NpsTally } from "./npsTally.js";

/**
 * How {@link npsBySegment} finds a response's segment: the name of a string
 * property of the response (e.g. `"region"`), or a function returning the
 * segment (`null`/`undefined` = no segment).
 *
 * @category NPS
 */
export type NpsSegmentOf<T> = (keyof T & string) | ((response: T, index: number) => string | number | null | undefined);

/**
 * Options for {@link npsBySegment}.
 *
 * @category NPS
 */
export interface NpsBySegmentOptions {
  /** Interval and test method. @defaultValue `"adjusted-wald"` */
  readonly interval?: NpsIntervalMethod;
  /** Confidence level. @defaultValue `0.95` */
  readonly confidence?: number;
  /** What to do with an invalid score. @defaultValue `"throw"` */
  readonly onInvalid?: NpsInvalidPolicy;
  /** Also test each segment against all other responses (`vsRest`). @defaultValue `true` */
  readonly compareToRest?: boolean;
}

/**
 * One segment's score.
 *
 * @category NPS
 */
export interface NpsSegmentRow {
  /** The segment key. */
  readonly segment: string;
  /** The segment's score and interval. */
  readonly nps: NpsResult;
  /** Segment vs all other segmented responses (difference = segment − rest), or `null` when there is no other segment or `compareToRest` is off. */
  readonly vsRest: {
    /** Segment score minus the score of the rest, in NPS points (−200..200). */
    readonly difference: number;
    /** Standard error of the difference, in points. */
    readonly standardError: number;
    /** Test statistic: (adjusted) difference / standard error. */
    readonly z: number;
    /** Two-sided p-value of the z-test, 2·(1 − Φ(|z|)), in [0, 1]. */
    readonly pValue: number;
    /** Whether `pValue < 1 − confidence`. */
    readonly significant: boolean;
  } | null;
  /** The segment's mergeable tally. */
  readonly tally: NpsTally;
}

/**
 * Result of {@link npsBySegment}.
 *
 * @category NPS
 */
export interface NpsBySegmentResult {
  /** One row per segment, in order of first appearance. */
  readonly segments: readonly NpsSegmentRow[];
  /** Score over all segmented responses. */
  readonly overall: NpsResult;
  /** Valid responses without a segment (left out of `segments` and `overall`). */
  readonly unsegmented: number;
  /** Responses excluded for an invalid score under `onInvalid: "skip"`. */
  readonly excluded: NpsExclusions;
}

const FN = "npsBySegment";
const METHODS = ["adjusted-wald", "wald"] as const;
const POLICIES = ["throw", "skip"] as const;

function tallyOf(h: Float64Array, n: number): NpsTally {
  return tallyFromDistribution(Array.from(h), n, false, n, n, emptyExclusions());
}

/**
 * The Net Promoter® Score per segment (region, plan, channel, …), each with
 * its interval and a test against the rest of the respondents.
 *
 * @remarks
 * Segments are kept in a `Map`, so any string is a safe key; keys
 * `__proto__`, `constructor` and `prototype` are still rejected (they are
 * almost always a bug upstream). Numeric keys are converted to strings; a
 * number and a string with the same text (`1e21` and `"1e+21"`, `1` and `"1"`)
 * are never merged: mixing them is an `invalid_input` error.
 * Responses whose segment is `null`/`undefined` are counted in `unsegmented`.
 *
 * @typeParam T - The response type; it must have a `score`.
 * @param responses - Responses with a 0–10 `score`.
 * @param segmentOf - A property name or a function giving each response's segment.
 * @param options - See {@link NpsBySegmentOptions}.
 * @returns Rows per segment and the overall score (see {@link NpsBySegmentResult}).
 * @throws {@link MetricsError} `invalid_type` for a non-array, a non-object response (path `[i]`) or a segment that is not a string/number (path `[i, "segment"]`); `unsafe_key` for a reserved segment key; `invalid_input` at `[i, "segment"]` when a number and a string segment print alike; score errors at `[i, "score"]`; `empty_sample` when no segmented response remains; `invalid_option`.
 *
 * @example
 * ```ts
 * import { npsBySegment } from "customer-metrics/nps";
 * const r = npsBySegment(
 *   [{ score: 10, plan: "pro" }, { score: 9, plan: "pro" }, { score: 2, plan: "free" }, { score: 8, plan: "free" }],
 *   "plan",
 * );
 * r.segments.map((s) => [s.segment, s.nps.score]); // => [["pro", 100], ["free", -50]]
 * r.overall.score; // => 25
 * ```
 *
 * @category NPS
 */
export function npsBySegment<
  T extends {
    /** The 0–10 likelihood-to-recommend answer; `null`/`undefined` (no answer) is an error, or excluded as `missing` under `onInvalid: "skip"`. */
    readonly score: number | null | undefined;
  },
>(responses: readonly T[], segmentOf: NpsSegmentOf<T>, options: NpsBySegmentOptions = {}): NpsBySegmentResult {
  assertKnownOptions(options, ["compareToRest", "confidence", "interval", "onInvalid"], "npsBySegment");
  const method =
    options.interval === undefined ? "adjusted-wald" : assertOneOf(options.interval, METHODS, FN, ["options", "interval"]);
  const onInvalid =
    options.onInvalid === undefined ? "throw" : assertOneOf(options.onInvalid, POLICIES, FN, ["options", "onInvalid"]);
  const confidence = options.confidence ?? 0.95;
  const zc = zFor(confidence, FN, ["options", "confidence"]);
  const compareToRest = options.compareToRest ?? true;
  if (!isArrayLike(responses)) throw metricsError(FN, "invalid_type", [], "an array of responses", responses);
  if (responses.length === 0) throw metricsError(FN, "empty_sample", [], "a non-empty array of responses", responses);
  let keyOf: (r: T, i: number) => unknown;
  if (typeof segmentOf === "function") keyOf = segmentOf;
  else {
    const prop = assertSafeKey(segmentOf, FN, ["segmentOf"]);
    keyOf = (r) => (Object.prototype.hasOwnProperty.call(r, prop) ? (r as Record<string, unknown>)[prop] : undefined);
  }

  const excluded = emptyExclusions();
  const groups = new Map<string, { h: Float64Array; n: number; numeric: boolean }>();
  const all = new Float64Array(11);
  let nAll = 0;
  let unsegmented = 0;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i];
    if (typeof r !== "object" || r === null) throw metricsError(FN, "invalid_type", [i], "a response object with a score", r);
    const s = r.score as number;
    const k = typeof s === "number" ? s >>> 0 : -1;
    if (k !== s || k > 10) {
      rejectScore(FN, s, [i, "score"], onInvalid === "skip", excluded);
      continue;
    }
    const raw = keyOf(r, i);
    if (raw === null || raw === undefined) {
      unsegmented++;
      continue;
    }
    if (typeof raw === "number" && !Number.isFinite(raw))
      throw metricsError(FN, "not_finite", [i, "segment"], "a string or finite number", raw);
    if (typeof raw !== "string" && typeof raw !== "number")
      throw metricsError(FN, "invalid_type", [i, "segment"], "a string or number", raw);
    const key = assertSafeKey(String(raw), FN, [i, "segment"]);
    let g = groups.get(key);
    if (g === undefined) {
      g = { h: new Float64Array(11), n: 0, numeric: typeof raw === "number" };
      groups.set(key, g);
    } else if (g.numeric !== (typeof raw === "number")) {
      // 1e21 and "1e+21" (or 1 and "1") print alike but are different values:
      // never merge them silently.
      throw metricsError(
        FN,
        "invalid_input",
        [i, "segment"],
        `segment keys of one type: ${typeof raw === "number" ? "a string" : "a number"} segment ${JSON.stringify(key)} was already seen`,
        raw,
      );
    }
    (g.h[k] as number)++;
    g.n++;
    (all[k] as number)++;
    nAll++;
  }
  if (nAll === 0) throw metricsError(FN, "empty_sample", [], "at least one valid response with a segment", nAll);
  const overallTally = tallyOf(all, nAll);
  const overall = npsFromTally({ ...overallTally, excluded }, method, confidence, zc, FN);
  const segments: NpsSegmentRow[] = [];
  for (const [segment, g] of groups) {
    const tally = tallyOf(g.h, g.n);
    let vsRest: NpsSegmentRow["vsRest"] = null;
    if (compareToRest && g.n < nAll) {
      const rest = new Float64Array(11);
      for (let k = 0; k <= 10; k++) rest[k] = (all[k] as number) - (g.h[k] as number);
      const restTally = tallyOf(rest, nAll - g.n);
      try {
        const c = compareTallies(tally, restTally, method, confidence, zc);
        vsRest = {
          difference: c.difference,
          standardError: c.standardError,
          z: c.z,
          pValue: c.pValue,
          significant: c.significant,
        };
      } catch {
        vsRest = null; // Wald with degenerate samples: no defined test
      }
    }
    segments.push({ segment, nps: npsFromTally(tally, method, confidence, zc, FN), vsRest, tally });
  }
  return { segments, overall, unsegmented, excluded };
}
