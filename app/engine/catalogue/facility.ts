import {
  BLS_DATA_SCIENTISTS,
  BLS_SOFTWARE_DEVELOPERS,
  CBRE_GLOBAL_2025,
  CBRE_NORTH_AMERICA_H2_2024,
  EIA_ELECTRIC_POWER_ANNUAL,
  EPOCH_HARDWARE,
  EUROSTAT_ELECTRICITY,
  NVIDIA_AI_ENTERPRISE_LICENSING,
  STANFORD_AI_INDEX_2025,
  UPTIME_LARGE_EFFICIENT,
  UPTIME_SURVEY_2023,
} from "./sources.ts";
import type { CatalogueEntry } from "./types.ts";

export type ElectricityValues = { electricityPricePerKwh: string; pue: string };
export type ColocationValues = { pricePerKwMonth: string };
export type SalaryValues = { loadedCostPerFteYear: string };
export type LicenceValues = { softwareLicencePerGpuYear: string };
export type TrendValues = { hardwarePriceDeclinePerYear: string; energyEfficiencyGainPerYear: string; resaleValueShare: string };

/** ECB reference rate, 2023 annual average: 1 EUR = 1.0813 USD; used to store EUR figures in USD. */
const EUR_2023_NOTE = "converted from EUR at 1.0813 USD/EUR (ECB 2023 average)";

export const ELECTRICITY: readonly CatalogueEntry<ElectricityValues>[] = [
  {
    id: "energy.us-industrial",
    label: "US industrial electricity, average data-centre PUE",
    values: { electricityPricePerKwh: "0.0806", pue: "1.58" },
    units: { electricityPricePerKwh: "USD per kWh", pue: "ratio" },
    sources: [EIA_ELECTRIC_POWER_ANNUAL, UPTIME_SURVEY_2023, UPTIME_LARGE_EFFICIENT],
    asOf: "2023-12-31",
    confidence: "high",
    note: "states range 6–19 ¢/kWh; new large facilities reach PUE ≤ 1.3",
  },
  {
    id: "energy.eu-non-household",
    label: "EU non-household electricity, average data-centre PUE",
    values: { electricityPricePerKwh: "0.21626", pue: "1.58" },
    units: { electricityPricePerKwh: "USD per kWh", pue: "ratio" },
    sources: [EUROSTAT_ELECTRICITY, UPTIME_SURVEY_2023],
    asOf: "2023-12-31",
    confidence: "medium",
    note: `€0.20/kWh, ${EUR_2023_NOTE}; member states range €0.089 (Finland) – €0.276 (Cyprus)`,
  },
];

export const COLOCATION: readonly CatalogueEntry<ColocationValues>[] = [
  { id: "colo.north-america", label: "Colocation, North America (250–500 kW)", values: { pricePerKwMonth: "184" }, units: { pricePerKwMonth: "USD per kW per month" }, sources: [CBRE_NORTH_AMERICA_H2_2024], asOf: "2024-12-31", confidence: "medium" },
  { id: "colo.global", label: "Colocation, global average", values: { pricePerKwMonth: "217" }, units: { pricePerKwMonth: "USD per kW per month" }, sources: [CBRE_GLOBAL_2025], asOf: "2025-03-31", confidence: "medium" },
];

const SALARY_NOTE = "median salary, not loaded: no public source for a loaded-cost multiplier, so set your own";

/** US medians only: the Germany figure (€65,000) had no public source to cite, so it is not offered. */
export const SALARIES: readonly CatalogueEntry<SalaryValues>[] = [
  { id: "salary.us-software-developer", label: "US software developer (median)", values: { loadedCostPerFteYear: "133080" }, units: { loadedCostPerFteYear: "USD per FTE-year" }, sources: [BLS_SOFTWARE_DEVELOPERS], asOf: "2024-05-31", confidence: "high", note: SALARY_NOTE },
  { id: "salary.us-data-scientist", label: "US data scientist (median)", values: { loadedCostPerFteYear: "112590" }, units: { loadedCostPerFteYear: "USD per FTE-year" }, sources: [BLS_DATA_SCIENTISTS], asOf: "2024-05-31", confidence: "high", note: SALARY_NOTE },
];

export const LICENCES: readonly CatalogueEntry<LicenceValues>[] = [
  { id: "licence.nvidia-ai-enterprise", label: "NVIDIA AI Enterprise", values: { softwareLicencePerGpuYear: "4500" }, units: { softwareLicencePerGpuYear: "USD per GPU per year" }, sources: [NVIDIA_AI_ENTERPRISE_LICENSING], asOf: "2026-06-01", confidence: "high", note: "bundled for 5 years with H100 PCIe/NVL and H200 NVL" },
];

export const TRENDS: readonly CatalogueEntry<TrendValues>[] = [
  {
    id: "trend.hardware",
    label: "Hardware price-performance and energy-efficiency trends, resale value",
    values: { hardwarePriceDeclinePerYear: "0.3", energyEfficiencyGainPerYear: "0.4", resaleValueShare: "0.3" },
    units: { hardwarePriceDeclinePerYear: "fraction per year", energyEfficiencyGainPerYear: "fraction per year", resaleValueShare: "fraction of purchase price after 36 months" },
    sources: [STANFORD_AI_INDEX_2025, EPOCH_HARDWARE],
    asOf: "2025-04-30",
    confidence: "medium",
    note: "a market price trend, not accounting depreciation; Epoch AI gives price-performance +30 %/yr and +50 %/yr efficiency; the resale value (25–35 % after 36 months) has no public source: replace it with your own",
  },
];
