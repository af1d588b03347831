/**
 * npm run tco -- <scenario.json> [--json [--exact]] [--as-of YYYY-MM-DD] [--no-sensitivity]
 * Prints a readable comparison, or with --json the results with figures rounded for the currency
 * (--exact: every figure as an exact decimal string). A bad argument exits 2 with one line; an invalid
 * scenario exits 2 and lists every bad field with its path and the rule it broke; --help exits 0.
 */
import { readFileSync } from "node:fs";
import { computeMonteCarlo, computeScenario, computeTornado, parseScenario, serializeResult } from "../app/engine/index.ts";
import {
  buildComparisonRows,
  buildComplianceMatrix,
  buildHeadlineCards,
  buildMonteCarloChart,
  buildTornadoChart,
  createFormatter,
  describeCurrency,
  groupWarnings,
  roundResultBundle,
  type DataTable,
  type ResultBundle,
} from "../app/reports/index.ts";
import { findLimitIssue } from "../app/scenarios/limits.ts";
import { migrateScenario } from "../app/scenarios/migrate.ts";
import { escapeControlCharacters } from "../app/utils/control-characters.ts";
import { formatComplianceMatrix } from "./lib/format-compliance.ts";
import { stringifyReadable } from "./lib/readable-json.ts";

const USAGE = `Usage: npm run tco -- <scenario.json> [options]

Compares the options of a scenario file (examples in public/examples/) and prints the result.

Options:
  --as-of YYYY-MM-DD  the day the figures are for (judges stale catalogue entries); default today (UTC)
  --json              the results as JSON, figures rounded for the currency (money to its minor units)
  --exact             with --json: every figure as the engine's exact decimal string
  --no-sensitivity    skip the tornado and Monte Carlo runs
  -h, --help          print this help`;

/**
 * Text bound for the terminal: names and messages may come from the scenario file, and a control
 * character there (ESC, CSI) would be a terminal command. Written escaped, as `\u001b`.
 */
function write(stream: NodeJS.WriteStream, text: string): void {
  stream.write(escapeControlCharacters(text));
}

/** A bad invocation: one line on stderr, exit 2. */
function fail(message: string): never {
  write(process.stderr, `tco: ${message}\n`);
  process.exit(2);
}

function failWithUsageHint(message: string): never {
  fail(`${message} (npm run tco -- --help lists the options)`);
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

interface Args {
  file: string;
  json: boolean;
  exact: boolean;
  asOf: string;
  sensitivity: boolean;
}

function parseArgs(argv: string[]): Args {
  let file: string | null = null;
  let json = false;
  let exact = false;
  let sensitivity = true;
  // The CLI may read the clock; the engine receives the date as an argument.
  let asOf = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      write(process.stdout, `${USAGE}\n`);
      process.exit(0);
    } else if (arg === "--json") json = true;
    else if (arg === "--exact") exact = true;
    else if (arg === "--no-sensitivity") sensitivity = false;
    else if (arg === "--as-of") {
      const value = argv[++i];
      if (value === undefined) failWithUsageHint("--as-of needs a date YYYY-MM-DD");
      if (!isCalendarDate(value)) fail(`--as-of ${value} is not a date YYYY-MM-DD`);
      asOf = value;
    } else if (arg.startsWith("-") && arg !== "-") failWithUsageHint(`unknown option ${arg}`);
    else if (file === null) file = arg;
    else failWithUsageHint(`one scenario file at a time (got ${file} and ${arg})`);
  }
  if (file === null) failWithUsageHint("no scenario file given");
  if (exact && !json) fail("--exact applies to --json output; add --json");
  return { file, json, exact, asOf, sensitivity };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  // Names with control characters are printed escaped; only a depth that would overflow the stack is refused here.
  const tooDeep = findLimitIssue(json, { controlCharacters: false });
  if (tooDeep) fail(`${file} is ${tooDeep.message}`);
  return json;
}

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join("  ").trimEnd();
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** A chart's "show data" table as text. */
function dataTable(data: DataTable): string {
  return table(
    data.columns.map((column) => column.header),
    data.rows,
    data.columns.map((column) => column.numeric),
  );
}

/** The readable report: every figure and word comes from the presenter layer (app/reports). */
function printReadable(bundle: ResultBundle): void {
  const { scenario } = bundle;
  const fmt = createFormatter(scenario.currency.code, "en-US");
  const currency = scenario.currency;
  const out: string[] = [];
  out.push(scenario.name);
  out.push(
    `${scenario.horizonMonths} months from ${scenario.startMonth}; ${describeCurrency(currency, fmt)}; discount ${fmt.percent(scenario.discountRatePerYear)}/yr; residual value credit ${scenario.creditResidualValue ? "on" : "off"}; as of ${scenario.asOf}`,
  );
  out.push("");
  for (const card of buildHeadlineCards(bundle, fmt)) {
    out.push(`${card.label}: ${card.fullValue ?? card.value} (${card.detail})`);
  }
  out.push("");
  const rows = buildComparisonRows(bundle, fmt);
  const withCompliance = scenario.compliance !== null;
  out.push(
    table(
      ["option", "kind", "TCO (cash)", "accounting", "NPV", "per 1M tokens", "quality", "gap", ...(withCompliance ? ["compliance", "SEAL"] : [])],
      rows.map((row) => [
        row.name,
        row.kindLabel,
        row.cashTco.text,
        row.accountingTco.text,
        row.npv.text,
        row.costPerMillionTokens.text,
        row.quality.text,
        row.qualityGap.text,
        ...(withCompliance ? [row.verdict.text.toLowerCase(), row.sovereignty.text] : []),
      ]),
      [false, false, true, true, true, true, true, true, false, true],
    ),
  );
  out.push(`(money in ${currency.code}; per 1M tokens = cash TCO per 1M input+output tokens served; quality = the catalogue's benchmark score; SEAL = weighted sovereignty score)`);
  const matrix = buildComplianceMatrix(bundle);
  if (matrix !== null) {
    out.push("");
    out.push(...formatComplianceMatrix(matrix));
  }
  out.push("");
  out.push("Break-even (row against column: first month from which the row stays at or below the column):");
  out.push(
    table(
      ["", ...rows.map((row) => row.name)],
      rows.map((row) => [row.name, ...rows.map((other) => (other.optionId === row.optionId ? "-" : (row.breakEven.find((cell) => cell.otherId === other.optionId)?.text ?? "")))]),
      [false, ...rows.map(() => true)],
    ),
  );
  const withEvents = scenario.options.filter((option) => option.capacityEvents.length > 0);
  if (withEvents.length > 0) {
    out.push("");
    out.push("Capacity plan:");
    for (const option of withEvents) {
      out.push(`  ${option.name}:`);
      for (const event of option.capacityEvents) out.push(`    - ${event.text}`);
    }
  }
  for (const group of groupWarnings(bundle)) {
    out.push("");
    out.push(`! ${group.title}:`);
    for (const entry of group.entries) {
      const where = entry.options.length === 0 ? "" : ` [${entry.options.map((option) => option.id).join(", ")}]`;
      out.push(`  - ${entry.message}${where}`);
    }
  }
  const tornado = buildTornadoChart(scenario, bundle.tornado, fmt);
  if (tornado) {
    out.push("");
    out.push(`Tornado: ${tornado.title}`);
    out.push(dataTable(tornado.table));
  }
  const monteCarlo = buildMonteCarloChart(scenario, bundle.monteCarlo, fmt);
  if (monteCarlo && bundle.monteCarlo) {
    out.push("");
    out.push(`Monte Carlo, ${fmt.count(String(bundle.monteCarlo.draws))} draws (seed ${bundle.monteCarlo.seed}), sampled in float64 — estimates:`);
    out.push(dataTable(monteCarlo.table));
    if (monteCarlo.probabilityText) out.push(monteCarlo.probabilityText);
  }
  write(process.stdout, `${out.join("\n")}\n`);
}

// `npm run tco -- … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const args = parseArgs(process.argv.slice(2));
// Files of an older format are upgraded first, as the app does when it opens a saved revision.
const migrated = migrateScenario(readJson(args.file));
const parsed = migrated.ok ? parseScenario(migrated.scenario) : { ok: false as const, issues: migrated.issues };
if (!parsed.ok) {
  write(process.stderr, `${args.file}: invalid scenario (${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"})\n`);
  for (const issue of parsed.issues) write(process.stderr, `  ${issue.path}: ${issue.message}\n`);
  process.exit(2);
}
const result = computeScenario(parsed.scenario, { asOf: args.asOf });
const tornado = args.sensitivity ? computeTornado(parsed.scenario) : null;
const monteCarlo = args.sensitivity && parsed.scenario.sensitivity.monteCarlo ? computeMonteCarlo(parsed.scenario) : null;
const bundle: ResultBundle = { scenario: serializeResult(result), tornado: tornado && serializeResult(tornado), monteCarlo: monteCarlo && serializeResult(monteCarlo) };
if (args.json) {
  const shown = args.exact ? bundle : roundResultBundle(bundle);
  const figures = args.exact ? "exact" : "rounded";
  write(process.stdout, `${stringifyReadable({ figures, result: shown.scenario, tornado: shown.tornado, monteCarlo: shown.monteCarlo })}\n`);
} else {
  printReadable(bundle);
}
