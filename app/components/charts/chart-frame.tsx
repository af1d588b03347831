/**
 * The frame every chart shares: a figure with the sentence title, the SVG drawn twice (wide for desktop
 * and print, narrow for phones; CSS shows one), a legend, and a keyboard-reachable "Show data" table.
 * Each SVG is `role="img"` named by its <title> and described by its <desc>.
 */
import { useId, type ReactNode } from "react";
import type { Axis, ChartBase, LegendEntry, Plot } from "~/reports/index.ts";

export interface ChartPair<T extends ChartBase> {
  wide: T;
  narrow: T;
}

export interface ChartFrameProps<T extends ChartBase> {
  charts: ChartPair<T>;
  /** Draws the inside of one SVG from its geometry. */
  draw: (chart: T) => ReactNode;
  /** "narrow": the wide chart labels its lines directly, so the legend only shows on phones. */
  legend: "always" | "narrow" | "none";
  /** Text beside the chart, e.g. the Monte Carlo probability. */
  note?: ReactNode;
}

function ChartSvg<T extends ChartBase>({ chart, draw, variant }: { chart: T; draw: (chart: T) => ReactNode; variant: "wide" | "narrow" }) {
  const id = useId();
  return (
    <svg
      className={`chart__svg chart__svg--${variant}`}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{chart.title}</title>
      <desc id={`${id}-desc`}>{chart.description}</desc>
      {draw(chart)}
    </svg>
  );
}

function Legend({ entries, className }: { entries: LegendEntry[]; className: string }) {
  return (
    <ul className={className}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden="true" focusable="false">
            {entry.markerPath === null ? (
              <rect x="-7" y="-6" width="14" height="12" fill={entry.colour} />
            ) : (
              <>
                <line x1="-13" x2="13" y1="0" y2="0" stroke={entry.colour} strokeWidth="2.5" strokeDasharray={entry.dash ?? undefined} />
                <path d={entry.markerPath} fill={entry.colour} />
              </>
            )}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's data as a table, collapsed behind a summary that the keyboard reaches. */
function DataTableDetails({ chart }: { chart: ChartBase }) {
  const { table } = chart;
  return (
    <details className="chart__data">
      <summary>Show data</summary>
      <div className="results-scroll">
        <table className="results-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? "num" : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c} className={table.columns[c]?.numeric ? "num" : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function ChartFrame<T extends ChartBase>({ charts, draw, legend, note }: ChartFrameProps<T>) {
  const { wide } = charts;
  return (
    <figure className="chart" id={`chart-${wide.id}`}>
      <figcaption className="chart__title">{wide.title}</figcaption>
      <ChartSvg chart={wide} draw={draw} variant="wide" />
      <ChartSvg chart={charts.narrow} draw={draw} variant="narrow" />
      {legend === "none" ? null : <Legend entries={wide.legend} className={legend === "narrow" ? "chart__legend chart__legend--narrow-only" : "chart__legend"} />}
      {note ? <p className="chart__note">{note}</p> : null}
      <DataTableDetails chart={wide} />
    </figure>
  );
}

/** Grid lines and tick labels of a vertical (value) axis along the plot's left edge. */
export function YAxis({ axis, plot }: { axis: Axis; plot: Plot }) {
  return (
    <g className="chart__axis" aria-hidden="true">
      {axis.ticks.map((tick) => (
        <g key={tick.value}>
          <line className="chart__grid" x1={plot.left} x2={plot.left + plot.width} y1={tick.position} y2={tick.position} />
          <text x={plot.left - 6} y={tick.position + 4} textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="chart__axis-label" x={plot.left} y={plot.top - 14} textAnchor="start">
        {axis.label}
      </text>
    </g>
  );
}

/** Ticks and labels of a horizontal axis under the plot, with its label below; `grid` draws verticals. */
export function XAxis({ axis, plot, grid = false }: { axis: Axis; plot: Plot; grid?: boolean }) {
  const bottom = plot.top + plot.height;
  return (
    <g className="chart__axis" aria-hidden="true">
      <line className="chart__baseline" x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} />
      {axis.ticks.map((tick) => (
        <g key={tick.value}>
          {grid ? <line className="chart__grid" x1={tick.position} x2={tick.position} y1={plot.top} y2={bottom} /> : null}
          <line className="chart__tick" x1={tick.position} x2={tick.position} y1={bottom} y2={bottom + 5} />
          <text x={tick.position} y={bottom + 18} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="chart__axis-label" x={plot.left + plot.width / 2} y={bottom + 38} textAnchor="middle">
        {axis.label}
      </text>
    </g>
  );
}
