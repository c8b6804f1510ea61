import { type PathSegment, metricsError } from "../core/errors.js";
import { assertSafeKey, isArrayLike } from "../core/guards.js";
import { type CheckedChecklist, checkChecklist } from "./_internal/checkChecklist.js";
import type { ChecklistDefinition } from "./schemas.js";

/**
 * One respondent's checklist answers: item id → `true`/`"yes"`,
 * `false`/`"no"`, or `null`/`undefined` (unanswered).
 *
 * @category Surveys
 */
export interface ChecklistAnswers {
  readonly [itemId: string]: boolean | "yes" | "no" | null | undefined;
}

/**
 * One checklist item's answer counts over a set of respondents
 * (`yes + no + unanswered` = respondents).
 *
 * @category Surveys
 */
export interface ChecklistItemCounts {
  /** The item id, as in the checklist definition. */
  readonly id: string;
  /** Respondents who answered "yes" (`true` or `"yes"`). */
  readonly yes: number;
  /** Respondents who answered "no" (`false` or `"no"`). */
  readonly no: number;
  /** Respondents who left the item unanswered (`null`, `undefined` or absent). */
  readonly unanswered: number;
}

/**
 * Yes/no/unanswered counts per item over one or more respondents: the
 * mergeable form of a checklist (integer counts, exact merge).
 *
 * @category Surveys
 */
export interface ChecklistTally {
  /** The checklist id, if it has one. */
  readonly checklistId: string | null;
  /** Number of respondents (answer sets). */
  readonly respondents: number;
  /** Counts per item, in definition order. */
  readonly items: readonly ChecklistItemCounts[];
}

/** @internal */
export function tallyChecklist(
  def: CheckedChecklist,
  answers: ChecklistAnswers | readonly ChecklistAnswers[],
  fn: string,
): ChecklistTally {
  const many = isArrayLike(answers);
  const sets = (many ? answers : [answers]) as readonly ChecklistAnswers[];
  if (sets.length === 0) throw metricsError(fn, "empty_sample", ["answers"], "at least one set of answers", answers);
  const order = [...def.items.values()];
  const pos = new Map(order.map((it, k) => [it.id, k]));
  const yes = new Array<number>(order.length).fill(0);
  const no = new Array<number>(order.length).fill(0);
  const answered = new Array<number>(order.length).fill(0);
  sets.forEach((set, r) => {
    const base: PathSegment[] = many ? ["answers", r] : ["answers"];
    if (typeof set !== "object" || set === null || Array.isArray(set))
      throw metricsError(fn, "invalid_type", base, "an object of answers by item id", set);
    for (const key of Object.keys(set)) {
      assertSafeKey(key, fn, [...base, key]);
      const k = pos.get(key);
      if (k === undefined)
        throw metricsError(fn, "unknown_reference", [...base, key], "the id of an item of this checklist", key);
      const v = set[key];
      if (v === null || v === undefined) continue;
      if (v === true || v === "yes") yes[k] = (yes[k] as number) + 1;
      else if (v === false || v === "no") no[k] = (no[k] as number) + 1;
      else throw metricsError(fn, "invalid_type", [...base, key], 'true/"yes", false/"no", or null', v);
      answered[k] = (answered[k] as number) + 1;
    }
  });
  return {
    checklistId: def.id,
    respondents: sets.length,
    items: order.map((it, k) => ({
      id: it.id,
      yes: yes[k] as number,
      no: no[k] as number,
      unanswered: sets.length - (answered[k] as number),
    })),
  };
}

/**
 * Counts yes/no/unanswered per checklist item over one or many respondents
 * (see {@link ChecklistTally}); score with {@link scoreChecklist}, merge with
 * {@link mergeChecklistTallies}.
 *
 * @param definition - The checklist (see {@link ChecklistDefinitionSchema}).
 * @param answers - One respondent's answers or an array of them.
 * @returns The tally.
 * @throws {@link MetricsError} for an invalid definition (under `["definition", ...]`); `empty_sample` for an empty array; `unknown_reference` for an answer to an unknown item; `unsafe_key`; `invalid_type` for an answer that is not yes/no/null.
 *
 * @example
 * ```ts
 * import { checklistTally } from "customer-metrics/surveys";
 * const def = { sections: [{ id: "s", items: [{ id: "a", text: "A?" }, { id: "b", text: "B?" }] }] };
 * checklistTally(def, [{ a: true, b: "no" }, { a: "yes" }]).items; // => [{ id: "a", yes: 2, no: 0, unanswered: 0 }, { id: "b", yes: 0, no: 1, unanswered: 1 }]
 * ```
 *
 * @category Surveys
 */
export function checklistTally(
  definition: ChecklistDefinition,
  answers: ChecklistAnswers | readonly ChecklistAnswers[],
): ChecklistTally {
  const fn = "checklistTally";
  return tallyChecklist(checkChecklist(definition, fn, ["definition"]), answers, fn);
}
