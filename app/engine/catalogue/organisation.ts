/**
 * An organisation's catalogue (docs/decisions/021-organisation-catalogue.md): the built-in catalogue
 * with the organisation's layer on top — overrides of built-in entries (a negotiated price, its
 * source note and date) and entries of its own (a private model, a regional GPU offer). Pure: the
 * layer arrives as plain data (from the database on the server, through the loader in the browser).
 */
import { CATALOGUE_VERSION } from "../version.ts";
import { CATALOGUE, getCatalogueEntry, getCatalogueKind, type AnyCatalogueEntry, type CatalogueEntry, type CatalogueKind, type CatalogueSource } from "./index.ts";

/** The groups of the catalogue, in the built-in catalogue's order. */
export const CATALOGUE_KINDS = Object.keys(CATALOGUE) as CatalogueKind[];

/**
 * One entry of an organisation's layer. Its id either names a built-in entry (an override: same
 * kind, values replaced) or is new (an entry of the organisation's own). Values are decimal strings
 * in the built-in entry's units (USD for money).
 */
export interface OrganisationEntry {
  id: string;
  kind: CatalogueKind;
  label: string;
  values: Record<string, string>;
  /** Where the figures come from, e.g. "negotiated H100 price, MSA 2026-09". */
  sourceNote: string;
  /** "YYYY-MM-DD": the date the figures describe. */
  asOf: string;
}

/** The organisation's catalogue as stored: its version number (0: never changed) and its entries. */
export interface OrganisationLayer {
  /** 1, 2, 3, … per change of the layer (an override saved or removed, an import applied). */
  number: number;
  entries: readonly OrganisationEntry[];
}

/** A catalogue entry as a scenario sees it, with where it came from: published sources, or the organisation's note. */
export interface ResolvedCatalogueEntry extends CatalogueEntry<Record<string, string>, CatalogueSource> {
  kind: CatalogueKind;
  /** Null for a built-in entry; the organisation's note, date and the built-in entry it replaces otherwise. */
  organisation: { sourceNote: string; asOf: string; replaces: AnyCatalogueEntry | null } | null;
}

/** The catalogue a scenario is filled, validated and computed against. */
export interface Catalogue {
  /** CATALOGUE_VERSION alone for the built-in catalogue; with "+org.<number>" for an organisation's. */
  version: string;
  groups: Readonly<Record<CatalogueKind, readonly ResolvedCatalogueEntry[]>>;
  /** The entry with this id, or null. */
  get(id: string): ResolvedCatalogueEntry | null;
}

/** The unit of each value of a kind, from its built-in entries (every entry of a group has the same keys and units). */
export function getKindUnits(kind: CatalogueKind): Readonly<Record<string, string>> {
  const first = CATALOGUE[kind][0] as AnyCatalogueEntry | undefined;
  return first?.units ?? {};
}

function resolveOrganisationEntry(entry: OrganisationEntry): ResolvedCatalogueEntry {
  const replaces = getCatalogueEntry(entry.id);
  return {
    id: entry.id,
    label: entry.label,
    values: { ...replaces?.values, ...entry.values },
    units: replaces?.units ?? getKindUnits(entry.kind),
    sources: [{ kind: "note", note: entry.sourceNote, asOf: entry.asOf }],
    asOf: entry.asOf,
    // The organisation states the figure itself (a contract, a quote): its own note says how sure it is.
    confidence: "high",
    kind: entry.kind,
    organisation: { sourceNote: entry.sourceNote, asOf: entry.asOf, replaces },
  };
}

/**
 * The built-in catalogue with `layer` on top: an override takes the built-in entry's place (same
 * group, same position), an own entry is appended to its group. Without a layer (or an empty one at
 * number 0), the built-in catalogue under CATALOGUE_VERSION.
 */
export function createCatalogue(layer?: OrganisationLayer): Catalogue {
  const own = new Map((layer?.entries ?? []).map((entry) => [entry.id, entry] as const));
  const groups = {} as Record<CatalogueKind, ResolvedCatalogueEntry[]>;
  const byId = new Map<string, ResolvedCatalogueEntry>();
  for (const kind of CATALOGUE_KINDS) {
    const entries: ResolvedCatalogueEntry[] = (CATALOGUE[kind] as readonly AnyCatalogueEntry[]).map((entry) => {
      const replacement = own.get(entry.id);
      return replacement === undefined ? { ...entry, kind, organisation: null } : resolveOrganisationEntry({ ...replacement, kind });
    });
    for (const entry of layer?.entries ?? []) {
      if (entry.kind === kind && getCatalogueKind(entry.id) === null) entries.push(resolveOrganisationEntry(entry));
    }
    groups[kind] = entries;
    for (const entry of entries) byId.set(entry.id, entry);
  }
  const number = layer?.number ?? 0;
  return {
    version: number === 0 ? CATALOGUE_VERSION : `${CATALOGUE_VERSION}+org.${number}`,
    groups,
    get: (id) => byId.get(id) ?? null,
  };
}

/**
 * Ids the built-in catalogue once held and dropped (entries without a public source, December 2026).
 * Stored scenarios may still name them, so they stay valid ids: a scenario keeps its own values and
 * its result warns that the catalogue has no such entry ("unknown-catalogue-id"). Only ids that never
 * existed, and an organisation's removed entries, are refused. Add an id here when an entry is dropped.
 */
export const RETIRED_CATALOGUE_IDS: ReadonlySet<string> = new Set(["salary.de-ml-engineer", "throughput.llama-3.1-70b-fp8.h100"]);

/** The built-in catalogue alone: the CLI's, the public pages', and any caller that names no organisation. */
export const BUILT_IN_CATALOGUE: Catalogue = createCatalogue();
