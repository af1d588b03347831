/**
 * A scenario's answer in brief, for pages that show it beside other things (the organisation
 * overview): the headline cards and the cumulative-cost chart at both sizes. Plain data, so a loader
 * can build it on the server and ship a few kilobytes instead of the whole result.
 *
 * A saved revision's result is one object for as long as the revision cache keeps it
 * (app/cache/revision-cache.server.ts), and it never changes: its spotlight is built once per
 * currency and locale (~4 ms, the chart at two sizes) rather than on every view of the overview.
 */
import { buildHeadlineCards, type HeadlineCard } from "./cards.ts";
import { buildCumulativeChart, NARROW_LAYOUT, WIDE_LAYOUT, type CumulativeChart } from "./charts/index.ts";
import type { Formatter } from "./format.ts";
import type { ResultBundle } from "./types.ts";

export interface ScenarioSpotlight {
  cards: HeadlineCard[];
  cumulative: { wide: CumulativeChart; narrow: CumulativeChart };
}

const spotlights = new WeakMap<ResultBundle, Map<string, ScenarioSpotlight>>();

export function buildScenarioSpotlight(bundle: ResultBundle, fmt: Formatter): ScenarioSpotlight {
  const built = spotlights.get(bundle) ?? new Map<string, ScenarioSpotlight>();
  const key = `${fmt.currency}\0${fmt.locale}`;
  let spotlight = built.get(key);
  if (spotlight === undefined) {
    spotlight = build(bundle, fmt);
    built.set(key, spotlight);
    spotlights.set(bundle, built);
  }
  return spotlight;
}

function build(bundle: ResultBundle, fmt: Formatter): ScenarioSpotlight {
  return {
    cards: buildHeadlineCards(bundle, fmt),
    cumulative: { wide: buildCumulativeChart(bundle.scenario, fmt, WIDE_LAYOUT), narrow: buildCumulativeChart(bundle.scenario, fmt, NARROW_LAYOUT) },
  };
}
