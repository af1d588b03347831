/** Chart geometry: pure functions from results to shapes, ticks, labels and data tables. */
export { buildBreakdownChart, COST_CATEGORIES, getCategoryAmount } from "./breakdown.ts";
export type { BreakdownBar, BreakdownChart, BreakdownSegment } from "./breakdown.ts";
export { buildCapacityChart } from "./capacity.ts";
export type { CapacityChart, CapacityEventMark } from "./capacity.ts";
export { buildCompareCumulativeChart, buildCumulativeChart } from "./cumulative.ts";
export type { BreakEvenMarker, CompareEntry, CumulativeChart } from "./cumulative.ts";
export { markerPath, NARROW_LAYOUT, WIDE_LAYOUT } from "./geometry.ts";
export type { Axis, ChartBase, ChartLayout, DataTable, LegendEntry, Plot, TextMark, Tick } from "./geometry.ts";
export type { LineSeries } from "./line.ts";
export { buildMonteCarloChart } from "./monte-carlo.ts";
export type { MonteCarloChart, MonteCarloRow, PercentileTick } from "./monte-carlo.ts";
export { buildTornadoChart, TORNADO_COLOURS } from "./tornado.ts";
export type { TornadoChart, TornadoRow, TornadoSide } from "./tornado.ts";
