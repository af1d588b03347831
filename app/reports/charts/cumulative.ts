/**
 * Cumulative cash cost over the horizon, one line per option, with break-even markers of the
 * emphasised option (the cheapest compliant one) against the options it overtakes, and an overlay of
 * 2–4 scenarios for the compare page.
 */
import { Decimal } from "../../engine/index.ts";
import type { Formatter } from "../format.ts";
import { getSeriesStyle } from "../palette.ts";
import { getHighlightedOptionId } from "../selection.ts";
import type { ScenarioData } from "../types.ts";
import { FONT, estimateTextWidth, fromMonthNumber, monthTickStep, toMonthNumber, WIDE_LAYOUT, type Axis, type ChartBase, type ChartLayout } from "./geometry.ts";
import { buildLineFrame, type LineInput, type LineSeries } from "./line.ts";

/** A vertical marker at a break-even month; `x` is the x of that month's point on every line. */
export interface BreakEvenMarker {
  /** 0-based month index in the scenario. */
  month: number;
  x: number;
  y1: number;
  y2: number;
  /** "month 14 · Feb 2028" and, on a second line, whom it overtakes. */
  label: { x: number; y: number; anchor: "start" | "end"; lines: string[] };
}

export interface CumulativeChart extends ChartBase {
  kind: "cumulative";
  xAxis: Axis;
  yAxis: Axis;
  series: LineSeries[];
  markers: BreakEvenMarker[];
}

function monthAxisTicks(firstMonthNumber: number, months: number, narrow: boolean): number[] {
  const step = monthTickStep(months, narrow);
  // Ticks on January (or the step's calendar boundary) read better than ticks on the start month.
  const firstTick = firstMonthNumber + ((step - (firstMonthNumber % step)) % step);
  const ticks: number[] = [];
  for (let value = firstTick; value <= firstMonthNumber + months - 1; value += step) ticks.push(value);
  return ticks;
}

/** The emphasised option's break-evens that happen after the first month, grouped by month. */
function listCrossings(scenario: ScenarioData, highlightedId: string | null): Map<number, string[]> {
  const crossings = new Map<number, string[]>();
  const highlighted = scenario.options.find((option) => option.id === highlightedId);
  if (!highlighted) return crossings;
  for (const entry of highlighted.breakEven) {
    if (entry.month === null || entry.month === 0) continue;
    const other = scenario.options.find((option) => option.id === entry.otherId);
    if (other) crossings.set(entry.month, [...(crossings.get(entry.month) ?? []), other.name]);
  }
  return crossings;
}

function describeTitle(scenario: ScenarioData, highlightedId: string | null, fmt: Formatter): string {
  const highlighted = scenario.options.find((option) => option.id === highlightedId);
  if (!highlighted) return `Every option is blocked: cumulative cash cost over ${scenario.horizonMonths} months`;
  const blocked = new Set(scenario.options.filter((option) => option.compliance?.verdict === "blocked").map((option) => option.id));
  // From this month on the emphasised option stays at or below every option still in the running.
  const months = highlighted.breakEven.filter((entry) => !blocked.has(entry.otherId)).map((entry) => entry.month);
  const total = fmt.moneyCompact(highlighted.totals.cash);
  if (months.length === 0 || months.every((month) => month === 0)) {
    return `${highlighted.name} costs least from the first month: ${total} over ${scenario.horizonMonths} months`;
  }
  const month = Math.max(...months.map((value) => value ?? 0));
  const calendarMonth = fromMonthNumber(toMonthNumber(scenario.startMonth) + month);
  return `${highlighted.name} breaks even in ${fmt.monthWithCalendar(month, calendarMonth)} and costs ${total} over ${scenario.horizonMonths} months`;
}

/** Cumulative cash cost per option over the horizon, in the scenario currency. */
export function buildCumulativeChart(scenario: ScenarioData, fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT): CumulativeChart {
  const highlightedId = getHighlightedOptionId(scenario);
  const start = toMonthNumber(scenario.startMonth);
  const months = scenario.horizonMonths;
  const inputs: LineInput[] = scenario.options.map((option, index) => ({
    id: option.id,
    name: option.name,
    style: getSeriesStyle(index),
    emphasised: option.id === highlightedId,
    blocked: option.compliance?.verdict === "blocked",
    xs: option.monthly.map((month) => month.index),
    ys: option.monthly.map((month) => Number(month.cumulativeCash)),
  }));
  const frame = buildLineFrame(inputs, {
    layout,
    xDomain: [0, months - 1],
    xTicks: monthAxisTicks(start, months, layout.narrow).map((value) => value - start),
    xTickLabel: (index) => fmt.month(fromMonthNumber(start + index)),
    xLabel: "Month",
    yLabel: `Cumulative cash cost (${fmt.currency})`,
    yTickLabel: (value) => fmt.moneyCompact(new Decimal(value)),
    markerEvery: 12,
  });

  const crossings = [...listCrossings(scenario, highlightedId).entries()].sort(([a], [b]) => a - b);
  let previousLabelX = -Infinity;
  let row = 0;
  const markers: BreakEvenMarker[] = crossings.map(([month, others]) => {
    const x = frame.x(month);
    const lines = [layout.narrow ? `m${month + 1}` : fmt.monthWithCalendar(month, fromMonthNumber(start + month))];
    if (!layout.narrow) lines.push(`vs ${others.join(", ")}`);
    const width = Math.max(...lines.map((text) => estimateTextWidth(text, FONT.annotation)));
    const anchor = x + 4 + width > frame.plot.left + frame.plot.width ? "end" : "start";
    // Markers close together take turns between two label rows.
    row = x - previousLabelX < width + 8 ? 1 - row : 0;
    previousLabelX = x;
    return {
      month,
      x,
      y1: frame.plot.top,
      y2: frame.plot.top + frame.plot.height,
      label: { x: anchor === "start" ? x + 4 : x - 4, y: frame.plot.top + 12 + row * (FONT.annotation * lines.length + 4), anchor, lines },
    };
  });

  const highlighted = scenario.options.find((option) => option.id === highlightedId);
  const blockedCount = inputs.filter((input) => input.blocked).length;
  return {
    kind: "cumulative",
    id: "cumulative",
    title: describeTitle(scenario, highlightedId, fmt),
    description: [
      `Cumulative cash cost (purchases minus credits plus running costs) of ${scenario.options.length} options over ${months} months from ${fmt.month(scenario.startMonth)}, in ${fmt.currency}.`,
      highlighted ? `${highlighted.name}, the cheapest compliant option, is drawn thick; the others are muted.` : "",
      blockedCount > 0 ? `${blockedCount} blocked option${blockedCount === 1 ? " is" : "s are"} dashed.` : "",
      markers.length > 0 ? `Vertical lines mark the months it breaks even with the options it overtakes.` : "",
    ]
      .filter(Boolean)
      .join(" "),
    width: layout.width,
    height: layout.height,
    plot: frame.plot,
    xAxis: frame.xAxis,
    yAxis: frame.yAxis,
    series: frame.series,
    legend: frame.legend,
    markers,
    table: {
      caption: `Cumulative cash cost by month (${fmt.currency})`,
      columns: [{ header: "Month", numeric: false }, ...scenario.options.map((option) => ({ header: option.name, numeric: true }))],
      rows: Array.from({ length: months }, (_, m) => [
        fmt.monthWithCalendar(m, fromMonthNumber(start + m)),
        ...scenario.options.map((option) => fmt.money(option.monthly[m]?.cumulativeCash ?? "0")),
      ]),
    },
  };
}

/** One scenario of a comparison: its results and the option to draw (default: its cheapest compliant one). */
export interface CompareEntry {
  scenario: ScenarioData;
  optionId?: string;
}

/**
 * The cumulative cash cost of 2–4 scenarios on one calendar axis: one line per scenario (its chosen
 * option), coloured by the scenario's position in the comparison. Null when the scenarios use different
 * currencies (one money axis cannot hold two currencies) or when no scenario has an option to draw.
 */
export function buildCompareCumulativeChart(entries: readonly CompareEntry[], fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT): CumulativeChart | null {
  if (entries.some((entry) => entry.scenario.currency.code !== fmt.currency)) return null;
  const drawn = entries.flatMap((entry, index) => {
    const optionId = entry.optionId ?? getHighlightedOptionId(entry.scenario);
    const option = entry.scenario.options.find((item) => item.id === optionId);
    return option === undefined ? [] : [{ entry, option, index, start: toMonthNumber(entry.scenario.startMonth) }];
  });
  if (drawn.length === 0) return null;
  const first = Math.min(...drawn.map((item) => item.start));
  const last = Math.max(...drawn.map((item) => item.start + item.entry.scenario.horizonMonths - 1));
  const inputs: LineInput[] = drawn.map(({ entry, option, index, start }) => ({
    id: `${index}:${option.id}`,
    name: `${entry.scenario.name}: ${option.name}`,
    style: getSeriesStyle(index),
    emphasised: true,
    blocked: option.compliance?.verdict === "blocked",
    xs: option.monthly.map((month) => start + month.index),
    ys: option.monthly.map((month) => Number(month.cumulativeCash)),
  }));
  const frame = buildLineFrame(inputs, {
    layout,
    xDomain: [first, last],
    xTicks: monthAxisTicks(first, last - first + 1, layout.narrow),
    xTickLabel: (value) => fmt.month(fromMonthNumber(value)),
    xLabel: "Month",
    yLabel: `Cumulative cash cost (${fmt.currency})`,
    yTickLabel: (value) => fmt.moneyCompact(new Decimal(value)),
    markerEvery: 12,
  });
  const totals = drawn.map(({ entry, option }) => ({ name: entry.scenario.name, total: new Decimal(option.totals.cash) }));
  const lowest = totals.reduce((best, item) => (item.total.lt(best.total) ? item : best));
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    kind: "cumulative",
    id: "compare-cumulative",
    title: `${lowest.name} ends lowest: ${fmt.moneyCompact(lowest.total)} over its horizon`,
    description: `Cumulative cash cost of ${drawn.length} scenarios on one calendar axis, in ${fmt.currency}; each line is the scenario's cheapest compliant option unless another was chosen. Blocked options are dashed.`,
    width: layout.width,
    height: layout.height,
    plot: frame.plot,
    xAxis: frame.xAxis,
    yAxis: frame.yAxis,
    series: frame.series,
    legend: frame.legend,
    markers: [],
    table: {
      caption: `Cumulative cash cost by month (${fmt.currency})`,
      columns: [{ header: "Month", numeric: false }, ...inputs.map((input) => ({ header: input.name, numeric: true }))],
      rows: months.map((monthNumber) => [
        fmt.month(fromMonthNumber(monthNumber)),
        ...drawn.map(({ option, start }) => {
          const value = option.monthly[monthNumber - start]?.cumulativeCash;
          return value === undefined ? "—" : fmt.money(value);
        }),
      ]),
    },
  };
}
