/**
 * What applying a parsed price file does to an organisation's catalogue (ADR 021): the preview of
 * price-import.ts, and the layer entries that carry it out. Pure: the route shows the plan, and on
 * confirmation recomputes it from the same file against the then current catalogue and stores it.
 */
import type { Catalogue, OrganisationEntry } from "~/engine/index.ts";
import { previewPriceImport, type ImportedPrice, type PriceFileParse, type PriceImportPreview } from "./price-import.ts";

/** The scenario format's rule for catalogue ids: an id outside it could be imported but never named. */
const CATALOGUE_ID = /^[a-z0-9][a-z0-9.-]{0,79}$/;

export interface PriceImportPlan {
  preview: PriceImportPreview;
  /** The entries the import sets: changed API prices (as overrides or own entries) and new models. */
  entries: OrganisationEntry[];
  /** Rows of the file not imported, with their line and reason (besides the parser's own skips). */
  notImported: { line: number; key: string; reason: string }[];
}

/**
 * The plan for `parsed` (a file without problems) against `catalogue`. A changed entry keeps its label,
 * batch discount and any price the file does not give; a new model has no batch discount and, without
 * a cached-input price in the file, pays the full input price for cached tokens (the cautious reading).
 * Every entry is noted "Imported from <file> (<format>)" and dated by the file's own date or `today`.
 */
export function planPriceImport(catalogue: Catalogue, parsed: PriceFileParse, { fileName, today }: { fileName: string; today: string }): PriceImportPlan {
  const notImported: PriceImportPlan["notImported"] = [];
  const rows: ImportedPrice[] = [];
  for (const row of parsed.rows) {
    const existing = catalogue.get(row.id);
    if (!CATALOGUE_ID.test(row.id)) notImported.push({ line: row.line, key: row.id, reason: "the id is not a catalogue id scenarios can name (lowercase letters, digits, '.' and '-', at most 80)" });
    else if (existing !== null && existing.kind !== "apiPrices") notImported.push({ line: row.line, key: row.id, reason: `the id is an entry of another group (${existing.kind})` });
    else rows.push(row);
  }
  const current = catalogue.groups.apiPrices.map((entry) => ({
    id: entry.id,
    label: entry.label,
    inputPricePerMillion: entry.values.inputPricePerMillion ?? "0",
    cachedInputPricePerMillion: entry.values.cachedInputPricePerMillion ?? null,
    outputPricePerMillion: entry.values.outputPricePerMillion ?? "0",
  }));
  const preview = previewPriceImport(current, rows);
  const sourceNote = `Imported from ${fileName} (${parsed.format ?? "unknown format"})`;
  const asOf = parsed.asOf ?? today;
  const changedIds = new Set(preview.changed.map((change) => change.id));
  const entries: OrganisationEntry[] = [];
  for (const row of rows) {
    const existing = catalogue.get(row.id);
    if (existing === null) {
      const input = row.inputPricePerMillion.toFixed();
      entries.push({
        id: row.id,
        kind: "apiPrices",
        label: (row.label ?? row.id).slice(0, 200),
        values: { inputPricePerMillion: input, cachedInputPricePerMillion: row.cachedInputPricePerMillion?.toFixed() ?? input, outputPricePerMillion: row.outputPricePerMillion.toFixed(), batchDiscount: "0" },
        sourceNote,
        asOf,
      });
    } else if (changedIds.has(row.id)) {
      entries.push({
        id: row.id,
        kind: "apiPrices",
        label: existing.label,
        values: {
          ...existing.values,
          inputPricePerMillion: row.inputPricePerMillion.toFixed(),
          ...(row.cachedInputPricePerMillion === null ? {} : { cachedInputPricePerMillion: row.cachedInputPricePerMillion.toFixed() }),
          outputPricePerMillion: row.outputPricePerMillion.toFixed(),
        },
        sourceNote,
        asOf,
      });
    }
  }
  return { preview, entries, notImported };
}
