import { API_PRICES } from "./api-prices.ts";
import { COLOCATION, ELECTRICITY, LICENCES, SALARIES, TRENDS } from "./facility.ts";
import { GPU_RENTALS, GPUS, SERVERS, THROUGHPUT } from "./hardware.ts";
import { MODEL_QUALITY } from "./model-quality.ts";
import type { CatalogueEntry } from "./types.ts";

export type { CatalogueEntry, CatalogueSource, NoteSource, PublishedSource } from "./types.ts";
export { API_PRICES, COLOCATION, ELECTRICITY, GPU_RENTALS, GPUS, LICENCES, MODEL_QUALITY, SALARIES, SERVERS, THROUGHPUT, TRENDS };

export type AnyCatalogueEntry = CatalogueEntry<Record<string, string>>;

/** Every built-in entry, grouped by kind; ids are unique across groups. */
export const CATALOGUE = {
  apiPrices: API_PRICES,
  modelQuality: MODEL_QUALITY,
  gpus: GPUS,
  servers: SERVERS,
  gpuRentals: GPU_RENTALS,
  throughput: THROUGHPUT,
  electricity: ELECTRICITY,
  colocation: COLOCATION,
  salaries: SALARIES,
  licences: LICENCES,
  trends: TRENDS,
} as const;

/** A group of the catalogue: the kind of figure its entries hold. */
export type CatalogueKind = keyof typeof CATALOGUE;

/**
 * Days after its asOf from which a figure counts as stale on the day of the calculation, per kind of
 * figure: as long as such figures typically stay true. "compliance" covers the compliance catalogue's
 * facts (residency premiums, providers' terms, laws), judged by the date their sources were read.
 */
export const STALE_AFTER_DAYS = {
  apiPrices: 90,
  gpuRentals: 120,
  gpus: 180,
  servers: 180,
  throughput: 180,
  electricity: 365,
  colocation: 365,
  salaries: 365,
  licences: 365,
  modelQuality: 365,
  trends: 365,
  compliance: 365,
} as const satisfies Record<CatalogueKind | "compliance", number>;

const BY_ID = new Map<string, { entry: AnyCatalogueEntry; kind: CatalogueKind }>(
  (Object.entries(CATALOGUE) as [CatalogueKind, readonly AnyCatalogueEntry[]][]).flatMap(([kind, group]) => group.map((entry) => [entry.id, { entry, kind }] as const)),
);

/** The catalogue entry with this id, or null. */
export function getCatalogueEntry(id: string): AnyCatalogueEntry | null {
  return BY_ID.get(id)?.entry ?? null;
}

/** The kind of the catalogue entry with this id, or null when there is none. */
export function getCatalogueKind(id: string): CatalogueKind | null {
  return BY_ID.get(id)?.kind ?? null;
}
