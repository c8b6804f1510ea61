import { metricsError } from "../core/errors.js";
import { assertSafeKey, assertKnownOptions } from "../core/guards.js";

/**
 * The engagement signals {@link engagementScore} understands, for one
 * customer over one period. Counts are non-negative; a signal left out counts
 * as no activity (set its weight to 0 if you do not track it).
 *
 * @category Loyalty
 */
export interface EngagementSignals {
  /** Likes / reactions on your content. */
  readonly likes?: number;
  /** Shares / reposts of your content. */
  readonly shares?: number;
  /** Comments or replies. */
  readonly comments?: number;
  /** Clicks in your emails. */
  readonly emailClicks?: number;
  /** Whether the customer created an account. */
  readonly accountSignup?: boolean;
  /** Whether the customer is in the loyalty programme. */
  readonly loyaltyMember?: boolean;
}

/**
 * The name of an engagement signal.
 *
 * @category Loyalty
 */
export type EngagementSignal = keyof EngagementSignals;

/**
 * Relative weight per signal (≥ 0; renormalised to sum to 1).
 *
 * @category Loyalty
 */
export type EngagementWeights = { readonly [K in EngagementSignal]?: number };

/**
 * Counts at which a count signal reaches its full weight (saturation caps).
 *
 * @category Loyalty
 */
export interface EngagementCaps {
  /** @defaultValue 20 */
  readonly likes?: number;
  /** @defaultValue 5 */
  readonly shares?: number;
  /** @defaultValue 10 */
  readonly comments?: number;
  /** @defaultValue 10 */
  readonly emailClicks?: number;
}

/**
 * Default weights of {@link engagementScore} (they sum to 1): likes 0.10,
 * shares 0.15, comments 0.15, email clicks 0.20, account sign-up 0.15,
 * loyalty-programme membership 0.25. Deeper commitments weigh more than
 * one-click reactions. A library convention: calibrate your own weights
 * against retention or revenue when you can.
 *
 * @category Loyalty
 */
export const DEFAULT_ENGAGEMENT_WEIGHTS: Readonly<Record<EngagementSignal, number>> = Object.freeze({
  likes: 0.1,
  shares: 0.15,
  comments: 0.15,
  emailClicks: 0.2,
  accountSignup: 0.15,
  loyaltyMember: 0.25,
});

/**
 * Default saturation caps of {@link engagementScore}, per period: 20 likes, 5
 * shares, 10 comments, 10 email clicks earn a signal's full weight.
 *
 * @category Loyalty
 */
export const DEFAULT_ENGAGEMENT_CAPS: Readonly<Required<EngagementCaps>> = Object.freeze({
  likes: 20,
  shares: 5,
  comments: 10,
  emailClicks: 10,
});

/**
 * Options for {@link engagementScore}.
 *
 * @category Loyalty
 */
export interface EngagementScoreOptions {
  /** Saturation caps, merged over {@link DEFAULT_ENGAGEMENT_CAPS}. @defaultValue {@link DEFAULT_ENGAGEMENT_CAPS} */
  readonly caps?: EngagementCaps;
}

/**
 * One signal's part of an engagement score.
 *
 * @category Loyalty
 */
export interface EngagementComponent {
  /** Signal name. */
  readonly signal: EngagementSignal;
  /** The raw value (count, or 1/0 for yes/no signals). */
  readonly value: number;
  /** The value on 0–1: min(count, cap)/cap, or 1/0. */
  readonly normalized: number;
  /** The weight used (renormalised, sums to 1 over signals). */
  readonly weight: number;
  /** Points contributed to the 0–100 score. */
  readonly contribution: number;
}

/**
 * An engagement score with its breakdown.
 *
 * @category Loyalty
 */
export interface EngagementScoreResult {
  /** The score on 0–100. */
  readonly score: number;
  /** Per-signal breakdown, in a fixed order. */
  readonly components: readonly EngagementComponent[];
}

const SIGNALS: readonly EngagementSignal[] = ["likes", "shares", "comments", "emailClicks", "accountSignup", "loyaltyMember"];
const COUNTS = new Set<EngagementSignal>(["likes", "shares", "comments", "emailClicks"]);
const FN = "engagementScore";

/**
 * A 0–100 engagement score from social, email, account and loyalty-programme
 * signals: score = 100 · Σ wᵢ·sᵢ / Σ wᵢ, where a count signal sᵢ =
 * min(count, cap)/cap and a yes/no signal sᵢ is 1 or 0.
 *
 * @remarks
 * Weights (see {@link DEFAULT_ENGAGEMENT_WEIGHTS}) are merged over the
 * defaults and renormalised, so `{ loyaltyMember: 0 }` simply drops that
 * signal. Caps make the score saturate: the 200th like is worth nothing more
 * than the 20th. Signals are per customer per period; compute one score per
 * period to watch it move.
 *
 * @param signals - See {@link EngagementSignals}.
 * @param weights - Relative weights, merged over the defaults. @defaultValue {@link DEFAULT_ENGAGEMENT_WEIGHTS}
 * @param options - See {@link EngagementScoreOptions}.
 * @returns The score and its breakdown.
 * @throws {@link MetricsError} `invalid_type` for a non-object, a count that is not a number or a yes/no signal that is not boolean (path `["signals", name]`); `not_finite` / `out_of_range` for a negative or non-finite count, weight (`["weights", name]`) or cap (`["options", "caps", name]`, must be > 0); `unknown_reference` for an unknown signal name; `unsafe_key`; `out_of_range` (path `["weights"]`) when all weights are zero.
 *
 * @example
 * ```ts
 * import { engagementScore } from "customer-metrics/loyalty";
 * engagementScore({ likes: 10, shares: 5, comments: 0, emailClicks: 5, accountSignup: true, loyaltyMember: false }).score; // => 45
 * engagementScore({ loyaltyMember: true }, { loyaltyMember: 1, likes: 0, shares: 0, comments: 0, emailClicks: 0, accountSignup: 0 }).score; // => 100
 * engagementScore({ likes: -1 }); // throws out_of_range
 * ```
 *
 * @category Loyalty
 */
export function engagementScore(
  signals: EngagementSignals,
  weights: EngagementWeights = {},
  options: EngagementScoreOptions = {},
): EngagementScoreResult {
  assertKnownOptions(options, ["caps"], "engagementScore");
  const read = (obj: unknown, name: string): Record<string, unknown> => {
    const base = name === "caps" ? ["options", "caps"] : [name];
    if (typeof obj !== "object" || obj === null || Array.isArray(obj))
      throw metricsError(FN, "invalid_type", base, "an object", obj);
    const o = obj as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      assertSafeKey(k, FN, [...base, k]);
      if (!(SIGNALS as readonly string[]).includes(k) || (name === "caps" && !COUNTS.has(k as EngagementSignal))) {
        throw metricsError(
          FN,
          "unknown_reference",
          name === "caps" ? ["options", "caps", k] : [name, k],
          `one of ${SIGNALS.join(", ")}`,
          k,
        );
      }
    }
    return o;
  };
  const s = read(signals, "signals");
  const w = read(weights, "weights");
  const c = read(options.caps ?? {}, "caps");
  const nonNeg = (v: unknown, path: (string | number)[], positive = false): number => {
    const req = positive ? "a finite number > 0" : "a finite number >= 0";
    if (typeof v !== "number") throw metricsError(FN, "invalid_type", path, req, v);
    if (!Number.isFinite(v)) throw metricsError(FN, "not_finite", path, req, v);
    if (v < 0 || (positive && v === 0)) throw metricsError(FN, "out_of_range", path, req, v);
    return v === 0 ? 0 : v;
  };
  const ws = SIGNALS.map((k) => (w[k] === undefined ? DEFAULT_ENGAGEMENT_WEIGHTS[k] : nonNeg(w[k], ["weights", k])));
  const total = ws.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw metricsError(FN, "out_of_range", ["weights"], "weights that are not all zero", weights);
  let score = 0;
  const components = SIGNALS.map((k, i): EngagementComponent => {
    const raw = s[k];
    let value: number;
    let normalized: number;
    if (COUNTS.has(k)) {
      value = raw === undefined ? 0 : nonNeg(raw, ["signals", k]);
      const cap =
        c[k] === undefined ? DEFAULT_ENGAGEMENT_CAPS[k as keyof EngagementCaps] : nonNeg(c[k], ["options", "caps", k], true);
      normalized = Math.min(value, cap) / cap;
    } else {
      if (raw !== undefined && typeof raw !== "boolean") throw metricsError(FN, "invalid_type", ["signals", k], "a boolean", raw);
      value = raw === true ? 1 : 0;
      normalized = value;
    }
    const weight = (ws[i] as number) / total;
    const contribution = 100 * weight * normalized;
    score += contribution;
    return { signal: k, value, normalized, weight, contribution };
  });
  return { score: Math.min(100, Math.max(0, score)), components };
}
