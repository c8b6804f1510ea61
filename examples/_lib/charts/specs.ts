/**
 * Small Vega-Lite spec builders shared by the chart catalogue. They take
 * plot-ready rows (arrays of plain objects, as the library returns them) and
 * return a spec with the data inline, so a chart is reproducible from its spec.
 */
import type { TopLevelSpec } from "vega-lite";

type Row = Readonly<Record<string, string | number | boolean | null>>;

const WIDTH = 560;
const HEIGHT = 280;

interface Axis {
  /** Field name in the rows. */
  readonly field: string;
  /** Axis title. */
  readonly title: string;
  /** Vega format string for tick labels, e.g. ".0%". */
  readonly format?: string;
  /** Fixed domain. */
  readonly domain?: readonly [number, number];
}

function axisOf(a: Axis, type: "quantitative" | "ordinal" | "temporal" | "nominal" = "quantitative") {
  return {
    field: a.field,
    type,
    title: a.title,
    ...(a.format ? { axis: { format: a.format } } : {}),
    ...(type !== "quantitative" ? {} : a.domain ? { scale: { domain: [...a.domain], zero: false } } : { scale: { zero: false } }),
  };
}

/**
 * A line (one per `series`, optional) with a shaded band between `lower` and
 * `upper` (a confidence interval). `step` draws a step function (survival).
 */
export function lineWithBand(options: {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly Row[];
  readonly x: Axis & { readonly type?: "quantitative" | "ordinal" | "temporal" };
  readonly y: Axis;
  readonly lower: string;
  readonly upper: string;
  readonly series?: { readonly field: string; readonly title: string };
  readonly step?: boolean;
  readonly points?: boolean;
}): TopLevelSpec {
  const xType = options.x.type ?? "quantitative";
  const color = options.series
    ? { color: { field: options.series.field, type: "nominal" as const, title: options.series.title } }
    : {};
  const bandColor = options.series ? { color: { field: options.series.field, type: "nominal" as const, legend: null } } : {};
  const interpolate = options.step ? "step-after" : "linear";
  return {
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: options.rows as Row[] },
    encoding: { x: axisOf(options.x, xType) } as never,
    layer: [
      {
        mark: { type: "area", opacity: 0.2, interpolate },
        encoding: {
          y: { field: options.lower, type: "quantitative" },
          y2: { field: options.upper },
          ...bandColor,
        },
      },
      {
        mark: { type: "line", interpolate, point: options.points ?? false },
        encoding: { y: axisOf(options.y), ...color },
      },
    ],
  } as TopLevelSpec;
}

/** A heatmap: `x` × `y` cells coloured by `value`, with the value printed in each cell. */
export function heatmap(options: {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly Row[];
  readonly x: Axis;
  readonly y: Axis;
  readonly value: Axis;
}): TopLevelSpec {
  const cells = new Set(options.rows.map((r) => r[options.x.field])).size;
  return {
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: Math.min(WIDTH, Math.max(240, cells * 40)),
    data: { values: options.rows as Row[] },
    encoding: {
      x: { field: options.x.field, type: "ordinal", title: options.x.title, axis: { labelAngle: 0 } },
      y: { field: options.y.field, type: "ordinal", title: options.y.title },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: options.value.field,
            type: "quantitative",
            title: options.value.title,
            scale: { scheme: "blues", domain: options.value.domain ? [...options.value.domain] : [0, 1] },
            ...(options.value.format ? { legend: { format: options.value.format } } : {}),
          },
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: {
          text: { field: options.value.field, type: "quantitative", format: options.value.format ?? ".2f" },
          color: {
            condition: { test: `datum['${options.value.field}'] > ${0.6 * (options.value.domain?.[1] ?? 1)}`, value: "white" },
            value: "black",
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Several series as lines with points, distinguished by `series`; rows with
 * `dashedWhen` true in field `dashed` are drawn dashed (e.g. a projection).
 */
export function multiLine(options: {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly Row[];
  readonly x: Axis & { readonly type?: "quantitative" | "ordinal" };
  readonly y: Axis;
  readonly series: { readonly field: string; readonly title: string };
  readonly dash?: { readonly field: string; readonly title: string };
  readonly rule?: { readonly x: number; readonly label: string };
}): TopLevelSpec {
  const layers: unknown[] = [
    {
      mark: { type: "line", point: true },
      encoding: {
        x: axisOf(options.x, options.x.type ?? "quantitative"),
        y: axisOf(options.y),
        color: { field: options.series.field, type: "nominal", title: options.series.title },
        ...(options.dash ? { strokeDash: { field: options.dash.field, type: "nominal", title: options.dash.title } } : {}),
        ...(options.dash ? { detail: { field: options.dash.field } } : {}),
      },
    },
  ];
  if (options.rule) {
    layers.push(
      {
        data: { values: [{ x: options.rule.x }] },
        mark: { type: "rule", strokeDash: [2, 2], color: "#888" },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: [{ x: options.rule.x, label: options.rule.label }] },
        mark: { type: "text", align: "left", dx: 4, dy: -4, baseline: "bottom", color: "#666", y: 0 },
        encoding: { x: { field: "x", type: "quantitative" }, text: { field: "label" } },
      },
    );
  }
  return {
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: options.rows as Row[] },
    layer: layers,
  } as TopLevelSpec;
}

/** Grouped vertical bars: `x` categories, one bar per `series` value. */
export function groupedBars(options: {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly Row[];
  readonly x: Axis;
  readonly y: Axis;
  readonly series: { readonly field: string; readonly title: string };
}): TopLevelSpec {
  return {
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: options.rows as Row[] },
    mark: "bar",
    encoding: {
      x: { field: options.x.field, type: "ordinal", title: options.x.title, axis: { labelAngle: 0 } },
      xOffset: { field: options.series.field, type: "nominal" },
      y: axisOf(options.y),
      color: { field: options.series.field, type: "nominal", title: options.series.title },
    },
  } as TopLevelSpec;
}

/**
 * A funnel: horizontal bars in the given stage order, labelled with the count
 * and the share of the first stage.
 */
export function funnel(options: {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly Row[];
  readonly stage: Axis;
  readonly count: Axis;
  readonly label: string;
}): TopLevelSpec {
  const order = options.rows.map((r) => String(r[options.stage.field]));
  return {
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: WIDTH - 80,
    data: { values: options.rows as Row[] },
    encoding: {
      y: { field: options.stage.field, type: "nominal", title: options.stage.title, sort: order },
      x: { field: options.count.field, type: "quantitative", title: options.count.title },
    },
    layer: [
      { mark: { type: "bar", color: "#4c78a8" } },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 10 },
        encoding: { text: { field: options.label, type: "nominal" } },
      },
    ],
  } as TopLevelSpec;
}
