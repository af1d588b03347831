import type { Arithmetic } from "./arithmetic.ts";
import { resolveResidencyPremium } from "./compliance/index.ts";
import type { Decimal } from "./decimal.ts";
import type { ApiOption, HybridComponent, Option, OwnedGpuOption, RentedGpuOption, Scenario } from "./scenario.ts";

/**
 * A scenario converted once into the number type of one run (Decimal or float64), so that Monte Carlo
 * converts the scenario once and then only applies multipliers per draw. Money is in the scenario
 * currency; "PerMonth" amounts are yearly amounts ÷ 12 (dividing an amount, not compounding a rate).
 */
export interface ExtraCostParams<T> {
  category: "compliance" | "other";
  perMonth: T;
}

export interface ApiParams<T> {
  kind: "api";
  id: string;
  inputPricePerMillion: T;
  cachedInputPricePerMillion: T;
  outputPricePerMillion: T;
  batchDiscount: T;
  longContext: { tokenShare: T; inputPricePerMillion: T; cachedInputPricePerMillion: T; outputPricePerMillion: T } | null;
  residencyPremium: T;
  commitmentDiscount: T;
  priceDeclinePerYear: T;
  extras: ExtraCostParams<T>[];
}

interface HostedParams<T> {
  id: string;
  prefillTokensPerSecondPerGpu: T;
  decodeTokensPerSecondPerGpu: T;
  targetUtilisation: T;
  gpusPerNode: number;
  redundancyNodes: number;
  maxNodes: number | null;
  fte: T;
  loadedCostPerFteYear: T;
  /** Null when absent (1: salary only). */
  loadedCostMultiplier: T | null;
  rampUpMonths: number;
  setupCost: T;
  softwareLicencePerGpuYear: T;
  extras: ExtraCostParams<T>[];
}

export interface OwnedParams<T> extends HostedParams<T> {
  kind: "owned-gpu";
  gpuUnitPrice: T;
  gpuPowerKw: T;
  baseNodePrice: T;
  baseNodePowerKw: T;
  hardwarePriceDeclinePerYear: T;
  energyEfficiencyGainPerYear: T;
  refreshCycleMonths: number;
  resaleValueShare: T;
  depreciationMethod: "straight-line" | "declining-balance";
  usefulLifeMonths: number;
  decliningRatePerYear: T | null;
  pue: T;
  electricityPricePerKwh: T;
  colocationPricePerKwMonth: T | null;
  ownFacilityCostPerMonth: T | null;
  networkStorageShareOfCapex: T;
  maintenanceShareOfCapexPerYear: T;
}

export interface RentedParams<T> extends HostedParams<T> {
  kind: "rented-gpu";
  pricePerGpuHour: T;
  priceDeclinePerYear: T;
}

export type LeafParams<T> = ApiParams<T> | OwnedParams<T> | RentedParams<T>;

export interface HybridParams<T> {
  kind: "hybrid";
  id: string;
  mode: "share" | "overflow";
  primaryShare: T | null;
  primary: LeafParams<T>;
  secondary: LeafParams<T>;
  extras: ExtraCostParams<T>[];
}

export type OptionParams<T> = LeafParams<T> | HybridParams<T>;

export interface ScenarioParams<T> {
  months: number;
  firstMonthRequests: T;
  /** Growth factor per period (1 + rate) and the period's length in months. */
  growthFactorPerPeriod: T;
  growthPeriodMonths: number;
  inputTokensPerRequest: T;
  outputTokensPerRequest: T;
  cachedInputShare: T;
  peakToAverage: T;
  batchEligibleShare: T;
  discountRatePerYear: T;
  opexInflationPerYear: T;
  creditResidualValue: boolean;
  options: OptionParams<T>[];
}

function toExtras<T>(A: Arithmetic<T>, option: { extraCostsPerYear: { category: "compliance" | "other"; amountPerYear: Decimal }[] }): ExtraCostParams<T>[] {
  const twelve = A.fromInt(12);
  return option.extraCostsPerYear.map((line) => ({ category: line.category, perMonth: A.div(A.fromDecimal(line.amountPerYear), twelve) }));
}

function toApiParams<T>(A: Arithmetic<T>, option: ApiOption): ApiParams<T> {
  const d = A.fromDecimal;
  const longContext = option.longContext;
  return {
    kind: "api",
    id: option.id,
    inputPricePerMillion: d(option.inputPricePerMillion),
    cachedInputPricePerMillion: d(option.cachedInputPricePerMillion),
    outputPricePerMillion: d(option.outputPricePerMillion),
    batchDiscount: d(option.batchDiscount),
    longContext: longContext
      ? {
          tokenShare: d(longContext.tokenShare),
          inputPricePerMillion: d(longContext.inputPricePerMillion),
          cachedInputPricePerMillion: d(longContext.cachedInputPricePerMillion),
          outputPricePerMillion: d(longContext.outputPricePerMillion),
        }
      : null,
    residencyPremium: d(resolveResidencyPremium(option)),
    commitmentDiscount: d(option.commitmentDiscount),
    priceDeclinePerYear: d(option.priceDeclinePerYear),
    extras: toExtras(A, option),
  };
}

function toHostedParams<T>(A: Arithmetic<T>, option: OwnedGpuOption | RentedGpuOption, gpusPerNode: Decimal): HostedParams<T> {
  const d = A.fromDecimal;
  return {
    id: option.id,
    prefillTokensPerSecondPerGpu: d(option.throughput.prefillTokensPerSecondPerGpu),
    decodeTokensPerSecondPerGpu: d(option.throughput.decodeTokensPerSecondPerGpu),
    targetUtilisation: d(option.targetUtilisation),
    gpusPerNode: gpusPerNode.toNumber(),
    redundancyNodes: option.redundancyNodes.toNumber(),
    maxNodes: option.maxNodes === undefined ? null : option.maxNodes.toNumber(),
    fte: d(option.staffing.fte),
    loadedCostPerFteYear: d(option.staffing.loadedCostPerFteYear),
    loadedCostMultiplier: option.staffing.loadedCostMultiplier === undefined ? null : d(option.staffing.loadedCostMultiplier),
    rampUpMonths: option.staffing.rampUpMonths.toNumber(),
    setupCost: d(option.setupCost),
    softwareLicencePerGpuYear: d(option.softwareLicencePerGpuYear),
    extras: toExtras(A, option),
  };
}

function toOwnedParams<T>(A: Arithmetic<T>, option: OwnedGpuOption): OwnedParams<T> {
  const d = A.fromDecimal;
  return {
    kind: "owned-gpu",
    ...toHostedParams(A, option, option.server.gpusPerNode),
    gpuUnitPrice: d(option.gpu.unitPrice),
    gpuPowerKw: d(option.gpu.powerKw),
    baseNodePrice: d(option.server.baseNodePrice),
    baseNodePowerKw: d(option.server.baseNodePowerKw),
    hardwarePriceDeclinePerYear: d(option.hardwarePriceDeclinePerYear),
    energyEfficiencyGainPerYear: d(option.energyEfficiencyGainPerYear),
    refreshCycleMonths: option.refreshCycleMonths.toNumber(),
    resaleValueShare: d(option.resaleValueShare),
    depreciationMethod: option.depreciation.method,
    usefulLifeMonths: option.depreciation.usefulLifeMonths.toNumber(),
    decliningRatePerYear: option.depreciation.decliningRatePerYear === undefined ? null : d(option.depreciation.decliningRatePerYear),
    pue: d(option.pue),
    electricityPricePerKwh: d(option.electricityPricePerKwh),
    colocationPricePerKwMonth: option.facility.kind === "colocation" ? d(option.facility.pricePerKwMonth) : null,
    ownFacilityCostPerMonth: option.facility.kind === "own-facility" ? d(option.facility.costPerMonth) : null,
    networkStorageShareOfCapex: d(option.networkStorageShareOfCapex),
    maintenanceShareOfCapexPerYear: d(option.maintenanceShareOfCapexPerYear),
  };
}

function toRentedParams<T>(A: Arithmetic<T>, option: RentedGpuOption): RentedParams<T> {
  return {
    kind: "rented-gpu",
    ...toHostedParams(A, option, option.gpusPerNode),
    pricePerGpuHour: A.fromDecimal(option.pricePerGpuHour),
    priceDeclinePerYear: A.fromDecimal(option.priceDeclinePerYear),
  };
}

function toLeafParams<T>(A: Arithmetic<T>, option: HybridComponent): LeafParams<T> {
  if (option.kind === "api") return toApiParams(A, option);
  if (option.kind === "owned-gpu") return toOwnedParams(A, option);
  return toRentedParams(A, option);
}

function toOptionParams<T>(A: Arithmetic<T>, option: Option): OptionParams<T> {
  if (option.kind !== "hybrid") return toLeafParams(A, option);
  return {
    kind: "hybrid",
    id: option.id,
    mode: option.mode,
    primaryShare: option.primaryShare === undefined ? null : A.fromDecimal(option.primaryShare),
    primary: toLeafParams(A, option.primary),
    secondary: toLeafParams(A, option.secondary),
    extras: toExtras(A, option),
  };
}

/** Converts a validated scenario into the number type of `A`. */
export function createScenarioParams<T>(A: Arithmetic<T>, scenario: Scenario): ScenarioParams<T> {
  const d = A.fromDecimal;
  const workload = scenario.workload;
  const tokensPerRequest = workload.inputTokensPerRequest.plus(workload.outputTokensPerRequest);
  const firstMonthRequests =
    workload.volume.kind === "requests" ? workload.volume.requestsPerMonth : workload.volume.tokensPerMonth.div(tokensPerRequest);
  return {
    months: scenario.horizonMonths.toNumber(),
    firstMonthRequests: d(firstMonthRequests),
    growthFactorPerPeriod: d(workload.growth.rate.plus(1)),
    growthPeriodMonths: workload.growth.per === "month" ? 1 : 12,
    inputTokensPerRequest: d(workload.inputTokensPerRequest),
    outputTokensPerRequest: d(workload.outputTokensPerRequest),
    cachedInputShare: d(workload.cachedInputShare),
    peakToAverage: d(workload.peakToAverage),
    batchEligibleShare: d(workload.batchEligibleShare),
    discountRatePerYear: d(scenario.discountRatePerYear),
    opexInflationPerYear: d(scenario.opexInflationPerYear),
    creditResidualValue: scenario.creditResidualValue,
    options: scenario.options.map((option) => toOptionParams(A, option)),
  };
}
