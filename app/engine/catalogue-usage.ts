import { STALE_AFTER_DAYS, type CatalogueSource } from "./catalogue/index.ts";
import type { Catalogue } from "./catalogue/organisation.ts";
import { getDeploymentCapability, getResidencyPremium, resolveResidencyPremium, type ComplianceSource } from "./compliance/index.ts";
import { Decimal } from "./decimal.ts";
import type { HybridComponent, Option } from "./scenario.ts";

/**
 * A document a catalogue value cites, as a result carries it: publisher, title, the pages (primary first;
 * none for a compliance fact no public page states) and its date, YYYY-MM-DD. An organisation's own
 * entry cites its note: no publisher, the note as title, no page, the note's date.
 */
export interface SourceCitation {
  publisher: string | null;
  title: string;
  urls: string[];
  date: string;
}

/** One input that has a catalogue default: whether the scenario kept it or overrode it. */
export interface CatalogueValueUsed {
  /** Field path inside the option, e.g. "gpu.unitPrice" or "primary.inputPricePerMillion". */
  field: string;
  /** The value the scenario used (scenario currency for money). */
  value: Decimal;
  /**
   * "catalogue": the built-in value kept; "organisation": the organisation's catalogue value kept (its
   * override of a built-in entry, or an entry of its own); "override": the scenario's own value;
   * "unknown-catalogue-id": the id names no entry of the catalogue computed against.
   */
  status: "catalogue" | "organisation" | "override" | "unknown-catalogue-id";
  catalogue: {
    id: string;
    label: string;
    /** The catalogue value converted to the scenario currency (money) or as stored. */
    value: Decimal | null;
    unit: string;
    /** The documents the value comes from; empty where no source exists and `note` says so. */
    sources: SourceCitation[];
    asOf: string;
    /** Days after `asOf` from which the value counts as stale (STALE_AFTER_DAYS of its kind). */
    staleAfterDays: number;
    confidence: "high" | "medium" | "low";
    note?: string;
    /** Present when the entry is the organisation's (sources: its note; asOf: its date). */
    origin?: "organisation";
  } | null;
  /** Where the override came from, as the scenario states it. */
  overrideSource: { source: string; asOf?: string } | null;
}

function citeEntrySource(source: CatalogueSource): SourceCitation {
  return source.kind === "published"
    ? { publisher: source.publisher, title: source.title, urls: [...source.urls], date: source.date }
    : { publisher: null, title: source.note, urls: [], date: source.asOf };
}

function citeCompliance(source: ComplianceSource): SourceCitation {
  return { publisher: source.publisher, title: source.title, urls: [...source.urls], date: source.asOf };
}

interface FieldRef<O> {
  field: string;
  catalogId: (option: O) => string | undefined;
  key: string;
  money: boolean;
  value: (option: O) => Decimal;
}

type Api = Extract<HybridComponent, { kind: "api" }>;
type Owned = Extract<HybridComponent, { kind: "owned-gpu" }>;
type Rented = Extract<HybridComponent, { kind: "rented-gpu" }>;

const QUALITY_REF: FieldRef<HybridComponent> = {
  field: "model.quality.score",
  catalogId: (o) => (o.model.quality ? o.model.catalogId : undefined),
  key: "score",
  money: false,
  value: (o) => o.model.quality?.score ?? new Decimal(0),
};

const API_REFS: FieldRef<Api>[] = (
  [
    ["inputPricePerMillion", true],
    ["cachedInputPricePerMillion", true],
    ["outputPricePerMillion", true],
    ["batchDiscount", false],
  ] as const
).map(([key, money]) => ({ field: key, catalogId: (o) => o.catalogId, key, money, value: (o) => o[key] }));

type Hosted = Owned | Rented;
const HOSTED_REFS: FieldRef<Hosted>[] = [
  ...(["prefillTokensPerSecondPerGpu", "decodeTokensPerSecondPerGpu", "concurrency"] as const).map(
    (key): FieldRef<Hosted> => ({ field: `throughput.${key}`, catalogId: (o) => o.throughput.catalogId, key, money: false, value: (o) => o.throughput[key] }),
  ),
  { field: "staffing.loadedCostPerFteYear", catalogId: (o) => o.staffing.catalogId, key: "loadedCostPerFteYear", money: true, value: (o) => o.staffing.loadedCostPerFteYear },
  { field: "softwareLicencePerGpuYear", catalogId: (o) => o.licenceCatalogId, key: "softwareLicencePerGpuYear", money: true, value: (o) => o.softwareLicencePerGpuYear },
];

const OWNED_REFS: FieldRef<Owned>[] = [
  { field: "gpu.unitPrice", catalogId: (o) => o.gpu.catalogId, key: "unitPrice", money: true, value: (o) => o.gpu.unitPrice },
  { field: "gpu.powerKw", catalogId: (o) => o.gpu.catalogId, key: "powerKw", money: false, value: (o) => o.gpu.powerKw },
  { field: "server.gpusPerNode", catalogId: (o) => o.server.catalogId, key: "gpusPerNode", money: false, value: (o) => o.server.gpusPerNode },
  { field: "server.baseNodePrice", catalogId: (o) => o.server.catalogId, key: "baseNodePrice", money: true, value: (o) => o.server.baseNodePrice },
  { field: "server.baseNodePowerKw", catalogId: (o) => o.server.catalogId, key: "baseNodePowerKw", money: false, value: (o) => o.server.baseNodePowerKw },
  { field: "electricityPricePerKwh", catalogId: (o) => o.energyCatalogId, key: "electricityPricePerKwh", money: true, value: (o) => o.electricityPricePerKwh },
  { field: "pue", catalogId: (o) => o.energyCatalogId, key: "pue", money: false, value: (o) => o.pue },
  {
    field: "facility.pricePerKwMonth",
    catalogId: (o) => (o.facility.kind === "colocation" ? o.facility.catalogId : undefined),
    key: "pricePerKwMonth",
    money: true,
    value: (o) => (o.facility.kind === "colocation" ? o.facility.pricePerKwMonth : new Decimal(0)),
  },
  ...(["hardwarePriceDeclinePerYear", "energyEfficiencyGainPerYear", "resaleValueShare"] as const).map(
    (key): FieldRef<Owned> => ({ field: key, catalogId: (o) => o.trendsCatalogId, key, money: false, value: (o) => o[key] }),
  ),
];

const RENTED_REFS: FieldRef<Rented>[] = [
  { field: "pricePerGpuHour", catalogId: (o) => o.catalogId, key: "pricePerGpuHour", money: true, value: (o) => o.pricePerGpuHour },
  { field: "gpusPerNode", catalogId: (o) => o.catalogId, key: "gpusPerNode", money: false, value: (o) => o.gpusPerNode },
];

/** A catalogue value in the scenario currency, and its 6 significant digits for the kept-or-overridden test. */
interface CatalogueValue {
  value: Decimal;
  rounded: Decimal;
}

/**
 * Memo of converted catalogue values, keyed by the stored string and the exchange rate: the catalogue is
 * constant, so every recompute of a scenario meets the same values again. Bounded so a long session cannot grow it.
 */
const catalogueValues = new Map<string, CatalogueValue>();
const CATALOGUE_VALUE_MEMO_SIZE = 1024;

function getCatalogueValue(raw: string, perUsd: Decimal | null): CatalogueValue {
  const memoKey = perUsd === null ? raw : `${raw}×${perUsd.toString()}`;
  const known = catalogueValues.get(memoKey);
  if (known !== undefined) return known;
  const value = perUsd === null ? new Decimal(raw) : new Decimal(raw).times(perUsd);
  const converted = { value, rounded: value.toSignificantDigits(6) };
  if (catalogueValues.size >= CATALOGUE_VALUE_MEMO_SIZE) catalogueValues.clear();
  catalogueValues.set(memoKey, converted);
  return converted;
}

/** Equal at 6 significant digits, so a converted price the UI rounded for display still counts as kept. */
function sameValue(a: Decimal, b: CatalogueValue): boolean {
  return a.toSignificantDigits(6).eq(b.rounded);
}

function collect<O extends HybridComponent>(
  option: O,
  refs: readonly FieldRef<O>[],
  prefix: string,
  perUsd: Decimal,
  overrideSources: Record<string, { source: string; asOf?: string }>,
  catalogue: Catalogue,
  out: CatalogueValueUsed[],
): void {
  for (const ref of refs) {
    const id = ref.catalogId(option);
    if (id === undefined) continue;
    const field = `${prefix}${ref.field}`;
    const value = ref.value(option);
    const entry = catalogue.get(id);
    const overrideSource = overrideSources[ref.field] ?? null;
    if (entry === null) {
      out.push({ field, value, status: "unknown-catalogue-id", catalogue: null, overrideSource });
      continue;
    }
    const raw = entry.values[ref.key];
    const converted = raw === undefined ? null : getCatalogueValue(raw, ref.money ? perUsd : null);
    const catalogueValue = converted === null ? null : converted.value;
    const kept = converted !== null && sameValue(value, converted);
    out.push({
      field,
      value,
      status: kept ? (entry.organisation === null ? "catalogue" : "organisation") : "override",
      catalogue: {
        id: entry.id,
        label: entry.label,
        value: catalogueValue,
        unit: ref.money ? (entry.units[ref.key] ?? "").replace("USD", "scenario currency") : (entry.units[ref.key] ?? ""),
        sources: entry.sources.map(citeEntrySource),
        asOf: entry.asOf,
        staleAfterDays: STALE_AFTER_DAYS[entry.kind],
        confidence: entry.confidence,
        ...(entry.note === undefined ? {} : { note: entry.note }),
        ...(entry.organisation === null ? {} : { origin: "organisation" as const }),
      },
      overrideSource: kept ? null : overrideSource,
    });
  }
}

/** The residency premium's provenance when the API option names a compliance-catalogue deployment. */
function collectResidencyPremium(option: Api, prefix: string, out: CatalogueValueUsed[]): void {
  const entry = option.deployment === undefined ? null : getDeploymentCapability(option.deployment.catalogId);
  if (entry === null) return;
  const premium = getResidencyPremium(entry);
  if (premium.kind === "not-applicable") return;
  const catalogueValue = premium.kind === "known" ? premium.fraction : null;
  const value = resolveResidencyPremium(option);
  const kept = catalogueValue !== null && value.eq(catalogueValue);
  out.push({
    field: `${prefix}residencyPremium`,
    value,
    status: kept ? "catalogue" : "override",
    catalogue: {
      id: entry.id,
      label: entry.label,
      value: catalogueValue,
      unit: "fraction added to token prices",
      sources: [citeCompliance(premium.source)],
      asOf: premium.source.asOf,
      staleAfterDays: STALE_AFTER_DAYS.compliance,
      confidence: premium.source.confidence,
      note: premium.note,
    },
    overrideSource: kept ? null : (option.overrideSources?.residencyPremium ?? null),
  });
}

/**
 * The loaded-cost multiplier beside a catalogue staff figure: the catalogue holds median salaries and no
 * source for a multiplier, so the row shows the value used (absent = 1, salary only) and says so.
 */
function collectLoadedCostMultiplier(option: Hosted, prefix: string, catalogue: Catalogue, out: CatalogueValueUsed[]): void {
  const id = option.staffing.catalogId;
  const entry = id === undefined ? null : catalogue.get(id);
  if (entry === null) return;
  const given = option.staffing.loadedCostMultiplier;
  out.push({
    field: `${prefix}staffing.loadedCostMultiplier`,
    value: given ?? new Decimal(1),
    status: given === undefined ? "catalogue" : "override",
    catalogue: {
      id: entry.id,
      label: entry.label,
      value: new Decimal(1),
      unit: "multiplier from salary to loaded cost",
      sources: [],
      asOf: entry.asOf,
      staleAfterDays: STALE_AFTER_DAYS[entry.kind],
      confidence: "low",
      note: "salary only — enter your overhead multiplier",
    },
    overrideSource: given === undefined ? null : (option.overrideSources?.["staffing.loadedCostMultiplier"] ?? null),
  });
}

function collectComponent(option: HybridComponent, prefix: string, perUsd: Decimal, catalogue: Catalogue, out: CatalogueValueUsed[]): void {
  const sources = option.overrideSources ?? {};
  collect(option, [QUALITY_REF], prefix, perUsd, sources, catalogue, out);
  if (option.kind === "api") {
    collect(option, API_REFS, prefix, perUsd, sources, catalogue, out);
    collectResidencyPremium(option, prefix, out);
  }
  else if (option.kind === "owned-gpu") {
    collect(option, HOSTED_REFS, prefix, perUsd, sources, catalogue, out);
    collectLoadedCostMultiplier(option, prefix, catalogue, out);
    collect(option, OWNED_REFS, prefix, perUsd, sources, catalogue, out);
  } else {
    collect(option, HOSTED_REFS, prefix, perUsd, sources, catalogue, out);
    collectLoadedCostMultiplier(option, prefix, catalogue, out);
    collect(option, RENTED_REFS, prefix, perUsd, sources, catalogue, out);
  }
}

/**
 * Every input of the option that has a catalogue reference, with the catalogue's value (money converted
 * from USD at `perUsd`), source and date, and whether the scenario kept the built-in value, kept the
 * organisation's (an entry of `catalogue`'s layer), or overrode it.
 */
export function listCatalogueValuesUsed(option: Option, perUsd: Decimal, catalogue: Catalogue): CatalogueValueUsed[] {
  const out: CatalogueValueUsed[] = [];
  if (option.kind === "hybrid") {
    collectComponent(option.primary, "primary.", perUsd, catalogue, out);
    collectComponent(option.secondary, "secondary.", perUsd, catalogue, out);
  } else {
    collectComponent(option, "", perUsd, catalogue, out);
  }
  return out;
}
