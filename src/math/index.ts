/**
 * The `math` area: special functions, distributions, a seeded random number
 * generator and a minimizer, used by the model areas (see docs/math.md).
 * Internal numerics follow IEEE conventions (NaN in → NaN out, poles →
 * ±Infinity, no throws); the public area functions validate their inputs.
 *
 * @module math
 */
export { logGamma } from "./logGamma.js";
export { logBeta } from "./logBeta.js";
export { digamma } from "./digamma.js";
export { logSumExp } from "./logSumExp.js";
export { logAddExp } from "./logAddExp.js";
export { hyp2f1 } from "./hyp2f1.js";
export { normalCdf } from "./normalCdf.js";
export { normalQuantile } from "./normalQuantile.js";
export { wilsonInterval } from "./wilsonInterval.js";
export { regularizedGammaP } from "./regularizedGammaP.js";
export { regularizedGammaQ } from "./regularizedGammaQ.js";
export { regularizedBeta } from "./regularizedBeta.js";
export { chiSquareSf } from "./chiSquareSf.js";
export { studentTCdf } from "./studentTCdf.js";
export { studentTQuantile } from "./studentTQuantile.js";
export { createRng, type Rng } from "./createRng.js";
export { minimize, type MinimizeOptions, type MinimizeResult, type Minimizer } from "./minimize.js";
export { numericalHessian, type NumericalHessianOptions } from "./numericalHessian.js";
export { invertSymmetric } from "./invertSymmetric.js";
export { informationCriteria, type InformationCriteria } from "./informationCriteria.js";
