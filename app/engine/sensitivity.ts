import { decimalArithmetic } from "./arithmetic.ts";
import { computeBreakEvenMonth } from "./break-even.ts";
import { summariseCash, type CashSummary } from "./cash.ts";
import { Decimal } from "./decimal.ts";
import { runModel, runSelectedOptions, type ModelRun } from "./model.ts";
import type { OptionSeries } from "./options/context.ts";
import { createScenarioParams, type OptionParams, type ScenarioParams } from "./params.ts";
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

type LeafKind = "api" | "owned-gpu" | "rented-gpu";

/** The option kinds whose costs a driver can move; discount-rate moves no cost, only NPV. */
const DRIVER_KINDS: Record<Driver, readonly LeafKind[]> = {
  volume: ["api", "owned-gpu", "rented-gpu"],
  growth: ["api", "owned-gpu", "rented-gpu"],
  "output-tokens": ["api", "owned-gpu", "rented-gpu"],
  "api-prices": ["api"],
  "gpu-price": ["owned-gpu"],
  "gpu-hour-price": ["rented-gpu"],
  throughput: ["owned-gpu", "rented-gpu"],
  utilisation: ["owned-gpu", "rented-gpu"],
  electricity: ["owned-gpu"],
  "staff-cost": ["owned-gpu", "rented-gpu"],
  "discount-rate": [],
};

function listLeafKinds(option: OptionParams<Decimal>): LeafKind[] {
  return option.kind === "hybrid" ? [option.primary.kind, option.secondary.kind] : [option.kind];
}

/** Drivers that can move at least one option of the scenario. */
function listRelevantDrivers(scenario: Scenario, params: ScenarioParams<Decimal>): Driver[] {
  const kinds = new Set(params.options.flatMap(listLeafKinds));
  return DRIVERS.filter((driver) => {
    if (driver === "growth") return !scenario.workload.growth.rate.isZero();
    if (driver === "discount-rate") return !scenario.discountRatePerYear.isZero();
    return DRIVER_KINDS[driver].some((kind) => kinds.has(kind));
  });
}

/**
 * Cash summaries with one driver moved. Options the driver cannot move keep their base series (only
 * their NPV is re-discounted), so each run costs only what the driver touches.
 */
function runCash(params: ScenarioParams<Decimal>, base: ModelRun<Decimal>, baseCash: CashSummary<Decimal>[], driver: Driver, multiplier: Decimal): CashSummary<Decimal>[] {
  const kinds = DRIVER_KINDS[driver];
  const run = runSelectedOptions(decimalArithmetic, params, { [driver]: multiplier }, (option) => listLeafKinds(option).some((kind) => kinds.includes(kind)));
  return run.options.map((series, i) => {
    if (series !== null) return summariseCash(decimalArithmetic, series, run.discountFactors);
    // Untouched option: same cash; only the discount-rate driver changes its NPV.
    if (driver !== "discount-rate") return baseCash[i] as CashSummary<Decimal>;
    return summariseCash(decimalArithmetic, base.options[i] as OptionSeries<Decimal>, run.discountFactors);
  });
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
  const baseRun = runModel(decimalArithmetic, params);
  const base = baseRun.options.map((series) => summariseCash(decimalArithmetic, series, baseRun.discountFactors));
  const baseBreakEven = listBreakEvens(ids, base);
  const ranges = new Map(scenario.sensitivity.tornado.map((range) => [range.driver, range]));
  const bars = listRelevantDrivers(scenario, params).map((driver): TornadoBar => {
    const range = ranges.get(driver);
    const lowMultiplier = range?.low ?? new Decimal(DEFAULT_TORNADO_LOW);
    const highMultiplier = range?.high ?? new Decimal(DEFAULT_TORNADO_HIGH);
    const low = runCash(params, baseRun, base, driver, lowMultiplier);
    const high = runCash(params, baseRun, base, driver, highMultiplier);
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
