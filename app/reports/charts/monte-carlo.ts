/**
 * Monte Carlo spread of each option's total cash cost: the P10–P90 band with ticks at P10, P50 and P90,
 * and the deterministic total as a diamond. The engine keeps percentiles, not the draws, so this is an
 * interval plot rather than a histogram. Estimates sampled in float64.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { Decimal } from "../../engine/index.ts";
import type { Formatter } from "../format.ts";
import { getSeriesStyle } from "../palette.ts";
import { getHighlightedOptionId } from "../selection.ts";
import type { MonteCarloData, ScenarioData } from "../types.ts";
import { estimateTextWidth, FONT, markerPath, truncateToWidth, WIDE_LAYOUT, type Axis, type ChartBase, type ChartLayout, type TextMark } from "./geometry.ts";

export interface PercentileTick {
  name: "P10" | "P50" | "P90";
  /** Float64 estimate, in the scenario currency. */
  value: number;
  x: number;
  /** Its own label, or null when the band is too narrow and the row's summary label carries it. */
  label: TextMark | null;
}

export interface MonteCarloRow {
  optionId: string;
  name: string;
  colour: string;
  emphasised: boolean;
  nameLabel: TextMark;
  /** The P10–P90 band. */
  band: { x: number; y: number; width: number; height: number };
  ticks: PercentileTick[];
  /** "P10 $379K · P50 $556K · P90 $791K" right of a band too narrow for three labels; else null. */
  summaryLabel: TextMark | null;
  /** The deterministic (Decimal) total, for reference. */
  deterministic: { x: number; y: number; markerPath: string };
}

export interface MonteCarloChart extends ChartBase {
  kind: "monte-carlo";
  xAxis: Axis;
  rows: MonteCarloRow[];
  /** "Self-hosting is cheaper than the cheapest API in 23.4 % of 10,000 draws", or null without both kinds. */
  probabilityText: string | null;
}

/** The spread per option, or null without a Monte Carlo run. */
export function buildMonteCarloChart(scenario: ScenarioData, monteCarlo: MonteCarloData | null, fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT): MonteCarloChart | null {
  if (monteCarlo === null || monteCarlo.options.length === 0) return null;
  const highlightedId = getHighlightedOptionId(scenario);
  const entries = monteCarlo.options.flatMap((estimate) => {
    const index = scenario.options.findIndex((option) => option.id === estimate.optionId);
    const option = scenario.options[index];
    return option === undefined ? [] : [{ estimate, option, index }];
  });
  const margin = layout.narrow ? { top: 8, right: 16, bottom: 46, left: 16 } : { top: 8, right: 40, bottom: 46, left: 200 };
  // Narrow rows stack name, band and a summary line; wide rows hold labels above and below the band.
  const rowHeight = layout.narrow ? 76 : 64;
  const height = margin.top + margin.bottom + rowHeight * entries.length;
  const plot = { left: margin.left, top: margin.top, width: layout.width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const values = entries.flatMap(({ estimate, option }) => [estimate.p10, estimate.p90, Number(option.totals.cash)]);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(...values)])
    .range([plot.left, plot.left + plot.width])
    .nice(layout.narrow ? 3 : 6);
  const band = scaleBand<string>()
    .domain(entries.map(({ option }) => option.id))
    .range([plot.top, plot.top + plot.height])
    .paddingInner(0.55)
    .paddingOuter(layout.narrow ? 0.6 : 0.3);

  const rows: MonteCarloRow[] = entries.map(({ estimate, option, index }) => {
    const y = band(option.id) ?? plot.top;
    const barHeight = band.bandwidth();
    const texts = { P10: `P10 ${fmt.moneyCompact(estimate.p10.toFixed(2))}`, P50: `P50 ${fmt.moneyCompact(estimate.p50.toFixed(2))}`, P90: `P90 ${fmt.moneyCompact(estimate.p90.toFixed(2))}` };
    // P10 hangs left and P90 right below the band, P50 sits centred above: they collide only when the
    // band is narrower than half of P50's label on either side of the median.
    const halfMedian = estimateTextWidth(texts.P50, FONT.annotation) / 2 + 4;
    const fits = !layout.narrow && x(estimate.p50) - x(estimate.p10) >= halfMedian && x(estimate.p90) - x(estimate.p50) >= halfMedian && x(estimate.p10) - estimateTextWidth(texts.P10, FONT.annotation) >= plot.left;
    const tick = (name: PercentileTick["name"], value: number, below: boolean): PercentileTick => ({
      name,
      value,
      x: x(value),
      label: fits ? { x: x(value), y: below ? y + barHeight + FONT.annotation + 2 : y - 4, text: texts[name], anchor: name === "P10" ? "end" : name === "P90" ? "start" : "middle" } : null,
    });
    const summary = `${texts.P10} · ${texts.P50} · ${texts.P90}`;
    const summaryAtRight = x(estimate.p90) + 8 + estimateTextWidth(summary, FONT.annotation) <= plot.left + plot.width;
    return {
      optionId: option.id,
      name: option.name,
      colour: getSeriesStyle(index).colour,
      emphasised: option.id === highlightedId,
      nameLabel: layout.narrow
        ? { x: plot.left, y: y - 6, text: truncateToWidth(option.name, plot.width), anchor: "start" }
        : { x: plot.left - 8, y: y + barHeight / 2 + FONT.label / 3, text: truncateToWidth(option.name, margin.left - 12), anchor: "end" },
      band: { x: x(estimate.p10), y, width: Math.max(x(estimate.p90) - x(estimate.p10), 1), height: barHeight },
      ticks: [tick("P10", estimate.p10, true), tick("P50", estimate.p50, false), tick("P90", estimate.p90, true)],
      summaryLabel: fits
        ? null
        : layout.narrow
          ? { x: plot.left, y: y + barHeight + FONT.annotation + 4, text: summary, anchor: "start" }
          : summaryAtRight
          ? { x: x(estimate.p90) + 8, y: y + barHeight / 2 + FONT.annotation / 3, text: summary, anchor: "start" }
          : { x: plot.left + plot.width, y: y + barHeight + FONT.annotation + 2, text: summary, anchor: "end" },
      deterministic: { x: x(Number(option.totals.cash)), y: y + barHeight / 2, markerPath: markerPath("diamond", 40) },
    };
  });

  const draws = fmt.count(String(monteCarlo.draws));
  const probability = monteCarlo.probabilitySelfHostingCheaper;
  const probabilityText = probability === null ? null : `Self-hosting is cheaper than the cheapest API in ${fmt.percent(String(probability))} of ${draws} draws`;
  const focus = entries.find(({ option }) => option.id === highlightedId) ?? entries[0];
  const title =
    focus === undefined
      ? "Monte Carlo range of total cost"
      : `${focus.option.name} costs ${fmt.moneyCompact(focus.estimate.p10.toFixed(2))}–${fmt.moneyCompact(focus.estimate.p90.toFixed(2))} in 80 % of ${draws} draws`;
  return {
    kind: "monte-carlo",
    id: "monte-carlo",
    title,
    description: `Total cash cost over the horizon per option across ${draws} Monte Carlo draws (seed ${monteCarlo.seed}, sampled in float64: estimates), in ${fmt.currency}. Each band runs from P10 to P90 with a tick at the median (P50); the diamond is the deterministic result.${probabilityText === null ? "" : ` ${probabilityText}.`}`,
    width: layout.width,
    height,
    plot,
    xAxis: { label: `Total cash cost (${fmt.currency})`, ticks: x.ticks(layout.narrow ? 3 : 6).map((value) => ({ value, position: x(value), label: fmt.moneyCompact(new Decimal(value)) })) },
    rows,
    probabilityText,
    legend: entries.map(({ option, index }) => ({ id: option.id, label: option.name, colour: getSeriesStyle(index).colour, markerPath: markerPath(getSeriesStyle(index).marker), dash: null })),
    table: {
      caption: `Total cash cost across ${draws} draws (${fmt.currency}, float64 estimates)`,
      columns: [
        { header: "Option", numeric: false },
        { header: "P10", numeric: true },
        { header: "P50", numeric: true },
        { header: "P90", numeric: true },
        { header: "Mean", numeric: true },
        { header: "Deterministic", numeric: true },
      ],
      rows: entries.map(({ estimate, option }) => [
        option.name,
        ...[estimate.p10, estimate.p50, estimate.p90, estimate.mean].map((value) => fmt.money(value.toFixed(2))),
        fmt.money(option.totals.cash),
      ]),
    },
  };
}
