/**
 * Price import (issue 11), the pure core: read an uploaded price file, check every row, and compare it
 * with the API prices an organisation sees now. No I/O, no database: the caller reads the upload, shows
 * the preview and, on confirmation, stores the rows. docs/price-import.md describes the formats.
 *
 * All prices are USD per 1M tokens, as exact Decimals; nothing is rounded. A file with any problem
 * imports nothing: `parsePriceFile` then returns no rows at all, only the problems, so a caller cannot
 * apply half a file by mistake.
 */
import { Decimal } from "~/engine/index.ts";
import { findHiddenCharacter } from "~/utils/control-characters.ts";
import { readCsvRecords } from "./csv-records.ts";
import type { JsonMember, JsonNode } from "./json-with-lines.ts";
import { JsonSyntaxError, parseJsonWithLines } from "./json-with-lines.ts";

/** Larger uploads are refused before parsing (UTF-8 bytes). LiteLLM's file was 1.6 MB in late 2026. */
export const PRICE_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Most rows (CSV records, `prices` items or LiteLLM entries, skipped ones included) one file may hold. */
export const PRICE_FILE_MAX_ROWS = 20_000;
/** A price above this many USD per 1M tokens is taken for a unit mistake (per token vs per 1M). */
export const PRICE_MAX_PER_MILLION = new Decimal(10_000);
/**
 * Most decimal places of a price per 1M tokens (a per-token price of 1e-18 USD). With the limit above, every
 * accepted price fits NUMERIC(18, 12).
 */
export const PRICE_MAX_DECIMAL_PLACES = 12;
/** The `format` value of our JSON price file. */
export const OPENTCO_PRICES_FORMAT = "opentco-prices/v1";
/** LiteLLM modes whose rows are text-generation prices; rows of other modes are skipped. */
export const LITELLM_TEXT_MODES: readonly string[] = ["chat", "completion", "responses"];
/**
 * LiteLLM provider names that differ from the catalogue's provider segment. Any other provider is used
 * as written, lower-cased (`bedrock`, `azure`, `openrouter`, `vertex_ai-language-models`, ...).
 */
export const LITELLM_PROVIDER_ALIASES: Readonly<Record<string, string>> = { gemini: "google", together_ai: "together" };

export const PRICE_FIELDS = ["inputPricePerMillion", "cachedInputPricePerMillion", "outputPricePerMillion"] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];
/** The CSV header, in the order our export writes it; a file may order the columns as it likes. */
export const PRICE_CSV_COLUMNS = ["id", "label", ...PRICE_FIELDS] as const;

export type PriceFileFormat = "opentco-json" | "opentco-csv" | "litellm";

/** One valid row of a price file. Prices are USD per 1M tokens. */
export interface ImportedPrice {
  /** Catalogue id, `api.<provider>.<model>`, lower-case. */
  id: string;
  /** The file's label, or null when it has none (LiteLLM rows get "<provider> <model>"). */
  label: string | null;
  inputPricePerMillion: Decimal;
  /** Null when the file gives no cached-input price: an import then leaves that price as it is. */
  cachedInputPricePerMillion: Decimal | null;
  outputPricePerMillion: Decimal;
  /** 1-based line of the file where the row starts. */
  line: number;
}

export interface PriceFileProblem {
  /** 1-based line of the file; 1 for problems of the whole file. */
  line: number;
  /** The row's id or LiteLLM key, when the problem belongs to a row. */
  key?: string;
  /** The field (JSON key or CSV column) at fault. */
  field?: string;
  reason: string;
}

/** A LiteLLM row left out on purpose (not a text-generation price); not an error. */
export interface SkippedPriceRow {
  line: number;
  key: string;
  reason: string;
}

export interface PriceFileParse {
  /** null when the file could not be recognised at all. */
  format: PriceFileFormat | null;
  /** The date the prices describe (our JSON format only), "YYYY-MM-DD". */
  asOf: string | null;
  /** Empty whenever `problems` is not: a file that fails validation changes nothing. */
  rows: ImportedPrice[];
  /** Sorted by line. */
  problems: PriceFileProblem[];
  skipped: SkippedPriceRow[];
}

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
const MAX_SIGNIFICANT_DIGITS = 30;
const MAX_ID_LENGTH = 200;
const MAX_LABEL_LENGTH = 200;
/** `api.<provider>.<model>`: provider without dots or spaces, model without spaces. */
const API_ID = /^api\.[a-z0-9_-]+\.[^\sA-Z]+$/;
const MILLION = new Decimal(1_000_000);

/**
 * Reads a price file. The format is chosen by the file name's extension (`.csv` → CSV, `.json` → JSON),
 * or by the first character when the name has neither; a JSON object with a `format` or `prices` key is
 * our JSON format, any other JSON object a LiteLLM price list.
 */
export function parsePriceFile(text: string, fileName: string): PriceFileParse {
  const failed = (format: PriceFileFormat | null, reason: string, line = 1): PriceFileParse => ({ format, asOf: null, rows: [], problems: [{ line, reason }], skipped: [] });
  if (text.length > PRICE_FILE_MAX_BYTES || new TextEncoder().encode(text).byteLength > PRICE_FILE_MAX_BYTES) {
    return failed(null, `the file is larger than ${PRICE_FILE_MAX_BYTES / 1024 / 1024} MB`);
  }
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const looksLikeJson = extension === "json" || (extension !== "csv" && /^\s*[[{]/.test(body));
  if (!looksLikeJson) return finish(parseOurCsv(body));

  let root: JsonNode;
  try {
    root = parseJsonWithLines(body);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return failed(null, `not valid JSON: ${error.message}`, error.line);
    throw error;
  }
  if (root.kind !== "object") return failed(null, "a JSON price file must be an object (our format or LiteLLM's), not " + describeNode(root), root.line);
  const isOurs = root.members.some((member) => member.key === "format" || member.key === "prices");
  return finish(isOurs ? parseOurJson(root) : parseLiteLlm(root));
}

/** Drops the rows of a file with problems and sorts the problems by line. */
function finish(parse: PriceFileParse): PriceFileParse {
  const problems = [...parse.problems].sort((a, b) => a.line - b.line);
  if (problems.length === 0 && parse.rows.length === 0) {
    problems.push({ line: 1, reason: parse.skipped.length > 0 ? "the file holds no text-generation prices (every row was skipped)" : "the file holds no prices" });
  }
  return { ...parse, rows: problems.length > 0 ? [] : parse.rows, problems };
}

// ---------------------------------------------------------------------------------------------------
// Values

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A decimal literal (plain or with exponent) times `scale`, as an exact Decimal within the limits above, else the rule it breaks. */
function checkAmount(literal: string, scale: Decimal, unitHint: string): Checked<Decimal> {
  const amount = new Decimal(literal);
  if (amount.lt(0)) return { ok: false, reason: `must not be negative (got ${literal})` };
  if (amount.sd() > MAX_SIGNIFICANT_DIGITS) return { ok: false, reason: `has more than ${MAX_SIGNIFICANT_DIGITS} significant digits (got ${literal})` };
  const perMillion = amount.times(scale);
  if (perMillion.gt(PRICE_MAX_PER_MILLION)) {
    return { ok: false, reason: `is ${perMillion.toFixed()} USD per 1M tokens, above the ${PRICE_MAX_PER_MILLION.toFixed()} limit; ${unitHint}` };
  }
  if (perMillion.decimalPlaces() > PRICE_MAX_DECIMAL_PLACES) {
    return { ok: false, reason: `is ${perMillion.toFixed()} USD per 1M tokens, more than ${PRICE_MAX_DECIMAL_PLACES} decimal places; ${unitHint}` };
  }
  return { ok: true, value: perMillion };
}

const PER_MILLION_HINT = "prices are per 1M tokens, not per token";
const PER_TOKEN_HINT = "LiteLLM prices are per token";

/** A price per 1M tokens written as text: a CSV cell or a JSON string of our format. */
function checkPriceText(text: string): Checked<Decimal> {
  const trimmed = text.trim();
  if (/^[+-]?(?:nan|infinity|inf)$/i.test(trimmed)) return { ok: false, reason: `must be a finite number (got ${trimmed})` };
  if (/^-\d+(?:\.\d+)?$/.test(trimmed)) return { ok: false, reason: `must not be negative (got ${trimmed})` };
  if (!PLAIN_DECIMAL.test(trimmed)) return { ok: false, reason: `must be a decimal number such as 1.25, without sign, exponent or thousands separator (got ${JSON.stringify(text)})` };
  return checkAmount(trimmed, new Decimal(1), PER_MILLION_HINT);
}

/** A price node of a JSON file: a number literal or (our format only) a decimal string. */
function checkPriceNode(node: JsonNode, scale: Decimal, acceptStrings: boolean): Checked<Decimal> {
  if (node.kind === "number") return checkAmount(node.literal, scale, scale.eq(1) ? PER_MILLION_HINT : PER_TOKEN_HINT);
  if (node.kind === "nonfinite") return { ok: false, reason: `must be a finite number (got ${node.literal})` };
  if (node.kind === "string" && acceptStrings) return checkPriceText(node.value);
  return { ok: false, reason: `must be a ${acceptStrings ? "decimal string such as \"1.25\" or a number" : "number"}, not ${describeNode(node)}` };
}

function checkId(id: string): string | null {
  const hidden = findHiddenCharacter(id);
  if (hidden) return `must not contain the control or invisible character ${hidden}`;
  if (id.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`;
  if (!API_ID.test(id)) return `must read api.<provider>.<model> in lower case without spaces, such as api.openai.gpt-5 (got ${JSON.stringify(id)})`;
  return null;
}

function checkLabel(label: string): string | null {
  const hidden = findHiddenCharacter(label);
  if (hidden) return `must not contain the control or invisible character ${hidden}`;
  if (label.length > MAX_LABEL_LENGTH) return `must be at most ${MAX_LABEL_LENGTH} characters`;
  return null;
}

function describeNode(node: JsonNode): string {
  switch (node.kind) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return `the string ${JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value)}`;
    case "number":
      return `the number ${node.literal}`;
    case "nonfinite":
      return node.literal;
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
  }
}

/** Problems for keys met twice in one object (the first occurrence stays valid), and the members by key. */
function indexMembers(members: JsonMember[], problems: PriceFileProblem[], rowKey?: string): Map<string, JsonMember> {
  const byKey = new Map<string, JsonMember>();
  for (const member of members) {
    const first = byKey.get(member.key);
    if (first) {
      problems.push({ line: member.line, ...(rowKey === undefined ? {} : { key: rowKey }), field: member.key, reason: `"${member.key}" appears twice (first on line ${first.line})` });
      continue;
    }
    byKey.set(member.key, member);
  }
  return byKey;
}

/** Keeps the first row of each id; later ones become problems. */
function refuseDuplicateIds(rows: ImportedPrice[], problems: PriceFileProblem[]): ImportedPrice[] {
  const seen = new Map<string, ImportedPrice>();
  for (const row of rows) {
    const first = seen.get(row.id);
    if (first) problems.push({ line: row.line, key: row.id, field: "id", reason: `the id ${row.id} appears twice (first on line ${first.line})` });
    else seen.set(row.id, row);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------
// Our JSON format

const OUR_JSON_ROW_FIELDS: readonly string[] = ["id", "label", ...PRICE_FIELDS];

function parseOurJson(root: Extract<JsonNode, { kind: "object" }>): PriceFileParse {
  const problems: PriceFileProblem[] = [];
  const top = indexMembers(root.members, problems);
  const result = (rows: ImportedPrice[], asOf: string | null): PriceFileParse => ({ format: "opentco-json", asOf, rows, problems, skipped: [] });
  for (const member of top.values()) {
    if (!["format", "currency", "asOf", "prices"].includes(member.key)) problems.push({ line: member.line, field: member.key, reason: `unknown field "${member.key}" (expected format, currency, asOf, prices)` });
  }
  const format = top.get("format");
  if (format?.value.kind !== "string" || format.value.value !== OPENTCO_PRICES_FORMAT) {
    problems.push({ line: format?.line ?? root.line, field: "format", reason: `must be "${OPENTCO_PRICES_FORMAT}"${format ? `, not ${describeNode(format.value)}` : " (missing)"}` });
  }
  const currency = top.get("currency");
  if (currency?.value.kind !== "string" || currency.value.value !== "USD") {
    problems.push({ line: currency?.line ?? root.line, field: "currency", reason: `must be "USD", the catalogue's currency${currency ? `, not ${describeNode(currency.value)}` : " (missing)"}` });
  }
  const asOfMember = top.get("asOf");
  let asOf: string | null = null;
  if (asOfMember?.value.kind === "string" && isCalendarDate(asOfMember.value.value)) asOf = asOfMember.value.value;
  else problems.push({ line: asOfMember?.line ?? root.line, field: "asOf", reason: `must be the date the prices describe, "YYYY-MM-DD"${asOfMember ? `, not ${describeNode(asOfMember.value)}` : " (missing)"}` });

  const prices = top.get("prices");
  if (prices?.value.kind !== "array") {
    problems.push({ line: prices?.line ?? root.line, field: "prices", reason: `must be an array of prices${prices ? `, not ${describeNode(prices.value)}` : " (missing)"}` });
    return result([], asOf);
  }
  if (prices.value.items.length > PRICE_FILE_MAX_ROWS) {
    problems.push({ line: prices.line, field: "prices", reason: `holds ${prices.value.items.length} rows, more than the ${PRICE_FILE_MAX_ROWS} limit` });
    return result([], asOf);
  }
  const rows: ImportedPrice[] = [];
  for (const item of prices.value.items) {
    const row = readOurJsonRow(item, problems);
    if (row) rows.push(row);
  }
  return result(refuseDuplicateIds(rows, problems), asOf);
}

function readOurJsonRow(item: JsonNode, problems: PriceFileProblem[]): ImportedPrice | null {
  if (item.kind !== "object") {
    problems.push({ line: item.line, reason: `each price must be an object, not ${describeNode(item)}` });
    return null;
  }
  const idNode = item.members.find((member) => member.key === "id")?.value;
  const key = idNode?.kind === "string" ? idNode.value : undefined;
  const before = problems.length;
  const add = (line: number, field: string, reason: string) => problems.push({ line, ...(key === undefined ? {} : { key }), field, reason });
  const fields = indexMembers(item.members, problems, key);
  for (const member of fields.values()) {
    if (!OUR_JSON_ROW_FIELDS.includes(member.key)) add(member.line, member.key, `unknown field "${member.key}" (expected ${OUR_JSON_ROW_FIELDS.join(", ")})`);
  }
  const id = fields.get("id");
  if (!id) add(item.line, "id", "is missing");
  else if (id.value.kind !== "string") add(id.line, "id", `must be a string, not ${describeNode(id.value)}`);
  else {
    const reason = checkId(id.value.value);
    if (reason) add(id.line, "id", reason);
  }
  const labelMember = fields.get("label");
  let label: string | null = null;
  if (labelMember && labelMember.value.kind !== "null") {
    if (labelMember.value.kind !== "string") add(labelMember.line, "label", `must be a string, not ${describeNode(labelMember.value)}`);
    else {
      const reason = checkLabel(labelMember.value.value);
      if (reason) add(labelMember.line, "label", reason);
      else label = labelMember.value.value.trim() || null;
    }
  }
  const prices = new Map<PriceField, Decimal | null>();
  for (const field of PRICE_FIELDS) {
    const member = fields.get(field);
    if (!member || member.value.kind === "null") {
      if (field === "cachedInputPricePerMillion") prices.set(field, null);
      else add(item.line, field, "is missing");
      continue;
    }
    const checked = checkPriceNode(member.value, new Decimal(1), true);
    if (checked.ok) prices.set(field, checked.value);
    else add(member.line, field, checked.reason);
  }
  if (problems.length > before || id?.value.kind !== "string") return null;
  return buildRow(id.value.value, label, prices, item.line);
}

function buildRow(id: string, label: string | null, prices: Map<PriceField, Decimal | null>, line: number): ImportedPrice {
  const input = prices.get("inputPricePerMillion");
  const output = prices.get("outputPricePerMillion");
  if (!input || !output) throw new Error(`row ${id} was built without its input or output price`);
  return { id, label, inputPricePerMillion: input, cachedInputPricePerMillion: prices.get("cachedInputPricePerMillion") ?? null, outputPricePerMillion: output, line };
}

/** "YYYY-MM-DD" naming a real day of the Gregorian calendar. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

// ---------------------------------------------------------------------------------------------------
// Our CSV format

function parseOurCsv(text: string): PriceFileParse {
  const problems: PriceFileProblem[] = [];
  const result = (rows: ImportedPrice[]): PriceFileParse => ({ format: "opentco-csv", asOf: null, rows, problems, skipped: [] });
  const read = readCsvRecords(text);
  if (!read.ok) {
    problems.push({ line: read.line, reason: read.reason });
    return result([]);
  }
  const [header, ...records] = read.records;
  if (!header) return result([]);
  if (records.length > PRICE_FILE_MAX_ROWS) {
    problems.push({ line: header.line, reason: `the file holds ${records.length} rows, more than the ${PRICE_FILE_MAX_ROWS} limit` });
    return result([]);
  }
  const columns = header.cells.map((cell) => cell.trim());
  const known: readonly string[] = PRICE_CSV_COLUMNS;
  const headerProblems = [
    ...columns.filter((column) => !known.includes(column)).map((column) => `unknown column ${JSON.stringify(column)}`),
    ...columns.filter((column, index) => columns.indexOf(column) !== index).map((column) => `the column ${column} appears twice`),
    ...["id", "inputPricePerMillion", "outputPricePerMillion"].filter((column) => !columns.includes(column)).map((column) => `the column ${column} is missing`),
  ];
  if (headerProblems.length > 0) {
    problems.push({ line: header.line, reason: `the header row must name the columns ${PRICE_CSV_COLUMNS.join(",")} (label and cachedInputPricePerMillion may be left out): ${headerProblems.join("; ")}` });
    return result([]);
  }
  const rows: ImportedPrice[] = [];
  for (const record of records) {
    const row = readCsvRow(record.cells, columns, record.line, problems);
    if (row) rows.push(row);
  }
  return result(refuseDuplicateIds(rows, problems));
}

function readCsvRow(cells: string[], columns: string[], line: number, problems: PriceFileProblem[]): ImportedPrice | null {
  const cell = (column: string): string => (columns.includes(column) ? (cells[columns.indexOf(column)] ?? "") : "");
  const id = cell("id").trim();
  const key = id === "" ? undefined : id;
  const add = (field: string | undefined, reason: string) => problems.push({ line, ...(key === undefined ? {} : { key }), ...(field === undefined ? {} : { field }), reason });
  if (cells.length !== columns.length) {
    add(undefined, `has ${cells.length} cells where the header has ${columns.length} (quote a label that contains a comma)`);
    return null;
  }
  const before = problems.length;
  const idReason = id === "" ? "is missing" : checkId(id);
  if (idReason) add("id", idReason);
  const labelText = cell("label");
  const labelReason = checkLabel(labelText);
  if (labelReason) add("label", labelReason);
  const prices = new Map<PriceField, Decimal | null>();
  for (const field of PRICE_FIELDS) {
    const text = cell(field);
    if (text.trim() === "") {
      if (field === "cachedInputPricePerMillion") prices.set(field, null);
      else add(field, "is missing");
      continue;
    }
    const checked = checkPriceText(text);
    if (checked.ok) prices.set(field, checked.value);
    else add(field, checked.reason);
  }
  if (problems.length > before) return null;
  return buildRow(id, labelText.trim() || null, prices, line);
}

// ---------------------------------------------------------------------------------------------------
// LiteLLM's model_prices_and_context_window.json

const LITELLM_PRICE_KEYS = { inputPricePerMillion: "input_cost_per_token", cachedInputPricePerMillion: "cache_read_input_token_cost", outputPricePerMillion: "output_cost_per_token" } as const;

/**
 * The catalogue id of a LiteLLM entry: `api.<provider>.<model>`, where provider is `litellm_provider`
 * lower-cased and renamed through LITELLM_PROVIDER_ALIASES, and model is the entry's key lower-cased
 * without a leading "<litellm_provider>/" (so "gemini/gemini-2.5-pro" of provider gemini becomes
 * api.google.gemini-2.5-pro). Other slashes stay: "openrouter/anthropic/claude-x" of provider openrouter
 * becomes api.openrouter.anthropic/claude-x.
 */
export function mapLiteLlmId(key: string, litellmProvider: string): string {
  const provider = litellmProvider.toLowerCase();
  const lowerKey = key.toLowerCase();
  const model = lowerKey.startsWith(`${provider}/`) ? lowerKey.slice(provider.length + 1) : lowerKey;
  return `api.${LITELLM_PROVIDER_ALIASES[provider] ?? provider}.${model}`;
}

function parseLiteLlm(root: Extract<JsonNode, { kind: "object" }>): PriceFileParse {
  const problems: PriceFileProblem[] = [];
  const skipped: SkippedPriceRow[] = [];
  const result = (rows: ImportedPrice[]): PriceFileParse => ({ format: "litellm", asOf: null, rows, problems, skipped });
  if (root.members.length > PRICE_FILE_MAX_ROWS) {
    problems.push({ line: root.line, reason: `the file holds ${root.members.length} entries, more than the ${PRICE_FILE_MAX_ROWS} limit` });
    return result([]);
  }
  const entries = indexMembers(root.members, problems);
  const byId = new Map<string, { row: ImportedPrice; key: string }>();
  for (const entry of entries.values()) {
    if (entry.key === "sample_spec") continue;
    const row = readLiteLlmEntry(entry, problems, skipped);
    if (!row) continue;
    const first = byId.get(row.id);
    if (!first) byId.set(row.id, { row, key: entry.key });
    else if (PRICE_FIELDS.every((field) => sameAmount(first.row[field], row[field]))) {
      skipped.push({ line: entry.line, key: entry.key, reason: `maps to ${row.id} like "${first.key}" (line ${first.row.line}), with the same prices` });
    } else {
      problems.push({ line: entry.line, key: entry.key, field: "id", reason: `maps to ${row.id} like "${first.key}" (line ${first.row.line}), with other prices` });
    }
  }
  return result([...byId.values()].map(({ row }) => row));
}

function readLiteLlmEntry(entry: JsonMember, problems: PriceFileProblem[], skipped: SkippedPriceRow[]): ImportedPrice | null {
  const key = entry.key;
  const add = (line: number, field: string | undefined, reason: string) => problems.push({ line, key, ...(field === undefined ? {} : { field }), reason });
  if (entry.value.kind !== "object") {
    add(entry.line, undefined, `each model must be an object, not ${describeNode(entry.value)}`);
    return null;
  }
  const before = problems.length;
  const fields = indexMembers(entry.value.members, problems, key);
  if (problems.length > before) return null;
  const mode = fields.get("mode");
  if (mode?.value.kind !== "string" || !LITELLM_TEXT_MODES.includes(mode.value.value)) {
    const found = mode?.value.kind === "string" ? `mode "${mode.value.value}"` : mode ? `mode ${describeNode(mode.value)}` : "no mode";
    skipped.push({ line: entry.line, key, reason: `${found}: not a text-generation mode (${LITELLM_TEXT_MODES.join(", ")})` });
    return null;
  }
  const hasPrice = (field: PriceField) => {
    const member = fields.get(LITELLM_PRICE_KEYS[field]);
    return member !== undefined && member.value.kind !== "null";
  };
  if (!hasPrice("inputPricePerMillion") && !hasPrice("outputPricePerMillion")) {
    skipped.push({ line: entry.line, key, reason: "has no per-token price (priced per character, second or request)" });
    return null;
  }
  const hidden = findHiddenCharacter(key);
  if (hidden) add(entry.line, undefined, `the model name must not contain the control or invisible character ${hidden}`);
  const provider = fields.get("litellm_provider");
  if (provider?.value.kind !== "string") add(provider?.line ?? entry.line, "litellm_provider", provider ? `must be a string, not ${describeNode(provider.value)}` : "is missing");
  else if (!/^[a-z0-9_-]+$/i.test(provider.value.value)) add(provider.line, "litellm_provider", `must be letters, digits, "-" or "_" (got ${JSON.stringify(provider.value.value)})`);
  const prices = new Map<PriceField, Decimal | null>();
  for (const field of PRICE_FIELDS) {
    const sourceKey = LITELLM_PRICE_KEYS[field];
    const member = fields.get(sourceKey);
    if (!member || member.value.kind === "null") {
      if (field === "cachedInputPricePerMillion") prices.set(field, null);
      else add(entry.line, sourceKey, "is missing");
      continue;
    }
    const checked = checkPriceNode(member.value, MILLION, false);
    if (checked.ok) prices.set(field, checked.value);
    else add(member.line, sourceKey, checked.reason);
  }
  if (problems.length > before || provider?.value.kind !== "string") return null;
  const id = mapLiteLlmId(key, provider.value.value);
  const idReason = checkId(id);
  if (idReason) {
    add(entry.line, undefined, `the catalogue id ${idReason}`);
    return null;
  }
  const model = key.toLowerCase().startsWith(`${provider.value.value.toLowerCase()}/`) ? key.slice(provider.value.value.length + 1) : key;
  const label = `${provider.value.value} ${model}`.slice(0, MAX_LABEL_LENGTH);
  return buildRow(id, label, prices, entry.line);
}

function sameAmount(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.eq(b);
}

// ---------------------------------------------------------------------------------------------------
// Preview

/** An API price as the organisation sees it now (catalogue default or its own override). USD per 1M tokens. */
export interface CurrentApiPrice {
  id: string;
  label: string;
  inputPricePerMillion: Decimal | string;
  cachedInputPricePerMillion: Decimal | string | null;
  outputPricePerMillion: Decimal | string;
}

/** One field of an existing entry that the import would change; amounts as exact decimal strings. */
export interface PriceChange {
  id: string;
  label: string;
  field: PriceField;
  /** null when the entry has no cached-input price now. */
  from: string | null;
  to: string;
  line: number;
}

/** A model of the file that the organisation does not have yet; amounts as exact decimal strings. */
export interface PriceAddition {
  id: string;
  /** The file's label, else the id. */
  label: string;
  inputPricePerMillion: string;
  cachedInputPricePerMillion: string | null;
  outputPricePerMillion: string;
  line: number;
}

export interface PriceImportPreview {
  /** One entry per changed field, in file order. */
  changed: PriceChange[];
  added: PriceAddition[];
  /** Existing entries the file names with the same prices. */
  unchanged: number;
  /**
   * Ids the organisation has that the file does not name, in `current` order. Informative only: an
   * import never deletes, so these keep their prices.
   */
  missing: string[];
}

/**
 * What importing `rows` would do to `current`. Prices are compared as Decimals ("1.5" equals "1.50").
 * A row without a cached-input price leaves the current one as it is, so it is neither compared nor
 * changed. Labels of existing entries are kept.
 */
export function previewPriceImport(current: readonly CurrentApiPrice[], rows: readonly ImportedPrice[]): PriceImportPreview {
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  const inFile = new Set(rows.map((row) => row.id));
  const changed: PriceChange[] = [];
  const added: PriceAddition[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const entry = byId.get(row.id);
    if (!entry) {
      added.push({
        id: row.id,
        label: row.label ?? row.id,
        inputPricePerMillion: row.inputPricePerMillion.toFixed(),
        cachedInputPricePerMillion: row.cachedInputPricePerMillion?.toFixed() ?? null,
        outputPricePerMillion: row.outputPricePerMillion.toFixed(),
        line: row.line,
      });
      continue;
    }
    const changes = PRICE_FIELDS.flatMap((field): PriceChange[] => {
      const to = row[field];
      if (to === null) return [];
      const fromValue = entry[field];
      const from = fromValue === null ? null : new Decimal(fromValue);
      return from !== null && from.eq(to) ? [] : [{ id: row.id, label: entry.label, field, from: from?.toFixed() ?? null, to: to.toFixed(), line: row.line }];
    });
    if (changes.length === 0) unchanged += 1;
    changed.push(...changes);
  }
  return { changed, added, unchanged, missing: current.filter((entry) => !inFile.has(entry.id)).map((entry) => entry.id) };
}
