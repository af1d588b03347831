import { API_PRICES } from "./api-prices.ts";
import { COLOCATION, ELECTRICITY, LICENCES, SALARIES, TRENDS } from "./facility.ts";
import { GPU_RENTALS, GPUS, SERVERS, THROUGHPUT } from "./hardware.ts";
import { MODEL_QUALITY } from "./model-quality.ts";
import type { CatalogueEntry } from "./types.ts";

export type { CatalogueEntry } from "./types.ts";
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

const BY_ID = new Map<string, AnyCatalogueEntry>(
  Object.values(CATALOGUE).flatMap((group: readonly AnyCatalogueEntry[]) => group.map((entry) => [entry.id, entry] as const)),
);

/** The catalogue entry with this id, or null. */
export function getCatalogueEntry(id: string): AnyCatalogueEntry | null {
  return BY_ID.get(id) ?? null;
}
