/**
 * What the result rests on: the scenario's own settings, and every catalogue value used or overridden,
 * with its source and date. A catalogue value shared by several options is one row naming them all.
 */
import type { CatalogueValueUsed, Serialized } from "../engine/index.ts";
import type { Formatter } from "./format.ts";
import { citeStoredSources, getStoredStaleAfterDays, type CitationView, type StoredCatalogueRecord } from "./sources.ts";
import type { ResultBundle, ScenarioData } from "./types.ts";

export interface ScenarioFact {
  label: string;
  value: string;
}

export interface AssumptionRow {
  /** Stable key: catalogue id (or "none"), field and status. */
  key: string;
  /** The field inside the option, e.g. "gpu.unitPrice", "primary.throughput.concurrency". */
  field: string;
  options: { id: string; name: string }[];
  status: CatalogueValueUsed["status"];
  /** The value the scenario used, with its unit ("34,500 EUR per GPU"). */
  valueText: string;
  /** The catalogue's value when the scenario overrides it; null otherwise. */
  catalogueValueText: string | null;
  entry: { id: string; label: string } | null;
  /** The entry's sources (none where the note says there is no source), its date and confidence. */
  source: { citations: CitationView[]; asOf: string; confidence: "high" | "medium" | "low"; note: string | null } | null;
  /** Older on the result's date than the staleness limit of its kind, as the result judged it. */
  stale: boolean;
  overrideSource: { source: string; asOf: string | null } | null;
}

export interface Assumptions {
  scenarioFacts: ScenarioFact[];
  rows: AssumptionRow[];
}

// Whole days between two "YYYY-MM-DD" dates, in UTC (no time zone can shift a day).
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function withUnit(value: string, unit: string, fmt: Formatter): string {
  const shown = unit.replace("scenario currency", fmt.currency);
  return shown === "" ? fmt.number(value) : `${fmt.number(value)} ${shown}`;
}

/**
 * The scenario's currency in words: the catalogue's own currency (USD) needs no rate, any other names
 * its rate per USD with the rate's source and date ("EUR at 0.92 per USD (ECB, 2026-11-20)").
 */
export function describeCurrency(currency: ScenarioData["currency"], fmt: Formatter): string {
  if (currency.code === "USD") return "USD, the catalogue's currency";
  return `${currency.code} at ${fmt.number(currency.perUsd)} per USD (${currency.source}, ${currency.asOf})`;
}

/** The scenario's settings and every catalogue value used, deduplicated across options. */
export function buildAssumptions(bundle: ResultBundle, fmt: Formatter): Assumptions {
  const { scenario } = bundle;
  const scenarioFacts: ScenarioFact[] = [
    { label: "Horizon", value: `${scenario.horizonMonths} months from ${fmt.month(scenario.startMonth)}` },
    { label: "Currency", value: describeCurrency(scenario.currency, fmt) },
    { label: "Discount rate", value: `${fmt.percent(scenario.discountRatePerYear)} per year` },
    { label: "Residual value credit", value: scenario.creditResidualValue ? "on: hardware still held at the horizon end is credited" : "off" },
    { label: "Results as of", value: scenario.asOf },
  ];
  const rows = new Map<string, AssumptionRow>();
  for (const option of scenario.options) {
    for (const used of option.catalogueValues as Serialized<CatalogueValueUsed>[]) {
      // Hybrid fields carry their part ("primary.gpu.unitPrice"); the same value in two options is one row.
      const key = [used.catalogue?.id ?? "none", used.field.replace(/^(primary|secondary)\./, ""), used.status, used.value].join("|");
      const existing = rows.get(key);
      if (existing) {
        if (!existing.options.some((known) => known.id === option.id)) existing.options.push({ id: option.id, name: option.name });
        continue;
      }
      const catalogue = used.catalogue as StoredCatalogueRecord | null;
      rows.set(key, {
        key,
        field: used.field,
        options: [{ id: option.id, name: option.name }],
        status: used.status,
        valueText: withUnit(used.value, catalogue?.unit ?? "", fmt),
        catalogueValueText: used.status === "override" && catalogue?.value != null ? withUnit(catalogue.value, catalogue.unit, fmt) : null,
        entry: catalogue === null ? null : { id: catalogue.id, label: catalogue.label },
        source:
          catalogue === null
            ? null
            : { citations: citeStoredSources(catalogue), asOf: catalogue.asOf, confidence: catalogue.confidence, note: catalogue.note ?? null },
        stale: catalogue !== null && daysBetween(catalogue.asOf, scenario.asOf) > getStoredStaleAfterDays(catalogue),
        overrideSource: used.overrideSource === null ? null : { source: used.overrideSource.source, asOf: used.overrideSource.asOf ?? null },
      });
    }
  }
  return { scenarioFacts, rows: [...rows.values()] };
}
