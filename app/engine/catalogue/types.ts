/**
 * A public document a built-in figure comes from: who published it, its title, the pages a reader can
 * open (the primary one first, all https) and a date, YYYY-MM-DD: the document's own date when it states
 * a full one, otherwise the day the figures were read from it (for a price list or a leaderboard, the
 * snapshot the entry is dated by).
 */
export interface PublishedSource {
  kind: "published";
  publisher: string;
  title: string;
  urls: readonly [string, ...string[]];
  date: string;
}

/**
 * Where an organisation's own figure comes from: a note in its own words and the day it was true. No
 * public page, so none of the built-in catalogue's URL rules apply to it.
 */
export interface NoteSource {
  kind: "note";
  note: string;
  asOf: string;
}

export type CatalogueSource = PublishedSource | NoteSource;

/**
 * A dated, sourced catalogue entry. Values are decimal strings in USD (the catalogue's currency) unless
 * the unit says otherwise; `asOf` is the date the figure describes (snapshot or period end). Built-in
 * entries cite published sources; `S` lets an organisation's entry cite its own note instead.
 */
export interface CatalogueEntry<V extends Record<string, string>, S extends CatalogueSource = PublishedSource> {
  id: string;
  label: string;
  values: V;
  /** Unit of each value, e.g. { inputPricePerMillion: "USD per 1M tokens" }. */
  units: { [K in keyof V]: string };
  /** The documents the values come from, the one most values rest on first. */
  sources: readonly [S, ...S[]];
  asOf: string;
  confidence: "high" | "medium" | "low";
  note?: string;
}
