/**
 * Results rounded for reading (`npm run tco -- --json`): the same shape as the exact serialized
 * bundle, with every computed figure rounded half-even (ADR 006: rounding is presentation) —
 * money to the currency's minor units (USD 2, JPY 0), cost per 1M tokens to two more digits than
 * money, utilisation to 4 decimals, requests and tokens to whole numbers. Inputs echoed by the result
 * (exchange rate, discount rate, catalogue values, quality scores) are left as entered. Rounded parts
 * need not add up to rounded totals; the exact strings (`--exact`) do.
 */
import { Decimal, getMinorUnits } from "../engine/index.ts";
import type { MonteCarloData, OptionData, ResultBundle, TornadoData } from "./types.ts";

type MonthData = OptionData["monthly"][number];
type TotalsData = OptionData["totals"];

/** Half-even to `places` decimals, written with exactly that many ("281193.10"). */
function roundTo(value: string, places: number): string {
  return new Decimal(value).toFixed(places, Decimal.ROUND_HALF_EVEN);
}

function roundRecord<K extends string>(record: Record<K, string>, round: (value: string) => string): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(record).map(([key, value]) => [key, round(value)])) as Record<K, string>;
}

/** The bundle with its computed figures rounded for people; see the module comment for the rules. */
export function roundResultBundle(bundle: ResultBundle): ResultBundle {
  const { scenario } = bundle;
  const minorUnits = getMinorUnits(scenario.currency.code);
  const money = (value: string) => roundTo(value, minorUnits);
  const whole = (value: string) => roundTo(value, 0);

  const roundMonth = (month: MonthData): MonthData => ({
    ...month,
    capex: money(month.capex),
    resaleCredit: money(month.resaleCredit),
    residualCredit: money(month.residualCredit),
    opex: roundRecord(month.opex, money),
    opexTotal: money(month.opexTotal),
    cash: money(month.cash),
    cumulativeCash: money(month.cumulativeCash),
    depreciation: money(month.depreciation),
    disposalLoss: money(month.disposalLoss),
    accounting: money(month.accounting),
    cumulativeAccounting: money(month.cumulativeAccounting),
    demandRequests: whole(month.demandRequests),
    servedRequests: whole(month.servedRequests),
    inputTokens: whole(month.inputTokens),
    outputTokens: whole(month.outputTokens),
    utilisation: roundTo(month.utilisation, 4),
  });

  const roundTotals = (totals: TotalsData): TotalsData => ({
    capex: money(totals.capex),
    resaleCredit: money(totals.resaleCredit),
    residualCredit: money(totals.residualCredit),
    opexByCategory: roundRecord(totals.opexByCategory, money),
    opex: money(totals.opex),
    cash: money(totals.cash),
    depreciation: money(totals.depreciation),
    disposalLoss: money(totals.disposalLoss),
    accounting: money(totals.accounting),
    servedRequests: whole(totals.servedRequests),
    inputTokens: whole(totals.inputTokens),
    outputTokens: whole(totals.outputTokens),
  });

  const roundOption = (option: OptionData): OptionData => ({
    ...option,
    monthly: option.monthly.map(roundMonth),
    totals: roundTotals(option.totals),
    npv: money(option.npv),
    costPerMillionTokens: {
      ...option.costPerMillionTokens,
      // A cheap API serves a million tokens for a fraction of a cent: two more digits than money.
      value: option.costPerMillionTokens.value === null ? null : roundTo(option.costPerMillionTokens.value, minorUnits + 2),
    },
  });

  const roundTornado = (tornado: TornadoData): TornadoData => ({
    base: tornado.base.map((base) => ({ ...base, total: money(base.total), npv: money(base.npv) })),
    bars: tornado.bars.map((bar) => ({
      ...bar,
      swing: money(bar.swing),
      options: bar.options.map((option) => ({
        ...option,
        lowTotal: money(option.lowTotal),
        highTotal: money(option.highTotal),
        lowNpv: money(option.lowNpv),
        highNpv: money(option.highNpv),
      })),
    })),
  });

  // Monte Carlo figures are float64 estimates (ADR 006): rounded through Decimal, kept as numbers.
  const moneyNumber = (value: number) => new Decimal(value).toDecimalPlaces(minorUnits, Decimal.ROUND_HALF_EVEN).toNumber();
  const roundMonteCarlo = (monteCarlo: MonteCarloData): MonteCarloData => ({
    ...monteCarlo,
    options: monteCarlo.options.map((option) => ({
      ...option,
      p10: moneyNumber(option.p10),
      p50: moneyNumber(option.p50),
      p90: moneyNumber(option.p90),
      mean: moneyNumber(option.mean),
    })),
    probabilitySelfHostingCheaper:
      monteCarlo.probabilitySelfHostingCheaper === null ? null : new Decimal(monteCarlo.probabilitySelfHostingCheaper).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toNumber(),
  });

  return {
    scenario: { ...scenario, options: scenario.options.map(roundOption) },
    tornado: bundle.tornado && roundTornado(bundle.tornado),
    monteCarlo: bundle.monteCarlo && roundMonteCarlo(bundle.monteCarlo),
  };
}
