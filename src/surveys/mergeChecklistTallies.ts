import { metricsError } from "../core/errors.js";
import type { ChecklistTally } from "./checklistTally.js";

/**
 * Combines checklist tallies (e.g. per team or per site) into one; exact.
 *
 * @param tallies - Tallies of the same checklist.
 * @returns The merged tally.
 * @throws {@link MetricsError} `empty_sample` with no tally; `invalid_type` (path `[i]` or `[i, field]`) for something that is not a checklist tally; `unit_mismatch` (path `[i]`) for tallies of different checklists.
 *
 * @example
 * ```ts
 * import { checklistTally, mergeChecklistTallies } from "customer-metrics/surveys";
 * const def = { sections: [{ id: "s", items: [{ id: "a", text: "A?" }] }] };
 * mergeChecklistTallies(checklistTally(def, { a: true }), checklistTally(def, { a: false })).items[0]; // => { id: "a", yes: 1, no: 1, unanswered: 0 }
 * ```
 *
 * @category Surveys
 */
export function mergeChecklistTallies(...tallies: readonly ChecklistTally[]): ChecklistTally {
  const fn = "mergeChecklistTallies";
  if (tallies.length === 0) throw metricsError(fn, "empty_sample", [], "at least one tally");
  tallies.forEach((t, i) => {
    const x = t as { respondents?: unknown; items?: unknown } | null;
    if (typeof x !== "object" || x === null || Array.isArray(x))
      throw metricsError(fn, "invalid_type", [i], "a checklist tally", t);
    if (!Array.isArray(x.items) || !x.items.every((it) => typeof it === "object" && it !== null)) {
      throw metricsError(fn, "invalid_type", [i, "items"], "an array of item counts", x.items);
    }
    if (typeof x.respondents !== "number" || !Number.isFinite(x.respondents)) {
      throw metricsError(fn, "invalid_type", [i, "respondents"], "a finite count", x.respondents);
    }
  });
  const first = tallies[0] as ChecklistTally;
  const shape = (t: ChecklistTally) => JSON.stringify([t.checklistId, t.items.map((i) => i.id)]);
  const s0 = shape(first);
  const items = first.items.map((i) => ({ ...i }));
  let respondents = first.respondents;
  for (let i = 1; i < tallies.length; i++) {
    const t = tallies[i] as ChecklistTally;
    if (shape(t) !== s0) throw metricsError(fn, "unit_mismatch", [i], "a tally of the same checklist", t.checklistId);
    respondents += t.respondents;
    t.items.forEach((it, k) => {
      const target = items[k] as { yes: number; no: number; unanswered: number };
      target.yes += it.yes;
      target.no += it.no;
      target.unanswered += it.unanswered;
    });
  }
  return { checklistId: first.checklistId, respondents, items };
}
