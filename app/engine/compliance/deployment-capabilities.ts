import { Decimal } from "../decimal.ts";
import type { CountryCode } from "./jurisdictions.ts";
import type { SourceId } from "./sources.ts";

/**
 * The capability catalogue: what each API deployment mode and each self-hosting placement offers
 * for residency and compliance, and who controls it. Every fact names its public source
 * (sources.ts, with its confidence); a fact no checked source states is "unknown", never guessed.
 */

/**
 * - "on-request" covers "by approval", "by arrangement" and "on request" in the sources;
 * - "to-confirm" is a control the customer holds on its own hardware (keys, audit of its own
 *   facility): possible, but a condition until the customer declares it with evidence.
 */
export type CapabilityValue = "yes" | "no" | "on-request" | "to-confirm" | "unknown" | "not-applicable";

export interface Fact<T> {
  value: T;
  source: SourceId;
  note?: string;
}

export type DeploymentKind = "api" | "self-hosted-owned" | "self-hosted-rented";

/** A processing place: a country, a region whose countries are known (EU, EEA) or APAC (countries not stated). */
export type Place = CountryCode | "EU" | "EEA" | "APAC";

/**
 * Where the provider processes prompts and outputs:
 * - fixed: guaranteed to stay within these places (all of them may be used);
 * - global: may be processed anywhere (no regional guarantee);
 * - customer-chosen: the deployment names the country (a region or a data-centre location);
 *   `guaranteedWithin` lists the places a residency guarantee is recorded for, when it is not everywhere.
 */
export type ProcessingFact =
  | { kind: "fixed"; places: readonly Place[] }
  | { kind: "global" }
  | { kind: "customer-chosen"; guaranteedWithin?: readonly Place[] };

/**
 * Residency premium as a fraction of the provider's base (global) price per token:
 * 0.10 = +10 %. A published range keeps both ends; costs use the upper end.
 */
export type PremiumFact =
  | { kind: "fraction"; low: Decimal; high: Decimal }
  | { kind: "not-applicable" }
  | { kind: "unknown" };

/** A company and the country whose law it is subject to (incorporation or headquarters). */
export interface Company {
  name: string;
  jurisdiction: CountryCode;
}

/**
 * Who controls the service: for a catalogued provider, its ultimate parent company (exposure to an
 * access law follows control, not the address of the contracting entity); the customer itself
 * (own hardware); or an operator the deployment declares with its ultimate parent (colocation,
 * sovereign cloud, GPU cloud) — unknown until declared.
 */
export type ParentFact =
  | ({ kind: "company" } & Company)
  | { kind: "customer" }
  | { kind: "declared-operator"; role: string };

/**
 * The operator's sub-processors that handle the data: "unknown" until the deployment names them
 * (no provider's list is recorded), "not-applicable" where no third party processes the data
 * (your own data centre; a colocation operator hosts your hardware but does not process the data).
 */
export type SubProcessorsFact = { kind: "unknown" } | { kind: "not-applicable" };

export const CERTIFICATION_IDS = ["fedramp-low", "fedramp-moderate", "fedramp-high", "dod-il4", "dod-il5", "pci-dss"] as const;
export type CertificationId = (typeof CERTIFICATION_IDS)[number];

export interface DeploymentCapability {
  id: string;
  label: string;
  kind: DeploymentKind;
  provider: string;
  /** The provider's deployment mode or the placement, e.g. "Data Zone EU", "own data centre". */
  mode: string;
  parent: Fact<ParentFact>;
  subProcessors: Fact<SubProcessorsFact>;
  processing: Fact<ProcessingFact>;
  /** On the customer's own premises: the only placement that can satisfy on-premises and air-gapped. */
  onPremises: boolean;
  residencyPremium: Fact<PremiumFact>;
  zeroDataRetention: Fact<CapabilityValue>;
  noTrainingOnCustomerData: Fact<CapabilityValue>;
  baa: Fact<CapabilityValue>;
  customerManagedKeys: Fact<CapabilityValue>;
  auditRights: Fact<CapabilityValue>;
  /** Certifications with a recorded value; a certification not listed is unknown. */
  certifications: Partial<Record<CertificationId, Fact<CapabilityValue>>>;
}

const unknown: Fact<CapabilityValue> = { value: "unknown", source: "not-recorded" };
const unknownPremium: Fact<PremiumFact> = { value: { kind: "unknown" }, source: "not-recorded" };
const unknownSubProcessors: Fact<SubProcessorsFact> = { value: { kind: "unknown" }, source: "not-recorded", note: "no sub-processor list recorded" };

function premium(low: string, high: string, source: SourceId, note: string): Fact<PremiumFact> {
  return { value: { kind: "fraction", low: new Decimal(low), high: new Decimal(high) }, source, note };
}

/** The price a residency premium applies to: the provider's global (no-residency) price. */
function basePrice(source: SourceId): Fact<PremiumFact> {
  return premium("0", "0", source, "the base price residency premiums apply to");
}

function company(name: string, jurisdiction: CountryCode, note?: string): Fact<ParentFact> {
  return { value: { kind: "company", name, jurisdiction }, source: "corporate-domicile", note };
}

function fixed(places: readonly Place[], source: SourceId, note?: string): Fact<ProcessingFact> {
  return { value: { kind: "fixed", places }, source, note };
}

const globalProcessing = (source: SourceId, note: string): Fact<ProcessingFact> => ({ value: { kind: "global" }, source, note });

const OPENAI: SourceId = "openai-data-residency";

/** Facts shared by every OpenAI API project. */
const openAiCommon = {
  kind: "api",
  provider: "OpenAI",
  parent: company("OpenAI", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: { value: "on-request", source: OPENAI, note: "zero data retention by approval" },
  noTrainingOnCustomerData: { value: "yes", source: OPENAI, note: "API data is not used for training by default" },
  baa: { value: "on-request", source: OPENAI, note: "BAA on request" },
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

function openAiResidency(id: string, place: Place, label: string): DeploymentCapability {
  return {
    ...openAiCommon,
    id: `openai-api-residency-${id}`,
    label: `OpenAI API, ${label} data residency project`,
    mode: `residency project ${label}`,
    processing: fixed([place], OPENAI, "per-project data residency"),
    residencyPremium: premium("0.10", "0.10", OPENAI, "+10 % for models released from 2026-03-05 on; older models carry none"),
  };
}

const AZURE: SourceId = "azure-openai-deployments";

/** Azure OpenAI (BAA via Microsoft's terms; ZDR not stated). */
const azureCommon = {
  kind: "api",
  provider: "Azure OpenAI",
  parent: company("Microsoft", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: { value: "yes", source: AZURE, note: "via Microsoft's terms" },
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

/**
 * Bedrock's global cross-region inference is documented as about 10 % cheaper than a geographic
 * profile, so a geographic profile costs about 1/0.9 of the global price: +11.1 %, rounded up to
 * four places (0.1112) so the cost is never understated.
 */
const BEDROCK_GEOGRAPHIC_PREMIUM = new Decimal(1).div("0.9").minus(1).toDecimalPlaces(4, Decimal.ROUND_UP).toFixed();

/** AWS Bedrock, operated and controlled by Amazon. */
const bedrockCommon = {
  kind: "api",
  provider: "AWS Bedrock",
  parent: company("Amazon", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

function bedrockGeography(id: string, places: readonly Place[], label: string, processingNote: string, processingSource: SourceId = "aws-bedrock-cross-region"): DeploymentCapability {
  return {
    ...bedrockCommon,
    id: `aws-bedrock-${id}`,
    label: `AWS Bedrock, ${label} inference profile`,
    mode: `geography ${label}`,
    processing: fixed(places, processingSource, processingNote),
    residencyPremium: premium(
      BEDROCK_GEOGRAPHIC_PREMIUM,
      BEDROCK_GEOGRAPHIC_PREMIUM,
      "aws-bedrock-global-pricing",
      "a geographic profile costs about 1/0.9 of the global price (global is about 10 % cheaper), for the models that have a global profile; enter 0 if your token prices are already the geographic ones",
    ),
  };
}

const CLAUDE_ON_AWS: SourceId = "claude-platform-aws-residency";

/** Claude Platform on AWS: sold through AWS, but Anthropic processes the data in its own data centres. */
const claudeOnAwsCommon = {
  kind: "api",
  provider: "Claude on AWS",
  parent: company("Anthropic", "US", "Anthropic, not Amazon, processes the data, in Anthropic-operated data centres"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const ANTHROPIC: SourceId = "anthropic-data-residency";

const anthropicCommon = {
  kind: "api",
  provider: "Anthropic",
  parent: company("Anthropic", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: { value: "on-request", source: ANTHROPIC, note: "zero data retention by arrangement" },
  noTrainingOnCustomerData: unknown,
  baa: { value: "on-request", source: ANTHROPIC, note: "BAA for eligible services only" },
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const VERTEX: SourceId = "vertex-data-residency";

const vertexCommon = {
  kind: "api",
  provider: "Google Vertex AI",
  parent: company("Alphabet (Google)", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  residencyPremium: unknownPremium,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: { value: "yes", source: "vertex-data-governance", note: "no training on customer data without the customer's permission" },
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const MISTRAL: SourceId = "mistral-regional-inference";

const mistralCommon = {
  kind: "api",
  provider: "Mistral",
  parent: company("Mistral AI", "FR"),
  subProcessors: {
    value: { kind: "unknown" },
    source: "mistral-subprocessors-reported",
    note: "reportedly include US cloud providers (low confidence)",
  },
  onPremises: false,
  zeroDataRetention: { value: "on-request", source: "mistral-zero-data-retention", note: "on paid plans, with stateless endpoints" },
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const TOGETHER: SourceId = "together-geo-inference";

const togetherCommon = {
  kind: "api",
  provider: "Together AI",
  parent: company("Together AI", "US"),
  subProcessors: unknownSubProcessors,
  onPremises: false,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const INHERENT: SourceId = "self-hosting-inherent";

/**
 * Self-hosting open weights: nobody else retains or trains on the data. What a rented host or a
 * colocation operator contractually offers (BAA, audit rights, key control of the host) is not
 * recorded, hence unknown; keys and audit rights on your own hardware are yours to confirm.
 */
const selfHostedInherent = {
  residencyPremium: { value: { kind: "not-applicable" }, source: INHERENT, note: "self-hosting has no provider residency premium" },
  zeroDataRetention: { value: "yes", source: INHERENT, note: "inherent: the model runs on your GPUs" },
  noTrainingOnCustomerData: { value: "yes", source: INHERENT, note: "inherent: you operate the model" },
  processing: { value: { kind: "customer-chosen" }, source: INHERENT, note: "wherever the GPUs are: the deployment names the country" },
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const keysToConfirm: Fact<CapabilityValue> = {
  value: "to-confirm",
  source: "customer-to-confirm",
  note: "your hardware: you can hold the keys; confirm it with your evidence",
};

function hyperscalerRegion(id: string, provider: string, parentName: string): DeploymentCapability {
  return {
    ...selfHostedInherent,
    id: `self-hosted-${id}-region`,
    label: `Self-hosted on rented ${provider} GPUs in a chosen region`,
    kind: "self-hosted-rented",
    provider,
    mode: "hyperscaler region",
    parent: company(parentName, "US"),
    subProcessors: unknownSubProcessors,
    onPremises: false,
    baa: unknown,
    customerManagedKeys: unknown,
    auditRights: unknown,
  };
}

export const DEPLOYMENT_CAPABILITIES: readonly DeploymentCapability[] = [
  {
    ...openAiCommon,
    id: "openai-api-global",
    label: "OpenAI API, no residency project",
    mode: "default project",
    processing: globalProcessing(OPENAI, "no regional guarantee without a data residency project"),
    residencyPremium: basePrice(OPENAI),
  },
  openAiResidency("us", "US", "US"),
  openAiResidency("eu", "EU", "EU"),
  openAiResidency("au", "AU", "Australia"),
  openAiResidency("in", "IN", "India"),
  openAiResidency("jp", "JP", "Japan"),
  {
    ...azureCommon,
    id: "azure-openai-global",
    label: "Azure OpenAI, Global deployment",
    mode: "Global",
    processing: globalProcessing(AZURE, "Global deployments route to any Azure region"),
    residencyPremium: premium("0", "0", AZURE, "the base price Data Zone premiums apply to"),
  },
  {
    ...azureCommon,
    id: "azure-openai-data-zone-eu",
    label: "Azure OpenAI, Data Zone EU",
    mode: "Data Zone EU",
    processing: fixed(["EU"], AZURE, "Data Zone EU"),
    residencyPremium: premium("0.10", "0.20", AZURE, "Data Zone +10–20 % over Global"),
  },
  {
    ...azureCommon,
    id: "azure-openai-data-zone-us",
    label: "Azure OpenAI, Data Zone US",
    mode: "Data Zone US",
    processing: fixed(["US"], AZURE, "Data Zone US"),
    residencyPremium: premium("0.10", "0.20", AZURE, "Data Zone +10–20 % over Global"),
  },
  {
    ...azureCommon,
    id: "azure-openai-regional",
    label: "Azure OpenAI, Regional deployment",
    mode: "Regional",
    processing: { value: { kind: "customer-chosen" }, source: AZURE, note: "Regional deployment in the named Azure region" },
    residencyPremium: unknownPremium,
  },
  {
    ...azureCommon,
    id: "azure-openai-government",
    label: "Azure OpenAI in Azure Government",
    mode: "Azure Government",
    processing: fixed(["US"], AZURE, "Azure Government regions"),
    residencyPremium: unknownPremium,
    certifications: {
      "fedramp-high": { value: "yes", source: AZURE, note: "FedRAMP High in Azure Government" },
      "dod-il4": { value: "yes", source: AZURE, note: "IL4/5 in Azure Government" },
      "dod-il5": { value: "yes", source: AZURE, note: "IL4/5 in Azure Government" },
    },
  },
  {
    ...bedrockCommon,
    id: "aws-bedrock-global",
    label: "AWS Bedrock, Global inference profile",
    mode: "Global",
    processing: globalProcessing("aws-bedrock-cross-region", "global cross-region inference routes to any commercial AWS region"),
    residencyPremium: basePrice("aws-bedrock-global-pricing"),
  },
  bedrockGeography("us", ["US"], "US", "geography-bound inference profile"),
  bedrockGeography(
    "eu",
    ["EU", "GB", "CH"],
    "EU",
    "the EU profile can route to London (eu-west-2) and Zurich (eu-central-2): EU + GB + CH, not the EEA",
    "aws-bedrock-eu-geography",
  ),
  bedrockGeography("apac", ["APAC"], "APAC", "geography-bound inference profile; the countries of APAC are not listed"),
  bedrockGeography("jp", ["JP"], "Japan", "geography-bound inference profile"),
  bedrockGeography("au", ["AU"], "Australia", "geography-bound inference profile"),
  {
    ...bedrockGeography("us-gov", ["US"], "US-Gov", "AWS GovCloud (US) regions"),
    residencyPremium: unknownPremium,
  },
  {
    ...claudeOnAwsCommon,
    id: "claude-on-aws-global",
    label: "Claude on AWS, Global",
    mode: "Global",
    processing: globalProcessing(CLAUDE_ON_AWS, "global processing by Anthropic"),
    residencyPremium: basePrice(CLAUDE_ON_AWS),
  },
  {
    ...claudeOnAwsCommon,
    id: "claude-on-aws-us",
    label: "Claude on AWS, US only",
    mode: "US",
    processing: fixed(["US"], CLAUDE_ON_AWS, "US-only processing by Anthropic"),
    residencyPremium: premium("0.10", "0.10", CLAUDE_ON_AWS, "US processing at 1.1× the global price"),
  },
  {
    ...anthropicCommon,
    id: "anthropic-api-global",
    label: "Anthropic API, global",
    mode: "global",
    processing: globalProcessing(ANTHROPIC, "global processing; no EU inference offered"),
    residencyPremium: basePrice(ANTHROPIC),
  },
  {
    ...anthropicCommon,
    id: "anthropic-api-us",
    label: "Anthropic API, US only",
    mode: "US only",
    processing: fixed(["US"], ANTHROPIC, "US-only inference; no EU inference offered"),
    residencyPremium: premium("0.10", "0.10", "anthropic-us-only-premium", "US-only inference at an increased cost, reported as 1.1× (low confidence)"),
  },
  {
    ...vertexCommon,
    id: "vertex-ai-region",
    label: "Google Vertex AI, single region",
    mode: "region",
    processing: {
      value: { kind: "customer-chosen", guaranteedWithin: ["US", "EU", "CA"] },
      source: VERTEX,
      note: "Google lists its residency guarantee region by region; OpenTCO records it for US, EU and Canadian regions only: check your region on Google's list",
    },
  },
  {
    ...vertexCommon,
    id: "vertex-ai-multi-region-us",
    label: "Google Vertex AI, US multi-region",
    mode: "US multi-region",
    processing: fixed(["US"], VERTEX, "US multi-region"),
  },
  {
    ...vertexCommon,
    id: "vertex-ai-multi-region-eu",
    label: "Google Vertex AI, EU multi-region",
    mode: "EU multi-region",
    processing: fixed(["EU"], VERTEX, "EU multi-region"),
  },
  {
    ...mistralCommon,
    id: "mistral-api-global",
    label: "Mistral API, global endpoint (no region)",
    mode: "global",
    processing: globalProcessing(MISTRAL, "a request without a region goes to the global endpoint"),
    residencyPremium: basePrice(MISTRAL),
  },
  {
    ...mistralCommon,
    id: "mistral-api-eu",
    label: "Mistral API, EU regional endpoint (EU/EFTA)",
    mode: "EU regional endpoint",
    processing: fixed(["EEA", "CH"], MISTRAL, "data centres in EU/EFTA countries (the EEA and Switzerland), not the EU alone"),
    residencyPremium: premium("0.10", "0.10", MISTRAL, "regional inference at 1.1× list for input, output and cached tokens"),
  },
  {
    ...mistralCommon,
    id: "mistral-api-us",
    label: "Mistral API, US regional endpoint",
    mode: "US regional endpoint",
    processing: fixed(["US"], MISTRAL, "US regional endpoint, for supported models"),
    residencyPremium: premium("0.10", "0.10", MISTRAL, "regional inference at 1.1× list for input, output and cached tokens"),
  },
  {
    ...togetherCommon,
    id: "together-api",
    label: "Together AI, default endpoint (no geographic guarantee)",
    mode: "default endpoint",
    processing: globalProcessing(TOGETHER, "the default endpoint guarantees no geography; there is no EU option"),
    residencyPremium: basePrice(TOGETHER),
  },
  {
    ...togetherCommon,
    id: "together-api-us",
    label: "Together AI, US-only endpoint",
    mode: "US-only endpoint",
    processing: fixed(["US"], TOGETHER, "geo-specific endpoint, US only"),
    residencyPremium: premium("0.25", "0.25", TOGETHER, "US-only endpoint at 1.25× the serverless rates"),
  },
  {
    ...togetherCommon,
    id: "together-api-ca",
    label: "Together AI, Canada-only endpoint",
    mode: "Canada-only endpoint",
    processing: fixed(["CA"], TOGETHER, "geo-specific endpoint, Canada only"),
    residencyPremium: premium("0.25", "0.25", TOGETHER, "Canada-only endpoint at 1.25× the serverless rates"),
  },
  {
    ...selfHostedInherent,
    id: "self-hosted-own-data-centre",
    label: "Self-hosted on owned GPUs in your own data centre",
    kind: "self-hosted-owned",
    provider: "Customer",
    mode: "own data centre",
    parent: { value: { kind: "customer" }, source: INHERENT, note: "your hardware, your operation" },
    subProcessors: { value: { kind: "not-applicable" }, source: INHERENT, note: "you process the data yourself" },
    onPremises: true,
    baa: { value: "not-applicable", source: "hipaa", note: "no business associate: you process the data yourself" },
    customerManagedKeys: keysToConfirm,
    auditRights: { value: "to-confirm", source: "customer-to-confirm", note: "your own facility: confirm that you can audit it, with your evidence" },
  },
  {
    ...selfHostedInherent,
    id: "self-hosted-colocation",
    label: "Self-hosted on owned GPUs in a colocation facility",
    kind: "self-hosted-owned",
    provider: "Colocation operator",
    mode: "colocation",
    parent: { value: { kind: "declared-operator", role: "colocation operator" }, source: "customer-declared" },
    subProcessors: { value: { kind: "not-applicable" }, source: INHERENT, note: "the operator hosts your hardware but does not process the data" },
    onPremises: false,
    baa: unknown,
    customerManagedKeys: keysToConfirm,
    auditRights: unknown,
  },
  {
    ...selfHostedInherent,
    id: "self-hosted-sovereign-cloud",
    label: "Self-hosted on rented GPUs in a sovereign cloud",
    kind: "self-hosted-rented",
    provider: "Sovereign cloud operator",
    mode: "sovereign cloud",
    parent: { value: { kind: "declared-operator", role: "sovereign cloud operator" }, source: "customer-declared" },
    subProcessors: unknownSubProcessors,
    onPremises: false,
    baa: unknown,
    customerManagedKeys: unknown,
    auditRights: unknown,
  },
  hyperscalerRegion("aws", "AWS", "Amazon"),
  hyperscalerRegion("azure", "Azure", "Microsoft"),
  hyperscalerRegion("gcp", "Google Cloud", "Alphabet (Google)"),
  {
    ...selfHostedInherent,
    id: "self-hosted-gpu-cloud",
    label: "Self-hosted on rented GPUs from a GPU cloud",
    kind: "self-hosted-rented",
    provider: "GPU cloud",
    mode: "GPU cloud",
    parent: { value: { kind: "declared-operator", role: "GPU cloud provider" }, source: "customer-declared" },
    subProcessors: unknownSubProcessors,
    onPremises: false,
    baa: unknown,
    customerManagedKeys: unknown,
    auditRights: unknown,
  },
];

/** The catalogue entry with this id, or null. */
export function getDeploymentCapability(id: string): DeploymentCapability | null {
  return DEPLOYMENT_CAPABILITIES.find((entry) => entry.id === id) ?? null;
}

/** Every catalogue id, in catalogue order. */
export function listDeploymentCapabilityIds(): string[] {
  return DEPLOYMENT_CAPABILITIES.map((entry) => entry.id);
}
