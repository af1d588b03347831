/**
 * GPUs in service over time (the capacity plan) for the self-hosted options, as steps, with the buy,
 * rent, retire and release events marked where they happen.
 */
import type { Formatter } from "../format.ts";
import { getSeriesStyle } from "../palette.ts";
import { getHighlightedOptionId } from "../selection.ts";
import type { ScenarioData } from "../types.ts";
import { fromMonthNumber, monthTickStep, toMonthNumber, WIDE_LAYOUT, type Axis, type ChartBase, type ChartLayout, type TextMark } from "./geometry.ts";
import { buildLineFrame, type LineInput, type LineSeries } from "./line.ts";

export interface CapacityEventMark {
  optionId: string;
  /** 0-based month index. */
  month: number;
  /** "add" for buy / rent, "remove" for retire / release. */
  direction: "add" | "remove";
  /** Centre of the marker, just above (add) or below (remove) the step. */
  x: number;
  y: number;
  colour: string;
  /** A triangle pointing up (add) or down (remove), centred on 0,0. */
  markerPath: string;
  /** "+16" / "−16" GPUs, beside the marker. */
  label: TextMark;
  /** The engine's sentence, e.g. "buy 2 nodes (16 GPUs) in month 14 (2028-02)". */
  text: string;
}

export interface CapacityChart extends ChartBase {
  kind: "capacity";
  xAxis: Axis;
  yAxis: Axis;
  series: LineSeries[];
  events: CapacityEventMark[];
}

// Event markers centred on 0,0, 12 units wide: pointing up for capacity added, down for removed.
const UP_TRIANGLE = "M0,-6L6,4L-6,4Z";
const DOWN_TRIANGLE = "M0,6L6,-4L-6,-4Z";

/** The capacity plan, or null when no option holds GPUs (API-only scenarios). */
export function buildCapacityChart(scenario: ScenarioData, fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT): CapacityChart | null {
  const hosted = scenario.options.map((option, index) => ({ option, index })).filter(({ option }) => option.monthly.some((month) => month.gpusInService > 0));
  if (hosted.length === 0) return null;
  const highlightedId = getHighlightedOptionId(scenario);
  const start = toMonthNumber(scenario.startMonth);
  const months = scenario.horizonMonths;
  const step = monthTickStep(months, layout.narrow);
  const inputs: LineInput[] = hosted.map(({ option, index }) => ({
    id: option.id,
    name: option.name,
    style: getSeriesStyle(index),
    emphasised: option.id === highlightedId || hosted.length === 1,
    blocked: option.compliance?.verdict === "blocked",
    // One point past the end so the last step spans its month.
    xs: [...option.monthly.map((month) => month.index), months],
    ys: [...option.monthly.map((month) => month.gpusInService), option.monthly[option.monthly.length - 1]?.gpusInService ?? 0],
  }));
  const frame = buildLineFrame(inputs, {
    layout,
    xDomain: [0, months],
    xTicks: Array.from({ length: Math.floor(months / step) + 1 }, (_, i) => i * step),
    xTickLabel: (index) => fmt.month(fromMonthNumber(start + index)),
    xLabel: "Month",
    yLabel: "GPUs in service",
    yTickLabel: (value) => fmt.count(String(value)),
    step: true,
    markerEvery: months + 1,
  });
  // Counts are whole GPUs: drop fractional ticks a small maximum would produce.
  frame.yAxis.ticks = frame.yAxis.ticks.filter((tick) => Number.isInteger(tick.value));

  // Events of several options in the same month and direction stack away from the line, one row each.
  const stacked = new Map<string, number>();
  const events: CapacityEventMark[] = hosted.flatMap(({ option, index }) =>
    option.capacityEvents.map((event) => {
      const direction = event.action === "buy" || event.action === "scale-up" ? "add" : "remove";
      const gpus = event.nodes * event.gpusPerNode;
      const key = `${event.month}|${direction}`;
      const row = stacked.get(key) ?? 0;
      stacked.set(key, row + 1);
      const x = frame.x(event.month);
      // Above the step for capacity added, below it for capacity removed.
      const away = 10 + row * 14;
      const y = frame.y(option.monthly[event.month]?.gpusInService ?? 0) + (direction === "add" ? -away : away);
      return {
        optionId: option.id,
        month: event.month,
        direction,
        x,
        y,
        colour: getSeriesStyle(index).colour,
        markerPath: direction === "add" ? UP_TRIANGLE : DOWN_TRIANGLE,
        label: { x: x + 8, y: y + 4, text: `${direction === "add" ? "+" : "−"}${gpus}`, anchor: "start" },
        text: event.text,
      };
    }),
  );

  const focus = hosted.find(({ option }) => option.id === highlightedId) ?? hosted[0];
  const counts = focus?.option.monthly.map((month) => month.gpusInService) ?? [0];
  const peak = Math.max(...counts);
  const peakMonth = counts.indexOf(peak);
  const title =
    focus === undefined
      ? "GPUs in service"
      : peak === counts[0]
        ? `${focus.option.name} keeps ${fmt.count(String(peak))} GPUs in service throughout`
        : `${focus.option.name} grows from ${fmt.count(String(counts[0]))} to ${fmt.count(String(peak))} GPUs by ${fmt.monthWithCalendar(peakMonth, fromMonthNumber(start + peakMonth))}`;

  // Table rows: the months where any option's count changes, plus the first month.
  const changeMonths = Array.from({ length: months }, (_, m) => m).filter(
    (m) => m === 0 || hosted.some(({ option }) => option.monthly[m]?.gpusInService !== option.monthly[m - 1]?.gpusInService) || events.some((event) => event.month === m),
  );
  return {
    kind: "capacity",
    id: "capacity",
    title,
    description: `GPUs in service each month for the ${hosted.length} self-hosted option${hosted.length === 1 ? "" : "s"}, as steps. Upward triangles mark purchases or rentals, downward triangles retirements or releases, each labelled with the GPUs added or removed.`,
    width: layout.width,
    height: layout.height,
    plot: frame.plot,
    xAxis: frame.xAxis,
    yAxis: frame.yAxis,
    series: frame.series,
    legend: frame.legend,
    events,
    table: {
      caption: "GPUs in service, in the months the plan changes",
      columns: [{ header: "Month", numeric: false }, ...hosted.map(({ option }) => ({ header: `${option.name} (GPUs)`, numeric: true })), { header: "Events", numeric: false }],
      rows: changeMonths.map((m) => [
        fmt.monthWithCalendar(m, fromMonthNumber(start + m)),
        ...hosted.map(({ option }) => fmt.count(String(option.monthly[m]?.gpusInService ?? 0))),
        events
          .filter((event) => event.month === m)
          .map((event) => `${hosted.find(({ option }) => option.id === event.optionId)?.option.name}: ${event.text}`)
          .join("; "),
      ]),
    },
  };
}
