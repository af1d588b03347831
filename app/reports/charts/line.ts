/**
 * The shared frame of the line charts (cumulative cost, scenario overlay, GPUs in service): scales,
 * axes, one path per series, markers every few months, and direct labels at the line ends (spread so
 * they never overlap) on wide charts.
 */
import { scaleLinear } from "d3-scale";
import { curveLinear, curveStepAfter, line } from "d3-shape";
import type { SeriesStyle } from "../palette.ts";
import { FONT, markerPath, spreadLabels, truncateToWidth, type Axis, type ChartLayout, type LegendEntry, type Plot, type TextMark } from "./geometry.ts";

export interface LineInput {
  id: string;
  name: string;
  style: SeriesStyle;
  /** Drawn thick and opaque; the others are thinner and muted. */
  emphasised: boolean;
  /** Drawn dashed: a blocked option stays visible but reads as out of the running. */
  blocked: boolean;
  /** x data values (month numbers) and y data values, same length. */
  xs: number[];
  ys: number[];
}

export interface LineSeries {
  id: string;
  name: string;
  colour: string;
  markerPath: string;
  strokeWidth: number;
  opacity: number;
  dash: string | null;
  emphasised: boolean;
  blocked: boolean;
  /** SVG path data of the line. */
  path: string;
  /** Marker positions along the line (every few months and at the end). */
  markers: { x: number; y: number }[];
  end: { x: number; y: number };
  /** The name beside the line's end (wide layout only; narrow charts show the legend). */
  endLabel: TextMark | null;
}

export interface LineFrame {
  plot: Plot;
  xAxis: Axis;
  yAxis: Axis;
  series: LineSeries[];
  legend: LegendEntry[];
  x: (value: number) => number;
  y: (value: number) => number;
}

export interface LineFrameOptions {
  layout: ChartLayout;
  /** [first, last] x data values. */
  xDomain: [number, number];
  xTicks: number[];
  xTickLabel: (value: number) => string;
  xLabel: string;
  yLabel: string;
  yTickLabel: (value: number) => string;
  /** Steps (a count that holds until it changes) instead of straight segments. */
  step?: boolean;
  /** Months between markers along each line. */
  markerEvery: number;
}

const BLOCKED_DASH = "7 5";

/** Lays out the series on shared scales; y always includes 0. */
export function buildLineFrame(inputs: readonly LineInput[], options: LineFrameOptions): LineFrame {
  const { layout } = options;
  const margin = layout.narrow ? { top: 30, right: 14, bottom: 46, left: 56 } : { top: 30, right: 186, bottom: 46, left: 68 };
  const plot: Plot = { left: margin.left, top: margin.top, width: layout.width - margin.left - margin.right, height: layout.height - margin.top - margin.bottom };
  const values = inputs.flatMap((input) => input.ys);
  const x = scaleLinear().domain(options.xDomain).range([plot.left, plot.left + plot.width]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([plot.top + plot.height, plot.top])
    .nice(layout.narrow ? 4 : 6);
  const path = line<[number, number]>()
    .x(([xValue]) => x(xValue))
    .y(([, yValue]) => y(yValue))
    .curve(options.step ? curveStepAfter : curveLinear);

  const series: LineSeries[] = inputs.map((input) => {
    const points = input.xs.map((xValue, i) => [xValue, input.ys[i] as number] as [number, number]);
    const last = points[points.length - 1] ?? [options.xDomain[0], 0];
    const end = { x: x(last[0]), y: y(last[1]) };
    const markers = points.filter((_, i) => i % options.markerEvery === 0).map(([xValue, yValue]) => ({ x: x(xValue), y: y(yValue) }));
    markers.push(end);
    return {
      id: input.id,
      name: input.name,
      colour: input.style.colour,
      markerPath: markerPath(input.style.marker, input.emphasised ? 64 : 44),
      strokeWidth: input.emphasised ? 3 : 1.75,
      opacity: input.emphasised ? 1 : input.blocked ? 0.55 : 0.7,
      dash: input.blocked ? BLOCKED_DASH : null,
      emphasised: input.emphasised,
      blocked: input.blocked,
      path: path(points) ?? "",
      markers,
      end,
      endLabel: null,
    };
  });

  if (!layout.narrow) {
    const spread = spreadLabels(
      series.map((item) => item.end.y),
      FONT.label + 3,
      plot.top + FONT.label / 2,
      plot.top + plot.height,
    );
    series.forEach((item, i) => {
      item.endLabel = { x: item.end.x + 10, y: (spread[i] as number) + FONT.label / 3, text: truncateToWidth(item.name, margin.right - 14), anchor: "start" };
    });
  }

  const yTicks = y.ticks(layout.narrow ? 4 : 6);
  return {
    plot,
    x,
    y,
    series,
    xAxis: { label: options.xLabel, ticks: options.xTicks.map((value) => ({ value, position: x(value), label: options.xTickLabel(value) })) },
    yAxis: { label: options.yLabel, ticks: yTicks.map((value) => ({ value, position: y(value), label: options.yTickLabel(value) })) },
    legend: series.map((item) => ({ id: item.id, label: item.name, colour: item.colour, markerPath: item.markerPath, dash: item.dash })),
  };
}
