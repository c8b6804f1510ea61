import { metricsError } from "../core/errors.js";
import { assertOneOf, assertKnownOptions } from "../core/guards.js";
import { checkChecklist } from "./_internal/checkChecklist.js";
import { type ChecklistAnswers, type ChecklistItemCounts, type ChecklistTally, tallyChecklist } from "./checklistTally.js";
import type { ChecklistDefinition } from "./schemas.js";

/**
 * Options for {@link scoreChecklist}.
 *
 * @category Surveys
 */
export interface ScoreChecklistOptions {
  /** How unanswered items count: left out of the share (`"exclude"`) or counted as "no" (`"no"`). @defaultValue `"exclude"` */
  readonly unanswered?: "exclude" | "no";
}

/**
 * Yes/no counts and the weighted share of "yes" of a group of items.
 *
 * @category Surveys
 */
export interface ChecklistSectionScore {
  /** Section id. */
  readonly id: string;
  /** Section title, if any. */
  readonly title: string | null;
  /** "Yes" answers. */
  readonly yes: number;
  /** "No" answers. */
  readonly no: number;
  /** Unanswered items (summed over respondents). */
  readonly unanswered: number;
  /** Weighted share of "yes" (0–1), or `null` when nothing in the section counts. */
  readonly yesShare: number | null;
}

/**
 * One item's answer counts in a {@link ChecklistScore}, with the item's text.
 *
 * @category Surveys
 */
export interface ChecklistItemScore extends ChecklistItemCounts {
  /** The item's question text, as in the checklist definition. */
  readonly text: string;
}

/**
 * A scored checklist with its recommendation.
 *
 * @category Surveys
 */
export interface ChecklistScore {
  /** Weighted share of "yes" over all counted answers (0–1). */
  readonly yesShare: number;
  /** "Yes" answers. */
  readonly yes: number;
  /** "No" answers. */
  readonly no: number;
  /** Unanswered items (summed over respondents). */
  readonly unanswered: number;
  /** Number of respondents. */
  readonly respondents: number;
  /** Per-section scores. */
  readonly sections: readonly ChecklistSectionScore[];
  /** Per-item counts. */
  readonly items: readonly ChecklistItemScore[];
  /** The threshold the share is compared with (fraction). */
  readonly threshold: number;
  /** `"above"` (share > threshold) or `"at-least"` (share ≥ threshold). */
  readonly rule: "above" | "at-least";
  /** Whether the share passes the threshold. */
  readonly recommended: boolean;
  /** The definition's recommendation text for the outcome, if it has one. */
  readonly recommendation: string | null;
}

/**
 * Scores a yes/no self-assessment (e.g. "is a customer-intimacy strategy
 * right for us?"): the weighted share of "yes", per-section shares, and the
 * recommendation when the share passes the threshold (by default: more than
 * half the answers are yes).
 *
 * @remarks
 * Accepts one respondent's answers, an array of them (e.g. every member of a
 * leadership team), or a {@link ChecklistTally}. Items carry weights (default
 * 1). See {@link CUSTOMER_INTIMACY_CHECKLIST} for a ready-made checklist.
 *
 * @param definition - The checklist (see {@link ChecklistDefinitionSchema}).
 * @param answers - Answers, an array of answer sets, or a tally.
 * @param options - See {@link ScoreChecklistOptions}.
 * @returns The score (see {@link ChecklistScore}).
 * @throws {@link MetricsError} as {@link checklistTally}; `empty_sample` when no item is answered (with `unanswered: "exclude"`); `unit_mismatch` for a tally of another checklist; `invalid_option`.
 *
 * @example
 * ```ts
 * import { scoreChecklist } from "customer-metrics/surveys";
 * const def = {
 *   sections: [{ id: "fit", items: [{ id: "a", text: "A?" }, { id: "b", text: "B?" }, { id: "c", text: "C?" }] }],
 *   recommendation: { met: "Go", notMet: "Wait" },
 * };
 * const s = scoreChecklist(def, { a: true, b: true, c: false });
 * s.yesShare; // => 0.6667
 * s.recommendation; // => "Go"
 * scoreChecklist(def, { a: true, b: false }).recommended; // => false
 * ```
 *
 * @category Surveys
 */
export function scoreChecklist(
  definition: ChecklistDefinition,
  answers: ChecklistAnswers | readonly ChecklistAnswers[] | ChecklistTally,
  options: ScoreChecklistOptions = {},
): ChecklistScore {
  assertKnownOptions(options, ["unanswered"], "scoreChecklist");
  const fn = "scoreChecklist";
  const policy =
    options.unanswered === undefined
      ? "exclude"
      : assertOneOf(options.unanswered, ["exclude", "no"] as const, fn, ["options", "unanswered"]);
  const def = checkChecklist(definition, fn, ["definition"]);
  let tally: ChecklistTally;
  const a = answers as unknown;
  const isTally =
    typeof a === "object" &&
    a !== null &&
    !Array.isArray(a) &&
    Array.isArray((a as { items?: unknown }).items) &&
    typeof (a as { respondents?: unknown }).respondents === "number";
  if (isTally) {
    tally = a as ChecklistTally;
    const ids = [...def.items.keys()];
    if (tally.items.length !== ids.length || tally.items.some((it, k) => it.id !== ids[k])) {
      throw metricsError(fn, "unit_mismatch", ["answers"], "a tally of this checklist", tally.checklistId);
    }
  } else tally = tallyChecklist(def, answers as ChecklistAnswers | readonly ChecklistAnswers[], fn);
  const info = [...def.items.values()];
  const secAcc = def.sections.map(() => ({ yes: 0, no: 0, unanswered: 0, wYes: 0, wAll: 0 }));
  let wYes = 0;
  let wAll = 0;
  let yes = 0;
  let no = 0;
  let unanswered = 0;
  tally.items.forEach((it, k) => {
    const item = info[k] as (typeof info)[number];
    const counted = it.yes + it.no + (policy === "no" ? it.unanswered : 0);
    const s = secAcc[item.section] as (typeof secAcc)[number];
    s.yes += it.yes;
    s.no += it.no;
    s.unanswered += it.unanswered;
    s.wYes += item.weight * it.yes;
    s.wAll += item.weight * counted;
    wYes += item.weight * it.yes;
    wAll += item.weight * counted;
    yes += it.yes;
    no += it.no;
    unanswered += it.unanswered;
  });
  if (!(wAll > 0))
    throw metricsError(fn, "empty_sample", ["answers"], "at least one answered item (with a weight above 0)", wAll);
  const yesShare = wYes / wAll;
  const recommended = def.rule === "above" ? yesShare > def.threshold : yesShare >= def.threshold;
  return {
    yesShare,
    yes,
    no,
    unanswered,
    respondents: tally.respondents,
    sections: def.sections.map((sec, k) => {
      const s = secAcc[k] as (typeof secAcc)[number];
      return {
        id: sec.id,
        title: sec.title,
        yes: s.yes,
        no: s.no,
        unanswered: s.unanswered,
        yesShare: s.wAll > 0 ? s.wYes / s.wAll : null,
      };
    }),
    items: tally.items.map((it, k) => ({
      id: it.id,
      text: (info[k] as (typeof info)[number]).text,
      yes: it.yes,
      no: it.no,
      unanswered: it.unanswered,
    })),
    threshold: def.threshold,
    rule: def.rule,
    recommended,
    recommendation: def.recommendation === null ? null : recommended ? def.recommendation.met : def.recommendation.notMet,
  };
}
