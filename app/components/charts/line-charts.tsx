/** SVG renderers of the line charts: cumulative cost (also the scenario overlay) and the capacity plan. */
import type { CapacityChart, CumulativeChart, LineSeries } from "~/reports/index.ts";
import { ChartFrame, XAxis, YAxis, type ChartPair } from "./chart-frame.tsx";

function Lines({ series }: { series: LineSeries[] }) {
  // Muted lines first, so the emphasised one is drawn on top.
  const ordered = [...series].sort((a, b) => Number(a.emphasised) - Number(b.emphasised));
  return (
    <g aria-hidden="true">
      {ordered.map((item) => (
        <g key={item.id} opacity={item.opacity}>
          <path d={item.path} fill="none" stroke={item.colour} strokeWidth={item.strokeWidth} strokeDasharray={item.dash ?? undefined} strokeLinejoin="round" />
          {item.markers.map((point, i) => (
            <path key={i} d={item.markerPath} transform={`translate(${point.x},${point.y})`} fill={item.colour} stroke="#fff" strokeWidth="0.75" />
          ))}
          {item.endLabel ? (
            <text className={item.emphasised ? "chart__label chart__label--strong" : "chart__label"} x={item.endLabel.x} y={item.endLabel.y} textAnchor={item.endLabel.anchor}>
              {item.endLabel.text}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

function drawCumulative(chart: CumulativeChart) {
  return (
    <>
      <YAxis axis={chart.yAxis} plot={chart.plot} />
      <XAxis axis={chart.xAxis} plot={chart.plot} />
      {chart.markers.map((marker) => (
        <g key={marker.month} className="chart__marker" aria-hidden="true">
          <line x1={marker.x} x2={marker.x} y1={marker.y1} y2={marker.y2} />
          <text x={marker.label.x} y={marker.label.y} textAnchor={marker.label.anchor}>
            {marker.label.lines.map((line, i) => (
              <tspan key={i} x={marker.label.x} dy={i === 0 ? 0 : "1.15em"}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      <Lines series={chart.series} />
    </>
  );
}

/** Cumulative cash cost per option (or per scenario, on the compare page) with break-even markers. */
export function CumulativeCostChart({ charts }: { charts: ChartPair<CumulativeChart> }) {
  return <ChartFrame charts={charts} draw={drawCumulative} legend="narrow" />;
}

function drawCapacity(chart: CapacityChart) {
  return (
    <>
      <YAxis axis={chart.yAxis} plot={chart.plot} />
      <XAxis axis={chart.xAxis} plot={chart.plot} />
      <Lines series={chart.series} />
      <g aria-hidden="true">
        {chart.events.map((event, i) => (
          <g key={i}>
            <path d={event.markerPath} transform={`translate(${event.x},${event.y})`} fill={event.colour} stroke="#fff" strokeWidth="0.75" />
            <text className="chart__label" x={event.label.x} y={event.label.y} textAnchor={event.label.anchor}>
              {event.label.text}
            </text>
          </g>
        ))}
      </g>
    </>
  );
}

/** GPUs in service over time with buy and retire events. */
export function CapacityPlanChart({ charts }: { charts: ChartPair<CapacityChart> }) {
  return <ChartFrame charts={charts} draw={drawCapacity} legend="narrow" />;
}
