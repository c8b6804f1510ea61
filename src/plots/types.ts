/**
 * Structural input shapes for the plot functions: plain objects, so a result
 * from any producer (the btyd diagnostics, your own code) can be plotted.
 *
 * @module plots
 */

/** The Vega-Lite specification a plot function returns: a plain JSON object. */
export type VegaLiteSpec = Record<string, unknown>;

/** Options every plot function accepts. */
export interface PlotOptions {
  /** Chart title (default: one per chart). */
  readonly title?: string;
  /** Width of the plotting area in pixels (default 560). */
  readonly width?: number;
  /** Height of the plotting area in pixels (default 280). */
  readonly height?: number;
  /** A Vega colour scheme name for the series or cells, e.g. `"tableau10"` or `"blues"`. */
  readonly colorScheme?: string;
}

/** One period of a tracking diagnostic. */
export interface TrackingRow {
  /** Period index (day or week number). */
  readonly period: number;
  /** Actual repeat purchases in the period. */
  readonly actual: number;
  /** Expected repeat purchases in the period. */
  readonly expected: number;
  /** Actual repeat purchases up to and including the period. */
  readonly actualCumulative: number;
  /** Expected repeat purchases up to and including the period. */
  readonly expectedCumulative: number;
}

/** Actual vs expected repeat purchases per period (a BTYD tracking plot's input). */
export interface TrackingInput {
  /** Unit of `period`. */
  readonly unit: "day" | "week";
  /** The period where the holdout starts. */
  readonly calibrationEnd: number;
  /** One row per period, in order. */
  readonly rows: readonly TrackingRow[];
}

/** Actual vs expected number of customers by repeat-purchase count. */
export interface RepeatPurchaseHistogramInput {
  /** One row per purchase count (the last may be an "n+" bucket). */
  readonly rows: readonly {
    /** Number of repeat purchases. */
    readonly purchases: number;
    /** Axis label, e.g. `"7+"`. */
    readonly label: string;
    /** Customers observed. */
    readonly actual: number;
    /** Customers expected by the model. */
    readonly expected: number;
  }[];
}

/** A frequency × recency grid of P(alive) or expected purchases. */
export interface FrequencyRecencyMatrixInput {
  /** What the cells hold. */
  readonly kind: "probability-alive" | "expected-purchases";
  /** Customer age used for the grid. */
  readonly T: number;
  /** Horizon of the expected purchases (only for `"expected-purchases"`). */
  readonly horizon?: number;
  /** Frequencies of the grid's rows. */
  readonly frequencies: readonly number[];
  /** Recencies of the grid's columns. */
  readonly recencies: readonly number[];
  /** The cells. */
  readonly cells: readonly {
    /** Repeat purchases. */
    readonly frequency: number;
    /** Recency. */
    readonly recency: number;
    /** P(alive) or expected purchases. */
    readonly value: number;
  }[];
}

/** P(alive) of one customer over time, with their purchases. */
export interface AlivePathInput {
  /** One row per time point, in order. */
  readonly rows: readonly {
    /** Time since the first purchase. */
    readonly t: number;
    /** P(alive) at `t`. */
    readonly probabilityAlive: number;
    /** Whether a purchase happened at `t`. */
    readonly purchase: boolean;
  }[];
}

/** Mean holdout purchases by calibration frequency, actual vs expected. */
export interface CalibrationHoldoutInput {
  /** One row per calibration frequency bucket. */
  readonly rows: readonly {
    /** Calibration repeat purchases. */
    readonly frequency: number;
    /** Axis label, e.g. `"7+"`. */
    readonly label: string;
    /** Customers in the bucket. */
    readonly customers: number;
    /** Mean actual holdout purchases. */
    readonly actualMean: number;
    /** Mean expected holdout purchases. */
    readonly expectedMean: number;
  }[];
}

/** Actual vs fitted survival of an sBG cohort. */
export interface SbgActualFittedInput {
  /** One row per period, in order. */
  readonly rows: readonly {
    /** Period (0 = start). */
    readonly period: number;
    /** Observed share still active. */
    readonly actualSurvival: number;
    /** sBG survival at the period. */
    readonly fittedSurvival: number;
  }[];
}
