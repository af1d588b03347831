import { describe, expect, it } from "vitest";
import {
  buildBreakdownChart,
  buildCapacityChart,
  buildCompareCumulativeChart,
  buildCumulativeChart,
  buildMonteCarloChart,
  buildTornadoChart,
  createFormatter,
  getCategoryAmount,
  getSeriesStyle,
  NARROW_LAYOUT,
  SERIES_COLOURS,
  WIDE_LAYOUT,
  type Axis,
  type ChartBase,
  type ChartLayout,
} from "~/reports/index.ts";
import { Decimal } from "~/engine/index.ts";
import { EXAMPLES, loadBundle } from "./bundles.ts";

const usd = createFormatter("USD", "en-US");
const LAYOUTS: [string, ChartLayout][] = [
  ["wide", WIDE_LAYOUT],
  ["narrow", NARROW_LAYOUT],
];

function expectTicksInside(axis: Axis, from: number, to: number) {
  expect(axis.ticks.length).toBeGreaterThan(1);
  for (const tick of axis.ticks) {
    expect(tick.position).toBeGreaterThanOrEqual(Math.min(from, to) - 1e-9);
    expect(tick.position).toBeLessThanOrEqual(Math.max(from, to) + 1e-9);
    expect(tick.label).not.toBe("");
  }
}

function expectTexts(chart: ChartBase) {
  expect(chart.title.length).toBeGreaterThan(10);
  expect(chart.description.length).toBeGreaterThan(20);
  expect(chart.table.rows.length).toBeGreaterThan(0);
  for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
}

describe("option styles", () => {
  it("map an option's position to one Okabe–Ito colour and marker, the same on every call", () => {
    expect(getSeriesStyle(0)).toEqual(getSeriesStyle(0));
    expect(new Set(SERIES_COLOURS.map((colour) => colour.toLowerCase()))).toEqual(
      new Set(["#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"]),
    );
    const styles = Array.from({ length: 8 }, (_, i) => getSeriesStyle(i));
    expect(new Set(styles.map((style) => `${style.colour}|${style.marker}`)).size).toBe(8);
  });

  it("give an option the same colour in every chart that draws it", () => {
    const bundle = loadBundle("four-options-60-months");
    const cumulative = buildCumulativeChart(bundle.scenario, usd);
    const capacity = buildCapacityChart(bundle.scenario, usd);
    const monteCarlo = buildMonteCarloChart(bundle.scenario, bundle.monteCarlo, usd);
    for (const series of capacity?.series ?? []) expect(series.colour).toBe(cumulative.series.find((item) => item.id === series.id)?.colour);
    for (const row of monteCarlo?.rows ?? []) expect(row.colour).toBe(cumulative.series.find((item) => item.id === row.optionId)?.colour);
  });
});

describe("buildCumulativeChart", () => {
  it.each(EXAMPLES.flatMap((name) => LAYOUTS.map(([label, layout]) => [name, label, layout] as const)))("keeps ticks in the plot and one series per option (%s, %s)", (name, _label, layout) => {
    const bundle = loadBundle(name);
    const fmt = createFormatter(bundle.scenario.currency.code, "en-US");
    const chart = buildCumulativeChart(bundle.scenario, fmt, layout);
    expect(chart.series).toHaveLength(bundle.scenario.options.length);
    expectTicksInside(chart.xAxis, chart.plot.left, chart.plot.left + chart.plot.width);
    expectTicksInside(chart.yAxis, chart.plot.top, chart.plot.top + chart.plot.height);
    expect(chart.series.filter((series) => series.emphasised)).toHaveLength(1);
    expect(chart.table.rows).toHaveLength(bundle.scenario.horizonMonths);
    expectTexts(chart);
    expect(chart.yAxis.label).toContain(bundle.scenario.currency.code);
    for (const series of chart.series) expect(series.endLabel === null).toBe(layout.narrow);
  });

  it("puts the break-even marker exactly on the month's x, and says so in the title", () => {
    const bundle = loadBundle("hybrid-overflow-eur");
    const fmt = createFormatter("EUR", "en-GB");
    const chart = buildCumulativeChart(bundle.scenario, fmt);
    expect(chart.title).toBe("Own 1 H100 node, overflow to Mistral breaks even in month 47 (Feb 2031) and costs €1.08m over 48 months");
    expect(chart.markers).toHaveLength(1);
    const marker = chart.markers[0];
    expect(marker?.month).toBe(46);
    // Month 46 is the 47th point of the path: M x0,y0 L x1,y1 …
    const points = (chart.series[1]?.path ?? "").slice(1).split("L").map((point) => Number(point.split(",")[0]));
    expect(marker?.x).toBeCloseTo(points[46] as number, 2); // d3 writes paths to 3 decimals
    expect(marker?.label.lines[0]).toBe("month 47 (Feb 2031)");
  });

  it("emphasises the cheapest compliant option and dashes blocked ones", () => {
    const chart = buildCumulativeChart(loadBundle("eu-personal-data-compliance").scenario, usd);
    expect(chart.series.find((series) => series.emphasised)?.id).toBe("owned-de");
    expect(chart.series.filter((series) => series.dash !== null).map((series) => series.id)).toEqual(["openai-eu", "azure-eu", "mistral-eu", "rented-gpu-cloud"]);
    expect(chart.description).toContain("4 blocked options are dashed");
  });

  it("spreads line-end labels so none overlap", () => {
    const chart = buildCumulativeChart(loadBundle("eu-personal-data-compliance").scenario, usd);
    const ys = chart.series.map((series) => series.endLabel?.y ?? 0).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(14);
  });
});

describe("buildCompareCumulativeChart", () => {
  it("draws one line per scenario on a shared calendar axis", () => {
    const a = loadBundle("four-options-60-months").scenario;
    const b = loadBundle("eu-personal-data-compliance").scenario;
    const chart = buildCompareCumulativeChart([{ scenario: a }, { scenario: b, optionId: "owned-de" }], usd);
    expect(chart?.series.map((series) => series.name)).toEqual([`${a.name}: gpt-oss-120b hosted by Together`, `${b.name}: Own H100 cluster in our Frankfurt data centre`]);
    expect(chart?.series.map((series) => series.colour)).toEqual([getSeriesStyle(0).colour, getSeriesStyle(1).colour]);
    expect(chart?.title).toContain(a.name);
    expectTicksInside(chart?.xAxis as Axis, chart?.plot.left ?? 0, (chart?.plot.left ?? 0) + (chart?.plot.width ?? 0));
  });

  it("refuses to put two currencies on one axis", () => {
    const usdScenario = loadBundle("four-options-60-months").scenario;
    const eurScenario = loadBundle("hybrid-overflow-eur").scenario;
    expect(buildCompareCumulativeChart([{ scenario: usdScenario }, { scenario: eurScenario }], usd)).toBeNull();
  });
});

describe("buildBreakdownChart", () => {
  it("stacks categories in one order whose signed segments add up to the cash total", () => {
    const bundle = loadBundle("four-options-60-months");
    const chart = buildBreakdownChart(bundle.scenario, usd);
    expect(chart.bars).toHaveLength(4);
    for (const bar of chart.bars) {
      const option = bundle.scenario.options.find((item) => item.id === bar.optionId);
      const sum = bar.segments.reduce((total, segment) => total.plus(segment.value), new Decimal(0));
      expect(sum.minus(option?.totals.cash ?? "0").abs().lt("1e-20")).toBe(true);
      const order = chart.legend.map((entry) => entry.id);
      const indices = bar.segments.map((segment) => order.indexOf(segment.category));
      expect(indices).toEqual([...indices].sort((x, y) => x - y));
      expect(bar.total.x).toBeCloseTo(chart.zeroX + bar.segments.reduce((width, segment) => width + (Number(segment.value) < 0 ? -segment.width : segment.width), 0), 6);
    }
    const owned = bundle.scenario.options[2];
    expect(getCategoryAmount(owned!, "residualCredit").isNegative() || getCategoryAmount(owned!, "residualCredit").isZero()).toBe(true);
    expectTicksInside(chart.xAxis, chart.plot.left, chart.plot.left + chart.plot.width);
    expectTexts(chart);
  });
});

describe("buildCapacityChart", () => {
  it("is null for an API-only scenario", () => {
    const scenario = loadBundle("four-options-60-months").scenario;
    expect(buildCapacityChart({ ...scenario, options: scenario.options.filter((option) => option.kind === "api") }, usd)).toBeNull();
  });

  it("draws the self-hosted options with their buy and retire events", () => {
    const scenario = loadBundle("four-options-60-months").scenario;
    const chart = buildCapacityChart(scenario, usd, WIDE_LAYOUT);
    expect(chart?.series.map((series) => series.id)).toEqual(["owned-h100", "rented-h100"]);
    const owned = scenario.options[2];
    expect(chart?.events.filter((event) => event.optionId === "owned-h100")).toHaveLength(owned?.capacityEvents.length ?? -1);
    const retire = chart?.events.find((event) => event.direction === "remove");
    expect(retire?.label.text).toBe("−16");
    expect(retire?.x).toBeCloseTo(chart?.xAxis.ticks.find((tick) => tick.value === 36)?.position ?? NaN, 6);
    for (const tick of chart?.yAxis.ticks ?? []) expect(Number.isInteger(tick.value)).toBe(true);
    expectTexts(chart as ChartBase);
  });
});

describe("buildTornadoChart", () => {
  it("sorts the option's drivers by swing around the base line and labels the multipliers", () => {
    const bundle = loadBundle("four-options-60-months");
    const chart = buildTornadoChart(bundle.scenario, bundle.tornado, usd, WIDE_LAYOUT, "owned-h100");
    const rows = chart?.rows ?? [];
    expect(rows.length).toBeGreaterThan(2);
    const swings = rows.map((row) => new Decimal(row.high.total).minus(row.low.total).abs().toNumber());
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const row of rows) {
      expect(row.low.label.text).toMatch(/^×0\.8 · /);
      expect(row.high.label.text).toMatch(/^×1\.2 · /);
      // Each bar touches the base line.
      expect(Math.min(Math.abs(row.low.x - (chart?.base.x ?? 0)), Math.abs(row.low.x + row.low.width - (chart?.base.x ?? 0)))).toBeLessThan(1e-6);
    }
    expect(rows.map((row) => row.driver)).not.toContain("api-prices");
    expectTicksInside(chart?.xAxis as Axis, chart?.plot.left ?? 0, (chart?.plot.left ?? 0) + (chart?.plot.width ?? 0));
    expectTexts(chart as ChartBase);
  });

  it("is null without a tornado run", () => {
    expect(buildTornadoChart(loadBundle("four-options-60-months").scenario, null, usd)).toBeNull();
  });
});

describe("buildMonteCarloChart", () => {
  it("places P10 ≤ P50 ≤ P90 ticks on each option's band and states the probability", () => {
    const bundle = loadBundle("four-options-60-months");
    const chart = buildMonteCarloChart(bundle.scenario, bundle.monteCarlo, usd);
    expect(chart?.rows).toHaveLength(4);
    for (const row of chart?.rows ?? []) {
      const [p10, p50, p90] = row.ticks;
      expect(p10?.x).toBeCloseTo(row.band.x, 6);
      expect(p90?.x).toBeCloseTo(row.band.x + row.band.width, 6);
      expect(p10!.x).toBeLessThanOrEqual(p50!.x);
      expect(p50!.x).toBeLessThanOrEqual(p90!.x);
    }
    expect(chart?.probabilityText).toMatch(/^Self-hosting is cheaper than the cheapest API in \d+\.\d% of 500 draws$/);
    expectTexts(chart as ChartBase);
  });

  it("is null without a Monte Carlo run", () => {
    expect(buildMonteCarloChart(loadBundle("eu-personal-data-compliance").scenario, null, usd)).toBeNull();
  });
});
