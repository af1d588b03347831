/**
 * The monthly model of a scenario: demand, inflation and discounting for the run, then each option's
 * series from the file of its kind (app/engine/options/: api.ts, owned.ts, rented.ts, hybrid.ts).
 */
import type { Arithmetic } from "./arithmetic.ts";
import { geometricSeries, monthlyFactor, scaled, type ModelContext, type Multipliers, type OptionSeries } from "./options/context.ts";
import { computeHybrid } from "./options/hybrid.ts";
import { computeLeaf } from "./options/leaf.ts";
import type { OptionParams, ScenarioParams } from "./params.ts";

function computeOption<T>(ctx: ModelContext<T>, option: OptionParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  return option.kind === "hybrid" ? computeHybrid(ctx, option, demand, creditResidualValue) : computeLeaf(ctx, option, demand, creditResidualValue);
}

export interface ModelRun<T> {
  options: OptionSeries<T>[];
  /** Discount factor of each month: 1 / (1 + r)^(m/12), month 0 undiscounted. */
  discountFactors: T[];
  inputTokensPerRequest: T;
  outputTokensPerRequest: T;
}

/**
 * Runs the monthly model for every option. Deterministic: the same params and multipliers give the
 * same series. Multipliers scale the drivers; growth scales the logarithm of the growth factor, so any
 * multiplier keeps growth above −100 %.
 */
export function runModel<T>(A: Arithmetic<T>, params: ScenarioParams<T>, multipliers: Multipliers<T> = {}): ModelRun<T> {
  const run = runSelectedOptions(A, params, multipliers, () => true);
  return { ...run, options: run.options as OptionSeries<T>[] };
}

/**
 * runModel for the options `include` accepts only (the others are null): a sensitivity run skips the
 * options a driver cannot move. Demand and discount factors are always computed.
 */
export function runSelectedOptions<T>(
  A: Arithmetic<T>,
  params: ScenarioParams<T>,
  multipliers: Multipliers<T>,
  include: (option: OptionParams<T>) => boolean,
): Omit<ModelRun<T>, "options"> & { options: (OptionSeries<T> | null)[] } {
  const months = params.months;
  const inflation = geometricSeries(A, A.one, monthlyFactor(A, A.add(A.one, params.opexInflationPerYear)), months);
  const growthMultiplier = multipliers.growth;
  const growthPerPeriod = growthMultiplier === undefined ? params.growthFactorPerPeriod : A.pow(params.growthFactorPerPeriod, growthMultiplier);
  const monthlyGrowth = params.growthPeriodMonths === 1 ? growthPerPeriod : monthlyFactor(A, growthPerPeriod);
  const volume = multipliers.volume;
  const firstMonthRequests = volume === undefined ? params.firstMonthRequests : A.mul(params.firstMonthRequests, volume);
  const demand = geometricSeries(A, firstMonthRequests, monthlyGrowth, months);
  const ctx: ModelContext<T> = {
    A,
    months,
    demand,
    monthlyGrowth,
    multipliers,
    inflation,
    inputTokensPerRequest: params.inputTokensPerRequest,
    outputTokensPerRequest: params.outputTokensPerRequest,
    cachedInputShare: params.cachedInputShare,
    peakToAverage: params.peakToAverage,
    batchEligibleShare: params.batchEligibleShare,
    demandProducts: [],
  };
  const discountRate = scaled(ctx, params.discountRatePerYear, "discount-rate");
  const discountFactors = geometricSeries(A, A.one, A.div(A.one, monthlyFactor(A, A.add(A.one, discountRate))), months);
  return {
    options: params.options.map((option) => (include(option) ? computeOption(ctx, option, demand, params.creditResidualValue) : null)),
    discountFactors,
    inputTokensPerRequest: params.inputTokensPerRequest,
    outputTokensPerRequest: scaled(ctx, params.outputTokensPerRequest, "output-tokens"),
  };
}
