/** Per-model evaluation behind the public prediction functions (inputs already validated). */
import {
  betaGeoConditionalExpectedPurchases,
  betaGeoExpectedPurchases,
  betaGeoProbabilityAlive,
} from "../bgNbd/bgNbdPredictions.js";
import {
  paretoConditionalExpectedPurchases,
  paretoExpectedPurchases,
  paretoProbabilityAlive,
} from "../paretoNbd/paretoNbdPredictions.js";
import type { BtydModelSpec } from "../modelTypes.js";
import { bgBbConditionalExpectedPurchases, bgBbExpectedPurchases, bgBbProbabilityAlive } from "./bgBbKernel.js";

export function expectedPurchasesOf(m: BtydModelSpec, t: number): number {
  switch (m.model) {
    case "bg-nbd":
      return betaGeoExpectedPurchases(m.params, false, t);
    case "mbg-nbd":
      return betaGeoExpectedPurchases(m.params, true, t);
    case "pareto-nbd":
      return paretoExpectedPurchases(m.params, t);
    case "bg-bb":
      return bgBbExpectedPurchases(m.params, t);
  }
}

export function conditionalExpectedPurchasesOf(m: BtydModelSpec, x: number, tx: number, T: number, t: number): number {
  switch (m.model) {
    case "bg-nbd":
      return betaGeoConditionalExpectedPurchases(m.params, false, x, tx, T, t);
    case "mbg-nbd":
      return betaGeoConditionalExpectedPurchases(m.params, true, x, tx, T, t);
    case "pareto-nbd":
      return paretoConditionalExpectedPurchases(m.params, x, tx, T, t);
    case "bg-bb":
      return bgBbConditionalExpectedPurchases(m.params, x, tx, T, t);
  }
}

export function probabilityAliveOf(m: BtydModelSpec, x: number, tx: number, T: number): number {
  switch (m.model) {
    case "bg-nbd":
      return betaGeoProbabilityAlive(m.params, false, x, tx, T);
    case "mbg-nbd":
      return betaGeoProbabilityAlive(m.params, true, x, tx, T);
    case "pareto-nbd":
      return paretoProbabilityAlive(m.params, x, tx, T);
    case "bg-bb":
      return bgBbProbabilityAlive(m.params, x, tx, T);
  }
}
