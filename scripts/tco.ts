/**
 * npm run tco -- <scenario.json> [--json] [--as-of YYYY-MM-DD] [--no-sensitivity]
 * Prints a readable comparison (or, with --json, the full serialized results). Invalid input exits 2
 * and lists every bad field with its path and the rule it broke.
 */
import { readFileSync } from "node:fs";
import {
  computeMonteCarlo,
  computeScenario,
  computeTornado,
  formatMoney,
  formatPercent,
  parseScenario,
  serializeResult,
  type MonteCarloResult,
  type ScenarioResult,
  type TornadoResult,
} from "../app/engine/index.ts";
import { formatComplianceSection, formatVerdictCell } from "./lib/format-compliance.ts";

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
    cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

function printReadable(result: ScenarioResult, tornado: TornadoResult | null, monteCarlo: MonteCarloResult | null): void {
  const currency = result.currency.code;
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, currency);
  const out: string[] = [];
  out.push(`${result.name}`);
  out.push(
    `${result.horizonMonths} months from ${result.startMonth}; ${currency} at ${result.currency.perUsd.toFixed()} per USD (${result.currency.source}, ${result.currency.asOf}); discount ${formatPercent(result.discountRatePerYear)}/yr; residual value credit ${result.creditResidualValue ? "on" : "off"}; as of ${result.asOf}`,
  );
  out.push("");
  const quality = new Map(result.qualityGaps.map((row) => [row.optionId, row]));
  const withCompliance = result.compliance !== null;
  out.push(
    table(
      ["option", "kind", "TCO (cash)", "accounting", "NPV", "per 1M tokens", "quality", "gap", ...(withCompliance ? ["compliance"] : [])],
      result.options.map((option) => {
        const row = quality.get(option.id);
        return [
          option.name,
          option.kind,
          money(option.totals.cash),
          money(option.totals.accounting),
          money(option.npv),
          option.costPerMillionTokens.value === null ? "n/a" : money(option.costPerMillionTokens.value),
          row?.score ? `${row.score.toFixed()} (${row.version})` : "unknown",
          row?.gapToBest ? row.gapToBest.toFixed() : "",
          ...(withCompliance ? [formatVerdictCell(option.compliance)] : []),
        ];
      }),
      [false, false, true, true, true, true, true, true, false],
    ),
  );
  out.push("(per 1M tokens = cash TCO per 1M input+output tokens served; quality = the catalogue's benchmark score)");
  if (result.compliance !== null) {
    out.push("");
    out.push(...formatComplianceSection(result.compliance, result.options));
  }
  out.push("");
  out.push("Break-even (row against column: first month from which the row stays at or below the column):");
  out.push(
    table(
      ["", ...result.options.map((option) => option.id)],
      result.options.map((option) => [
        option.id,
        ...result.options.map((other) => {
          if (other.id === option.id) return "-";
          const entry = option.breakEven.find((item) => item.otherId === other.id);
          return entry?.month === null || entry === undefined ? "never" : `m${entry.month + 1} ${entry.calendarMonth}`;
        }),
      ]),
      [false, ...result.options.map(() => true)],
    ),
  );
  for (const option of result.options) {
    if (option.capacityEvents.length === 0 && option.warnings.length === 0) continue;
    out.push("");
    out.push(`${option.name}:`);
    for (const event of option.capacityEvents) out.push(`  - ${event.text}`);
    for (const warning of option.warnings) out.push(`  ! ${warning.code}: ${warning.message}`);
  }
  if (result.warnings.length > 0) {
    out.push("");
    for (const warning of result.warnings) out.push(`! ${warning.code}: ${warning.message}`);
  }
  if (tornado) {
    out.push("");
    out.push("Tornado (total cash cost at each driver's low / high multiplier):");
    for (const bar of tornado.bars.slice(0, 6)) {
      const cells = bar.options.map((item) => `${item.optionId} ${money(item.lowTotal)}…${money(item.highTotal)}`);
      out.push(`  ${bar.driver} ×${bar.lowMultiplier.toFixed()}/×${bar.highMultiplier.toFixed()}: ${cells.join("; ")}`);
    }
  }
  if (monteCarlo) {
    out.push("");
    out.push(`Monte Carlo, ${monteCarlo.draws} draws (seed ${monteCarlo.seed}), sampled in float64 — estimates:`);
    for (const item of monteCarlo.options) {
      out.push(`  ${item.optionId}: P10 ${money(item.p10.toFixed(2))}  P50 ${money(item.p50.toFixed(2))}  P90 ${money(item.p90.toFixed(2))}`);
    }
    if (monteCarlo.probabilitySelfHostingCheaper !== null) {
      out.push(`  probability that self-hosting is cheaper than the cheapest API: ${(monteCarlo.probabilitySelfHostingCheaper * 100).toFixed(1)} %`);
    }
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
  printReadable(result, tornado, monteCarlo);
}
