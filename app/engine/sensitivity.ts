import { decimalArithmetic } from "./arithmetic.ts";
import { computeBreakEvenMonth } from "./break-even.ts";
import { summariseCash, type CashSummary } from "./cash.ts";
import { Decimal } from "./decimal.ts";
import { runModel, type Multipliers } from "./model.ts";
import { createScenarioParams, type ScenarioParams } from "./params.ts";
import { DRIVERS, type Driver, type Scenario } from "./scenario.ts";

/** The default tornado range: ±20 % on every driver the user did not set. */
export const DEFAULT_TORNADO_LOW = "0.8";
export const DEFAULT_TORNADO_HIGH = "1.2";

export interface TornadoOptionBar {
  optionId: string;
  /** Total cash cost over the horizon (nominal, scenario currency) at the low and high multiplier. */
  lowTotal: Decimal;
  highTotal: Decimal;
  lowNpv: Decimal;
  highNpv: Decimal;
}

export interface TornadoBreakEven {
  optionId: string;
  otherId: string;
  /** 0-based month index or null (never within the horizon). */
  base: number | null;
  low: number | null;
  high: number | null;
}

export interface TornadoBar {
  driver: Driver;
  lowMultiplier: Decimal;
  highMultiplier: Decimal;
  options: TornadoOptionBar[];
  breakEven: TornadoBreakEven[];
  /** Largest |highTotal − lowTotal| over the options: the bars are sorted by it, widest first. */
  swing: Decimal;
}

export interface TornadoResult {
  base: { optionId: string; total: Decimal; npv: Decimal }[];
  bars: TornadoBar[];
}

/** Drivers that can move at least one option of the scenario. */
function listRelevantDrivers(scenario: Scenario): Driver[] {
  const kinds = new Set(scenario.options.flatMap((option) => (option.kind === "hybrid" ? [option.primary.kind, option.secondary.kind] : [option.kind])));
  const hosted = kinds.has("owned-gpu") || kinds.has("rented-gpu");
  const relevant: Record<Driver, boolean> = {
    volume: true,
    growth: !scenario.workload.growth.rate.isZero(),
    "output-tokens": true,
    "api-prices": kinds.has("api"),
    "gpu-price": kinds.has("owned-gpu"),
    "gpu-hour-price": kinds.has("rented-gpu"),
    throughput: hosted,
    utilisation: hosted,
    electricity: kinds.has("owned-gpu"),
    "staff-cost": hosted,
    "discount-rate": !scenario.discountRatePerYear.isZero(),
  };
  return DRIVERS.filter((driver) => relevant[driver]);
}

function runCash(params: ScenarioParams<Decimal>, multipliers: Multipliers<Decimal>): CashSummary<Decimal>[] {
  const run = runModel(decimalArithmetic, params, multipliers);
  return run.options.map((series) => summariseCash(decimalArithmetic, series, run.discountFactors));
}

function listBreakEvens(ids: string[], summaries: CashSummary<Decimal>[]): Map<string, number | null> {
  const months = new Map<string, number | null>();
  summaries.forEach((a, i) => {
    summaries.forEach((b, j) => {
      if (i !== j) months.set(`${ids[i]}|${ids[j]}`, computeBreakEvenMonth(a.cumulative, b.cumulative));
    });
  });
  return months;
}

/**
 * Tornado over the scenario's drivers: each driver alone at its low and high multiplier (the user's
 * range from `sensitivity.tornado`, else 0.8 and 1.2), everything else at base. Reports each option's
 * total cash cost and NPV, and every pairwise break-even month. Deterministic, in Decimal.
 */
export function computeTornado(scenario: Scenario): TornadoResult {
  const params = createScenarioParams(decimalArithmetic, scenario);
  const ids = scenario.options.map((option) => option.id);
  const base = runCash(params, {});
  const baseBreakEven = listBreakEvens(ids, base);
  const ranges = new Map(scenario.sensitivity.tornado.map((range) => [range.driver, range]));
  const bars = listRelevantDrivers(scenario).map((driver): TornadoBar => {
    const range = ranges.get(driver);
    const lowMultiplier = range?.low ?? new Decimal(DEFAULT_TORNADO_LOW);
    const highMultiplier = range?.high ?? new Decimal(DEFAULT_TORNADO_HIGH);
    const low = runCash(params, { [driver]: lowMultiplier });
    const high = runCash(params, { [driver]: highMultiplier });
    const lowBreakEven = listBreakEvens(ids, low);
    const highBreakEven = listBreakEvens(ids, high);
    const options = ids.map((optionId, i) => ({
      optionId,
      lowTotal: (low[i] as CashSummary<Decimal>).total,
      highTotal: (high[i] as CashSummary<Decimal>).total,
      lowNpv: (low[i] as CashSummary<Decimal>).npv,
      highNpv: (high[i] as CashSummary<Decimal>).npv,
    }));
    const breakEven = [...baseBreakEven.entries()].map(([key, month]) => {
      const [optionId = "", otherId = ""] = key.split("|");
      return { optionId, otherId, base: month, low: lowBreakEven.get(key) ?? null, high: highBreakEven.get(key) ?? null };
    });
    const swing = options.reduce((widest, bar) => Decimal.max(widest, bar.highTotal.minus(bar.lowTotal).abs()), new Decimal(0));
    return { driver, lowMultiplier, highMultiplier, options, breakEven, swing };
  });
  bars.sort((a, b) => b.swing.comparedTo(a.swing) || DRIVERS.indexOf(a.driver) - DRIVERS.indexOf(b.driver));
  return { base: ids.map((optionId, i) => ({ optionId, total: (base[i] as CashSummary<Decimal>).total, npv: (base[i] as CashSummary<Decimal>).npv })), bars };
}
