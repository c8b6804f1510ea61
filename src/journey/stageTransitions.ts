import { metricsError, type PathSegment } from "../core/errors.js";
import { fromDayNumber, type DateInput } from "../core/time.js";
import type { JourneyModel } from "./schemas.js";
import type { JourneyCustomer } from "./classifyJourneyStage.js";
import {
  checkCustomers,
  prepareModel,
  readAsOf,
  readCustomerId,
  readSignals,
  stageOf,
  type PreparedModel,
} from "./_internal/prepared.js";

/**
 * Customer snapshots taken on one day.
 *
 * @category Journey
 */
export interface JourneySnapshotSet {
  /** The customers (each with a `customerId`, unique within the set). */
  readonly customers: readonly JourneyCustomer[];
  /** The day the snapshots describe. */
  readonly asOf: DateInput;
}

/**
 * Movements between journey stages from one snapshot to a later one.
 *
 * @category Journey
 */
export interface JourneyStageTransitions {
  /** Stage ids in model order; matrix rows and columns follow them, plus a last row/column for "no stage". */
  readonly stages: readonly string[];
  /** `matrix[from][to]`: customers in stage `from` before and `to` after (index `stages.length` = no stage). */
  readonly matrix: readonly (readonly number[])[];
  /** Customers present in both snapshots (the matrix total). */
  readonly n: number;
  /** Customers who moved to a later stage. */
  readonly forward: number;
  /** Customers who moved to an earlier stage (only possible when signals disappear, or with rules that are not monotone). */
  readonly backward: number;
  /** Customers in the same stage (or in no stage) both times. */
  readonly unchanged: number;
  /** Customers only in the earlier snapshot. */
  readonly onlyBefore: number;
  /** Customers only in the later snapshot (e.g. new prospects). */
  readonly onlyAfter: number;
  /** Day of the earlier snapshot (ISO date). */
  readonly from: string;
  /** Day of the later snapshot (ISO date). */
  readonly to: string;
}

function classifyAll(
  p: PreparedModel,
  set: JourneySnapshotSet,
  fn: string,
  key: "before" | "after",
): Map<string | number, number> {
  if (set === null || typeof set !== "object")
    throw metricsError(fn, "invalid_type", [key], "an object { customers, asOf }", set);
  const asOf = readAsOf(set, fn, [key, "asOf"]);
  const prefix: PathSegment[] = [key, "customers"];
  const list = checkCustomers(set.customers, fn, prefix);
  const vals = new Float64Array(p.signalIds.length);
  const out = new Map<string | number, number>();
  for (let i = 0; i < list.length; i++) {
    readSignals(p, list[i], asOf, vals, fn, i, prefix);
    const id = readCustomerId(list[i], fn, i, prefix);
    if (out.has(id))
      throw metricsError(fn, "duplicate_id", [...prefix, i, "customerId"], "a customer id not used before in this snapshot", id);
    out.set(id, stageOf(p, vals, asOf));
  }
  return out;
}

/**
 * The stage-to-stage transition matrix between two snapshots of the same
 * customers: who moved forward, who is stuck, who went backwards.
 *
 * @remarks
 * Customers are matched by `customerId` (compared with `===`: `"7"` and `7`
 * are different customers). Each snapshot is classified at its own `asOf`
 * exactly as {@link classifyJourneyStage} does. The later snapshot must not
 * be dated before the earlier one.
 *
 * @param model - A journey model.
 * @param before - The earlier snapshot set.
 * @param after - The later snapshot set.
 * @returns The {@link JourneyStageTransitions}.
 * @throws {@link MetricsError} `empty_sample` for an empty set; `duplicate_id` for a repeated id within a set
 * (path `["before" | "after", "customers", index, "customerId"]`); `invalid_date` when `after.asOf` is before
 * `before.asOf`; the snapshot and model codes of {@link classifyJourneyStage} (paths prefixed likewise).
 *
 * @example
 * ```ts
 * import { stageTransitions, COLEMAN_JOURNEY } from "customer-metrics/journey";
 * const t = stageTransitions(
 *   COLEMAN_JOURNEY,
 *   { asOf: "2024-03-01", customers: [{ customerId: 1, purchasedAt: "2024-02-28" }, { customerId: 2, firstContactAt: "2024-02-01" }] },
 *   { asOf: "2024-04-01", customers: [{ customerId: 1, purchasedAt: "2024-02-28", affirmedAt: "2024-03-01" }, { customerId: 2, firstContactAt: "2024-02-01" }, { customerId: 3, firstContactAt: "2024-03-30" }] },
 * );
 * t.matrix[1]?.[2]; // => 1
 * [t.forward, t.unchanged, t.onlyAfter]; // => [1, 1, 1]
 * ```
 *
 * @category Journey
 */
export function stageTransitions(
  model: JourneyModel,
  before: JourneySnapshotSet,
  after: JourneySnapshotSet,
): JourneyStageTransitions {
  const fn = "stageTransitions";
  const p = prepareModel(model, fn);
  const a = classifyAll(p, before, fn, "before");
  const b = classifyAll(p, after, fn, "after");
  const fromDay = readAsOf(before, fn, ["before", "asOf"]);
  const toDay = readAsOf(after, fn, ["after", "asOf"]);
  if (toDay < fromDay) {
    throw metricsError(
      fn,
      "invalid_date",
      ["after", "asOf"],
      `a date on or after before.asOf (${fromDayNumber(fromDay)})`,
      after.asOf,
    );
  }
  const k = p.stages.length;
  const none = k;
  const matrix: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  let forward = 0;
  let backward = 0;
  let unchanged = 0;
  let n = 0;
  let onlyBefore = 0;
  for (const [id, s0] of a) {
    const s1 = b.get(id);
    if (s1 === undefined) {
      onlyBefore++;
      continue;
    }
    n++;
    const row = matrix[s0 < 0 ? none : s0] as number[];
    const col = s1 < 0 ? none : s1;
    row[col] = (row[col] as number) + 1;
    if (s1 > s0) forward++;
    else if (s1 < s0) backward++;
    else unchanged++;
  }
  return {
    stages: p.stages.map((s) => s.id),
    matrix,
    n,
    forward,
    backward,
    unchanged,
    onlyBefore,
    onlyAfter: b.size - n,
    from: fromDayNumber(fromDay),
    to: fromDayNumber(toDay),
  };
}
