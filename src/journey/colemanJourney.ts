import type { DateInput } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";

/**
 * The signals {@link COLEMAN_JOURNEY} reads from a customer snapshot. Every
 * field is optional: a missing signal means "has not happened (yet)".
 *
 * @remarks
 * Dates are `Date`, ISO-8601 strings or epoch ms, read as UTC days, and must
 * not lie after `asOf`. Add any other fields (name, plan, …): the classifier
 * reads only the declared signals.
 *
 * @category Journey
 */
export interface ColemanJourneySignals {
  /** Your id for the customer (needed by functions that list customers). */
  readonly customerId?: string | number;
  /** First recorded touch as a prospect: a visit, a lead form, a demo request. */
  readonly firstContactAt?: DateInput | null;
  /** The purchase (or contract start) that makes the prospect a customer. */
  readonly purchasedAt?: DateInput | null;
  /** The decision was reinforced after the purchase: a welcome call held, a welcome message opened. */
  readonly affirmedAt?: DateInput | null;
  /** The first major interaction after the purchase: kickoff, delivery, first login. */
  readonly onboardingStartedAt?: DateInput | null;
  /** Onboarding finished: the customer has learned how you work. */
  readonly onboardingCompletedAt?: DateInput | null;
  /** The customer first reached the outcome they came for. */
  readonly firstValueAt?: DateInput | null;
  /** First repeat purchase, renewal or expansion. */
  readonly repeatPurchaseAt?: DateInput | null;
  /** Date of the first referral the customer made. */
  readonly firstReferralAt?: DateInput | null;
  /** Number of referrals made so far (an integer ≥ 0). */
  readonly referralCount?: number | null;
  /** Latest answer to the NPS question (an integer 0–10). */
  readonly npsScore?: number | null;
  /** Last recorded activity (login, order, ticket…). */
  readonly lastActiveAt?: DateInput | null;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in journey model: Joey Coleman's eight stages of the customer's
 * first 100 days (*Never Lose a Customer Again*, 2018) — Assessment,
 * Admission, Affirmation, Activation, Acclimation, Accomplishment, Adoption,
 * Advocacy — made operational with observable signals.
 *
 * @remarks
 * **The signals, entry rules and windows are illustrative defaults chosen by
 * this library, not Coleman's**: the book describes the stages qualitatively
 * and gives no day boundaries or criteria. They are a starting point to copy
 * and adapt (see docs/journey.md, "How the defaults were chosen").
 *
 * | stage | entry rule (illustrative) | expected window (illustrative) |
 * |---|---|---|
 * | assessment | `firstContactAt` or `purchasedAt` exists | day 0 after first contact |
 * | admission | `purchasedAt` exists | days 0–30 after first contact |
 * | affirmation | `affirmedAt` exists | days 0–3 after purchase |
 * | activation | `onboardingStartedAt` exists | days 1–14 after purchase |
 * | acclimation | `onboardingCompletedAt` exists | days 7–30 after purchase |
 * | accomplishment | `firstValueAt` exists | days 14–60 after purchase |
 * | adoption | `repeatPurchaseAt` exists | days 30–90 after purchase |
 * | advocacy | `firstReferralAt` exists or `referralCount` ≥ 1 | days 60–100 after purchase |
 *
 * Progression is `"furthest"`: later evidence implies the earlier stages (a
 * customer who reached first value is at least in Accomplishment even if the
 * onboarding dates were never recorded; the gaps are listed in `skippedStages`).
 * Risk rules: `detractor` (latest NPS answer ≤ 6) and `inactive` (no activity
 * for 30 days or more), plus `stalled` (the next stage is past its window).
 * The event mapping expects the event types `lead_created`, `order_placed`
 * (first → `purchasedAt`, second → `repeatPurchaseAt`), `welcome_acknowledged`,
 * `onboarding_started`, `onboarding_completed`, `goal_reached`,
 * `referral_made`, `nps_response` (with `value`) and `activity` (orders count
 * as activity too).
 *
 * "First 100 Days®" is a registered trademark of Joey Coleman's company; this
 * library uses the phrase only descriptively. The model is deeply frozen; copy
 * it (e.g. `structuredClone`) to edit.
 *
 * @see Joey Coleman, *Never Lose a Customer Again: Turn Any Sale into Lifelong
 * Loyalty in 100 Days*, Portfolio, 2018.
 *
 * @example
 * ```ts
 * import { COLEMAN_JOURNEY, classifyJourneyStage } from "customer-metrics/journey";
 * COLEMAN_JOURNEY.stages.map((s) => s.id).join(" "); // => "assessment admission affirmation activation acclimation accomplishment adoption advocacy"
 * classifyJourneyStage(COLEMAN_JOURNEY, { purchasedAt: "2024-03-01", affirmedAt: "2024-03-02" }, { asOf: "2024-03-05" }).stage; // => "affirmation"
 * ```
 *
 * @category Journey
 */
export const COLEMAN_JOURNEY: JourneyModel = /* @__PURE__ */ deepFreeze({
  id: "coleman",
  name: "Coleman's eight stages of the first 100 days",
  description:
    "Joey Coleman's eight customer-journey stages (Never Lose a Customer Again, 2018). Signals, entry rules and windows are ILLUSTRATIVE DEFAULTS chosen by customer-metrics, not part of the book: adapt them to your business.",
  anchor: "purchasedAt",
  progression: "furthest",
  signals: [
    { id: "firstContactAt", type: "date", description: "First recorded touch as a prospect." },
    { id: "purchasedAt", type: "date", description: "The purchase (or contract start)." },
    {
      id: "affirmedAt",
      type: "date",
      description: "The decision reinforced after the purchase (welcome call held, welcome message opened).",
    },
    {
      id: "onboardingStartedAt",
      type: "date",
      description: "First major interaction after the purchase (kickoff, delivery, first login).",
    },
    { id: "onboardingCompletedAt", type: "date", description: "Onboarding finished." },
    { id: "firstValueAt", type: "date", description: "First outcome the customer came for." },
    { id: "repeatPurchaseAt", type: "date", description: "First repeat purchase, renewal or expansion." },
    { id: "firstReferralAt", type: "date", description: "First referral made." },
    { id: "referralCount", type: "number", min: 0, integer: true, description: "Referrals made so far." },
    { id: "npsScore", type: "number", min: 0, max: 10, integer: true, description: "Latest answer to the NPS question." },
    { id: "lastActiveAt", type: "date", description: "Last recorded activity." },
  ],
  stages: [
    {
      id: "assessment",
      name: "Assessment",
      description: "Deciding whether to do business with you.",
      entry: {
        any: [
          { signal: "firstContactAt", op: "exists" },
          { signal: "purchasedAt", op: "exists" },
        ],
      },
      window: { since: "firstContactAt", start: 0, end: 0 },
    },
    {
      id: "admission",
      name: "Admission",
      description: "The purchase: a new customer.",
      entry: { signal: "purchasedAt", op: "exists" },
      window: { since: "firstContactAt", start: 0, end: 30 },
    },
    {
      id: "affirmation",
      name: "Affirmation",
      description: "Buyer's remorse addressed; the decision reinforced.",
      entry: { signal: "affirmedAt", op: "exists" },
      window: { start: 0, end: 3 },
    },
    {
      id: "activation",
      name: "Activation",
      description: "The first major interaction after the purchase.",
      entry: { signal: "onboardingStartedAt", op: "exists" },
      window: { start: 1, end: 14 },
    },
    {
      id: "acclimation",
      name: "Acclimation",
      description: "Learning how you work.",
      entry: { signal: "onboardingCompletedAt", op: "exists" },
      window: { start: 7, end: 30 },
    },
    {
      id: "accomplishment",
      name: "Accomplishment",
      description: "Reaching the outcome they came for.",
      entry: { signal: "firstValueAt", op: "exists" },
      window: { start: 14, end: 60 },
    },
    {
      id: "adoption",
      name: "Adoption",
      description: "Taking ownership of the relationship: buying again, renewing.",
      entry: { signal: "repeatPurchaseAt", op: "exists" },
      window: { start: 30, end: 90 },
    },
    {
      id: "advocacy",
      name: "Advocacy",
      description: "Referring others.",
      entry: {
        any: [
          { signal: "firstReferralAt", op: "exists" },
          { signal: "referralCount", op: "gte", value: 1 },
        ],
      },
      window: { start: 60, end: 100 },
    },
  ],
  riskRules: [
    { id: "detractor", description: "Latest NPS answer is 0–6.", rule: { signal: "npsScore", op: "lte", value: 6 } },
    {
      id: "inactive",
      description: "No recorded activity for 30 days or more.",
      rule: { signal: "lastActiveAt", measure: "daysSince", op: "gte", value: 30 },
    },
  ],
  eventMapping: [
    { event: "lead_created", signal: "firstContactAt", aggregate: "first" },
    { event: "order_placed", signal: "purchasedAt", aggregate: "first" },
    { event: "order_placed", signal: "repeatPurchaseAt", aggregate: "second" },
    { event: "welcome_acknowledged", signal: "affirmedAt", aggregate: "first" },
    { event: "onboarding_started", signal: "onboardingStartedAt", aggregate: "first" },
    { event: "onboarding_completed", signal: "onboardingCompletedAt", aggregate: "first" },
    { event: "goal_reached", signal: "firstValueAt", aggregate: "first" },
    { event: "referral_made", signal: "firstReferralAt", aggregate: "first" },
    { event: "referral_made", signal: "referralCount", aggregate: "count" },
    { event: "nps_response", signal: "npsScore", aggregate: "latestValue" },
    { event: "activity", signal: "lastActiveAt", aggregate: "last" },
    { event: "order_placed", signal: "lastActiveAt", aggregate: "last" },
  ],
} satisfies JourneyModel);
