/**
 * Plots: plain functions that turn a result object into a Vega-Lite
 * specification (a plain JSON object with the data inline). Nothing is
 * rendered and vega is not a dependency: render with vega-embed in a browser
 * or with vega + vega-lite in Node.
 *
 * @module plots
 */
export type {
  VegaLiteSpec,
  PlotOptions,
  TrackingRow,
  TrackingInput,
  RepeatPurchaseHistogramInput,
  FrequencyRecencyMatrixInput,
  AlivePathInput,
  CalibrationHoldoutInput,
  SbgActualFittedInput,
} from "./types.js";
export { trackingPlot, type TrackingPlotOptions } from "./trackingPlot.js";
export { repeatPurchaseHistogramPlot } from "./repeatPurchaseHistogramPlot.js";
export { frequencyRecencyHeatmapPlot } from "./frequencyRecencyHeatmapPlot.js";
export { alivePathPlot } from "./alivePathPlot.js";
export { calibrationHoldoutPlot } from "./calibrationHoldoutPlot.js";
export { sbgActualFittedPlot, type SbgActualFittedPlotOptions } from "./sbgActualFittedPlot.js";
