import { type PathSegment, metricsError } from "../../core/errors.js";
import { assertSafeKey } from "../../core/guards.js";
import type { SurveyDefinition, SurveyIndexMethod } from "../schemas.js";
import { defaultBoxSize, readScale, type Scale } from "./scale.js";

/** A validated question with its orientation and box thresholds (on the coded, higher-is-better scale). */
export interface QuestionInfo {
  readonly id: string;
  readonly text: string;
  readonly position: number;
  readonly scale: Scale;
  readonly reverse: boolean;
  /** Whether raw values are flipped to get the coded value. */
  readonly flip: boolean;
  readonly required: boolean;
  readonly topBoxMin: number;
  readonly bottomBoxMax: number;
  readonly labels: readonly string[] | null;
}

/** A validated index. */
export interface IndexInfo {
  readonly id: string;
  readonly label: string | null;
  readonly method: SurveyIndexMethod;
  readonly items: readonly { readonly q: QuestionInfo; readonly w: number }[];
}

/** A validated definition. */
export interface CheckedDefinition {
  readonly id: string | null;
  readonly questions: readonly QuestionInfo[];
  readonly byId: ReadonlyMap<string, QuestionInfo>;
  readonly indices: readonly IndexInfo[];
}

const METHODS: readonly SurveyIndexMethod[] = ["mean", "net", "topBox", "bottomBox", "normalized"];

function bool(v: unknown, fn: string, path: readonly PathSegment[]): boolean {
  if (v === undefined) return false;
  if (typeof v !== "boolean") throw metricsError(fn, "invalid_type", path, "a boolean", v);
  return v;
}

function intOnScale(v: unknown, s: Scale, fn: string, path: readonly PathSegment[]): number {
  if (typeof v !== "number" || !Number.isInteger(v))
    throw metricsError(fn, typeof v !== "number" ? "invalid_type" : "not_integer", path, "an integer", v);
  if (v < s.min || v > s.max) throw metricsError(fn, "out_of_range", path, `a point of the scale ${s.min}..${s.max}`, v);
  return v;
}

/**
 * Checks a survey definition's meaning (the zod schema checks its shape and
 * calls this for cross-field rules): safe, unique ids; sane scales; indices
 * that reference known questions with valid weights.
 */
export function checkDefinition(def: SurveyDefinition, fn: string, base: readonly PathSegment[] = []): CheckedDefinition {
  if (typeof def !== "object" || def === null) throw metricsError(fn, "invalid_type", base, "a survey definition object", def);
  const id = def.id === undefined ? null : assertSafeKey(def.id, fn, [...base, "id"]);
  const qs = def.questions as unknown;
  if (!Array.isArray(qs)) throw metricsError(fn, "invalid_type", [...base, "questions"], "an array of questions", qs);
  if (qs.length === 0) throw metricsError(fn, "empty_sample", [...base, "questions"], "at least one question", qs);
  const byId = new Map<string, QuestionInfo>();
  const questions: QuestionInfo[] = [];
  qs.forEach((raw: unknown, position) => {
    const p: PathSegment[] = [...base, "questions", position];
    if (typeof raw !== "object" || raw === null) throw metricsError(fn, "invalid_type", p, "a question object", raw);
    const q = raw as Record<string, unknown>;
    const qid = assertSafeKey(q["id"], fn, [...p, "id"]);
    if (byId.has(qid)) throw metricsError(fn, "duplicate_id", [...p, "id"], "a question id not used before", qid);
    const text = q["text"] === undefined ? "" : q["text"];
    if (typeof text !== "string") throw metricsError(fn, "invalid_type", [...p, "text"], "a string", text);
    const sc = q["scale"] as Record<string, unknown> | undefined;
    if (typeof sc !== "object" || sc === null) throw metricsError(fn, "invalid_type", [...p, "scale"], "{ min, max, ... }", sc);
    const scale = readScale({ min: sc["min"], max: sc["max"], best: sc["best"] }, fn, [...p, "scale"]);
    const reverse = bool(sc["reverse"], fn, [...p, "scale", "reverse"]);
    const required = bool(q["required"], fn, [...p, "required"]);
    const k = defaultBoxSize(scale);
    const topBoxMin =
      sc["topBox"] === undefined ? scale.max - (k - 1) : intOnScale(sc["topBox"], scale, fn, [...p, "scale", "topBox"]);
    const bottomBoxMax =
      sc["bottomBox"] === undefined ? scale.min + (k - 1) : intOnScale(sc["bottomBox"], scale, fn, [...p, "scale", "bottomBox"]);
    if (!(topBoxMin > bottomBoxMax)) {
      throw metricsError(fn, "out_of_range", [...p, "scale", "topBox"], `above bottomBox (${bottomBoxMax})`, topBoxMin);
    }
    let labels: string[] | null = null;
    if (sc["labels"] !== undefined) {
      const l = sc["labels"];
      const points = scale.max - scale.min + 1;
      if (!Array.isArray(l) || l.length !== points || !l.every((x) => typeof x === "string")) {
        throw metricsError(
          fn,
          "invalid_input",
          [...p, "scale", "labels"],
          `an array of ${points} strings (one per point, from min to max)`,
          l,
        );
      }
      labels = [...(l as string[])];
    }
    const info: QuestionInfo = {
      id: qid,
      text,
      position,
      scale,
      reverse,
      flip: (scale.best === "min") !== reverse,
      required,
      topBoxMin,
      bottomBoxMax,
      labels,
    };
    byId.set(qid, info);
    questions.push(info);
  });
  const indices: IndexInfo[] = [];
  const ixs = def.indices as unknown;
  if (ixs !== undefined) {
    if (!Array.isArray(ixs)) throw metricsError(fn, "invalid_type", [...base, "indices"], "an array of indices", ixs);
    const seen = new Set<string>();
    ixs.forEach((raw: unknown, j) => {
      const p: PathSegment[] = [...base, "indices", j];
      if (typeof raw !== "object" || raw === null) throw metricsError(fn, "invalid_type", p, "an index object", raw);
      const ix = raw as Record<string, unknown>;
      const iid = assertSafeKey(ix["id"], fn, [...p, "id"]);
      if (seen.has(iid)) throw metricsError(fn, "duplicate_id", [...p, "id"], "an index id not used before", iid);
      seen.add(iid);
      const method = ix["method"];
      if (typeof method !== "string" || !(METHODS as readonly string[]).includes(method)) {
        throw metricsError(fn, "invalid_option", [...p, "method"], `one of ${METHODS.map((m) => `"${m}"`).join(", ")}`, method);
      }
      const label = ix["label"] === undefined ? null : ix["label"];
      if (label !== null && typeof label !== "string") throw metricsError(fn, "invalid_type", [...p, "label"], "a string", label);
      const refs = ix["questions"];
      if (!Array.isArray(refs)) throw metricsError(fn, "invalid_type", [...p, "questions"], "an array of question ids", refs);
      if (refs.length === 0) throw metricsError(fn, "empty_sample", [...p, "questions"], "at least one question id", refs);
      const weights = ix["weights"];
      if (weights !== undefined && (!Array.isArray(weights) || weights.length !== refs.length)) {
        throw metricsError(
          fn,
          "length_mismatch",
          [...p, "weights"],
          `an array of ${refs.length} weights (one per question)`,
          weights,
        );
      }
      const used = new Set<string>();
      let total = 0;
      const items = refs.map((r: unknown, m) => {
        const qid = assertSafeKey(r, fn, [...p, "questions", m]);
        const q = byId.get(qid);
        if (q === undefined)
          throw metricsError(fn, "unknown_reference", [...p, "questions", m], "the id of a question of this survey", qid);
        if (used.has(qid))
          throw metricsError(fn, "duplicate_id", [...p, "questions", m], "a question listed once per index", qid);
        used.add(qid);
        let w = 1;
        if (Array.isArray(weights)) {
          w = weights[m] as number;
          const wp = [...p, "weights", m];
          if (typeof w !== "number") throw metricsError(fn, "invalid_type", wp, "a finite weight >= 0", w);
          if (!Number.isFinite(w)) throw metricsError(fn, "not_finite", wp, "a finite weight >= 0", w);
          if (w < 0) throw metricsError(fn, "out_of_range", wp, "a finite weight >= 0", w);
        }
        total += w;
        return { q, w };
      });
      if (!(total > 0)) throw metricsError(fn, "out_of_range", [...p, "weights"], "weights that are not all zero", weights);
      indices.push({ id: iid, label, method: method as SurveyIndexMethod, items });
    });
  }
  return { id, questions, byId, indices };
}

/** The coded (higher-is-better) value of a raw answer. */
export function coded(q: QuestionInfo, raw: number): number {
  return q.flip ? q.scale.min + q.scale.max - raw : raw;
}
