import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertInRange, assertSafeKey } from "../../core/guards.js";
import type { ChecklistDefinition } from "../schemas.js";

/** A validated checklist item. */
export interface ItemInfo {
  readonly id: string;
  readonly text: string;
  readonly weight: number;
  readonly section: number;
}

/** A validated checklist. */
export interface CheckedChecklist {
  readonly id: string | null;
  readonly sections: readonly { readonly id: string; readonly title: string | null; readonly items: readonly ItemInfo[] }[];
  readonly items: ReadonlyMap<string, ItemInfo>;
  readonly threshold: number;
  readonly rule: "above" | "at-least";
  readonly recommendation: { readonly met: string; readonly notMet: string } | null;
}

/** Checks a checklist definition's meaning: safe, unique ids; weights; threshold. */
export function checkChecklist(def: ChecklistDefinition, fn: string, base: readonly PathSegment[] = []): CheckedChecklist {
  if (typeof def !== "object" || def === null) throw metricsError(fn, "invalid_type", base, "a checklist definition object", def);
  const id = def.id === undefined ? null : assertSafeKey(def.id, fn, [...base, "id"]);
  const secs = def.sections as unknown;
  if (!Array.isArray(secs)) throw metricsError(fn, "invalid_type", [...base, "sections"], "an array of sections", secs);
  if (secs.length === 0) throw metricsError(fn, "empty_sample", [...base, "sections"], "at least one section", secs);
  const items = new Map<string, ItemInfo>();
  const sectionIds = new Set<string>();
  let totalWeight = 0;
  const sections = secs.map((raw: unknown, si) => {
    const p: PathSegment[] = [...base, "sections", si];
    if (typeof raw !== "object" || raw === null) throw metricsError(fn, "invalid_type", p, "a section object", raw);
    const s = raw as Record<string, unknown>;
    const sid = assertSafeKey(s["id"], fn, [...p, "id"]);
    if (sectionIds.has(sid)) throw metricsError(fn, "duplicate_id", [...p, "id"], "a section id not used before", sid);
    sectionIds.add(sid);
    const title = s["title"] === undefined ? null : s["title"];
    if (title !== null && typeof title !== "string") throw metricsError(fn, "invalid_type", [...p, "title"], "a string", title);
    const list = s["items"];
    if (!Array.isArray(list)) throw metricsError(fn, "invalid_type", [...p, "items"], "an array of items", list);
    if (list.length === 0) throw metricsError(fn, "empty_sample", [...p, "items"], "at least one item", list);
    const infos = list.map((rawItem: unknown, ii) => {
      const ip: PathSegment[] = [...p, "items", ii];
      if (typeof rawItem !== "object" || rawItem === null) throw metricsError(fn, "invalid_type", ip, "an item object", rawItem);
      const it = rawItem as Record<string, unknown>;
      const iid = assertSafeKey(it["id"], fn, [...ip, "id"]);
      if (items.has(iid))
        throw metricsError(fn, "duplicate_id", [...ip, "id"], "an item id not used before (ids are unique across sections)", iid);
      const text = it["text"] === undefined ? "" : it["text"];
      if (typeof text !== "string") throw metricsError(fn, "invalid_type", [...ip, "text"], "a string", text);
      let weight = 1;
      if (it["weight"] !== undefined) {
        const w = it["weight"];
        if (typeof w !== "number") throw metricsError(fn, "invalid_type", [...ip, "weight"], "a finite weight >= 0", w);
        if (!Number.isFinite(w)) throw metricsError(fn, "not_finite", [...ip, "weight"], "a finite weight >= 0", w);
        if (w < 0) throw metricsError(fn, "out_of_range", [...ip, "weight"], "a finite weight >= 0", w);
        weight = w;
      }
      totalWeight += weight;
      const info: ItemInfo = { id: iid, text, weight, section: si };
      items.set(iid, info);
      return info;
    });
    return { id: sid, title: title as string | null, items: infos };
  });
  if (!(totalWeight > 0))
    throw metricsError(fn, "out_of_range", [...base, "sections"], "items whose weights are not all zero", totalWeight);
  const threshold = def.threshold === undefined ? 0.5 : assertInRange(def.threshold, 0, 1, fn, [...base, "threshold"]);
  const rule = def.rule === undefined ? "above" : def.rule;
  if (rule !== "above" && rule !== "at-least")
    throw metricsError(fn, "invalid_option", [...base, "rule"], '"above" or "at-least"', rule);
  let recommendation: CheckedChecklist["recommendation"] = null;
  if (def.recommendation !== undefined) {
    const r = def.recommendation as unknown as Record<string, unknown> | null;
    if (typeof r !== "object" || r === null || typeof r["met"] !== "string" || typeof r["notMet"] !== "string") {
      throw metricsError(fn, "invalid_type", [...base, "recommendation"], "{ met: string, notMet: string }", r);
    }
    recommendation = { met: r["met"], notMet: r["notMet"] };
  }
  return { id, sections, items, threshold, rule, recommendation };
}
