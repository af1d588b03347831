import { describe, expect, it } from "vitest";
import { buildCumulativeChart, buildHeadlineCards, buildScenarioSpotlight, createFormatter, NARROW_LAYOUT } from "~/reports/index.ts";
import { loadBundle } from "./bundles.ts";

describe("buildScenarioSpotlight", () => {
  const bundle = loadBundle("hybrid-overflow-eur");
  const fmt = createFormatter("EUR", "de-DE");
  const spotlight = buildScenarioSpotlight(bundle, fmt);

  it("holds the same cards and chart the full results page shows", () => {
    expect(spotlight.cards).toEqual(buildHeadlineCards(bundle, fmt));
    expect(spotlight.cumulative.narrow).toEqual(buildCumulativeChart(bundle.scenario, fmt, NARROW_LAYOUT));
    expect(spotlight.cumulative.wide.series).toHaveLength(bundle.scenario.options.length);
  });

  it("is plain data that survives a loader's JSON round trip, and much smaller than the result", () => {
    const json = JSON.stringify(spotlight);
    expect(JSON.parse(json)).toEqual(spotlight);
    expect(json.length * 4).toBeLessThan(JSON.stringify(bundle).length);
  });

  it("is built once per result, currency and locale: a saved result never changes", () => {
    expect(buildScenarioSpotlight(bundle, createFormatter("EUR", "de-DE"))).toBe(spotlight);
    const english = buildScenarioSpotlight(bundle, createFormatter("EUR", "en-GB"));
    expect(english).not.toBe(spotlight);
    expect(english.cards).toEqual(buildHeadlineCards(bundle, createFormatter("EUR", "en-GB")));
    const anotherResult = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
    expect(buildScenarioSpotlight(anotherResult, fmt)).not.toBe(spotlight);
  });
});
