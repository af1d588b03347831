/**
 * The PDF renderer of the shared chart geometry (app/reports/charts): the same paths, rectangles,
 * ticks and labels as the web's SVG (app/components/charts), drawn with @react-pdf/renderer's SVG
 * primitives, so the charts stay vector and selectable. It adds nothing but the strokes and fonts the
 * web gets from CSS.
 */
import { G, Line, Path, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Axis, BreakdownChart, CapacityChart, CumulativeChart, LegendEntry, LineSeries, MonteCarloChart, Plot, TextMark, TornadoChart } from "../charts/index.ts";
import { FONT_FAMILY } from "./fonts.ts";

/** Colours the web takes from CSS custom properties (app/styles/app.css, results.css). */
const INK = { text: "#1b1f24", muted: "#5b6470", grid: "#e6e9ee", surface: "#ffffff" } as const;

function Label({ mark, bold = false, fill = INK.text, size = 12 }: { mark: TextMark; bold?: boolean; fill?: string; size?: number }) {
  return (
    <Text x={mark.x} y={mark.y} textAnchor={mark.anchor} fill={fill} style={{ fontFamily: FONT_FAMILY, fontSize: size, fontWeight: bold ? 700 : 400 }}>
      {mark.text}
    </Text>
  );
}

function YAxis({ axis, plot }: { axis: Axis; plot: Plot }) {
  return (
    <G>
      {axis.ticks.map((tick) => (
        <G key={tick.value}>
          <Line x1={plot.left} x2={plot.left + plot.width} y1={tick.position} y2={tick.position} stroke={INK.grid} strokeWidth={1} />
          <Label mark={{ x: plot.left - 6, y: tick.position + 4, text: tick.label, anchor: "end" }} fill={INK.muted} />
        </G>
      ))}
      <Label mark={{ x: plot.left, y: plot.top - 14, text: axis.label, anchor: "start" }} bold />
    </G>
  );
}

function XAxis({ axis, plot, grid = false }: { axis: Axis; plot: Plot; grid?: boolean }) {
  const bottom = plot.top + plot.height;
  return (
    <G>
      <Line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} stroke={INK.muted} strokeWidth={1} />
      {axis.ticks.map((tick) => (
        <G key={tick.value}>
          {grid ? <Line x1={tick.position} x2={tick.position} y1={plot.top} y2={bottom} stroke={INK.grid} strokeWidth={1} /> : null}
          <Line x1={tick.position} x2={tick.position} y1={bottom} y2={bottom + 5} stroke={INK.muted} strokeWidth={1} />
          <Label mark={{ x: tick.position, y: bottom + 18, text: tick.label, anchor: "middle" }} fill={INK.muted} />
        </G>
      ))}
      <Label mark={{ x: plot.left + plot.width / 2, y: bottom + 38, text: axis.label, anchor: "middle" }} bold />
    </G>
  );
}

function Lines({ series }: { series: LineSeries[] }) {
  // Muted lines first, so the emphasised one is drawn on top.
  const ordered = [...series].sort((a, b) => Number(a.emphasised) - Number(b.emphasised));
  return (
    <G>
      {ordered.map((item) => (
        <G key={item.id} opacity={item.opacity}>
          <Path d={item.path} fill="none" stroke={item.colour} strokeWidth={item.strokeWidth} strokeDasharray={item.dash ?? undefined} strokeLinejoin="round" />
          {item.markers.map((point, i) => (
            <Path key={i} d={item.markerPath} transform={`translate(${point.x},${point.y})`} fill={item.colour} stroke={INK.surface} strokeWidth={0.75} />
          ))}
          {item.endLabel ? <Label mark={item.endLabel} bold={item.emphasised} /> : null}
        </G>
      ))}
    </G>
  );
}

function drawCumulative(chart: CumulativeChart): ReactNode {
  return (
    <>
      <YAxis axis={chart.yAxis} plot={chart.plot} />
      <XAxis axis={chart.xAxis} plot={chart.plot} />
      {chart.markers.map((marker) => (
        <G key={marker.month}>
          <Line x1={marker.x} x2={marker.x} y1={marker.y1} y2={marker.y2} stroke={INK.text} strokeWidth={1.25} strokeDasharray="3 3" />
          {marker.label.lines.map((line, i) => (
            <Label key={i} mark={{ x: marker.label.x, y: marker.label.y + i * 14, text: line, anchor: marker.label.anchor }} bold />
          ))}
        </G>
      ))}
      <Lines series={chart.series} />
    </>
  );
}

function drawCapacity(chart: CapacityChart): ReactNode {
  return (
    <>
      <YAxis axis={chart.yAxis} plot={chart.plot} />
      <XAxis axis={chart.xAxis} plot={chart.plot} />
      <Lines series={chart.series} />
      {chart.events.map((event, i) => (
        <G key={i}>
          <Path d={event.markerPath} transform={`translate(${event.x},${event.y})`} fill={event.colour} stroke={INK.surface} strokeWidth={0.75} />
          <Label mark={event.label} />
        </G>
      ))}
    </>
  );
}

function drawBreakdown(chart: BreakdownChart): ReactNode {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      <Line x1={chart.zeroX} x2={chart.zeroX} y1={chart.plot.top} y2={chart.plot.top + chart.plot.height} stroke={INK.text} strokeWidth={1.5} />
      {chart.bars.map((bar) => (
        <G key={bar.optionId}>
          <Label mark={bar.nameLabel} bold={bar.emphasised} />
          {bar.segments.map((segment) => (
            <G key={segment.category}>
              <Rect x={segment.x} y={segment.y} width={segment.width} height={segment.height} fill={segment.fill} stroke={INK.surface} strokeWidth={1} />
              {segment.inlineLabel ? <Label mark={segment.inlineLabel} fill={segment.inlineLabelColour} size={11} /> : null}
            </G>
          ))}
          <Line x1={bar.total.x} x2={bar.total.x} y1={bar.total.y1} y2={bar.total.y2} stroke={INK.text} strokeWidth={2.5} />
          <Label mark={bar.total.label} bold />
        </G>
      ))}
    </>
  );
}

function drawTornado(chart: TornadoChart): ReactNode {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      {chart.rows.map((row) => (
        <G key={row.driver}>
          <Label mark={row.driverLabel} />
          {[row.low, row.high].map((side) => (
            <G key={side.multiplier + side.fill}>
              <Rect x={side.x} y={row.y} width={Math.max(side.width, 1)} height={row.height} fill={side.fill} />
              <Label mark={side.label} />
            </G>
          ))}
        </G>
      ))}
      <Line x1={chart.base.x} x2={chart.base.x} y1={chart.base.y1} y2={chart.base.y2} stroke={INK.text} strokeWidth={1.5} />
      {chart.base.label ? <Label mark={chart.base.label} bold /> : null}
    </>
  );
}

function drawMonteCarlo(chart: MonteCarloChart): ReactNode {
  return (
    <>
      <XAxis axis={chart.xAxis} plot={chart.plot} grid />
      {chart.rows.map((row) => (
        <G key={row.optionId}>
          <Label mark={row.nameLabel} bold={row.emphasised} />
          <Rect x={row.band.x} y={row.band.y} width={row.band.width} height={row.band.height} fill={row.colour} fillOpacity={row.emphasised ? 0.45 : 0.25} stroke={row.colour} />
          {row.ticks.map((tick) => (
            <G key={tick.name}>
              <Line x1={tick.x} x2={tick.x} y1={row.band.y - 3} y2={row.band.y + row.band.height + 3} stroke={INK.text} strokeWidth={tick.name === "P50" ? 2.5 : 1.5} />
              {tick.label ? <Label mark={tick.label} /> : null}
            </G>
          ))}
          {row.summaryLabel ? <Label mark={row.summaryLabel} /> : null}
          <Path d={row.deterministic.markerPath} transform={`translate(${row.deterministic.x},${row.deterministic.y})`} fill={INK.surface} stroke={INK.text} strokeWidth={1.5} />
        </G>
      ))}
    </>
  );
}

function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 4 }}>
      {entries.map((entry) => (
        <View key={entry.id} style={{ flexDirection: "row", alignItems: "center", marginRight: 10, marginBottom: 2 }}>
          <Svg width={20} height={10} viewBox="-14 -7 28 14">
            {entry.markerPath === null ? (
              <Rect x={-7} y={-6} width={14} height={12} fill={entry.colour} />
            ) : (
              <>
                <Line x1={-13} x2={13} y1={0} y2={0} stroke={entry.colour} strokeWidth={2.5} strokeDasharray={entry.dash ?? undefined} />
                <Path d={entry.markerPath} fill={entry.colour} />
              </>
            )}
          </Svg>
          <Text style={{ fontSize: 7.5, marginLeft: 3 }}>{entry.label}</Text>
        </View>
      ))}
    </View>
  );
}

export type AnyChart = CumulativeChart | CapacityChart | BreakdownChart | TornadoChart | MonteCarloChart;

function drawChart(chart: AnyChart): ReactNode {
  switch (chart.kind) {
    case "cumulative":
      return drawCumulative(chart);
    case "capacity":
      return drawCapacity(chart);
    case "breakdown":
      return drawBreakdown(chart);
    case "tornado":
      return drawTornado(chart);
    case "monte-carlo":
      return drawMonteCarlo(chart);
  }
}

/**
 * A chart as a figure: its sentence title, the drawing scaled to `width` points (12-unit text at
 * 720 units wide comes out at about 8 pt on A4), its legend, an optional note and its description.
 * Never split across pages.
 */
export function PdfChart({ chart, width, legend = true, describe = true, note }: { chart: AnyChart; width: number; legend?: boolean; describe?: boolean; note?: string | null }) {
  const height = (width * chart.height) / chart.width;
  return (
    <View wrap={false} style={{ marginBottom: 12 }}>
      <Text style={{ fontSize: 10, fontWeight: 700, marginBottom: 4 }}>{chart.title}</Text>
      <Svg width={width} height={height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        {drawChart(chart)}
      </Svg>
      {legend ? <Legend entries={chart.legend} /> : null}
      {note ? <Text style={{ fontSize: 8.5, fontWeight: 600, marginTop: 3 }}>{note}</Text> : null}
      {describe ? <Text style={{ fontSize: 7.5, color: INK.muted, marginTop: 3 }}>{chart.description}</Text> : null}
    </View>
  );
}
