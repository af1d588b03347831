/**
 * What every chart geometry shares: sizes in SVG user units, axes with ticks, legend, the sentence
 * title, the description and the "show data" table. Geometry is plain data (numbers, strings, SVG path
 * strings), so any renderer (React SVG now, @react-pdf/renderer's SVG primitives for the PDF) draws it
 * without knowing d3. Floats are fine here: chart geometry is the documented float boundary.
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from "d3-shape";
import type { MarkerShape } from "../palette.ts";

/** The drawing size in user units; `narrow` charts use fewer ticks and a legend instead of end labels. */
export interface ChartLayout {
  width: number;
  height: number;
  narrow: boolean;
}

/** Desktop and print: about 720 × 380. */
export const WIDE_LAYOUT: ChartLayout = { width: 720, height: 380, narrow: false };
/** Phones (≈ 360 px of content at 390 px): drawn at 1:1 so 12-unit text stays 12 px. */
export const NARROW_LAYOUT: ChartLayout = { width: 360, height: 340, narrow: true };

/** Font sizes in user units. */
export const FONT = { tick: 12, label: 12, annotation: 12 } as const;

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Tick {
  /** The data value (month index, money as a float, count). */
  value: number;
  /** Position along the axis in user units (x for a horizontal axis, y for a vertical one). */
  position: number;
  label: string;
}

export interface Axis {
  /** With its unit: "Cumulative cash cost (USD)". */
  label: string;
  ticks: Tick[];
}

export interface LegendEntry {
  id: string;
  label: string;
  colour: string;
  /** A marker path centred on 0,0 (see markerPath), or null for a swatch. */
  markerPath: string | null;
  /** SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
}

/** The data behind a chart as text, for the "show data" table and screen readers. */
export interface DataTable {
  caption: string;
  columns: { header: string; numeric: boolean }[];
  rows: string[][];
}

export interface TextMark {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

export interface ChartBase {
  /** Stable per chart kind ("cumulative", "breakdown", …): renderers derive element ids from it. */
  id: string;
  /** One sentence that answers the chart's question. */
  title: string;
  /** What is drawn, in words. */
  description: string;
  width: number;
  height: number;
  plot: Plot;
  legend: LegendEntry[];
  table: DataTable;
}

const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
};

/** An SVG path of the marker centred on 0,0; `area` in square user units (d3's symbol size). */
export function markerPath(shape: MarkerShape, area = 48): string {
  return symbol(SYMBOLS[shape], area)() ?? "";
}

/** A rough text width (user units) for fitting labels: 0.6 em per character. */
export function estimateTextWidth(text: string, fontSize: number = FONT.label): number {
  return text.length * fontSize * 0.6;
}

/** `text` cut with an ellipsis to fit `width` user units (estimated at 0.65 em per character, bold-safe). */
export function truncateToWidth(text: string, width: number, fontSize: number = FONT.label): string {
  const maxChars = Math.max(4, Math.floor(width / (fontSize * 0.65)));
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

/**
 * Moves label centres (already sorted or not) apart to at least `gap`, keeping their order and staying
 * within [min, max] where possible. Returns new positions in the input order.
 */
export function spreadLabels(positions: readonly number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  const placed = order.map((item) => Math.max(min, item.position));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i] as number, (placed[i - 1] as number) + gap);
  // Overflowing the bottom pushes the stack back up, as far as the top allows.
  const overflow = (placed[placed.length - 1] ?? max) - max;
  if (overflow > 0) {
    for (let i = placed.length - 1; i >= 0; i--) {
      const limit = i === placed.length - 1 ? max : (placed[i + 1] as number) - gap;
      placed[i] = Math.max(min, Math.min(placed[i] as number, limit));
    }
  }
  const result = new Array<number>(positions.length);
  order.forEach((item, i) => (result[item.index] = placed[i] as number));
  return result;
}

/** Absolute month number of "YYYY-MM" (year × 12 + month − 1), for calendar arithmetic on axes. */
export function toMonthNumber(calendarMonth: string): number {
  return Number(calendarMonth.slice(0, 4)) * 12 + Number(calendarMonth.slice(5, 7)) - 1;
}

/** "YYYY-MM" of an absolute month number. */
export function fromMonthNumber(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  return `${String(year).padStart(4, "0")}-${String((monthNumber % 12) + 1).padStart(2, "0")}`;
}

/** Tick spacing in months for a span: yearly on wide charts, fewer on narrow or long ones. */
export function monthTickStep(spanMonths: number, narrow: boolean): number {
  const yearly = narrow ? 24 : 12;
  if (spanMonths <= 18) return narrow ? 6 : 3;
  if (spanMonths <= 36) return narrow ? 12 : 6;
  return spanMonths > 96 && narrow ? 36 : yearly;
}
