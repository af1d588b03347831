import { Decimal, DEPLOYMENT_CAPABILITIES, getDeploymentCapability, getResidencyPremium, type Catalogue, type CatalogueKind, type ResolvedCatalogueEntry } from "~/engine/index.ts";
import { citeComplianceSource, citeEntrySources, describeCitationsBriefly, type CitationView } from "~/reports/sources.ts";
import { getAtPath, isJsonObject, setAtPath, type JsonObject } from "~/scenarios/paths.ts";

/**
 * Catalogue pickers, override detection and template filling on the raw scenario input (the editor
 * holds JSON that may not parse yet, so it cannot use the engine's parsed `catalogueValues`), against
 * a `Catalogue`: the built-in one or an organisation's (ADR 021). The field map mirrors the
 * engine's catalogue-usage rules: money is converted from USD at the scenario's `perUsd`, and a value
 * counts as kept when it equals the catalogue value at 6 significant digits. A unit test holds the two
 * in agreement on the examples.
 */

/** A leaf option kind: the kinds that carry catalogue fields (a hybrid's parts are leaves). */
export type LeafKind = "api" | "owned-gpu" | "rented-gpu";

/** One catalogue value copied into an option field. */
export interface BoundField {
  /** Field path inside the option, the key of `overrideSources` ("gpu.unitPrice"). */
  field: string;
  /** Key in the catalogue entry's `values`. */
  key: string;
  /** USD money, converted at the scenario's `perUsd`. */
  money: boolean;
}

/** A catalogue picker: which entries, where the chosen id is stored, which fields it fills. */
export interface CatalogueBinding {
  id: string;
  label: string;
  /** The catalogue group the picker offers. */
  kind: CatalogueKind;
  /** Field path inside the option holding the catalogue id ("gpu.catalogId"). */
  idField: string;
  fields: readonly BoundField[];
  /** A name field set to the entry's label on pick (e.g. "gpu.name"). */
  nameField?: string;
  /** Whether the picker applies to this option right now (colocation only with a colocation facility). */
  applies?: (option: JsonObject) => boolean;
}

const field = (path: string, key: string, money = false): BoundField => ({ field: path, key, money });

const QUALITY: CatalogueBinding = {
  id: "quality",
  label: "Model quality score",
  kind: "modelQuality",
  idField: "model.catalogId",
  fields: [field("model.quality.score", "score")],
  nameField: "model.name",
};

const THROUGHPUT: CatalogueBinding = {
  id: "throughput",
  label: "Open-model throughput",
  kind: "throughput",
  idField: "throughput.catalogId",
  fields: ["prefillTokensPerSecondPerGpu", "decodeTokensPerSecondPerGpu", "concurrency"].map((key) => field(`throughput.${key}`, key)),
};

const SALARY: CatalogueBinding = {
  id: "salary",
  label: "Staff salary",
  kind: "salaries",
  idField: "staffing.catalogId",
  fields: [field("staffing.loadedCostPerFteYear", "loadedCostPerFteYear", true)],
};

const LICENCE: CatalogueBinding = {
  id: "licence",
  label: "Software licence",
  kind: "licences",
  idField: "licenceCatalogId",
  fields: [field("softwareLicencePerGpuYear", "softwareLicencePerGpuYear", true)],
};

export const BINDINGS: Record<LeafKind, readonly CatalogueBinding[]> = {
  api: [
    {
      id: "api-price",
      label: "API model and prices",
      kind: "apiPrices",
      idField: "catalogId",
      fields: [
        field("inputPricePerMillion", "inputPricePerMillion", true),
        field("cachedInputPricePerMillion", "cachedInputPricePerMillion", true),
        field("outputPricePerMillion", "outputPricePerMillion", true),
        field("batchDiscount", "batchDiscount"),
      ],
    },
    QUALITY,
  ],
  "owned-gpu": [
    QUALITY,
    { id: "gpu", label: "GPU", kind: "gpus", idField: "gpu.catalogId", fields: [field("gpu.unitPrice", "unitPrice", true), field("gpu.powerKw", "powerKw")], nameField: "gpu.name" },
    {
      id: "server",
      label: "Server",
      kind: "servers",
      idField: "server.catalogId",
      fields: [field("server.gpusPerNode", "gpusPerNode"), field("server.baseNodePrice", "baseNodePrice", true), field("server.baseNodePowerKw", "baseNodePowerKw")],
      nameField: "server.name",
    },
    THROUGHPUT,
    { id: "energy", label: "Electricity and PUE", kind: "electricity", idField: "energyCatalogId", fields: [field("electricityPricePerKwh", "electricityPricePerKwh", true), field("pue", "pue")] },
    {
      id: "colocation",
      label: "Colocation price",
      kind: "colocation",
      idField: "facility.catalogId",
      fields: [field("facility.pricePerKwMonth", "pricePerKwMonth", true)],
      applies: (option) => getAtPath(option, ["facility", "kind"]) === "colocation",
    },
    SALARY,
    LICENCE,
    {
      id: "trends",
      label: "Hardware trends and resale",
      kind: "trends",
      idField: "trendsCatalogId",
      fields: ["hardwarePriceDeclinePerYear", "energyEfficiencyGainPerYear", "resaleValueShare"].map((key) => field(key, key)),
    },
  ],
  "rented-gpu": [
    QUALITY,
    { id: "rental", label: "Rented GPU offer", kind: "gpuRentals", idField: "catalogId", fields: [field("pricePerGpuHour", "pricePerGpuHour", true), field("gpusPerNode", "gpusPerNode")] },
    THROUGHPUT,
    SALARY,
    LICENCE,
  ],
};

const toPath = (dotted: string) => dotted.split(".");

export function isLeafKind(kind: unknown): kind is LeafKind {
  return kind === "api" || kind === "owned-gpu" || kind === "rented-gpu";
}

/** The catalogue entry an option's picker currently names, or null (no id, or an unknown id). */
export function getPickedEntry(option: JsonObject, binding: CatalogueBinding, catalogue: Catalogue): ResolvedCatalogueEntry | null {
  const id = getAtPath(option, toPath(binding.idField));
  return typeof id === "string" ? catalogue.get(id) : null;
}

function toDecimal(value: unknown): Decimal | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  try {
    const decimal = new Decimal(value);
    return decimal.isFinite() ? decimal : null;
  } catch {
    return null;
  }
}

/** The catalogue value of a bound field in the scenario currency, as a canonical decimal string. */
export function convertCatalogueValue(raw: string, money: boolean, perUsd: unknown): string | null {
  if (!money) return raw;
  const rate = toDecimal(perUsd);
  return rate === null ? null : new Decimal(raw).times(rate).toFixed();
}

/** What the editor shows beside a field that has a catalogue default. */
export interface CatalogueState {
  status: "catalogue" | "override";
  /** The catalogue value in the field's unit (money in the scenario currency), or null when unknown. */
  catalogueValue: string | null;
  entry: { id: string; label: string; citations: CitationView[]; asOf: string; confidence: string; note?: string; organisation?: true };
}

/** Same rule as the engine: equal at 6 significant digits counts as kept. */
function isSameValue(value: unknown, catalogueValue: string): boolean {
  const given = toDecimal(value);
  return given !== null && given.toSignificantDigits(6).eq(new Decimal(catalogueValue).toSignificantDigits(6));
}

function describeEntry(entry: ResolvedCatalogueEntry): CatalogueState["entry"] {
  return {
    id: entry.id,
    label: entry.label,
    citations: citeEntrySources(entry.sources),
    asOf: entry.asOf,
    confidence: entry.confidence,
    ...(entry.note === undefined ? {} : { note: entry.note }),
    ...(entry.organisation === null ? {} : { organisation: true as const }),
  };
}

/**
 * Whether `fieldPath` of a leaf option holds its catalogue value or overrides it; null when the field
 * has no catalogue default right now (no picker bound, or no entry picked).
 */
export function getCatalogueState(option: JsonObject, fieldPath: string, perUsd: unknown, catalogue: Catalogue): CatalogueState | null {
  if (!isLeafKind(option.kind)) return null;
  if (option.kind === "api" && fieldPath === "residencyPremium") return getResidencyPremiumState(option);
  for (const binding of BINDINGS[option.kind]) {
    const bound = binding.fields.find((candidate) => candidate.field === fieldPath);
    if (bound === undefined || (binding.applies !== undefined && !binding.applies(option))) continue;
    if (binding === QUALITY && getAtPath(option, ["model", "quality"]) === undefined) return null;
    const entry = getPickedEntry(option, binding, catalogue);
    const raw = entry?.values[bound.key];
    if (entry === null || raw === undefined) return null;
    const catalogueValue = convertCatalogueValue(raw, bound.money, perUsd);
    const value = getAtPath(option, toPath(fieldPath));
    const kept = catalogueValue !== null && isSameValue(value, catalogueValue);
    return { status: kept ? "catalogue" : "override", catalogueValue, entry: describeEntry(entry) };
  }
  return null;
}

/** The API residency premium against its deployment's compliance-catalogue premium (absent = catalogue). */
function getResidencyPremiumState(option: JsonObject): CatalogueState | null {
  const id = getAtPath(option, ["deployment", "catalogId"]);
  const deployment = typeof id === "string" ? getDeploymentCapability(id) : null;
  if (deployment === null) return null;
  const premium = getResidencyPremium(deployment);
  if (premium.kind === "not-applicable") return null;
  // An unknown catalogue premium makes any value entered an override (the engine says so too).
  const catalogueValue = premium.kind === "known" ? premium.fraction.toFixed() : null;
  const kept = catalogueValue !== null && (option.residencyPremium === undefined || isSameValue(option.residencyPremium, catalogueValue));
  return {
    status: kept ? "catalogue" : "override",
    catalogueValue,
    entry: {
      id: deployment.id,
      label: deployment.label,
      citations: [citeComplianceSource(premium.source)],
      asOf: premium.source.asOf,
      confidence: premium.source.confidence,
      note: premium.note,
    },
  };
}

/**
 * The option with the catalogue value put back into `fieldPath` and its override source dropped; the
 * option unchanged when the catalogue value is unknown. The residency premium goes back to "absent"
 * (the deployment's premium applies).
 */
export function resetToCatalogue(option: JsonObject, fieldPath: string, perUsd: unknown, catalogue: Catalogue): JsonObject {
  const state = getCatalogueState(option, fieldPath, perUsd, catalogue);
  if (state?.catalogueValue == null) return option;
  const withoutSource = removeOverrideSource(option, fieldPath);
  if (option.kind === "api" && fieldPath === "residencyPremium") return setAtPath(withoutSource, ["residencyPremium"], undefined);
  return setAtPath(withoutSource, toPath(fieldPath), state.catalogueValue);
}

function removeOverrideSource(option: JsonObject, fieldPath: string): JsonObject {
  const sources = option.overrideSources;
  if (!isJsonObject(sources) || !(fieldPath in sources)) return option;
  const rest = Object.fromEntries(Object.entries(sources).filter(([key]) => key !== fieldPath));
  return setAtPath(option, ["overrideSources"], Object.keys(rest).length === 0 ? undefined : rest);
}

/**
 * The option after picking `entryId` (or clearing the picker with null): the id is stored and every
 * bound field takes the catalogue value, money converted at `perUsd`. Override sources of the filled
 * fields are dropped, since the fields hold catalogue values again. Clearing keeps the values.
 */
export function applyCatalogueEntry(option: JsonObject, binding: CatalogueBinding, entryId: string | null, perUsd: unknown, catalogue: Catalogue): JsonObject {
  if (entryId === null) return setAtPath(option, toPath(binding.idField), undefined);
  const entry = catalogue.get(entryId);
  if (entry === null) return option;
  let next = setAtPath(option, toPath(binding.idField), entryId);
  for (const bound of binding.fields) {
    const raw = entry.values[bound.key];
    const value = raw === undefined ? null : convertCatalogueValue(raw, bound.money, perUsd);
    if (value === null) continue;
    next = setAtPath(removeOverrideSource(next, bound.field), toPath(bound.field), value);
  }
  if (binding.nameField !== undefined) next = setAtPath(next, toPath(binding.nameField), entry.label);
  if (binding === QUALITY) {
    const { benchmark, version, score } = entry.values;
    next = setAtPath(next, ["model", "quality"], { benchmark, version, score, source: describeCitationsBriefly(citeEntrySources(entry.sources)), asOf: entry.asOf });
  }
  return next;
}

/** Compliance-catalogue deployments an option of this kind may run on. */
export function listDeployments(kind: LeafKind) {
  const deploymentKind = kind === "api" ? "api" : kind === "owned-gpu" ? "self-hosted-owned" : "self-hosted-rented";
  return DEPLOYMENT_CAPABILITIES.filter((entry) => entry.kind === deploymentKind);
}

/**
 * The deployment after picking another catalogue entry: the location stays only where the customer
 * chooses it, the operator only where one is declared; declared facts and SEAL overrides stay.
 */
export function applyDeployment(deployment: unknown, catalogId: string): JsonObject {
  const entry = getDeploymentCapability(catalogId);
  const current = isJsonObject(deployment) ? deployment : {};
  const next: JsonObject = { ...current, catalogId };
  if (entry?.processing.value.kind !== "customer-chosen") delete next.location;
  if (entry?.parent.value.kind !== "declared-operator") delete next.operator;
  return next;
}

/** A leaf option with each value it keeps from an organisation entry set to that entry's value. */
function fillOption(option: JsonObject, perUsd: unknown, catalogue: Catalogue): JsonObject {
  if (!isLeafKind(option.kind)) return option;
  const sources = isJsonObject(option.overrideSources) ? option.overrideSources : {};
  let next = option;
  for (const binding of BINDINGS[option.kind]) {
    if (binding.applies !== undefined && !binding.applies(option)) continue;
    const entry = getPickedEntry(option, binding, catalogue);
    if (entry?.organisation == null) continue;
    for (const bound of binding.fields) {
      const raw = entry.values[bound.key];
      const value = raw === undefined || bound.field in sources ? null : convertCatalogueValue(raw, bound.money, perUsd);
      if (value !== null) next = setAtPath(next, toPath(bound.field), value);
    }
  }
  return next;
}

/**
 * A new scenario's inputs (a template's) filled from the organisation's catalogue: every field bound
 * to an entry the organisation overrides takes the organisation's value, money converted at the
 * scenario's `perUsd`. Fields the template overrides on purpose (listed in `overrideSources`) keep
 * their value; with the built-in catalogue nothing changes.
 */
export function fillFromCatalogue<T extends JsonObject>(inputs: T, catalogue: Catalogue): T {
  const perUsd = getAtPath(inputs, ["currency", "perUsd"]);
  const options = inputs.options;
  if (!Array.isArray(options)) return inputs;
  const filled = options.map((option: unknown) => {
    if (!isJsonObject(option)) return option;
    if (option.kind !== "hybrid") return fillOption(option, perUsd, catalogue);
    let next = option;
    for (const part of ["primary", "secondary"]) {
      const component = option[part];
      if (isJsonObject(component)) next = setAtPath(next, [part], fillOption(component, perUsd, catalogue));
    }
    return next;
  });
  return { ...inputs, options: filled };
}
