import { readFileSync } from "node:fs";

/** The example scenarios, as the editor receives them (plain JSON). */
export const EXAMPLE_NAMES = ["eu-personal-data-compliance", "four-options-60-months", "hybrid-overflow-eur"] as const;

export function loadExample(name: (typeof EXAMPLE_NAMES)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../public/examples/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

/**
 * The four-options example with every optional field of the format present: long-context tier,
 * max nodes, loaded-cost multiplier, declining-balance depreciation, a colocation facility, a compliance
 * profile with each kind of field, deployments with operator and its ultimate parent, sub-processors,
 * declared facts and SEAL overrides, tornado
 * ranges, and a hybrid whose parts are both kinds of self-hosting and API.
 */
export function createKitchenSink(): Json {
  const scenario = loadExample("four-options-60-months");
  const hybrid = loadExample("hybrid-overflow-eur");
  const options = scenario.options as Json[];
  const [api, , owned, rented] = options as [Json, Json, Json, Json];
  api.longContext = { aboveInputTokens: "200000", tokenShare: "0.1", inputPricePerMillion: "10", cachedInputPricePerMillion: "1", outputPricePerMillion: "40" };
  api.deployment = { catalogId: "anthropic-api-us", declaredFacts: [{ capability: "baa", value: "yes", evidence: "signed BAA 2026-10-01" }], sovereigntyOverrides: [] };
  owned.maxNodes = "10";
  owned.staffing = { ...(owned.staffing as Json), loadedCostMultiplier: "1.4" };
  owned.depreciation = { method: "declining-balance", usefulLifeMonths: "48", decliningRatePerYear: "0.4" };
  owned.facility = { kind: "colocation", catalogId: "colo.global", pricePerKwMonth: "250" };
  owned.overrideSources = { "facility.pricePerKwMonth": { source: "quote from the colocation provider", asOf: "2026-10-01" }, pue: { source: "old note" } };
  owned.deployment = {
    catalogId: "self-hosted-colocation",
    location: "US",
    operator: { name: "Colo Inc", jurisdiction: "US", ultimateParent: { name: "Colo Holdings Inc", jurisdiction: "US" } },
    declaredFacts: [],
    sovereigntyOverrides: [{ objective: "SOV-8", level: 2, justification: "renewable energy contract" }],
  };
  rented.deployment = { catalogId: "self-hosted-gpu-cloud", location: "US", subProcessors: [{ name: "Racks LLC", jurisdiction: "US" }] };
  const hybridOption = (hybrid.options as Json[])[1] as Json;
  ((hybridOption.primary as Json).deployment as unknown) = { catalogId: "self-hosted-own-data-centre", location: "US" };
  ((hybridOption.secondary as Json).deployment as unknown) = { catalogId: "mistral-api-eu" };
  hybridOption.overrideSources = { "primary.maxNodes": { source: "one node budgeted" } };
  options[1] = { ...(options[1] as Json), deployment: { catalogId: "openai-api-global" } };
  options.push(hybridOption, { ...hybridOption, id: "shared", mode: "share", primaryShare: "0.7", primary: { ...(hybridOption.primary as Json), kind: "owned-gpu" } });
  scenario.compliance = {
    data: { classes: ["personal", "internal"], subjectJurisdictions: ["EU", "US"], companyJurisdiction: "US" },
    processing: { kind: "country", country: "US" },
    regimes: [{ id: "gdpr" }, { id: "eu-ai-act", riskClass: "high", role: "deployer" }, { id: "fedramp", level: "moderate" }],
    requirements: { zeroDataRetention: false, noTrainingOnCustomerData: true, baa: false, customerManagedKeys: false, auditRights: true, noForeignAccessLaw: false, minSeal: { "SOV-1": 1, "SOV-3": 2 } },
  };
  scenario.sensitivity = { ...(scenario.sensitivity as Json), tornado: [{ driver: "volume", low: "0.5", high: "2" }] };
  scenario.currency = { ...(scenario.currency as Json) };
  return scenario;
}

/** Every leaf (non-object, non-array value) of a JSON value, with its path. */
export function listLeaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => listLeaves(item, [...path, index]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => listLeaves(item, [...path, key]));
  return [{ path, value }];
}
