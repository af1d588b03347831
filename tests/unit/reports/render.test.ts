/**
 * Server render of the results components (as a Remix loader page renders them): every chart has an
 * accessible name and description and a "Show data" table; the headline, tables and CSV link are there.
 * createElement, not JSX: Vitest collects *.test.ts files only.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompareView, HeadlineCards, ScenarioResults } from "~/components/scenario-results/index.tsx";
import { loadBundle } from "./bundles.ts";

function parse(html: string): { svgs: string[]; idText: (id: string) => string | null } {
  const svgs = html.match(/<svg class="chart__svg[^"]*"[\s\S]*?<\/svg>/g) ?? [];
  const idText = (id: string) => new RegExp(`id="${id.replace(/[:]/g, "\\$&")}">([^<]*)<`).exec(html)?.[1] ?? null;
  return { svgs, idText };
}

describe("<ScenarioResults>", () => {
  it("renders every chart as a named, described image with a data table", () => {
    const html = renderToString(createElement(ScenarioResults, { bundle: loadBundle("four-options-60-months"), locale: "en-US" }));
    const { svgs, idText } = parse(html);
    // Cumulative, breakdown, capacity, tornado, Monte Carlo: each drawn wide and narrow.
    expect(svgs).toHaveLength(10);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(" ") ?? [];
      expect(labelledBy).toHaveLength(2);
      for (const id of labelledBy) expect(idText(id)?.length ?? 0).toBeGreaterThan(10);
    }
    const figures = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(5);
    for (const figure of figures) {
      expect(figure).toContain("<summary>Show data</summary>");
      expect(figure).toMatch(/<table class="results-table"><caption>[^<]+<\/caption>/);
    }
    expect(html).toContain('id="chart-cumulative"');
    expect(html).toContain("Self-hosting is cheaper than the cheapest API");
  });

  it("shows the headline, the sortable comparison with a CSV link, warnings and assumptions", () => {
    const html = renderToString(createElement(ScenarioResults, { bundle: loadBundle("eu-personal-data-compliance"), locale: "en-US" }));
    expect(html).toContain('aria-label="Headline results"');
    expect(html).toContain("Cheapest compliant option");
    expect(html).toMatch(/<a class="button secondary" href="data:text\/csv;charset=utf-8,[^"]+" download="eu-insurer-claims-assistant[^"]*\.csv">/);
    expect(html).toContain('aria-sort="none"');
    expect(html).toContain('id="compliance"');
    expect(html).toContain("SEAL levels");
    expect(html).toContain("Stale catalogue entries");
    expect(html).toContain("Assumptions and sources");
    // Three charts without sensitivity Monte Carlo: cumulative, breakdown, capacity, tornado.
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
  });
});

describe("<HeadlineCards> and <CompareView>", () => {
  it("puts full precision in the title of a compact card value", () => {
    const html = renderToString(createElement(HeadlineCards, { bundle: loadBundle("hybrid-overflow-eur"), locale: "de-DE" }));
    expect(html).toMatch(/<p class="headline-card__value" title="1\.081\.587,42[^"]*">1,08[^<]*Mio\.[^<]*<\/p>/);
  });

  it("compares scenarios against a base with an overlaid chart", () => {
    const items = [
      { label: "Support", bundle: loadBundle("four-options-60-months") },
      { label: "EU claims", bundle: loadBundle("eu-personal-data-compliance") },
    ];
    const html = renderToString(createElement(CompareView, { items, baseIndex: 0, locale: "en-US" }));
    expect(html).toContain(">base<");
    // The EU example's cheapest compliant option is its own cluster since Mistral's EU/EFTA endpoint is blocked for EU-only processing.
    expect(html).toMatch(/\+\$2\.7\dM \(\+4\d\d\.\d%\)/);
    expect(html).toContain('id="chart-compare-cumulative"');
    const mixed = renderToString(createElement(CompareView, { items: [...items, { label: "EUR", bundle: loadBundle("hybrid-overflow-eur") }], baseIndex: 0, locale: "en-US" }));
    expect(mixed).toContain("different currencies");
  });
});
