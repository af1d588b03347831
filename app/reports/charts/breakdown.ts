/**
 * Cost breakdown by category: one horizontal stacked bar per option, cash view over the horizon.
 * Categories keep one order and one colour across options; credits (resale, residual value) are
 * negative segments left of zero, so the bar's net length is the option's cash TCO.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { Decimal, OPEX_CATEGORIES } from "../../engine/index.ts";
import type { Formatter } from "../format.ts";
import { COST_CATEGORY_LABELS, type CostCategory } from "../labels.ts";
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS } from "../palette.ts";
import { getHighlightedOptionId } from "../selection.ts";
import type { OptionData, ScenarioData } from "../types.ts";
import { estimateTextWidth, FONT, truncateToWidth, WIDE_LAYOUT, type Axis, type ChartBase, type ChartLayout, type TextMark } from "./geometry.ts";

/** Stacking order: purchases, running costs in the engine's order, then the credits. */
export const COST_CATEGORIES: readonly CostCategory[] = ["capex", ...OPEX_CATEGORIES, "resaleCredit", "residualCredit"];

export interface BreakdownSegment {
  category: CostCategory;
  label: string;
  /** Signed amount, exact decimal string (credits negative). */
  value: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** The category name inside the segment when it fits, else null (the legend and table carry it). */
  inlineLabel: TextMark | null;
  inlineLabelColour: string;
}

export interface BreakdownBar {
  optionId: string;
  name: string;
  emphasised: boolean;
  /** Option name: left of the bar on wide charts, above it on narrow ones. */
  nameLabel: TextMark;
  segments: BreakdownSegment[];
  /** The net cash TCO: a tick at the bar's net end and its compact amount. */
  total: { x: number; y1: number; y2: number; label: TextMark };
}

export interface BreakdownChart extends ChartBase {
  kind: "breakdown";
  xAxis: Axis;
  bars: BreakdownBar[];
  /** x of zero, where positive segments start and credits end. */
  zeroX: number;
}

/** The signed cash amount of a category over the horizon (credits as negatives). */
export function getCategoryAmount(option: OptionData, category: CostCategory): Decimal {
  if (category === "capex") return new Decimal(option.totals.capex);
  if (category === "resaleCredit") return new Decimal(option.totals.resaleCredit).neg();
  if (category === "residualCredit") return new Decimal(option.totals.residualCredit).neg();
  return new Decimal(option.totals.opexByCategory[category]);
}

function describeTitle(scenario: ScenarioData, fmt: Formatter): string {
  const highlightedId = getHighlightedOptionId(scenario);
  const positives = (option: OptionData) => COST_CATEGORIES.map((category) => ({ category, amount: getCategoryAmount(option, category) })).filter(({ amount }) => amount.gt(0));
  // An option with a single category (an API bill) says nothing about where money goes: describe the
  // emphasised option when it has several categories, else the first option that does.
  const ordered = [...scenario.options].sort((a, b) => Number(b.id === highlightedId) - Number(a.id === highlightedId));
  const focus = ordered.find((option) => positives(option).length > 1) ?? ordered[0];
  if (!focus) return "Cost breakdown by category";
  const parts = positives(focus);
  const gross = parts.reduce((sum, { amount }) => sum.plus(amount), new Decimal(0));
  const largest = parts.reduce<(typeof parts)[number] | null>((top, part) => (top === null || part.amount.gt(top.amount) ? part : top), null);
  if (largest === null || gross.isZero()) return `${focus.name} has no cost over the horizon`;
  return `${COST_CATEGORY_LABELS[largest.category]} is the largest cost of ${focus.name}: ${fmt.percent(largest.amount.div(gross), 0)} of its gross cost`;
}

/** The stacked bars of every option, in the scenario currency. */
export function buildBreakdownChart(scenario: ScenarioData, fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT): BreakdownChart {
  const highlightedId = getHighlightedOptionId(scenario);
  const used = COST_CATEGORIES.filter((category) => scenario.options.some((option) => !getCategoryAmount(option, category).isZero()));
  const options = scenario.options;
  // Names sit above the bars on phones, so the bars get the full width there.
  const margin = layout.narrow ? { top: 8, right: 16, bottom: 46, left: 16 } : { top: 8, right: 72, bottom: 46, left: 200 };
  const rowHeight = layout.narrow ? 54 : 40;
  const height = margin.top + margin.bottom + rowHeight * Math.max(options.length, 1);
  const plot = { left: margin.left, top: margin.top, width: layout.width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const sums = options.map((option) => {
    const amounts = used.map((category) => getCategoryAmount(option, category).toNumber());
    return { positive: amounts.filter((a) => a > 0).reduce((s, a) => s + a, 0), negative: amounts.filter((a) => a < 0).reduce((s, a) => s + a, 0) };
  });
  const x = scaleLinear()
    .domain([Math.min(0, ...sums.map((sum) => sum.negative)), Math.max(0, ...sums.map((sum) => sum.positive))])
    .range([plot.left, plot.left + plot.width])
    .nice(layout.narrow ? 3 : 6);
  const band = scaleBand<string>()
    .domain(options.map((option) => option.id))
    .range([plot.top, plot.top + plot.height])
    .paddingInner(layout.narrow ? 0.5 : 0.3)
    .paddingOuter(layout.narrow ? 0.4 : 0.15);
  const zeroX = x(0);

  const bars: BreakdownBar[] = options.map((option) => {
    const top = band(option.id) ?? plot.top;
    const barHeight = band.bandwidth();
    let positiveEnd = 0;
    let negativeEnd = 0;
    const segments: BreakdownSegment[] = [];
    for (const category of used) {
      const amount = getCategoryAmount(option, category);
      if (amount.isZero()) continue;
      const value = amount.toNumber();
      const from = value > 0 ? positiveEnd : negativeEnd + value;
      const to = value > 0 ? positiveEnd + value : negativeEnd;
      if (value > 0) positiveEnd += value;
      else negativeEnd += value;
      const left = x(from);
      const width = x(to) - left;
      const label = COST_CATEGORY_LABELS[category];
      segments.push({
        category,
        label,
        value: amount.toFixed(),
        x: left,
        y: top,
        width,
        height: barHeight,
        fill: CATEGORY_COLOURS[category],
        inlineLabel: estimateTextWidth(label, FONT.annotation) + 8 <= width ? { x: left + width / 2, y: top + barHeight / 2 + FONT.annotation / 3, text: label, anchor: "middle" } : null,
        inlineLabelColour: CATEGORY_TEXT_COLOURS[category],
      });
    }
    const net = new Decimal(option.totals.cash);
    const netX = x(net.toNumber());
    const barEnd = x(positiveEnd);
    const nameLabel: TextMark = layout.narrow
      ? { x: plot.left, y: top - 6, text: truncateToWidth(option.name, plot.width - 60), anchor: "start" }
      : { x: plot.left - 8, y: top + barHeight / 2 + FONT.label / 3, text: truncateToWidth(option.name, margin.left - 12), anchor: "end" };
    return {
      optionId: option.id,
      name: option.name,
      emphasised: option.id === highlightedId,
      nameLabel,
      segments,
      total: {
        x: netX,
        y1: top - 3,
        y2: top + barHeight + 3,
        label: layout.narrow
          ? { x: plot.left + plot.width, y: top - 6, text: fmt.moneyCompact(net), anchor: "end" }
          : { x: barEnd + 6, y: top + barHeight / 2 + FONT.label / 3, text: fmt.moneyCompact(net), anchor: "start" },
      },
    };
  });

  return {
    kind: "breakdown",
    id: "breakdown",
    title: describeTitle(scenario, fmt),
    description: `Cash cost over ${scenario.horizonMonths} months by category for each option, in ${fmt.currency}, stacked in a fixed order (${used.map((category) => COST_CATEGORY_LABELS[category]).join(", ")}). Credits for hardware resold or still held at the end are drawn left of zero; the tick marks the net total.`,
    width: layout.width,
    height,
    plot,
    zeroX,
    xAxis: { label: `Cash cost over the horizon (${fmt.currency})`, ticks: x.ticks(layout.narrow ? 3 : 6).map((value) => ({ value, position: x(value), label: fmt.moneyCompact(new Decimal(value)) })) },
    bars,
    legend: used.map((category) => ({ id: category, label: COST_CATEGORY_LABELS[category], colour: CATEGORY_COLOURS[category], markerPath: null, dash: null })),
    table: {
      caption: `Cash cost by category over the horizon (${fmt.currency}; credits negative)`,
      columns: [{ header: "Option", numeric: false }, ...used.map((category) => ({ header: COST_CATEGORY_LABELS[category], numeric: true })), { header: "Total", numeric: true }],
      rows: options.map((option) => [option.name, ...used.map((category) => fmt.money(getCategoryAmount(option, category))), fmt.money(option.totals.cash)]),
    },
  };
}
