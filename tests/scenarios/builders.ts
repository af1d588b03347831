import type { ScenarioInput } from "~/engine";

type OptionInput = ScenarioInput["options"][number];
type ApiInput = Extract<OptionInput, { kind: "api" }>;
type OwnedInput = Extract<OptionInput, { kind: "owned-gpu" }>;
type RentedInput = Extract<OptionInput, { kind: "rented-gpu" }>;

/**
 * Small hand-checkable building blocks. With 1000 input and 100 output tokens per request at 1000
 * prefill and 100 decode tokens/s, a request takes 1 + 1 = 2 GPU-seconds, so 1,314,000 requests a
 * month keep exactly one GPU busy (730 h × 3600 s = 2,628,000 s).
 */
export function createScenario(options: OptionInput[], overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    schemaVersion: 1,
    name: "golden",
    startMonth: "2027-01",
    horizonMonths: "12",
    currency: { code: "USD", perUsd: "1", asOf: "2026-11-01", source: "test" },
    discountRatePerYear: "0",
    opexInflationPerYear: "0",
    workload: {
      volume: { kind: "requests", requestsPerMonth: "1314000" },
      inputTokensPerRequest: "1000",
      outputTokensPerRequest: "100",
      cachedInputShare: "0",
      growth: { rate: "0", per: "year" },
      peakToAverage: "1",
      batchEligibleShare: "0",
    },
    options,
    ...overrides,
  };
}

export function createApiOption(overrides: Partial<ApiInput> = {}): ApiInput {
  return {
    kind: "api",
    id: "api",
    name: "API",
    model: { name: "model-a" },
    inputPricePerMillion: "1",
    cachedInputPricePerMillion: "0.1",
    outputPricePerMillion: "10",
    batchDiscount: "0",
    residencyPremium: "0",
    commitmentDiscount: "0",
    priceDeclinePerYear: "0",
    ...overrides,
  };
}

const THROUGHPUT = { prefillTokensPerSecondPerGpu: "1000", decodeTokensPerSecondPerGpu: "100", concurrency: "16" };

export function createOwnedOption(overrides: Partial<OwnedInput> = {}): OwnedInput {
  return {
    kind: "owned-gpu",
    id: "owned",
    name: "Owned",
    model: { name: "model-b" },
    gpu: { name: "gpu", unitPrice: "10000", powerKw: "1" },
    server: { name: "server", gpusPerNode: "1", baseNodePrice: "2000", baseNodePowerKw: "0" },
    throughput: THROUGHPUT,
    targetUtilisation: "1",
    redundancyNodes: "0",
    staffing: { fte: "0", loadedCostPerFteYear: "0", rampUpMonths: "0" },
    setupCost: "0",
    hardwarePriceDeclinePerYear: "0",
    energyEfficiencyGainPerYear: "0",
    refreshCycleMonths: "36",
    resaleValueShare: "0.25",
    depreciation: { method: "straight-line", usefulLifeMonths: "12" },
    pue: "1.5",
    electricityPricePerKwh: "0.1",
    facility: { kind: "colocation", pricePerKwMonth: "100" },
    networkStorageShareOfCapex: "0",
    maintenanceShareOfCapexPerYear: "0.12",
    softwareLicencePerGpuYear: "0",
    ...overrides,
  };
}

export function createRentedOption(overrides: Partial<RentedInput> = {}): RentedInput {
  return {
    kind: "rented-gpu",
    id: "rented",
    name: "Rented",
    model: { name: "model-b" },
    gpuName: "gpu",
    pricing: "on-demand",
    pricePerGpuHour: "2",
    gpusPerNode: "4",
    priceDeclinePerYear: "0",
    throughput: THROUGHPUT,
    targetUtilisation: "0.5",
    redundancyNodes: "1",
    staffing: { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "0" },
    setupCost: "5000",
    softwareLicencePerGpuYear: "1200",
    ...overrides,
  };
}
