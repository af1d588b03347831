/** SVG renderers of the bar charts: cost breakdown, tornado and the Monte Carlo range. */
import type { BreakdownChart, MonteCarloChart, TextMark, TornadoChart } from "~/reports/index.ts";
import { ChartFrame, XAxis, type ChartPair } from "./chart-frame.tsx";

function Label({ mark, className = "chart__label", fill }: { mark: TextMark; className?: string; fill?: string }) {
  return (
    <text className={className} x={mark.x} y={mark.y} textAnchor={mark.anchor} fill={fill}>
      {mark.text}
    </text>
  );
}

function drawBreakdown(chart: BreakdownChart) {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      <g aria-hidden="true">
        <line className="chart__zero" x1={chart.zeroX} x2={chart.zeroX} y1={chart.plot.top} y2={chart.plot.top + chart.plot.height} />
        {chart.bars.map((bar) => (
          <g key={bar.optionId}>
            <Label mark={bar.nameLabel} className={bar.emphasised ? "chart__label chart__label--strong" : "chart__label"} />
            {bar.segments.map((segment) => (
              <g key={segment.category}>
                <rect x={segment.x} y={segment.y} width={segment.width} height={segment.height} fill={segment.fill} stroke="#fff" strokeWidth="1" />
                {segment.inlineLabel ? <Label mark={segment.inlineLabel} className="chart__segment-label" fill={segment.inlineLabelColour} /> : null}
              </g>
            ))}
            <line className="chart__total" x1={bar.total.x} x2={bar.total.x} y1={bar.total.y1} y2={bar.total.y2} />
            <Label mark={bar.total.label} className="chart__label chart__label--strong" />
          </g>
        ))}
      </g>
    </>
  );
}

/** Cash cost by category per option, stacked in a fixed order. */
export function CostBreakdownChart({ charts }: { charts: ChartPair<BreakdownChart> }) {
  return <ChartFrame charts={charts} draw={drawBreakdown} legend="always" />;
}

function drawTornado(chart: TornadoChart) {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      <g aria-hidden="true">
        {chart.rows.map((row) => (
          <g key={row.driver}>
            <Label mark={row.driverLabel} />
            {[row.low, row.high].map((side) => (
              <g key={side.multiplier + side.fill}>
                <rect x={side.x} y={row.y} width={Math.max(side.width, 1)} height={row.height} fill={side.fill} />
                <Label mark={side.label} />
              </g>
            ))}
          </g>
        ))}
        <line className="chart__base" x1={chart.base.x} x2={chart.base.x} y1={chart.base.y1} y2={chart.base.y2} />
        {chart.base.label ? <Label mark={chart.base.label} className="chart__label chart__label--strong" /> : null}
      </g>
    </>
  );
}

/** One driver at a time at its low and high multiplier, widest swing first. */
export function TornadoChartView({ charts }: { charts: ChartPair<TornadoChart> }) {
  return <ChartFrame charts={charts} draw={drawTornado} legend="always" />;
}

function drawMonteCarlo(chart: MonteCarloChart) {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      <g aria-hidden="true">
        {chart.rows.map((row) => (
          <g key={row.optionId}>
            <Label mark={row.nameLabel} className={row.emphasised ? "chart__label chart__label--strong" : "chart__label"} />
            <rect x={row.band.x} y={row.band.y} width={row.band.width} height={row.band.height} fill={row.colour} opacity={row.emphasised ? 0.45 : 0.25} stroke={row.colour} />
            {row.ticks.map((tick) => (
              <g key={tick.name}>
                <line x1={tick.x} x2={tick.x} y1={row.band.y - 3} y2={row.band.y + row.band.height + 3} stroke="#1b1f24" strokeWidth={tick.name === "P50" ? 2.5 : 1.5} />
                {tick.label ? <Label mark={tick.label} /> : null}
              </g>
            ))}
            {row.summaryLabel ? <Label mark={row.summaryLabel} /> : null}
            <path d={row.deterministic.markerPath} transform={`translate(${row.deterministic.x},${row.deterministic.y})`} fill="#fff" stroke="#1b1f24" strokeWidth="1.5" />
          </g>
        ))}
      </g>
    </>
  );
}

/** P10–P90 range of each option's total with P50, and the probability that self-hosting is cheaper. */
export function MonteCarloRangeChart({ charts }: { charts: ChartPair<MonteCarloChart> }) {
  return <ChartFrame charts={charts} draw={drawMonteCarlo} legend="none" note={charts.wide.probabilityText} />;
}
