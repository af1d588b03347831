/** Words shown for the engine's codes, in one place so web, CLI and PDF say the same thing. */
import type { Driver, OpexCategory, Option, Verdict, Warning } from "../engine/index.ts";

export const KIND_LABELS: Record<Option["kind"], string> = {
  api: "API",
  "owned-gpu": "Owned GPUs",
  "rented-gpu": "Rented GPUs",
  hybrid: "Hybrid",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  compliant: "Compliant",
  "compliant-with-conditions": "Compliant with conditions",
  blocked: "Blocked",
};

/** The cash view's lines: hardware bought, every opex category, then the credits that reduce cash. */
export type CostCategory = "capex" | OpexCategory | "resaleCredit" | "residualCredit";

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  capex: "Hardware purchases",
  api: "API usage",
  "gpu-rental": "GPU rental",
  power: "Power",
  facility: "Facility",
  maintenance: "Maintenance",
  licences: "Licences",
  staff: "Staff",
  setup: "Setup",
  compliance: "Compliance",
  other: "Other",
  resaleCredit: "Resale credit",
  residualCredit: "Residual value credit",
};

export const DRIVER_LABELS: Record<Driver, string> = {
  volume: "Request volume",
  growth: "Demand growth",
  "output-tokens": "Output tokens per request",
  "api-prices": "API prices",
  "gpu-price": "GPU purchase price",
  "gpu-hour-price": "GPU rental price",
  throughput: "Throughput per GPU",
  utilisation: "Target utilisation",
  electricity: "Electricity price",
  "staff-cost": "Staff cost",
  "discount-rate": "Discount rate",
};

/** Warning codes in the order their groups are shown: what changes the answer first. */
export const WARNING_ORDER: readonly Warning["code"][] = [
  "capacity-shortfall",
  "utilisation-impossible",
  "compliance-overhead-unpriced",
  "unknown-catalogue-id",
  "stale-catalogue-entry",
  "stale-exchange-rate",
  "quality-gap",
  "quality-not-comparable",
  "quality-unknown",
  "utilisation-below-target",
  "no-tokens-served",
];

export const WARNING_TITLES: Record<Warning["code"], string> = {
  "capacity-shortfall": "Demand exceeds capacity",
  "utilisation-impossible": "Utilisation capped at 100 %",
  "utilisation-below-target": "GPUs mostly idle",
  "stale-catalogue-entry": "Stale catalogue entries",
  "unknown-catalogue-id": "Unknown catalogue ids",
  "quality-unknown": "Quality unknown",
  "quality-gap": "Models differ in quality",
  "quality-not-comparable": "Quality scores not comparable",
  "stale-exchange-rate": "Stale exchange rate",
  "no-tokens-served": "No tokens served",
  "compliance-overhead-unpriced": "Compliance costs not priced",
};
