import fc from "fast-check";
import type { ScenarioInput } from "~/engine";

type OptionInput = ScenarioInput["options"][number];
type LeafInput = Exclude<OptionInput, { kind: "hybrid" }>;

/** A decimal string with `places` decimals between min and max (inclusive), from an integer draw. */
export function decimalString(min: number, max: number, places = 3): fc.Arbitrary<string> {
  const scale = 10 ** places;
  return fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => {
    const sign = n < 0 ? "-" : "";
    const digits = String(Math.abs(n)).padStart(places + 1, "0");
    return places === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  });
}

const integerString = (min: number, max: number) => fc.integer({ min, max }).map(String);

const extraCosts = fc.array(
  fc.record({ category: fc.constantFrom("compliance" as const, "other" as const), label: fc.constant("extra"), amountPerYear: decimalString(0, 100000, 2) }),
  { maxLength: 2 },
);

const model = fc.record({ name: fc.constant("model") });

const throughput = fc.record({
  prefillTokensPerSecondPerGpu: decimalString(100, 20000, 1),
  decodeTokensPerSecondPerGpu: decimalString(10, 5000, 1),
  concurrency: integerString(1, 64),
});

const staffing = fc.record({ fte: decimalString(0, 3, 1), loadedCostPerFteYear: decimalString(0, 250000, 0), rampUpMonths: integerString(0, 6) });

export const apiOption: fc.Arbitrary<LeafInput> = fc.record({
  kind: fc.constant("api" as const),
  id: fc.constant("x"),
  name: fc.constant("API"),
  model,
  extraCostsPerYear: extraCosts,
  inputPricePerMillion: decimalString(0.01, 20, 3),
  cachedInputPricePerMillion: decimalString(0, 0.01, 3),
  outputPricePerMillion: decimalString(0.01, 60, 3),
  batchDiscount: decimalString(0, 0.6, 2),
  residencyPremium: decimalString(0, 0.3, 2),
  commitmentDiscount: decimalString(0, 0.3, 2),
  priceDeclinePerYear: decimalString(0, 0.5, 2),
});

export const ownedOption: fc.Arbitrary<LeafInput> = fc.record({
  kind: fc.constant("owned-gpu" as const),
  id: fc.constant("x"),
  name: fc.constant("Owned"),
  model,
  extraCostsPerYear: extraCosts,
  gpu: fc.record({ name: fc.constant("gpu"), unitPrice: decimalString(1000, 60000, 0), powerKw: decimalString(0.1, 1.5, 2) }),
  server: fc.record({ name: fc.constant("server"), gpusPerNode: integerString(1, 8), baseNodePrice: decimalString(0, 50000, 0), baseNodePowerKw: decimalString(0, 5, 1) }),
  throughput,
  targetUtilisation: decimalString(0.1, 1, 2),
  redundancyNodes: integerString(0, 2),
  staffing,
  setupCost: decimalString(0, 100000, 0),
  hardwarePriceDeclinePerYear: decimalString(0, 0.5, 2),
  energyEfficiencyGainPerYear: decimalString(0, 0.6, 2),
  refreshCycleMonths: integerString(12, 48),
  resaleValueShare: decimalString(0, 0.5, 2),
  depreciation: fc.oneof(
    fc.record({ method: fc.constant("straight-line" as const), usefulLifeMonths: integerString(12, 60) }),
    fc.record({ method: fc.constant("declining-balance" as const), usefulLifeMonths: integerString(12, 60), decliningRatePerYear: decimalString(0.1, 0.9, 2) }),
  ),
  pue: decimalString(1, 2, 2),
  electricityPricePerKwh: decimalString(0.01, 0.4, 3),
  facility: fc.oneof(
    fc.record({ kind: fc.constant("colocation" as const), pricePerKwMonth: decimalString(50, 300, 0) }),
    fc.record({ kind: fc.constant("own-facility" as const), costPerMonth: decimalString(0, 20000, 0) }),
  ),
  networkStorageShareOfCapex: decimalString(0, 0.3, 2),
  maintenanceShareOfCapexPerYear: decimalString(0, 0.15, 2),
  softwareLicencePerGpuYear: decimalString(0, 5000, 0),
});

export const rentedOption: fc.Arbitrary<LeafInput> = fc.record({
  kind: fc.constant("rented-gpu" as const),
  id: fc.constant("x"),
  name: fc.constant("Rented"),
  model,
  extraCostsPerYear: extraCosts,
  gpuName: fc.constant("gpu"),
  pricing: fc.constantFrom("on-demand" as const, "committed" as const, "spot" as const),
  pricePerGpuHour: decimalString(0.5, 8, 2),
  gpusPerNode: integerString(1, 8),
  priceDeclinePerYear: decimalString(0, 0.3, 2),
  throughput,
  targetUtilisation: decimalString(0.1, 1, 2),
  redundancyNodes: integerString(0, 2),
  staffing,
  setupCost: decimalString(0, 50000, 0),
  softwareLicencePerGpuYear: decimalString(0, 5000, 0),
});

const leafOption = fc.oneof(apiOption, ownedOption, rentedOption);

const hybridOption: fc.Arbitrary<OptionInput> = fc
  .record({ primary: leafOption, secondary: leafOption, primaryShare: decimalString(0, 1, 2) })
  .map(({ primary, secondary, primaryShare }) => ({
    kind: "hybrid" as const,
    id: "x",
    name: "Hybrid",
    mode: "share" as const,
    primaryShare,
    primary: { ...primary, id: "primary" },
    secondary: { ...secondary, id: "secondary" },
  }));

export const workload = fc.record({
  volume: fc.oneof(
    fc.record({ kind: fc.constant("requests" as const), requestsPerMonth: integerString(0, 30_000_000) }),
    fc.record({ kind: fc.constant("tokens" as const), tokensPerMonth: integerString(0, 50_000_000_000) }),
  ),
  inputTokensPerRequest: integerString(1, 4000),
  outputTokensPerRequest: integerString(1, 2000),
  cachedInputShare: decimalString(0, 1, 2),
  growth: fc.oneof(
    fc.record({ rate: decimalString(-0.5, 1, 2), per: fc.constant("year" as const) }),
    fc.record({ rate: decimalString(-0.05, 0.08, 3), per: fc.constant("month" as const) }),
  ),
  peakToAverage: decimalString(1, 4, 2),
  batchEligibleShare: decimalString(0, 1, 2),
});

/** Small valid scenarios (12 months, 1–2 options, a hybrid being two) so 10,000 Decimal runs stay affordable on 2 cores. */
export function scenarioWith(options: fc.Arbitrary<OptionInput[]>): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      horizonMonths: fc.constant("12"),
      discountRatePerYear: fc.oneof(fc.constant("0"), decimalString(0, 0.2, 3)),
      opexInflationPerYear: decimalString(-0.02, 0.06, 3),
      creditResidualValue: fc.boolean(),
      workload,
      options,
    })
    .map((parts) => ({
      schemaVersion: 1 as const,
      name: "property",
      startMonth: "2027-01",
      currency: { code: "USD", perUsd: "1", asOf: "2026-11-01", source: "test" },
      ...parts,
      options: parts.options.map((option, index) => ({ ...option, id: `o${index}` })),
    }));
}

export const anyScenario = scenarioWith(fc.array(fc.oneof({ weight: 4, arbitrary: leafOption }, { weight: 1, arbitrary: hybridOption }), { minLength: 1, maxLength: 2 }));
