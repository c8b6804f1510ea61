import { metricsError } from "../../core/errors.js";
import { readGammaGammaParams } from "./_internal/validateModel.js";
import type { GammaGammaParams } from "./types.js";

/**
 * A spend model as {@link expectedAverageSpend} reads it: a fitted {@link GammaGammaModel}, or a tag
 * with parameters (e.g. published estimates).
 *
 * @category BTYD
 */
export interface GammaGammaSpec {
  /** Model tag. */
  readonly model: "gamma-gamma";
  /** Parameters p, q, v. */
  readonly params: GammaGammaParams;
}

/**
 * A customer's spend summary for {@link expectedAverageSpend}.
 *
 * @category BTYD
 */
export interface SpendCustomer {
  /** Repeat purchases x, an integer ≥ 0. */
  readonly frequency: number;
  /** Mean value of the repeat purchases m̄ₓ, ≥ 0 (ignored when frequency is 0). */
  readonly monetaryValue: number;
}

/**
 * The expected average value of a customer's future transactions under the Gamma-Gamma model:
 * their own average, shrunk towards the population mean the fewer purchases they have made.
 *
 * E[Z | x, m̄ₓ] = (q − 1)/(px + q − 1) · v·p/(q − 1) + px/(px + q − 1) · m̄ₓ = p(v + x·m̄ₓ)/(px + q − 1).
 * For a customer with no repeat purchases it is the population mean v·p/(q − 1).
 *
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
 * JMR 42(4); Hardie note 025, eq. 5 (http://www.brucehardie.com/notes/025/).
 *
 * @remarks
 * Requires q > 1 (otherwise the mean is infinite): `undefined_result`, never Infinity; refit with
 * `qConstraint: true`. Returned as a float64 number in money units; `customerLifetimeValue` converts
 * to Decimal at the money boundary.
 *
 * @param spendModel - A fitted Gamma-Gamma model or `{ model: "gamma-gamma", params }`.
 * @param customer - `{ frequency, monetaryValue }`.
 * @returns Expected spend per future transaction, in money units, > 0.
 * @throws {@link MetricsError} `invalid_model` for a model that is not Gamma-Gamma or has invalid parameters; `undefined_result` when q ≤ 1; `not_integer`/`out_of_range`/`invalid_type`/`not_finite` for a bad customer.
 *
 * @example
 * ```ts
 * import { expectedAverageSpend } from "customer-metrics/btyd";
 * // Hardie note 025's CDNOW estimates: population mean 15.44·6.25/2.74 = 35.22
 * const spend = { model: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
 * expectedAverageSpend(spend, { frequency: 0, monetaryValue: 0 }); // => 35.22
 * expectedAverageSpend(spend, { frequency: 2, monetaryValue: 22.35 }); // => 24.66
 * ```
 *
 * @category BTYD
 */
export function expectedAverageSpend(spendModel: GammaGammaSpec, customer: SpendCustomer): number {
  const fn = "expectedAverageSpend";
  const { p, q, v } = readGammaGammaParams(spendModel, fn);
  if (!(q > 1)) {
    throw metricsError(
      fn,
      "undefined_result",
      ["spendModel", "params", "q"],
      "> 1 for a finite mean spend (refit with qConstraint: true)",
      q,
    );
  }
  if (customer === null || typeof customer !== "object")
    throw metricsError(fn, "invalid_type", ["customer"], "an object { frequency, monetaryValue }", customer);
  const x = customer.frequency;
  if (typeof x !== "number") throw metricsError(fn, "invalid_type", ["customer", "frequency"], "an integer >= 0", x);
  if (!Number.isFinite(x)) throw metricsError(fn, "not_finite", ["customer", "frequency"], "an integer >= 0", x);
  if (!Number.isInteger(x)) throw metricsError(fn, "not_integer", ["customer", "frequency"], "an integer >= 0", x);
  if (x < 0) throw metricsError(fn, "out_of_range", ["customer", "frequency"], "an integer >= 0", x);
  const m = customer.monetaryValue;
  if (typeof m !== "number") throw metricsError(fn, "invalid_type", ["customer", "monetaryValue"], "a finite number >= 0", m);
  if (!Number.isFinite(m)) throw metricsError(fn, "not_finite", ["customer", "monetaryValue"], "a finite number >= 0", m);
  if (m < 0) throw metricsError(fn, "out_of_range", ["customer", "monetaryValue"], "a finite number >= 0", m);
  const px = p * x;
  return (p * (v + (x === 0 ? 0 : x * m))) / (px + q - 1);
}
