import { useMemo } from "react";
import { CumulativeCostChart } from "~/components/charts/index.ts";
import { Decimal } from "~/engine/index.ts";
import {
  buildCompareCumulativeChart,
  createFormatter,
  getSeriesStyle,
  NARROW_LAYOUT,
  summarizeHeadline,
  WIDE_LAYOUT,
  type Formatter,
  type ResultBundle,
} from "~/reports/index.ts";
import { OptionSwatch } from "./option-swatch.tsx";
import { useFormatter } from "./use-formatter.ts";

export interface CompareItem {
  /** How the scenario (or revision) is named in the table and chart, e.g. "Support assistant · rev 7". */
  label: string;
  bundle: ResultBundle;
}

export interface CompareViewProps {
  /** 2–4 scenarios. */
  items: CompareItem[];
  /** The item every difference is taken against. */
  baseIndex: number;
  locale: string;
}

/**
 * 2–4 scenarios side by side: their headline figures with the difference against a chosen base, and the
 * cumulative cost of each one's cheapest compliant option on one calendar axis. Money of a different
 * currency than the base is shown but not subtracted.
 */
/** "+$1.2M (+25.0%)": the signed difference against the base and its share of the base. */
function describeDifference(fmt: Formatter, total: string, baseTotal: string): string {
  const difference = new Decimal(total).minus(baseTotal);
  const base = new Decimal(baseTotal);
  const share = base.isZero() ? "" : ` (${difference.isPositive() && !difference.isZero() ? "+" : ""}${fmt.percent(difference.div(base))})`;
  return `${fmt.moneyDeltaCompact(difference)}${share}`;
}

export function CompareView({ items, baseIndex, locale }: CompareViewProps) {
  const base = items[baseIndex] ?? items[0];
  const currency = base?.bundle.scenario.currency.code ?? "USD";
  const fmt = useFormatter(currency, locale);
  const rows = useMemo(
    () =>
      items.map((item) => {
        const headline = summarizeHeadline(item.bundle.scenario);
        const estimate = item.bundle.monteCarlo?.options.find((option) => option.optionId === headline.cheapest?.id);
        const own = createFormatter(item.bundle.scenario.currency.code, locale);
        return { item, headline, estimate, own, sameCurrency: item.bundle.scenario.currency.code === currency };
      }),
    [items, currency, locale],
  );
  const baseTotal = rows[baseIndex]?.headline.cheapest?.cashTotal ?? null;
  const chart = useMemo(() => {
    const entries = items.map((item) => ({ scenario: { ...item.bundle.scenario, name: item.label } }));
    const wide = buildCompareCumulativeChart(entries, fmt, WIDE_LAYOUT);
    const narrow = buildCompareCumulativeChart(entries, fmt, NARROW_LAYOUT);
    return wide && narrow ? { wide, narrow } : null;
  }, [items, fmt]);

  return (
    <div className="compare-view">
      <div className="results-scroll" tabIndex={0} role="region" aria-labelledby="compare-heading">
        <table className="results-table results-table--sticky">
          <caption id="compare-heading">Headline results; differences are against {base?.label ?? "the base"}.</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Cheapest compliant option</th>
              <th scope="col" className="num">Horizon cash TCO</th>
              <th scope="col" className="num">Difference vs base</th>
              <th scope="col" className="num">Savings vs runner-up</th>
              <th scope="col" className="num">Break-even vs runner-up</th>
              <th scope="col" className="num">Monte Carlo P10–P90</th>
              <th scope="col" className="num">Blocked options</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, headline, estimate, own, sameCurrency }, index) => {
              const total = headline.cheapest?.cashTotal ?? null;
              const difference = index === baseIndex ? "base" : total === null || baseTotal === null || !sameCurrency ? "—" : describeDifference(fmt, total, baseTotal);
              const style = getSeriesStyle(index);
              return (
                <tr key={index}>
                  <th scope="row">
                    <span className="option-name">
                      <OptionSwatch colour={style.colour} marker={style.marker} />
                      {item.label}
                    </span>
                  </th>
                  <td>{headline.cheapest?.name ?? "none: every option is blocked"}</td>
                  <td className="num" title={total === null ? undefined : own.money(total)}>{total === null ? "—" : own.moneyCompact(total)}</td>
                  <td className="num">{difference}</td>
                  <td className="num">{headline.savingsVsRunnerUp === null ? "—" : own.moneyCompact(headline.savingsVsRunnerUp)}</td>
                  <td className="num">
                    {headline.runnerUp === null ? "—" : headline.breakEven.month === null ? "never" : headline.breakEven.month === 0 ? "from month 1" : own.monthNumber(headline.breakEven.month)}
                  </td>
                  <td className="num">{estimate ? `${own.moneyCompact(estimate.p10.toFixed(2))}–${own.moneyCompact(estimate.p90.toFixed(2))}` : "—"}</td>
                  <td className="num">
                    {item.bundle.scenario.compliance === null ? "—" : `${headline.blockedCount} of ${item.bundle.scenario.options.length}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chart ? <CumulativeCostChart charts={chart} /> : <p className="muted">The scenarios use different currencies, so their costs are not drawn on one axis.</p>}
    </div>
  );
}
