import { z } from "zod";
import { ComplianceProfileSchema, createDeploymentRefSchema, listScenarioFieldIssues } from "./compliance/index.ts";
import { Decimal } from "./decimal.ts";

/**
 * The scenario format, version 1. Every numeric input is a decimal string ("12.5") or a finite JSON
 * number, converted to Decimal here and nowhere else (see `decimalField`). Every numeric field has
 * explicit bounds, so NaN, Infinity, 1e308 and meaningless negatives fail with the field's path and the
 * rule it broke. Objects are strict: unknown fields fail. Money is in the scenario's currency.
 *
 * Fractions are written as fractions: "0.10" means 10 %.
 */

const DECIMAL_PATTERN = /^-?\d{1,30}(\.\d{1,30})?$/;
const MAX_DECIMAL_PLACES = 30;

interface DecimalBounds {
  /** Inclusive lower bound unless `minExclusive`. */
  min: string;
  max: string;
  minExclusive?: boolean;
  integer?: boolean;
  description: string;
}

/** The one place where scenario inputs become Decimal. */
export function decimalField(bounds: DecimalBounds) {
  const min = new Decimal(bounds.min);
  const max = new Decimal(bounds.max);
  const range = `${bounds.minExclusive ? "greater than" : "at least"} ${bounds.min} and at most ${bounds.max}`;
  return z
    .union([z.string().regex(DECIMAL_PATTERN, "must be a decimal string such as \"12.5\" (no exponent)"), z.number()], {
      error: (issue) => (issue.input === undefined ? "is required" : "must be a decimal string such as \"12.5\" or a finite number"),
    })
    .meta({ description: `${bounds.description} (decimal, ${range}${bounds.integer ? ", whole number" : ""})` })
    .transform((raw, ctx) => {
      // z.number() has already refused NaN and ±Infinity.
      const value = new Decimal(raw);
      // The string rule's 30 places hold for numbers too (5e-300 is a finite number): a stored scenario
      // is written as decimal strings and must parse again.
      if (value.decimalPlaces() > MAX_DECIMAL_PLACES) {
        ctx.issues.push({ code: "custom", message: `must have at most ${MAX_DECIMAL_PLACES} digits after the decimal point`, input: raw });
        return z.NEVER;
      }
      const belowMin = bounds.minExclusive ? value.lte(min) : value.lt(min);
      if (belowMin || value.gt(max)) {
        ctx.issues.push({ code: "custom", message: `must be ${range}`, input: raw });
        return z.NEVER;
      }
      if (bounds.integer && !value.isInteger()) {
        ctx.issues.push({ code: "custom", message: "must be a whole number", input: raw });
        return z.NEVER;
      }
      return value;
    });
}

const fraction = (description: string) => decimalField({ min: "0", max: "1", description });
/** Money bound: 1e12 of any currency per line is far above any real deployment yet far from overflow. */
const MONEY_MAX = "1000000000000";
const money = (description: string) => decimalField({ min: "0", max: MONEY_MAX, description });
const positiveMoney = (description: string) =>
  decimalField({ min: "0", max: MONEY_MAX, minExclusive: true, description });

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a date YYYY-MM-DD");
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");
const label = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const catalogId = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, "must be a catalogue id (lowercase, digits, '.', '-')");

export const SourceSchema = z.strictObject({
  source: label,
  asOf: isoDate.optional(),
});

export const ModelQualitySchema = z.strictObject({
  /** e.g. "Artificial Analysis Intelligence Index"; scores are only compared within one benchmark and version. */
  benchmark: label,
  version: z.string().trim().min(1).max(40),
  score: decimalField({ min: "0", max: "1000", description: "score on the benchmark" }),
  source: label,
  asOf: isoDate,
});

export const ModelRefSchema = z.strictObject({
  catalogId: catalogId.optional(),
  name: label,
  quality: ModelQualitySchema.optional(),
});

export const ExtraCostSchema = z.strictObject({
  category: z.enum(["compliance", "other"]),
  label,
  amountPerYear: money("cost per year in the scenario currency, inflated like opex"),
  source: label.optional(),
});

export const StaffingSchema = z.strictObject({
  catalogId: catalogId.optional(),
  fte: decimalField({ min: "0", max: "1000", description: "full-time equivalents at full ramp" }),
  loadedCostPerFteYear: money("annual cost per FTE; the catalogue's figures are median salaries, without overheads"),
  /** Salary → loaded cost (payroll taxes, benefits, overheads). Absent means 1, salary only: no public
   * source gives a multiplier, so the user enters their own. */
  loadedCostMultiplier: decimalField({ min: "1", max: "5", description: "multiplier from salary to loaded cost; absent = 1, salary only — enter your overhead multiplier" }).optional(),
  rampUpMonths: decimalField({ min: "0", max: "60", integer: true, description: "months to reach the full FTE count, linearly" }),
});

export const ThroughputSchema = z.strictObject({
  catalogId: catalogId.optional(),
  /** Aggregate rates of one GPU at the stated concurrency, split into prefill and decode. */
  prefillTokensPerSecondPerGpu: decimalField({ min: "0", max: "100000000", minExclusive: true, description: "input (prefill) tokens per second per GPU" }),
  decodeTokensPerSecondPerGpu: decimalField({ min: "0", max: "10000000", minExclusive: true, description: "output (decode) tokens per second per GPU" }),
  concurrency: decimalField({ min: "1", max: "100000", integer: true, description: "concurrent requests the rates were measured at" }),
});

const optionIdentity = {
  /** Stable id used by break-even tables and the compliance module. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a slug (lowercase letters, digits, '-')"),
  name: label,
  extraCostsPerYear: z.array(ExtraCostSchema).max(50).default([]),
  /** Where a user override came from, keyed by the field path inside the option (e.g. "gpu.unitPrice"). */
  overrideSources: z.record(z.string().regex(/^[a-zA-Z.]{1,80}$/, "must be a field path"), SourceSchema).optional(),
};

const capacityFields = {
  throughput: ThroughputSchema,
  targetUtilisation: decimalField({ min: "0.05", max: "1", description: "share of GPU capacity planned to be busy at peak" }),
  redundancyNodes: decimalField({ min: "0", max: "100", integer: true, description: "spare nodes on top of demand (N+k): the most capable nodes in service, never counted as usable" }),
  maxNodes: decimalField({ min: "1", max: "100000", integer: true, description: "cap on nodes in service, spares included, so above redundancyNodes; demand above it is not served" }).optional(),
  staffing: StaffingSchema,
  setupCost: money("one-off setup cost paid in month 1"),
};

export const ApiOptionSchema = z.strictObject({
  kind: z.literal("api"),
  ...optionIdentity,
  model: ModelRefSchema,
  catalogId: catalogId.optional(),
  inputPricePerMillion: positiveMoney("price per 1M uncached input tokens"),
  cachedInputPricePerMillion: money("price per 1M cached input tokens"),
  outputPricePerMillion: positiveMoney("price per 1M output tokens"),
  batchDiscount: fraction("discount on the batch-eligible share of traffic"),
  longContext: z
    .strictObject({
      aboveInputTokens: decimalField({ min: "1", max: "100000000", integer: true, description: "prompt size from which the provider's long-context tier applies; recorded for reference, as tokenShare decides the cost" }),
      tokenShare: fraction("share of input and output tokens in requests above the threshold"),
      inputPricePerMillion: positiveMoney("long-context price per 1M uncached input tokens"),
      cachedInputPricePerMillion: money("long-context price per 1M cached input tokens"),
      outputPricePerMillion: positiveMoney("long-context price per 1M output tokens"),
    })
    .optional(),
  /** Absent: the deployment's catalogue premium (required when the catalogue does not know it). */
  residencyPremium: decimalField({ min: "0", max: "5", description: "surcharge on token prices for regional processing, e.g. 0.10 = +10 %" }).optional(),
  /** Where the API runs, from the compliance catalogue: verdicts, sovereignty and the residency premium. */
  deployment: createDeploymentRefSchema("api").optional(),
  commitmentDiscount: fraction("discount for committed spend"),
  priceDeclinePerYear: decimalField({ min: "0", max: "0.99", description: "expected yearly price decline, compounded monthly" }),
});

export const OwnedGpuOptionSchema = z.strictObject({
  kind: z.literal("owned-gpu"),
  ...optionIdentity,
  deployment: createDeploymentRefSchema("self-hosted-owned").optional(),
  model: ModelRefSchema,
  gpu: z.strictObject({
    catalogId: catalogId.optional(),
    name: label,
    unitPrice: positiveMoney("purchase price per GPU"),
    powerKw: decimalField({ min: "0", max: "10", minExclusive: true, description: "power per GPU in kW" }),
  }),
  server: z.strictObject({
    catalogId: catalogId.optional(),
    name: label,
    gpusPerNode: decimalField({ min: "1", max: "64", integer: true, description: "GPUs per node" }),
    baseNodePrice: money("price of one node without its GPUs (chassis, CPUs, memory, NICs)"),
    baseNodePowerKw: decimalField({ min: "0", max: "100", description: "power of one node without its GPUs, kW" }),
  }),
  ...capacityFields,
  hardwarePriceDeclinePerYear: decimalField({ min: "0", max: "0.9", description: "yearly fall in price per unit of performance of new hardware" }),
  energyEfficiencyGainPerYear: decimalField({ min: "0", max: "5", description: "yearly gain in performance per watt of new hardware" }),
  refreshCycleMonths: decimalField({ min: "12", max: "120", integer: true, description: "months a cohort stays in service" }),
  resaleValueShare: fraction("resale value at refresh as a share of purchase price"),
  depreciation: z.strictObject({
    method: z.enum(["straight-line", "declining-balance"]),
    usefulLifeMonths: decimalField({ min: "12", max: "120", integer: true, description: "book useful life" }),
    decliningRatePerYear: decimalField({ min: "0", max: "1", minExclusive: true, description: "declining-balance rate per year, e.g. 0.4" }).optional(),
  }),
  pue: decimalField({ min: "1", max: "3", description: "power usage effectiveness" }),
  electricityPricePerKwh: positiveMoney("electricity price per kWh"),
  energyCatalogId: catalogId.optional(),
  facility: z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("colocation"),
      catalogId: catalogId.optional(),
      pricePerKwMonth: positiveMoney("colocation price per kW of IT load per month"),
    }),
    z.strictObject({
      kind: z.literal("own-facility"),
      costPerMonth: money("own facility cost per month (rent, cooling upkeep, security)"),
    }),
  ]),
  trendsCatalogId: catalogId.optional(),
  licenceCatalogId: catalogId.optional(),
  networkStorageShareOfCapex: decimalField({ min: "0", max: "2", description: "networking and storage as a share of server capex" }),
  maintenanceShareOfCapexPerYear: fraction("yearly maintenance as a share of capex in service"),
  softwareLicencePerGpuYear: money("software licences per GPU per year"),
});

export const RentedGpuOptionSchema = z.strictObject({
  kind: z.literal("rented-gpu"),
  ...optionIdentity,
  deployment: createDeploymentRefSchema("self-hosted-rented").optional(),
  model: ModelRefSchema,
  gpuName: label,
  catalogId: catalogId.optional(),
  pricing: z.enum(["on-demand", "committed", "spot"]),
  pricePerGpuHour: positiveMoney("price per GPU-hour (730 hours a month)"),
  gpusPerNode: decimalField({ min: "1", max: "64", integer: true, description: "GPUs per rented instance" }),
  priceDeclinePerYear: decimalField({ min: "0", max: "0.9", description: "expected yearly fall of the GPU-hour price" }),
  ...capacityFields,
  licenceCatalogId: catalogId.optional(),
  softwareLicencePerGpuYear: money("software licences per GPU per year"),
});

/** A component of a hybrid: any non-hybrid option. */
export const HybridComponentSchema = z.discriminatedUnion("kind", [
  ApiOptionSchema,
  OwnedGpuOptionSchema,
  RentedGpuOptionSchema,
]);

export const HybridOptionSchema = z.strictObject({
  kind: z.literal("hybrid"),
  ...optionIdentity,
  /** "share": primaryShare of traffic on primary, the rest on secondary. "overflow": primary serves all
   * it can (its maxNodes caps it), secondary serves what primary cannot. */
  mode: z.enum(["share", "overflow"]),
  primaryShare: fraction("share of traffic on the primary (mode share)").optional(),
  primary: HybridComponentSchema,
  secondary: HybridComponentSchema,
});

export const OptionSchema = z.discriminatedUnion("kind", [
  ApiOptionSchema,
  OwnedGpuOptionSchema,
  RentedGpuOptionSchema,
  HybridOptionSchema,
]);

export const WorkloadSchema = z.strictObject({
  volume: z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("requests"),
      requestsPerMonth: decimalField({ min: "0", max: "1000000000000", description: "requests in the first month" }),
    }),
    z.strictObject({
      kind: z.literal("tokens"),
      tokensPerMonth: decimalField({ min: "0", max: "1000000000000000", description: "input plus output tokens in the first month" }),
    }),
  ]),
  inputTokensPerRequest: decimalField({ min: "0", max: "10000000", description: "average input tokens per request" }),
  outputTokensPerRequest: decimalField({ min: "0", max: "1000000", description: "average output tokens per request" }),
  cachedInputShare: fraction("share of input tokens served from the prompt cache"),
  growth: z.strictObject({
    rate: decimalField({ min: "-0.99", max: "100", description: "growth of volume per period" }),
    per: z.enum(["month", "year"]),
  }),
  peakToAverage: decimalField({ min: "1", max: "100", description: "peak demand over average demand" }),
  batchEligibleShare: fraction("share of traffic that tolerates batch latency"),
});

export const DRIVERS = [
  "volume",
  "growth",
  "output-tokens",
  "api-prices",
  "gpu-price",
  "gpu-hour-price",
  "throughput",
  "utilisation",
  "electricity",
  "staff-cost",
  "discount-rate",
] as const;
export type Driver = (typeof DRIVERS)[number];

const multiplier = (description: string) => decimalField({ min: "0", max: "10", description });

export const SensitivitySchema = z.strictObject({
  /** Tornado ranges as multipliers of the base value; drivers not listed use 0.8 and 1.2. */
  tornado: z
    .array(z.strictObject({ driver: z.enum(DRIVERS), low: multiplier("low multiplier"), high: multiplier("high multiplier") }))
    .max(DRIVERS.length)
    .default([]),
  /** Monte Carlo: triangular distributions of multipliers; sampled in float64. */
  monteCarlo: z
    .strictObject({
      draws: decimalField({ min: "100", max: "100000", integer: true, description: "number of draws" }),
      seed: decimalField({ min: "0", max: "4294967295", integer: true, description: "PRNG seed" }),
      ranges: z
        .array(z.strictObject({ driver: z.enum(DRIVERS), min: multiplier("minimum multiplier"), mode: multiplier("most likely multiplier"), max: multiplier("maximum multiplier") }))
        .max(DRIVERS.length),
    })
    .optional(),
});

/** The scenario's reporting currency and its rate to USD (not an organisation's default currency code: `DefaultCurrencySchema`). */
export const ScenarioCurrencySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR"),
  /** Units of this currency per 1 USD, the catalogue's currency. */
  perUsd: decimalField({ min: "0", max: "1000000", minExclusive: true, description: "units of the scenario currency per 1 USD" }),
  asOf: isoDate,
  source: label,
});

export const ScenarioSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: label,
  startMonth: isoMonth,
  horizonMonths: decimalField({ min: "12", max: "120", integer: true, description: "months modelled" }),
  currency: ScenarioCurrencySchema,
  discountRatePerYear: decimalField({ min: "0", max: "1", description: "annual discount rate for NPV, compounded monthly" }),
  opexInflationPerYear: decimalField({ min: "-0.5", max: "1", description: "general opex inflation per year, compounded monthly" }),
  /** Credit hardware's remaining value at the horizon end (cash view); on by default. */
  creditResidualValue: z.boolean().default(true),
  workload: WorkloadSchema,
  /** The compliance constraint profile; with it, every option (and hybrid part) needs a deployment. */
  compliance: ComplianceProfileSchema.optional(),
  options: z.array(OptionSchema).min(1, "must list at least one option").max(12, "must list at most 12 options"),
  sensitivity: SensitivitySchema.default({ tornado: [] }),
}).superRefine((scenario, ctx) => {
  for (const issue of listScenarioFieldIssues(scenario)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Option = z.output<typeof OptionSchema>;
export type ApiOption = z.output<typeof ApiOptionSchema>;
export type OwnedGpuOption = z.output<typeof OwnedGpuOptionSchema>;
export type RentedGpuOption = z.output<typeof RentedGpuOptionSchema>;
export type HybridOption = z.output<typeof HybridOptionSchema>;
export type HybridComponent = z.output<typeof HybridComponentSchema>;
export type Workload = z.output<typeof WorkloadSchema>;

/** The API, owned and rented parts of an option: the option itself, or a hybrid's primary and secondary. */
export function listLeafComponents(option: Option): HybridComponent[] {
  return option.kind === "hybrid" ? [option.primary, option.secondary] : [option];
}
