/**
 * The option → colour and marker mapping shared by every chart, table swatch, page and PDF. It depends
 * only on the option's position in the scenario, so an option keeps its colour wherever it appears.
 * Colours are Okabe–Ito (colour-blind safe); each option also gets a marker shape, so colour is never
 * the only cue. Yellow comes last: it is the weakest line on white.
 */
import type { CostCategory } from "./labels.ts";

export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Marker shapes by position (d3-shape fill symbols, drawn by charts/geometry.ts); seven against eight colours, so each pair is unique. */
export const SERIES_MARKERS = ["circle", "square", "triangle", "diamond", "cross", "star", "wye"] as const;
export type MarkerShape = (typeof SERIES_MARKERS)[number];

export interface SeriesStyle {
  colour: string;
  marker: MarkerShape;
}

/** The style of the series at `index` (0-based position of the option, or of the scenario in a comparison). */
export function getSeriesStyle(index: number): SeriesStyle {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length] as string,
    marker: SERIES_MARKERS[index % SERIES_MARKERS.length] as MarkerShape,
  };
}

/**
 * Fixed colours of the cost categories (Okabe–Ito, then Paul Tol's muted scheme for the rest), the same
 * in every option's stacked bar. Segments also carry their label, so colour is not the only cue.
 */
export const CATEGORY_COLOURS: Record<CostCategory, string> = {
  capex: OKABE_ITO.blue,
  api: OKABE_ITO.orange,
  "gpu-rental": OKABE_ITO.skyBlue,
  power: OKABE_ITO.yellow,
  facility: OKABE_ITO.bluishGreen,
  maintenance: OKABE_ITO.reddishPurple,
  licences: OKABE_ITO.vermillion,
  staff: "#882255",
  setup: "#999933",
  compliance: "#332288",
  other: "#BBBBBB",
  resaleCredit: "#44AA99",
  residualCredit: "#88CCEE",
};

/** Text drawn on a category's fill: dark on light fills, white on dark ones (contrast ≥ 4.5:1). */
export const CATEGORY_TEXT_COLOURS: Record<CostCategory, string> = {
  capex: "#ffffff",
  api: "#000000",
  "gpu-rental": "#000000",
  power: "#000000",
  facility: "#000000",
  maintenance: "#000000",
  licences: "#000000",
  staff: "#ffffff",
  setup: "#000000",
  compliance: "#ffffff",
  other: "#000000",
  resaleCredit: "#000000",
  residualCredit: "#000000",
};
