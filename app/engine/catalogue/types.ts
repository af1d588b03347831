/**
 * A dated, sourced catalogue entry. Values are decimal strings in USD (the catalogue's currency) unless
 * the unit says otherwise; `asOf` is the date the figure describes (snapshot or period end).
 */
export interface CatalogueEntry<V extends Record<string, string>> {
  id: string;
  label: string;
  values: V;
  /** Unit of each value, e.g. { inputPricePerMillion: "USD per 1M tokens" }. */
  units: { [K in keyof V]: string };
  source: string;
  sourceUrl?: string;
  asOf: string;
  confidence: "high" | "medium" | "low";
  note?: string;
}
