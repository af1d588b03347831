/**
 * Tornado for one option: each driver alone at its low and high multiplier, bars from the base total
 * (the centre line) to the total at each end, widest swing first. Drivers that do not move the option
 * are left out.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { Decimal } from "../../engine/index.ts";
import type { Formatter } from "../format.ts";
import { DRIVER_LABELS } from "../labels.ts";
import { OKABE_ITO } from "../palette.ts";
import { getHighlightedOptionId } from "../selection.ts";
import type { ScenarioData, TornadoData } from "../types.ts";
import { estimateTextWidth, FONT, WIDE_LAYOUT, type Axis, type ChartBase, type ChartLayout, type TextMark } from "./geometry.ts";

/** Bars for the low and the high multiplier: one colour each, plus the multiplier written at the end. */
export const TORNADO_COLOURS = { low: OKABE_ITO.blue, high: OKABE_ITO.orange } as const;

export interface TornadoSide {
  /** "×0.8" */
  multiplier: string;
  /** Total cash cost at this multiplier, exact decimal string. */
  total: string;
  x: number;
  width: number;
  fill: string;
  /** "×0.8 · $4.47M" at the bar's outer end. */
  label: TextMark;
}

export interface TornadoRow {
  driver: string;
  driverLabel: TextMark;
  y: number;
  height: number;
  low: TornadoSide;
  high: TornadoSide;
}

export interface TornadoChart extends ChartBase {
  kind: "tornado";
  optionId: string;
  xAxis: Axis;
  /** The base total's centre line. */
  base: { x: number; y1: number; y2: number; label: TextMark | null; total: string };
  rows: TornadoRow[];
}

/**
 * The tornado of `optionId` (default: the cheapest compliant option), or null without a tornado run or
 * when no driver moves that option.
 */
export function buildTornadoChart(scenario: ScenarioData, tornado: TornadoData | null, fmt: Formatter, layout: ChartLayout = WIDE_LAYOUT, optionId?: string): TornadoChart | null {
  if (tornado === null) return null;
  const id = optionId ?? getHighlightedOptionId(scenario) ?? scenario.options[0]?.id;
  const option = scenario.options.find((item) => item.id === id);
  const base = tornado.base.find((item) => item.optionId === id);
  if (!option || !base) return null;
  const baseTotal = new Decimal(base.total);
  const drivers = tornado.bars
    .flatMap((bar) => {
      const entry = bar.options.find((item) => item.optionId === id);
      if (!entry) return [];
      const low = new Decimal(entry.lowTotal);
      const high = new Decimal(entry.highTotal);
      const swing = high.minus(low).abs();
      return low.eq(baseTotal) && high.eq(baseTotal) ? [] : [{ bar, low, high, swing }];
    })
    .sort((a, b) => b.swing.comparedTo(a.swing));
  if (drivers.length === 0) return null;

  const margin = layout.narrow ? { top: 8, right: 12, bottom: 46, left: 12 } : { top: 24, right: 24, bottom: 46, left: 190 };
  const rowHeight = layout.narrow ? 56 : 36;
  const height = margin.top + margin.bottom + rowHeight * drivers.length;
  const plot = { left: margin.left, top: margin.top, width: layout.width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const values = drivers.flatMap((driver) => [driver.low.toNumber(), driver.high.toNumber()]);
  const baseValue = baseTotal.toNumber();
  // Room on both sides for the end labels ("×1.2 · $5.24M").
  const spread = Math.max(...values.map((value) => Math.abs(value - baseValue)), Math.abs(baseValue) * 0.01, 1);
  const labelRoom = (estimateTextWidth("×0.00 · $0.00M", FONT.annotation) / plot.width) * spread * 2.4;
  const x = scaleLinear()
    .domain([Math.min(baseValue, ...values) - labelRoom, Math.max(baseValue, ...values) + labelRoom])
    .range([plot.left, plot.left + plot.width]);
  const band = scaleBand<string>()
    .domain(drivers.map((driver) => driver.bar.driver))
    .range([plot.top, plot.top + plot.height])
    .paddingInner(layout.narrow ? 0.45 : 0.25)
    .paddingOuter(layout.narrow ? 0.35 : 0.1);
  const baseX = x(baseValue);

  const side = (multiplier: string, total: Decimal, fill: string, y: number, barHeight: number): TornadoSide => {
    const end = x(total.toNumber());
    const left = Math.min(end, baseX);
    const towardsLeft = end < baseX;
    return {
      multiplier: `×${multiplier}`,
      total: total.toFixed(),
      x: left,
      width: Math.abs(end - baseX),
      fill,
      label: { x: towardsLeft ? end - 4 : end + 4, y: y + barHeight / 2 + FONT.annotation / 3, text: `×${multiplier} · ${fmt.moneyCompact(total)}`, anchor: towardsLeft ? "end" : "start" },
    };
  };

  const rows: TornadoRow[] = drivers.map(({ bar, low, high }) => {
    const y = band(bar.driver) ?? plot.top;
    const barHeight = band.bandwidth();
    return {
      driver: bar.driver,
      driverLabel: layout.narrow
        ? { x: plot.left, y: y - 6, text: DRIVER_LABELS[bar.driver], anchor: "start" }
        : { x: plot.left - 8, y: y + barHeight / 2 + FONT.label / 3, text: DRIVER_LABELS[bar.driver], anchor: "end" },
      y,
      height: barHeight,
      low: side(bar.lowMultiplier, low, TORNADO_COLOURS.low, y, barHeight),
      high: side(bar.highMultiplier, high, TORNADO_COLOURS.high, y, barHeight),
    };
  });

  const top = drivers[0] as (typeof drivers)[number];
  const [least, most] = top.low.lt(top.high) ? [top.low, top.high] : [top.high, top.low];
  return {
    kind: "tornado",
    id: "tornado",
    optionId: option.id,
    title: `${DRIVER_LABELS[top.bar.driver]} moves ${option.name} the most: ${fmt.moneyCompact(least)} to ${fmt.moneyCompact(most)}`,
    description: `Total cash cost of ${option.name} over the horizon with one driver at a time moved to its low and high multiplier, everything else at base (${fmt.moneyCompact(baseTotal)}, the centre line). Bars are sorted by swing, widest first; blue is the low multiplier, orange the high one, each labelled with its multiplier.`,
    width: layout.width,
    height,
    plot,
    xAxis: {
      label: `Total cash cost (${fmt.currency})`,
      ticks: x.ticks(layout.narrow ? 3 : 5).map((value) => ({ value, position: x(value), label: fmt.moneyCompact(new Decimal(value)) })),
    },
    base: { x: baseX, y1: plot.top - (layout.narrow ? 0 : 16), y2: plot.top + plot.height, total: baseTotal.toFixed(), label: layout.narrow ? null : { x: baseX, y: plot.top - 6, text: `base ${fmt.moneyCompact(baseTotal)}`, anchor: "middle" } },
    rows,
    legend: [
      { id: "low", label: "Low multiplier", colour: TORNADO_COLOURS.low, markerPath: null, dash: null },
      { id: "high", label: "High multiplier", colour: TORNADO_COLOURS.high, markerPath: null, dash: null },
    ],
    table: {
      caption: `Total cash cost of ${option.name} with one driver moved (${fmt.currency}); base ${fmt.money(baseTotal)}`,
      columns: [
        { header: "Driver", numeric: false },
        { header: "Low multiplier", numeric: true },
        { header: "Total at low", numeric: true },
        { header: "High multiplier", numeric: true },
        { header: "Total at high", numeric: true },
        { header: "Swing", numeric: true },
      ],
      rows: drivers.map(({ bar, low, high, swing }) => [DRIVER_LABELS[bar.driver], `×${bar.lowMultiplier}`, fmt.money(low), `×${bar.highMultiplier}`, fmt.money(high), fmt.money(swing)]),
    },
  };
}
