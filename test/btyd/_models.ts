/** Typed access to test/fixtures/btyd/models.json (mpmath reference values, see its README). */
import { fixture } from "./_data.js";

export interface RefRow {
  frequency: number;
  recency: number;
  T?: number;
  n?: number;
  logLikelihood: number;
  probabilityAlive: number;
  conditional: Record<string, number>;
}
export interface RefSet {
  name: string;
  params: Record<string, number>;
  rows: RefRow[];
  expected: Record<string, number>;
  pmf39?: number[];
  pmf6?: number[];
}
export const ref = fixture<Record<"bg-nbd" | "mbg-nbd" | "pareto-nbd" | "bg-bb", RefSet[]>>("models.json");
export const TAGS = ["bg-nbd", "mbg-nbd", "pareto-nbd", "bg-bb"] as const;
