/**
 * A scenario's answer in brief, for pages that show it beside other things (the organisation
 * overview): the headline cards and the cumulative-cost chart at both sizes. Plain data, so a loader
 * can build it on the server and ship a few kilobytes instead of the whole result.
 */
import { buildHeadlineCards, type HeadlineCard } from "./cards.ts";
import { buildCumulativeChart, NARROW_LAYOUT, WIDE_LAYOUT, type CumulativeChart } from "./charts/index.ts";
import type { Formatter } from "./format.ts";
import type { ResultBundle } from "./types.ts";

export interface ScenarioSpotlight {
  cards: HeadlineCard[];
  cumulative: { wide: CumulativeChart; narrow: CumulativeChart };
}

export function buildScenarioSpotlight(bundle: ResultBundle, fmt: Formatter): ScenarioSpotlight {
  return {
    cards: buildHeadlineCards(bundle, fmt),
    cumulative: { wide: buildCumulativeChart(bundle.scenario, fmt, WIDE_LAYOUT), narrow: buildCumulativeChart(bundle.scenario, fmt, NARROW_LAYOUT) },
  };
}
