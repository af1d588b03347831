/**
 * npm run tco -- <scenario.json> [--json] [--as-of YYYY-MM-DD] [--no-sensitivity]
 * Prints a readable comparison (or, with --json, the full serialized results). Invalid input exits 2
 * and lists every bad field with its path and the rule it broke.
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
  groupWarnings,
  type DataTable,
  type ResultBundle,
} from "../app/reports/index.ts";
import { formatComplianceMatrix } from "./lib/format-compliance.ts";

const USAGE = "usage: npm run tco -- <scenario.json> [--json] [--as-of YYYY-MM-DD] [--no-sensitivity]";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; json: boolean; asOf: string; sensitivity: boolean } {
  let file: string | null = null;
  let json = false;
  let sensitivity = true;
  // The CLI may read the clock; the engine receives the date as an argument.
  let asOf = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--json") json = true;
    else if (arg === "--no-sensitivity") sensitivity = false;
    else if (arg === "--as-of") {
      const value = argv[++i];
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(`--as-of needs a date YYYY-MM-DD\n${USAGE}`);
      asOf = value;
    } else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${USAGE}`);
    else if (file === null) file = arg;
    else fail(`only one scenario file is accepted\n${USAGE}`);
  }
  if (file === null) fail(USAGE);
  return { file, json, asOf, sensitivity };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
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
    `${scenario.horizonMonths} months from ${scenario.startMonth}; ${currency.code} at ${currency.perUsd} per USD (${currency.source}, ${currency.asOf}); discount ${fmt.percent(scenario.discountRatePerYear)}/yr; residual value credit ${scenario.creditResidualValue ? "on" : "off"}; as of ${scenario.asOf}`,
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
      ["", ...rows.map((row) => row.optionId)],
      rows.map((row) => [row.optionId, ...rows.map((other) => (other.optionId === row.optionId ? "-" : (row.breakEven.find((cell) => cell.otherId === other.optionId)?.text ?? "")))]),
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
  process.stdout.write(`${out.join("\n")}\n`);
}

const args = parseArgs(process.argv.slice(2));
const parsed = parseScenario(readJson(args.file));
if (!parsed.ok) {
  process.stderr.write(`${args.file}: invalid scenario (${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"})\n`);
  for (const issue of parsed.issues) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
  process.exit(2);
}
const result = computeScenario(parsed.scenario, { asOf: args.asOf });
const tornado = args.sensitivity ? computeTornado(parsed.scenario) : null;
const monteCarlo = args.sensitivity && parsed.scenario.sensitivity.monteCarlo ? computeMonteCarlo(parsed.scenario) : null;
if (args.json) {
  process.stdout.write(`${JSON.stringify(serializeResult({ result, tornado, monteCarlo }), null, 2)}\n`);
} else {
  printReadable({ scenario: serializeResult(result), tornado: tornado && serializeResult(tornado), monteCarlo: monteCarlo && serializeResult(monteCarlo) });
}
