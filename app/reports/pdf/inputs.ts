/**
 * Every input of a revision as rows for the PDF's assumptions: the field's place in the scenario, the
 * value as stored (canonical inputs, exact), its unit and the schema's own description of it.
 */
import { getFieldDescription, parseDecimalDescription } from "~/scenarios/field-info.ts";
import type { Formatter } from "../format.ts";

export interface InputRow {
  /** Where the field sits, for reading: "Workload › Growth › Rate", "Option “Own H100” › GPU › Unit price". */
  field: string;
  /** The stored value: decimals through the locale's number format (all digits kept), text as it is. */
  value: string;
  /** "EUR/GPU", "months", "share (0.1 = 10 %)"; "" for text and choices. */
  unit: string;
  /** What the field means, from the scenario schema; "" when the schema says nothing. */
  meaning: string;
}

/** Units by field name, as the editor shows them beside its inputs; `{c}` is the scenario currency. */
const UNITS: Record<string, string> = {
  score: "points",
  amountPerYear: "{c}/year",
  fte: "FTE",
  loadedCostPerFteYear: "{c}/FTE-year",
  loadedCostMultiplier: "×",
  rampUpMonths: "months",
  prefillTokensPerSecondPerGpu: "input tokens/s per GPU",
  decodeTokensPerSecondPerGpu: "output tokens/s per GPU",
  concurrency: "requests",
  redundancyNodes: "nodes",
  maxNodes: "nodes",
  setupCost: "{c}",
  inputPricePerMillion: "{c}/1M tokens",
  cachedInputPricePerMillion: "{c}/1M tokens",
  outputPricePerMillion: "{c}/1M tokens",
  aboveInputTokens: "input tokens",
  unitPrice: "{c}/GPU",
  powerKw: "kW/GPU",
  gpusPerNode: "GPUs",
  baseNodePrice: "{c}/node",
  baseNodePowerKw: "kW/node",
  refreshCycleMonths: "months",
  usefulLifeMonths: "months",
  pue: "ratio",
  electricityPricePerKwh: "{c}/kWh",
  pricePerKwMonth: "{c}/kW-month",
  costPerMonth: "{c}/month",
  softwareLicencePerGpuYear: "{c}/GPU-year",
  pricePerGpuHour: "{c}/GPU-hour",
  requestsPerMonth: "requests/month",
  tokensPerMonth: "tokens/month",
  inputTokensPerRequest: "tokens/request",
  outputTokensPerRequest: "tokens/request",
  peakToAverage: "ratio",
  draws: "draws",
  low: "×",
  high: "×",
  min: "×",
  mode: "×",
  max: "×",
  perUsd: "{c} per USD",
  horizonMonths: "months",
  discountRatePerYear: "share per year (0.1 = 10 %)",
  opexInflationPerYear: "share per year (0.1 = 10 %)",
  hardwarePriceDeclinePerYear: "share per year (0.1 = 10 %)",
  energyEfficiencyGainPerYear: "share per year (0.1 = 10 %)",
  priceDeclinePerYear: "share per year (0.1 = 10 %)",
  decliningRatePerYear: "share per year (0.1 = 10 %)",
  maintenanceShareOfCapexPerYear: "share of capex per year (0.1 = 10 %)",
  residencyPremium: "share (0.1 = +10 %)",
};

const SHARE_UNIT = "share (0.1 = 10 %)";

/** "pricePerGpuHour" → "Price per gpu hour": readable without a label table that could drift from the schema. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeStep(key: string | number, parent: unknown): string {
  if (typeof key === "number") {
    const item = Array.isArray(parent) ? (parent[key] as Record<string, unknown> | undefined) : undefined;
    const name = item && typeof item === "object" ? (item.name ?? item.label ?? item.driver ?? item.id) : undefined;
    return typeof name === "string" ? `“${name}”` : `#${key + 1}`;
  }
  return humanize(key);
}

function unitOf(key: string, description: string | null, currency: string): string {
  const template = UNITS[key];
  if (template !== undefined) return template.replace("{c}", currency);
  const parsed = description === null ? null : parseDecimalDescription(description);
  if (parsed !== null && parsed.min === "0" && parsed.max === "1" && !parsed.integer) return SHARE_UNIT;
  return "";
}

/**
 * The rows of every leaf of `inputs` in document order. Decimal strings are shown with the locale's
 * separators and every digit (no rounding: these are the exact inputs the fingerprint covers).
 */
export function listInputRows(inputs: Record<string, unknown>, fmt: Formatter): InputRow[] {
  const currency = typeof (inputs.currency as { code?: unknown } | undefined)?.code === "string" ? String((inputs.currency as { code: string }).code) : fmt.currency;
  const rows: InputRow[] = [];
  const visit = (value: unknown, path: (string | number)[], labels: string[]) => {
    if (Array.isArray(value) || (value !== null && typeof value === "object")) {
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) rows.push({ field: labels.join(" › "), value: "none", unit: "", meaning: "" });
      for (const [key, item] of entries) visit(item, [...path, key], [...labels, describeStep(key, value)]);
      return;
    }
    const key = path[path.length - 1];
    if (key === "schemaVersion") return;
    const description = getFieldDescription(inputs, path);
    const parsed = description === null ? null : parseDecimalDescription(description);
    const isDecimal = parsed !== null && (typeof value === "string" || typeof value === "number");
    rows.push({
      field: labels.join(" › "),
      value: isDecimal ? fmt.number(String(value), 20) : typeof value === "boolean" ? (value ? "yes" : "no") : String(value),
      unit: typeof key === "string" && isDecimal ? unitOf(key, description, currency) : "",
      meaning: parsed?.text ?? description ?? "",
    });
  };
  visit(inputs, [], []);
  return rows;
}
