/**
 * The /catalog view-model: every built-in catalogue entry of the engine and every deployment
 * capability of the compliance engine as plain data (strings and numbers only, so it crosses the single-fetch
 * boundary without Decimal objects), each with its sources (publisher, title, link, date), the date of its
 * figures, confidence and staleness, judged by the limit of its kind (STALENESS_RULES).
 *
 * Everything comes from the engine's public surface, app/engine/index.ts.
 */
import {
  CATALOGUE,
  COMPLIANCE_SOURCES,
  daysBetween,
  Decimal,
  DEPLOYMENT_CAPABILITIES,
  formatPercent,
  getComplianceSource,
  serializeResult,
  SOVEREIGNTY_OBJECTIVES,
  STALE_AFTER_DAYS,
  type AnyCatalogueEntry,
  type CatalogueKind,
  type CapabilityValue,
  type ComplianceSource,
  type DeploymentCapability,
  type DeploymentKind,
  type Fact,
} from "~/engine/index.ts";
import { citeComplianceSource, citeEntrySources, STALENESS_RULES, type CitationView, type StalenessRule } from "./sources.ts";

export type Confidence = "high" | "medium" | "low";

/** Where a figure comes from and how old it is on the day the page was served. */
export interface Provenance {
  citations: CitationView[];
  note: string | null;
  asOf: string;
  ageDays: number;
  /** Older than `staleAfterDays`, the limit of its kind. */
  stale: boolean;
  staleAfterDays: number;
  confidence: Confidence;
}

/** A displayed value: `text` is "unknown" when the catalogue has none, and then `sort` is absent. */
export interface ValueCell {
  text: string;
  sort?: number | string;
}

export interface CatalogueField {
  key: string;
  label: string;
  unit: string;
  numeric: boolean;
}

export interface CatalogueRow {
  id: string;
  label: string;
  values: Record<string, ValueCell>;
  provenance: Provenance;
}

export interface CatalogueSection {
  id: string;
  title: string;
  description: string;
  /** Its entries count as stale this many days after their date. */
  staleAfterDays: number;
  fields: CatalogueField[];
  rows: CatalogueRow[];
}

/** One capability fact of a deployment, citing a compliance source by its number in `sources`. */
export interface FactCell extends ValueCell {
  sourceNumber: number;
  note: string | null;
}

export interface DeploymentRow {
  id: string;
  label: string;
  kind: string;
  parent: FactCell;
  processing: FactCell;
  residencyPremium: FactCell;
  zeroDataRetention: FactCell;
  noTraining: FactCell;
  baa: FactCell;
  customerManagedKeys: FactCell;
  auditRights: FactCell;
  certifications: FactCell[];
}

export interface SourceRow extends Provenance {
  number: number;
  id: string;
}

export interface ObjectiveRow {
  id: string;
  name: string;
  weight: ValueCell;
  provenance: Provenance;
}

export interface CataloguePage {
  today: string;
  /** The staleness limit of each kind of figure, with its reason. */
  stalenessRules: StalenessRule[];
  /** The limit of the compliance sources and the framework's weights. */
  complianceStaleAfterDays: number;
  sections: CatalogueSection[];
  deployments: DeploymentRow[];
  complianceSources: SourceRow[];
  objectives: ObjectiveRow[];
}

/** How a value is shown: money and plain numbers as written, fractions as percentages. */
type FieldKind = "number" | "fraction" | "text";

interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  /** Replaces the catalogue's unit where the value is shown differently (fractions as %). */
  unit?: string;
}

interface SectionSpec {
  id: string;
  kind: CatalogueKind;
  title: string;
  description: string;
  entries: readonly AnyCatalogueEntry[];
  fields: readonly FieldSpec[];
}

const SECTIONS: readonly SectionSpec[] = [
  {
    id: "api-prices",
    kind: "apiPrices",
    title: "Commercial API prices",
    description: "List prices per million tokens from a dated snapshot of the vendors' price pages. Batch discounts apply only to traffic that tolerates batch latency.",
    entries: CATALOGUE.apiPrices,
    fields: [
      { key: "inputPricePerMillion", label: "Input", kind: "number" },
      { key: "cachedInputPricePerMillion", label: "Cached input", kind: "number" },
      { key: "outputPricePerMillion", label: "Output", kind: "number" },
      { key: "batchDiscount", label: "Batch discount", kind: "fraction", unit: "% off batch requests" },
    ],
  },
  {
    id: "model-quality",
    kind: "modelQuality",
    title: "Model quality",
    description: "Benchmark scores used to compare models like for like. Scores are compared only within one index version: v3 and v4.0 points are not comparable.",
    entries: CATALOGUE.modelQuality,
    fields: [
      { key: "benchmark", label: "Benchmark", kind: "text" },
      { key: "version", label: "Version", kind: "text", unit: "index version" },
      { key: "score", label: "Score", kind: "number" },
    ],
  },
  {
    id: "gpus",
    kind: "gpus",
    title: "GPUs",
    description: "Purchase price and power draw (thermal design power) per GPU.",
    entries: CATALOGUE.gpus,
    fields: [
      { key: "unitPrice", label: "Price", kind: "number" },
      { key: "powerKw", label: "Power", kind: "number" },
    ],
  },
  {
    id: "servers",
    kind: "servers",
    title: "Servers",
    description: "What a node costs and draws besides its GPUs (chassis, CPUs, memory, network cards).",
    entries: CATALOGUE.servers,
    fields: [
      { key: "gpusPerNode", label: "GPUs per node", kind: "number" },
      { key: "baseNodePrice", label: "Node price", kind: "number" },
      { key: "baseNodePowerKw", label: "Node power", kind: "number" },
    ],
  },
  {
    id: "gpu-rentals",
    kind: "gpuRentals",
    title: "Rented GPUs",
    description: "On-demand price per GPU-hour; a month of rental is 730 hours.",
    entries: CATALOGUE.gpuRentals,
    fields: [
      { key: "pricePerGpuHour", label: "Price", kind: "number" },
      { key: "gpusPerNode", label: "GPUs per instance", kind: "number" },
    ],
  },
  {
    id: "throughput",
    kind: "throughput",
    title: "Throughput",
    description: "Tokens per second per GPU, split into prefill (input) and decode (output), at the stated concurrency. Capacity planning starts from these figures.",
    entries: CATALOGUE.throughput,
    fields: [
      { key: "prefillTokensPerSecondPerGpu", label: "Prefill", kind: "number" },
      { key: "decodeTokensPerSecondPerGpu", label: "Decode", kind: "number" },
      { key: "concurrency", label: "Concurrency", kind: "number" },
    ],
  },
  {
    id: "energy",
    kind: "electricity",
    title: "Energy",
    description: "Electricity price and power usage effectiveness (PUE: facility power over IT power).",
    entries: CATALOGUE.electricity,
    fields: [
      { key: "electricityPricePerKwh", label: "Electricity", kind: "number" },
      { key: "pue", label: "PUE", kind: "number" },
    ],
  },
  {
    id: "colocation",
    kind: "colocation",
    title: "Colocation",
    description: "Price per kW of IT load per month in a colocation facility.",
    entries: CATALOGUE.colocation,
    fields: [{ key: "pricePerKwMonth", label: "Price", kind: "number" }],
  },
  {
    id: "staff",
    kind: "salaries",
    title: "Staff",
    description: "Annual cost per full-time engineer. These are median salaries: no public source gives a loaded-cost multiplier, so add your own overheads.",
    entries: CATALOGUE.salaries,
    fields: [{ key: "loadedCostPerFteYear", label: "Cost per FTE", kind: "number" }],
  },
  {
    id: "licences",
    kind: "licences",
    title: "Software licences",
    description: "Per-GPU software licences for self-hosted inference.",
    entries: CATALOGUE.licences,
    fields: [{ key: "softwareLicencePerGpuYear", label: "Licence", kind: "number" }],
  },
  {
    id: "trends",
    kind: "trends",
    title: "Trend rates",
    description: "How new hardware improves each year, and what it resells for. A market price trend, not accounting depreciation.",
    entries: CATALOGUE.trends,
    fields: [
      { key: "hardwarePriceDeclinePerYear", label: "Price per performance", kind: "fraction", unit: "% decline per year" },
      { key: "energyEfficiencyGainPerYear", label: "Energy efficiency", kind: "fraction", unit: "% gain per year" },
      { key: "resaleValueShare", label: "Resale value", kind: "fraction", unit: "% of price after 36 months" },
    ],
  },
];

/**
 * The engine's exact decimal string with thousands separators for reading. Deliberately not
 * formatMoney: it rounds to cents, which would turn sub-cent per-token prices (0.0028) into 0.00.
 */
function exactNumberText(value: Decimal): string {
  const [whole = "", fraction] = serializeResult(value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A fraction as a percentage with as many decimals as it has, so nothing is rounded away. */
function percentText(fraction: Decimal): string {
  return formatPercent(fraction, Math.max(0, fraction.times(100).decimalPlaces()));
}

function formatValue(raw: string | undefined, kind: FieldKind): ValueCell {
  if (raw === undefined || raw.trim() === "") return { text: "unknown" };
  if (kind === "text") return { text: raw, sort: raw };
  const value = new Decimal(raw);
  // A float sort key only orders rows on screen; the text shown is the exact decimal.
  const sort = value.toNumber();
  return kind === "fraction" ? { text: percentText(value), sort } : { text: exactNumberText(value), sort };
}

function provenance(
  source: { citations: CitationView[]; note?: string; asOf: string; confidence: Confidence },
  staleAfterDays: number,
  today: string,
): Provenance {
  const ageDays = daysBetween(source.asOf, today);
  return {
    citations: source.citations,
    note: source.note ?? null,
    asOf: source.asOf,
    ageDays,
    stale: ageDays > staleAfterDays,
    staleAfterDays,
    confidence: source.confidence,
  };
}

function buildSection(spec: SectionSpec, today: string): CatalogueSection {
  const first = spec.entries[0];
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    staleAfterDays: STALE_AFTER_DAYS[spec.kind],
    fields: spec.fields.map((field) => ({
      key: field.key,
      label: field.label,
      unit: field.unit ?? first?.units[field.key] ?? "",
      numeric: field.kind !== "text",
    })),
    rows: spec.entries.map((entry) => ({
      id: entry.id,
      label: entry.label,
      values: Object.fromEntries(spec.fields.map((field) => [field.key, formatValue(entry.values[field.key], field.kind)])),
      provenance: provenance({ ...entry, citations: citeEntrySources(entry.sources) }, STALE_AFTER_DAYS[spec.kind], today),
    })),
  };
}

type SourceId = keyof typeof COMPLIANCE_SOURCES;
const SOURCE_IDS = Object.keys(COMPLIANCE_SOURCES) as SourceId[];

function sourceNumber(id: SourceId): number {
  return SOURCE_IDS.indexOf(id) + 1;
}

/** A compliance source cites itself: its read date is both the citation's date and the one staleness is judged by. */
function sourceProvenance(source: ComplianceSource, today: string): Provenance {
  return provenance(
    { citations: [citeComplianceSource(source)], asOf: source.asOf, confidence: source.confidence, ...(source.note === undefined ? {} : { note: source.note }) },
    STALE_AFTER_DAYS.compliance,
    today,
  );
}

function factCell<T>(fact: Fact<T>, text: string | null, sort?: number): FactCell {
  const known = text !== null;
  return {
    text: text ?? "unknown",
    ...(known ? { sort: sort ?? text } : {}),
    sourceNumber: sourceNumber(fact.source),
    note: fact.note ?? null,
  };
}

const CAPABILITY_TEXT: Record<CapabilityValue, string | null> = {
  yes: "yes",
  no: "no",
  "on-request": "on request",
  "to-confirm": "yours to confirm",
  unknown: null,
  "not-applicable": "not applicable",
};

function capabilityCell(fact: Fact<CapabilityValue>): FactCell {
  return factCell(fact, CAPABILITY_TEXT[fact.value]);
}

function parentCell(fact: DeploymentCapability["parent"]): FactCell {
  const parent = fact.value;
  if (parent.kind === "company") return factCell(fact, `${parent.name} (${parent.jurisdiction})`);
  if (parent.kind === "customer") return factCell(fact, "you (the customer)");
  return factCell(fact, `the ${parent.role} you declare`);
}

function processingCell(fact: DeploymentCapability["processing"]): FactCell {
  const processing = fact.value;
  switch (processing.kind) {
    case "fixed":
      return factCell(fact, processing.places.join(", "));
    case "global":
      return factCell(fact, "global");
    case "customer-chosen":
      return factCell(
        fact,
        processing.guaranteedWithin === undefined ? "where you place it" : `your region (guaranteed in ${processing.guaranteedWithin.join(", ")})`,
      );
  }
}

function premiumCell(fact: DeploymentCapability["residencyPremium"]): FactCell {
  const premium = fact.value;
  if (premium.kind === "unknown") return factCell(fact, null);
  if (premium.kind === "not-applicable") return factCell(fact, "not applicable", -1);
  const text = premium.low.eq(premium.high)
    ? `+${percentText(premium.high)}`
    : `+${percentText(premium.low).replace(" %", "")}–${percentText(premium.high)}`;
  return factCell(fact, text, premium.high.toNumber());
}

const DEPLOYMENT_KIND_TEXT: Record<DeploymentKind, string> = {
  api: "API",
  "self-hosted-owned": "self-hosted, owned GPUs",
  "self-hosted-rented": "self-hosted, rented GPUs",
};

const CERTIFICATION_TEXT: Record<string, string> = {
  "fedramp-low": "FedRAMP Low",
  "fedramp-moderate": "FedRAMP Moderate",
  "fedramp-high": "FedRAMP High",
  "dod-il4": "DoD IL4",
  "dod-il5": "DoD IL5",
  "pci-dss": "PCI DSS",
};

function buildDeployment(entry: DeploymentCapability): DeploymentRow {
  const certifications = Object.entries(entry.certifications).flatMap(([id, fact]) => {
    if (fact === undefined) return [];
    const value = CAPABILITY_TEXT[fact.value];
    return [factCell(fact, value === null ? `${CERTIFICATION_TEXT[id] ?? id}: unknown` : `${CERTIFICATION_TEXT[id] ?? id}: ${value}`)];
  });
  return {
    id: entry.id,
    label: entry.label,
    kind: DEPLOYMENT_KIND_TEXT[entry.kind],
    parent: parentCell(entry.parent),
    processing: processingCell(entry.processing),
    residencyPremium: premiumCell(entry.residencyPremium),
    zeroDataRetention: capabilityCell(entry.zeroDataRetention),
    noTraining: capabilityCell(entry.noTrainingOnCustomerData),
    baa: capabilityCell(entry.baa),
    customerManagedKeys: capabilityCell(entry.customerManagedKeys),
    auditRights: capabilityCell(entry.auditRights),
    certifications,
  };
}

/**
 * The whole catalogue as plain data. `today` ("YYYY-MM-DD") is the day staleness is judged
 * against: the caller reads the clock, the engine never does.
 */
export function buildCataloguePage(today: string): CataloguePage {
  const framework = getComplianceSource("eu-cloud-sovereignty-framework");
  return {
    today,
    stalenessRules: [...STALENESS_RULES],
    complianceStaleAfterDays: STALE_AFTER_DAYS.compliance,
    sections: SECTIONS.map((spec) => buildSection(spec, today)),
    deployments: DEPLOYMENT_CAPABILITIES.map(buildDeployment),
    complianceSources: SOURCE_IDS.map((id) => ({ id, number: sourceNumber(id), ...sourceProvenance(getComplianceSource(id), today) })),
    objectives: SOVEREIGNTY_OBJECTIVES.map((objective) => ({
      id: objective.id,
      name: objective.name,
      weight: { text: percentText(objective.weight), sort: objective.weight.toNumber() },
      provenance: sourceProvenance(framework, today),
    })),
  };
}
