/**
 * Sources as every view shows them (web, PDF, CLI): publisher, title linked to its primary page, and
 * date; and how old a figure may get before it is marked stale, per kind of figure.
 */
import {
  STALE_AFTER_DAYS,
  type CatalogueKind,
  type CatalogueSource,
  type CatalogueValueUsed,
  type ComplianceSource,
  type Serialized,
  type SourceCitation,
} from "../engine/index.ts";

export interface CitationView {
  /** Null for an organisation's own note, and for results stored before sources were structured. */
  publisher: string | null;
  title: string;
  /** The primary public page; null where there is none. */
  url: string | null;
  /** "YYYY-MM-DD": the document's date, or the day its figures were read. */
  date: string;
}

/**
 * A result's catalogue record as stored: results of ENGINE_VERSION before 3.0.0 carry a free-text
 * `source` (and perhaps `sourceUrl`) instead of `sources`, and no `staleAfterDays`.
 */
export type StoredCatalogueRecord = Omit<NonNullable<Serialized<CatalogueValueUsed>["catalogue"]>, "sources" | "staleAfterDays"> & {
  sources?: SourceCitation[];
  staleAfterDays?: number;
  source?: string;
  sourceUrl?: string;
};

/** The one threshold older results were judged by, before thresholds were set per kind of figure. */
const LEGACY_STALE_AFTER_DAYS = 180;

function citeResultSource(source: SourceCitation): CitationView {
  return { publisher: source.publisher, title: source.title, url: source.urls[0] ?? null, date: source.date };
}

/** The sources of a catalogue value in a result, older results' free text included (dated by the entry). */
export function citeStoredSources(record: StoredCatalogueRecord): CitationView[] {
  if (record.sources !== undefined) return record.sources.map(citeResultSource);
  if (record.source === undefined) return [];
  return [{ publisher: null, title: record.source, url: record.sourceUrl ?? null, date: record.asOf }];
}

/** The staleness limit a result judged this value by. */
export function getStoredStaleAfterDays(record: StoredCatalogueRecord): number {
  return record.staleAfterDays ?? LEGACY_STALE_AFTER_DAYS;
}

/** The sources of a catalogue entry: published documents, or an organisation's own note. */
export function citeEntrySources(sources: readonly CatalogueSource[]): CitationView[] {
  return sources.map((source) =>
    source.kind === "published"
      ? { publisher: source.publisher, title: source.title, url: source.urls[0], date: source.date }
      : { publisher: null, title: source.note, url: null, date: source.asOf },
  );
}

/** A compliance source, dated by the day it was read; a third party's page says so in its title. */
export function citeComplianceSource(source: ComplianceSource): CitationView {
  return { publisher: source.publisher, title: `${source.title}${source.thirdParty ? " (third party)" : ""}`, url: source.urls[0] ?? null, date: source.asOf };
}

/** Sources in short, for a line of text: "Publisher: Title; Publisher: Title". */
export function describeCitationsBriefly(citations: readonly CitationView[]): string {
  return citations.map((citation) => (citation.publisher === null ? citation.title : `${citation.publisher}: ${citation.title}`)).join("; ");
}

export interface StalenessRule {
  kind: CatalogueKind | "compliance";
  label: string;
  days: number;
  /** Why figures of this kind stay true about that long. */
  reason: string;
}

/** The staleness limit of each kind of figure, with its reason, in the order the catalogue shows them. */
export const STALENESS_RULES: readonly StalenessRule[] = [
  { kind: "apiPrices", label: "API prices", days: STALE_AFTER_DAYS.apiPrices, reason: "vendors change list prices and replace models about monthly, so a quarter-old price list is likely out of date." },
  { kind: "gpuRentals", label: "GPU rentals", days: STALE_AFTER_DAYS.gpuRentals, reason: "GPU-hour prices follow supply (AWS cut its GPU prices in June 2025) and move a little slower than API prices." },
  { kind: "gpus", label: "GPU prices", days: STALE_AFTER_DAYS.gpus, reason: "purchase prices move with each GPU generation's ramp, about twice a year." },
  { kind: "servers", label: "Server prices", days: STALE_AFTER_DAYS.servers, reason: "node prices follow the GPUs they are built around." },
  { kind: "throughput", label: "Throughput", days: STALE_AFTER_DAYS.throughput, reason: "inference engines (vLLM, SGLang) raise throughput on the same GPU with releases every few months." },
  { kind: "electricity", label: "Energy", days: STALE_AFTER_DAYS.electricity, reason: "EIA and Eurostat publish yearly and half-yearly averages, so a figure is current for a year." },
  { kind: "colocation", label: "Colocation", days: STALE_AFTER_DAYS.colocation, reason: "market reports come half-yearly and contracts run for years, so rates move slowly." },
  { kind: "salaries", label: "Salaries", days: STALE_AFTER_DAYS.salaries, reason: "the Bureau of Labor Statistics publishes its wage figures once a year." },
  { kind: "licences", label: "Licences", days: STALE_AFTER_DAYS.licences, reason: "software list prices are revised about once a year." },
  { kind: "modelQuality", label: "Model quality", days: STALE_AFTER_DAYS.modelQuality, reason: "a model's score within one index version does not change; a new version is a new entry." },
  { kind: "trends", label: "Trend rates", days: STALE_AFTER_DAYS.trends, reason: "multi-year rates from yearly reports such as the AI Index." },
  { kind: "compliance", label: "Compliance facts", days: STALE_AFTER_DAYS.compliance, reason: "laws and providers' residency terms change by announced revisions; the sources are re-read at least yearly." },
];
