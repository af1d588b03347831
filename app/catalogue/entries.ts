/**
 * The rules of an organisation's catalogue entries (docs/decisions/021-organisation-catalogue.md),
 * shared by the override and add-entry forms and by the stored layer's read-back: decimal strings only,
 * a source note and a date always. Pure, safe in the browser.
 */
import { z } from "zod";
import { findHiddenCharacter } from "~/utils/control-characters.ts";
import { CATALOGUE_KINDS, Decimal, getCatalogueKind, getKindUnits, type Catalogue, type CatalogueKind, type OrganisationEntry } from "~/engine/index.ts";

/** Groups an organisation may override or add to: every group of numbers (quality scores carry benchmark names, so they stay built-in). */
export const EDITABLE_KINDS: readonly CatalogueKind[] = CATALOGUE_KINDS.filter((kind) => kind !== "modelQuality");

export const KIND_LABELS: Record<CatalogueKind, string> = {
  apiPrices: "API prices",
  modelQuality: "Model quality",
  gpus: "GPUs",
  servers: "Servers",
  gpuRentals: "GPU rentals",
  throughput: "Throughput",
  electricity: "Electricity",
  colocation: "Colocation",
  salaries: "Salaries",
  licences: "Licences",
  trends: "Trends",
};

const ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,79}$/;
const DECIMAL_PATTERN = /^\d{1,15}(\.\d{1,15})?$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Largest value an entry may hold: above any price, power or count the catalogue describes. */
const MAX_VALUE = 1e12;

/** A real calendar day (2026-02-30 is not). */
function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Printable text without control or invisible formatting characters, trimmed, 1–`max` characters. */
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: required` })
    .trim()
    .min(1, `${label}: required`)
    .max(max, `${label}: at most ${max} characters`)
    .refine((value) => findHiddenCharacter(value) === null, `${label}: must not contain control or invisible formatting characters`);

const EntryFields = z.object({
  id: z.string({ error: "Catalogue id: required" }).regex(ID_PATTERN, "Catalogue id: must be lowercase letters, digits, '.' and '-' (at most 80)"),
  kind: z.enum(EDITABLE_KINDS as [CatalogueKind, ...CatalogueKind[]], { error: `Kind: must be one of ${EDITABLE_KINDS.join(", ")}` }),
  label: text("Label", 200),
  sourceNote: text("Source note", 300),
  asOf: z.string({ error: "As of: required" }).refine(isCalendarDate, "As of: must be a date YYYY-MM-DD"),
});

/** What a person calls each value of the catalogue; the key is the scenario format's name for it. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  inputPricePerMillion: "Input price",
  cachedInputPricePerMillion: "Cached input price",
  outputPricePerMillion: "Output price",
  batchDiscount: "Batch discount",
  benchmark: "Benchmark",
  version: "Index version",
  score: "Score",
  unitPrice: "Unit price",
  powerKw: "Power",
  gpusPerNode: "GPUs per node",
  baseNodePrice: "Node price",
  baseNodePowerKw: "Node power",
  pricePerGpuHour: "Price per GPU-hour",
  prefillTokensPerSecondPerGpu: "Prefill throughput",
  decodeTokensPerSecondPerGpu: "Decode throughput",
  concurrency: "Concurrency",
  electricityPricePerKwh: "Electricity price",
  pue: "PUE",
  pricePerKwMonth: "Colocation price",
  loadedCostPerFteYear: "Loaded cost per FTE",
  softwareLicencePerGpuYear: "Licence per GPU",
  hardwarePriceDeclinePerYear: "Hardware price decline",
  energyEfficiencyGainPerYear: "Energy efficiency gain",
  resaleValueShare: "Resale value",
};

/** The label of a catalogue value's key ("unitPrice" → "Unit price"). */
export function labelValue(key: string): string {
  return VALUE_LABELS[key] ?? key;
}

/** The value keys of a kind, each with its label and unit, in the built-in entries' order. */
export function listValueFields(kind: CatalogueKind): { key: string; label: string; unit: string }[] {
  return Object.entries(getKindUnits(kind)).map(([key, unit]) => ({ key, label: labelValue(key), unit }));
}

function checkValue(label: string, raw: unknown): string | null {
  if (typeof raw !== "string" || raw.trim() === "") return `${label}: required`;
  if (!DECIMAL_PATTERN.test(raw.trim())) return `${label}: must be a decimal string such as "12.5" (no sign, no exponent)`;
  if (Number(raw) > MAX_VALUE) return `${label}: must be at most ${MAX_VALUE}`;
  return null;
}

export type EntryParseResult = { ok: true; entry: OrganisationEntry } | { ok: false; fieldErrors: Record<string, string> };

/**
 * An entry from form fields: `id`, `kind`, `label`, `sourceNote`, `asOf` and `value.<key>` for each
 * value of the kind. An id of the built-in catalogue is an override and takes the built-in kind; any
 * other id is an entry of the organisation's own and must not clash with an entry of another kind.
 * `catalogue` is the organisation's current one. Field errors are keyed by the form field's name.
 */
export function parseEntryFields(fields: Record<string, unknown>, catalogue: Catalogue): EntryParseResult {
  const builtInKind = typeof fields.id === "string" ? getCatalogueKind(fields.id) : null;
  const parsed = EntryFields.safeParse({ ...fields, kind: builtInKind ?? fields.kind });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
  }
  const kind = parsed.success ? parsed.data.kind : EDITABLE_KINDS.find((candidate) => candidate === fields.kind);
  const values: Record<string, string> = {};
  if (kind !== undefined) {
    for (const { key, label } of listValueFields(kind)) {
      const raw = fields[`value.${key}`];
      const problem = checkValue(label, raw);
      if (problem) fieldErrors[`value.${key}`] = problem;
      else values[key] = new Decimal(String(raw).trim()).toFixed();
    }
  }
  if (parsed.success && builtInKind === null) {
    const existing = catalogue.get(parsed.data.id);
    if (existing !== null && existing.kind !== parsed.data.kind) fieldErrors.id ??= `Catalogue id: "${parsed.data.id}" is already an entry of ${KIND_LABELS[existing.kind]}`;
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, entry: { ...parsed.data, values } };
}

/** The stored layer's entries, read back: the same rules as the forms (a stored row never bypasses them). */
export const StoredEntriesSchema = z.array(
  EntryFields.extend({ kind: z.enum(CATALOGUE_KINDS as [CatalogueKind, ...CatalogueKind[]]), values: z.record(z.string(), z.string().regex(DECIMAL_PATTERN)) }),
);
