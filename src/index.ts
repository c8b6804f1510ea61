/**
 * customer-metrics: typed models and pure calculators for the numbers
 * customer-centric companies steer by. Every area is also its own subpath
 * export (`customer-metrics/nps`, `customer-metrics/churn`, …).
 *
 * @module customer-metrics
 */
export * from "./core/index.js";
export * from "./math/index.js";
export * from "./nps/index.js";
export * from "./surveys/index.js";
export * from "./loyalty/index.js";
export * from "./churn/index.js";
export * from "./clv/index.js";
export * from "./btyd/index.js";
export * from "./projections/index.js";
export * from "./journey/index.js";
export * from "./segments/index.js";
export * from "./plots/index.js";
