import { Decimal } from "../decimal.ts";
import type { CountryCode } from "./jurisdictions.ts";
import type { SourceId } from "./sources.ts";

/**
 * The capability catalogue: what each API deployment mode and each self-hosting
 * placement offers for residency and compliance. Every fact names its source
 * (sources.ts); a fact reference-data.md does not state is "unknown", never guessed.
 */

/** "on-request" covers "by approval", "by arrangement" and "on request" in the sources. */
export type CapabilityValue = "yes" | "no" | "on-request" | "unknown" | "not-applicable";

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
 * - fixed: guaranteed to stay within these places;
 * - global: may be processed anywhere (no regional guarantee);
 * - customer-chosen: the deployment names the country (a region or a data-centre location);
 * - unknown: no source states it.
 */
export type ProcessingFact =
  | { kind: "fixed"; places: readonly Place[] }
  | { kind: "global" }
  | { kind: "customer-chosen"; guaranteedWithin?: readonly Place[] }
  | { kind: "unknown" };

/**
 * Residency premium as a fraction of the provider's base (global) price per token:
 * 0.10 = +10 %. A published range keeps both ends; costs use the upper end.
 */
export type PremiumFact =
  | { kind: "fraction"; low: Decimal; high: Decimal }
  | { kind: "not-applicable" }
  | { kind: "unknown" };

/**
 * Who controls the service: a named parent company and its country, the customer
 * itself (own hardware), or an operator the deployment declares (colocation,
 * sovereign cloud, GPU cloud) — unknown until declared.
 */
export type ParentFact =
  | { kind: "company"; name: string; jurisdiction: CountryCode }
  | { kind: "customer" }
  | { kind: "declared-operator"; role: string };

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

const R: SourceId = "ref-residency-2026";
const unknown: Fact<CapabilityValue> = { value: "unknown", source: "not-recorded" };
const unknownPremium: Fact<PremiumFact> = { value: { kind: "unknown" }, source: "not-recorded" };
const premiumNone: Fact<PremiumFact> = { value: { kind: "not-applicable" }, source: R, note: "self-hosting has no provider residency premium" };

function premium(low: string, high: string, note: string): Fact<PremiumFact> {
  return { value: { kind: "fraction", low: new Decimal(low), high: new Decimal(high) }, source: R, note };
}

function company(name: string, jurisdiction: CountryCode): Fact<ParentFact> {
  return { value: { kind: "company", name, jurisdiction }, source: "corporate-domicile" };
}

function fixed(places: readonly Place[], note?: string): Fact<ProcessingFact> {
  return { value: { kind: "fixed", places }, source: R, note };
}

const globalProcessing = (note: string): Fact<ProcessingFact> => ({ value: { kind: "global" }, source: R, note });

/** Facts shared by every OpenAI API project (reference-data: ZDR by approval, BAA on request). */
const openAiCommon = {
  kind: "api",
  provider: "OpenAI",
  parent: company("OpenAI", "US"),
  onPremises: false,
  zeroDataRetention: { value: "on-request", source: R, note: "zero data retention by approval" },
  noTrainingOnCustomerData: unknown,
  baa: { value: "on-request", source: R, note: "BAA on request" },
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
    processing: fixed([place], "per-project data residency"),
    residencyPremium: premium("0.10", "0.10", "+10 % for models released from 2026-03-05 on; older models carry none"),
  };
}

/** Azure OpenAI (reference-data: BAA via Microsoft terms; ZDR not stated). */
const azureCommon = {
  kind: "api",
  provider: "Azure OpenAI",
  parent: company("Microsoft", "US"),
  onPremises: false,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: { value: "yes", source: R, note: "via Microsoft's terms" },
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

/** AWS Bedrock (reference-data: geography-bound inference profiles; residency premium "none stated"). */
const bedrockCommon = {
  kind: "api",
  provider: "AWS Bedrock",
  parent: company("Amazon", "US"),
  onPremises: false,
  residencyPremium: { value: { kind: "unknown" }, source: R, note: "reference-data: none stated" },
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

function bedrockGeography(id: string, place: Place, label: string): DeploymentCapability {
  return {
    ...bedrockCommon,
    id: `aws-bedrock-${id}`,
    label: `AWS Bedrock, ${label} inference profile`,
    mode: `geography ${label}`,
    processing: fixed([place], "geography-bound inference profile"),
  };
}

const anthropicCommon = {
  kind: "api",
  provider: "Anthropic",
  parent: company("Anthropic", "US"),
  onPremises: false,
  residencyPremium: unknownPremium,
  zeroDataRetention: { value: "on-request", source: R, note: "zero data retention by arrangement" },
  noTrainingOnCustomerData: unknown,
  baa: { value: "on-request", source: R, note: "BAA for eligible services only" },
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const vertexCommon = {
  kind: "api",
  provider: "Google Vertex AI",
  parent: company("Alphabet (Google)", "US"),
  onPremises: false,
  residencyPremium: unknownPremium,
  zeroDataRetention: unknown,
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const mistralCommon = {
  kind: "api",
  provider: "Mistral",
  parent: company("Mistral AI", "FR"),
  onPremises: false,
  residencyPremium: unknownPremium,
  zeroDataRetention: { value: "on-request", source: R, note: "on paid plans, with stateless endpoints" },
  noTrainingOnCustomerData: unknown,
  baa: unknown,
  customerManagedKeys: unknown,
  auditRights: unknown,
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

/**
 * Self-hosting open weights (reference-data: "wherever the GPUs are"; ZDR inherent; BAA "yours").
 * Running the model yourself means nobody else retains or trains on the data, and the keys are
 * yours wherever you control the hardware; what a rented host or a colocation operator contractually
 * offers (BAA, audit rights, key control of the host) is not recorded, hence unknown.
 */
const selfHostedInherent = {
  residencyPremium: premiumNone,
  zeroDataRetention: { value: "yes", source: R, note: "inherent: the model runs on your GPUs" },
  noTrainingOnCustomerData: { value: "yes", source: R, note: "inherent: you operate the model" },
  certifications: {},
} as const satisfies Partial<DeploymentCapability>;

const chosenLocation: Fact<ProcessingFact> = {
  value: { kind: "customer-chosen" },
  source: R,
  note: "wherever the GPUs are: the deployment names the country",
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
    processing: chosenLocation,
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
    processing: globalProcessing("no regional guarantee without a data residency project"),
    residencyPremium: premium("0", "0", "the base price residency premiums apply to"),
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
    processing: globalProcessing("Global deployments route to any Azure region"),
    residencyPremium: premium("0", "0", "the base price Data Zone premiums apply to"),
  },
  {
    ...azureCommon,
    id: "azure-openai-data-zone-eu",
    label: "Azure OpenAI, Data Zone EU",
    mode: "Data Zone EU",
    processing: fixed(["EU"], "Data Zone EU"),
    residencyPremium: premium("0.10", "0.20", "Data Zone +10–20 % over Global"),
  },
  {
    ...azureCommon,
    id: "azure-openai-data-zone-us",
    label: "Azure OpenAI, Data Zone US",
    mode: "Data Zone US",
    processing: fixed(["US"], "Data Zone US"),
    residencyPremium: premium("0.10", "0.20", "Data Zone +10–20 % over Global"),
  },
  {
    ...azureCommon,
    id: "azure-openai-regional",
    label: "Azure OpenAI, Regional deployment",
    mode: "Regional",
    processing: { value: { kind: "customer-chosen" }, source: R, note: "Regional deployment in the named Azure region" },
    residencyPremium: unknownPremium,
  },
  {
    ...azureCommon,
    id: "azure-openai-government",
    label: "Azure OpenAI in Azure Government",
    mode: "Azure Government",
    processing: fixed(["US"], "Azure Government regions"),
    residencyPremium: unknownPremium,
    certifications: {
      "fedramp-high": { value: "yes", source: R, note: "FedRAMP High in Azure Government" },
      "dod-il4": { value: "yes", source: R, note: "IL4/5 in Azure Government" },
      "dod-il5": { value: "yes", source: R, note: "IL4/5 in Azure Government" },
    },
  },
  {
    ...bedrockCommon,
    id: "aws-bedrock-global",
    label: "AWS Bedrock, Global inference profile",
    mode: "Global",
    processing: globalProcessing("Global cross-region inference"),
  },
  bedrockGeography("us", "US", "US"),
  bedrockGeography("eu", "EU", "EU"),
  bedrockGeography("apac", "APAC", "APAC"),
  bedrockGeography("jp", "JP", "Japan"),
  bedrockGeography("au", "AU", "Australia"),
  bedrockGeography("us-gov", "US", "US-Gov"),
  {
    ...bedrockCommon,
    id: "claude-on-aws-global",
    label: "Claude on AWS, Global",
    provider: "Claude on AWS",
    mode: "Global",
    processing: globalProcessing("Global"),
    residencyPremium: premium("0", "0", "the base price the US premium applies to"),
  },
  {
    ...bedrockCommon,
    id: "claude-on-aws-us",
    label: "Claude on AWS, US only",
    provider: "Claude on AWS",
    mode: "US",
    processing: fixed(["US"], "US-only processing"),
    residencyPremium: premium("0.10", "0.10", "US processing at 1.1× the global price"),
  },
  {
    ...anthropicCommon,
    id: "anthropic-api-global",
    label: "Anthropic API, global",
    mode: "global",
    processing: globalProcessing("global processing; no EU inference offered"),
  },
  {
    ...anthropicCommon,
    id: "anthropic-api-us",
    label: "Anthropic API, US only",
    mode: "US only",
    processing: fixed(["US"], "US-only inference; no EU inference offered"),
  },
  {
    ...vertexCommon,
    id: "vertex-ai-region",
    label: "Google Vertex AI, single region",
    mode: "region",
    processing: {
      value: { kind: "customer-chosen", guaranteedWithin: ["US", "EU"] },
      source: R,
      note: "region of choice; residency guarantee for US and EU only",
    },
  },
  {
    ...vertexCommon,
    id: "vertex-ai-multi-region-us",
    label: "Google Vertex AI, US multi-region",
    mode: "US multi-region",
    processing: fixed(["US"], "US multi-region"),
  },
  {
    ...vertexCommon,
    id: "vertex-ai-multi-region-eu",
    label: "Google Vertex AI, EU multi-region",
    mode: "EU multi-region",
    processing: fixed(["EU"], "EU multi-region"),
  },
  {
    ...mistralCommon,
    id: "mistral-api-eu",
    label: "Mistral API, EU (default)",
    mode: "EU",
    processing: fixed(["EU"], "EU by default"),
  },
  {
    ...mistralCommon,
    id: "mistral-api-us",
    label: "Mistral API, US (some models)",
    mode: "US",
    processing: fixed(["US"], "US for some models"),
  },
  {
    id: "together-api",
    label: "Together AI, hosted open-weight models",
    kind: "api",
    provider: "Together AI",
    mode: "serverless",
    parent: company("Together AI", "US"),
    processing: { value: { kind: "unknown" }, source: "not-recorded" },
    onPremises: false,
    residencyPremium: unknownPremium,
    zeroDataRetention: unknown,
    noTrainingOnCustomerData: unknown,
    baa: unknown,
    customerManagedKeys: unknown,
    auditRights: unknown,
    certifications: {},
  },
  {
    ...selfHostedInherent,
    id: "self-hosted-own-data-centre",
    label: "Self-hosted on owned GPUs in your own data centre",
    kind: "self-hosted-owned",
    provider: "Customer",
    mode: "own data centre",
    parent: { value: { kind: "customer" }, source: R, note: "your hardware, your operation" },
    processing: chosenLocation,
    onPremises: true,
    baa: { value: "not-applicable", source: R, note: "no business associate: you process the data yourself" },
    customerManagedKeys: { value: "yes", source: R, note: "you hold the keys of your own hardware" },
    auditRights: { value: "yes", source: R, note: "your own facility" },
  },
  {
    ...selfHostedInherent,
    id: "self-hosted-colocation",
    label: "Self-hosted on owned GPUs in a colocation facility",
    kind: "self-hosted-owned",
    provider: "Colocation operator",
    mode: "colocation",
    parent: { value: { kind: "declared-operator", role: "colocation operator" }, source: "customer-declared" },
    processing: chosenLocation,
    onPremises: false,
    baa: unknown,
    customerManagedKeys: { value: "yes", source: R, note: "you hold the keys of your own hardware" },
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
    processing: chosenLocation,
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
    processing: chosenLocation,
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
