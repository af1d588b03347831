import { useMemo, useState } from "react";
import { CapacityPlanChart, CostBreakdownChart, CumulativeCostChart, MonteCarloRangeChart, TornadoChartView } from "~/components/charts/index.ts";
import {
  buildBreakdownChart,
  buildCapacityChart,
  buildCumulativeChart,
  buildMonteCarloChart,
  buildTornadoChart,
  getHighlightedOptionId,
  NARROW_LAYOUT,
  WIDE_LAYOUT,
  type ChartBase,
  type ChartLayout,
  type Formatter,
  type ResultBundle,
} from "~/reports/index.ts";
import { AssumptionsList } from "./assumptions-list.tsx";
import { ComparisonTable } from "./comparison-table.tsx";
import { ComplianceMatrixView } from "./compliance-matrix.tsx";
import { HeadlineCards } from "./headline-cards.tsx";
import { useFormatter } from "./use-formatter.ts";
import { WarningsList } from "./warnings-list.tsx";

export interface ScenarioResultsProps {
  bundle: ResultBundle;
  /** BCP 47 locale of the reader; money stays in the scenario's currency. */
  locale: string;
  /** Show the headline cards at the top (default). Off when the page pins <HeadlineCards> elsewhere. */
  showHeadline?: boolean;
}

/** Both layouts of a chart, or null when the chart does not apply (no GPUs, no sensitivity run). */
function pair<T extends ChartBase>(build: (layout: ChartLayout) => T | null): { wide: T; narrow: T } | null {
  const wide = build(WIDE_LAYOUT);
  const narrow = build(NARROW_LAYOUT);
  return wide === null || narrow === null ? null : { wide, narrow };
}

function buildCharts(scenario: ResultBundle["scenario"], monteCarlo: ResultBundle["monteCarlo"], fmt: Formatter) {
  return {
    cumulative: pair((layout) => buildCumulativeChart(scenario, fmt, layout)),
    breakdown: pair((layout) => buildBreakdownChart(scenario, fmt, layout)),
    capacity: pair((layout) => buildCapacityChart(scenario, fmt, layout)),
    monteCarlo: pair((layout) => buildMonteCarloChart(scenario, monteCarlo, fmt, layout)),
  };
}

type Charts = ReturnType<typeof buildCharts>;

/**
 * The charts of a result, built once per result object and locale: a saved revision's result is the
 * same object on every request for it (app/cache/revision-cache.server.ts), so the server renders its
 * geometry (~25 ms for 60 months and 4 options, in both layouts) once, not on every page view. Keyed
 * weakly: a result nobody holds any more takes its charts with it.
 */
const chartsByResult = new WeakMap<ResultBundle["scenario"], { monteCarlo: ResultBundle["monteCarlo"]; locale: string; charts: Charts }[]>();

function getCharts(scenario: ResultBundle["scenario"], monteCarlo: ResultBundle["monteCarlo"], fmt: Formatter, locale: string): Charts {
  const built = chartsByResult.get(scenario) ?? [];
  const found = built.find((entry) => entry.monteCarlo === monteCarlo && entry.locale === locale);
  if (found) return found.charts;
  const charts = buildCharts(scenario, monteCarlo, fmt);
  // A few locales or Monte Carlo runs per result at most; the latest first.
  chartsByResult.set(scenario, [{ monteCarlo, locale, charts }, ...built.slice(0, 3)]);
  return charts;
}

/**
 * The whole results area of a scenario: headline cards, comparison table with CSV, charts, warnings,
 * compliance matrix with SEAL levels, and assumptions with their sources. Pure presentation of the
 * bundle; the only state is which option the tornado shows.
 */
export function ScenarioResults({ bundle, locale, showHeadline = true }: ScenarioResultsProps) {
  const { scenario, tornado, monteCarlo } = bundle;
  const fmt = useFormatter(scenario.currency.code, locale);
  const [tornadoOptionId, setTornadoOptionId] = useState<string | null>(null);
  const tornadoFor = tornadoOptionId !== null && scenario.options.some((option) => option.id === tornadoOptionId) ? tornadoOptionId : (getHighlightedOptionId(scenario) ?? scenario.options[0]?.id ?? "");
  const charts = useMemo(() => getCharts(scenario, monteCarlo, fmt, locale), [scenario, monteCarlo, fmt, locale]);
  const tornadoCharts = useMemo(() => pair((layout) => buildTornadoChart(scenario, tornado, fmt, layout, tornadoFor)), [scenario, tornado, fmt, tornadoFor]);

  return (
    <div className="scenario-results">
      {showHeadline ? <HeadlineCards bundle={bundle} locale={locale} /> : null}
      <ComparisonTable bundle={bundle} fmt={fmt} />
      <section className="results-section results-charts" aria-label="Charts">
        {charts.cumulative ? <CumulativeCostChart charts={charts.cumulative} /> : null}
        {charts.breakdown ? <CostBreakdownChart charts={charts.breakdown} /> : null}
        {charts.capacity ? <CapacityPlanChart charts={charts.capacity} /> : null}
        {tornado !== null && scenario.options.length > 0 ? (
          <div className="results-chart-with-control">
            <label className="chart-control">
              Tornado for{" "}
              <select value={tornadoFor} onChange={(event) => setTornadoOptionId(event.target.value)}>
                {scenario.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
            {tornadoCharts ? <TornadoChartView charts={tornadoCharts} /> : <p className="muted">No sensitivity driver moves this option&apos;s cost.</p>}
          </div>
        ) : null}
        {charts.monteCarlo ? <MonteCarloRangeChart charts={charts.monteCarlo} /> : null}
      </section>
      <WarningsList bundle={bundle} />
      <ComplianceMatrixView bundle={bundle} />
      <AssumptionsList bundle={bundle} fmt={fmt} />
    </div>
  );
}
