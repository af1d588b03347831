/**
 * The PDF view-models: everything a procurement PDF shows, decided and worded here from a stored
 * revision, so the renderer (document.tsx) only lays it out. Pure: no database, no clock. The same
 * source always gives the same model, and therefore the same bytes.
 */
import { Decimal, DEFAULT_TORNADO_HIGH, DEFAULT_TORNADO_LOW, HOURS_PER_MONTH, MODEL_CONVENTIONS } from "~/engine/index.ts";
import type { ScenarioDocument } from "~/scenarios/migrate.ts";
import { buildAssumptions, type ScenarioFact } from "../assumptions.ts";
import { buildBreakdownChart, type BreakdownChart } from "../charts/breakdown.ts";
import { buildCapacityChart, type CapacityChart } from "../charts/capacity.ts";
import { buildCompareCumulativeChart, buildCumulativeChart, type CumulativeChart } from "../charts/cumulative.ts";
import { WIDE_LAYOUT } from "../charts/geometry.ts";
import { buildMonteCarloChart, type MonteCarloChart } from "../charts/monte-carlo.ts";
import { buildTornadoChart, type TornadoChart } from "../charts/tornado.ts";
import { buildComparisonRows } from "../comparison.ts";
import { STALENESS_RULES, type CitationView } from "../sources.ts";
import { buildComplianceMatrix, WEIGHTED_SEAL_SCORE_LABEL, WEIGHTED_SEAL_SCORE_NOTE, type ComplianceMatrix } from "../compliance.ts";
import { createFormatter, type Formatter } from "../format.ts";
import { summarizeHeadline } from "../headline.ts";
import { KIND_LABELS } from "../labels.ts";
import type { SeriesStyle } from "../palette.ts";
import type { ResultBundle } from "../types.ts";
import { groupWarnings, type WarningGroup } from "../warnings.ts";
import { listInputRows, type InputRow } from "./inputs.ts";

export type PdfPageSize = "A4" | "LETTER";

/** A stored revision as the PDF needs it (app/models/scenario.server.ts `getRevision`, or a share link's). */
export interface ReportRevision {
  id: string;
  number: number;
  /** Hex SHA-256 of the canonical inputs. */
  fingerprint: string;
  /** ISO timestamp of the revision: the document's creation date. */
  createdAt: string;
  /** Null when the author's account was deleted (or is not disclosed, through a share link). */
  createdByEmail: string | null;
  engineVersion: string;
  catalogueVersion: string;
  /** "YYYY-MM-DD" the result was computed for. */
  asOf: string;
  note: string | null;
  inputs: ScenarioDocument;
  result: ResultBundle;
}

/** The organisation's report settings (Organization.locale and .pdfPageSize). */
export interface ReportSettings {
  orgName: string;
  /** BCP 47. */
  locale: string;
  pageSize: PdfPageSize;
}

/** The PDF's document information, all from the revision: the same revision gives the same bytes. */
export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** ISO timestamp: the revision's creation time, never the clock. */
  creationDate: string;
  language: string;
  pageSize: PdfPageSize;
}

/** The running header and the footer printed on every page of a section. */
export interface PageFrame {
  header: string;
  /** "Revision 7 · id ck…" */
  revisionLine: string;
  /** "Fingerprint (SHA-256 of the inputs): 3f9a…" */
  fingerprintLine: string;
}

export interface LabelledValue {
  label: string;
  value: string;
}

/** A table as text: what the renderer lays out, and what a test reads back. */
export interface TextTable {
  columns: { header: string; numeric: boolean; /** Relative width. */ weight: number }[];
  rows: { cells: string[]; emphasised: boolean; style: SeriesStyle | null }[];
}

export interface ExecutiveSummary {
  /** One sentence: the answer. */
  answer: string;
  /** The headline figures in reading order (cheapest option, its total, horizon, …). */
  figures: LabelledValue[];
  /** Savings of the cheapest compliant option against each alternative, with break-even months. */
  alternatives: TextTable | null;
  /** The three drivers that move the answer most (tornado), one line each, widest swing first. */
  drivers: string[];
  /** Which option the drivers move, or why there are none. */
  driversNote: string;
  /** Monte Carlo P10–P90 and the probability that self-hosting is cheaper, or why it is absent. */
  monteCarlo: LabelledValue[];
  /** One line per warning group: its title, how many entries, which options. */
  keyWarnings: string[];
  cumulative: CumulativeChart;
}

export interface AssumptionView {
  field: string;
  options: string;
  value: string;
  /** "Catalogue", "Override (catalogue: 30,000 USD per GPU)", "Unknown catalogue id". */
  status: string;
  overridden: boolean;
  entry: string;
  /** Publisher, title (a link to its URL) and date of each source; empty where there is none. */
  sources: CitationView[];
  /** The date of the catalogue's figures. */
  asOf: string;
  confidence: string;
  stale: boolean;
  overrideSource: string | null;
}

export interface ScenarioSection {
  frame: PageFrame;
  scenarioName: string;
  summary: ExecutiveSummary;
  comparison: TextTable;
  /** Each option's break-even month against each other option. */
  breakEven: TextTable | null;
  charts: { breakdown: BreakdownChart; capacity: CapacityChart | null; tornado: TornadoChart | null; monteCarlo: MonteCarloChart | null };
  warnings: WarningGroup[];
  compliance: ComplianceMatrix | null;
  facts: ScenarioFact[];
  catalogue: AssumptionView[];
  inputs: InputRow[];
}

export interface Cover {
  orgName: string;
  title: string;
  subtitle: string;
  details: LabelledValue[];
  verifyNote: string;
}

export interface Methodology {
  paragraphs: { heading: string; text: string }[];
  glossary: { term: string; definition: string }[];
}

export interface ScenarioReport {
  kind: "scenario";
  info: DocumentInfo;
  cover: Cover;
  section: ScenarioSection;
  methodology: Methodology;
}

export interface CompareReport {
  kind: "compare";
  info: DocumentInfo;
  /** Frame of the overview pages: every revision's short fingerprint. */
  frame: PageFrame;
  cover: Cover;
  overview: TextTable;
  overviewNote: string;
  /** Null when the scenarios use different currencies. */
  chart: CumulativeChart | null;
  /** Each scenario's own summary, table, warnings and sources, with its own footer. */
  sections: ScenarioSection[];
  methodology: Methodology;
}

export type Report = ScenarioReport | CompareReport;

export interface ScenarioReportSource extends ReportSettings {
  scenarioName: string;
  revision: ReportRevision;
}

export interface CompareReportSource extends ReportSettings {
  /** 2–4 scenarios; differences are taken against the first. */
  items: { scenarioName: string; revision: ReportRevision }[];
}

const VERIFY_NOTE =
  "To check which revision a printed copy belongs to, and whether it has been superseded, enter the fingerprint on the organisation's Verify page in OpenTCO.";

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}

function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
}

function describeBreakEven(month: number | null, calendarMonth: string | null, fmt: Formatter): string {
  if (month === null || calendarMonth === null) return "never within the horizon";
  return month === 0 ? "from month 1" : fmt.monthWithCalendar(month, calendarMonth);
}

function buildFrame(scenarioName: string, revision: ReportRevision): PageFrame {
  return {
    header: scenarioName,
    revisionLine: `Revision ${revision.number} · id ${revision.id}`,
    fingerprintLine: `Fingerprint (SHA-256 of the inputs): ${revision.fingerprint}`,
  };
}

function buildSummary(bundle: ResultBundle, fmt: Formatter): ExecutiveSummary {
  const { scenario, tornado, monteCarlo } = bundle;
  const headline = summarizeHeadline(scenario);
  const withProfile = scenario.compliance !== null;
  const horizon = `${scenario.horizonMonths} months from ${fmt.month(scenario.startMonth)}`;
  const cheapest = headline.cheapest;
  const cheapestOption = scenario.options.find((option) => option.id === cheapest?.id);

  const figures: LabelledValue[] = [
    { label: withProfile ? "Cheapest compliant option" : "Cheapest option", value: cheapest === null ? "none: every option is blocked by the compliance profile" : cheapest.name },
    { label: "Its cash TCO over the horizon", value: cheapest === null ? "—" : fmt.money(cheapest.cashTotal) },
    { label: "Horizon", value: horizon },
    { label: "Options compared", value: `${scenario.options.length}${headline.blockedCount > 0 ? ` (${headline.blockedCount} blocked by compliance)` : ""}` },
  ];
  if (headline.runnerUp !== null && headline.savingsVsRunnerUp !== null) {
    figures.push({ label: `Savings vs runner-up (${headline.runnerUp.name})`, value: fmt.money(headline.savingsVsRunnerUp) });
    figures.push({ label: "Break-even vs runner-up", value: describeBreakEven(headline.breakEven.month, headline.breakEven.calendarMonth, fmt) });
  }

  const alternatives: TextTable | null =
    cheapest === null || cheapestOption === undefined || scenario.options.length < 2
      ? null
      : {
          columns: [
            { header: "Alternative", numeric: false, weight: 3 },
            { header: "Its cash TCO", numeric: true, weight: 2 },
            { header: `Saving with ${cheapest.name}`, numeric: true, weight: 2 },
            { header: "Break-even", numeric: false, weight: 2.2 },
          ],
          rows: scenario.options
            .filter((option) => option.id !== cheapest.id)
            .map((option) => {
              const entry = cheapestOption.breakEven.find((item) => item.otherId === option.id);
              const blocked = option.compliance?.verdict === "blocked";
              return {
                cells: [
                  `${option.name}${blocked ? " (blocked)" : ""}`,
                  fmt.money(option.totals.cash),
                  fmt.moneyDelta(new Decimal(option.totals.cash).minus(cheapest.cashTotal)),
                  describeBreakEven(entry?.month ?? null, entry?.calendarMonth ?? null, fmt),
                ],
                emphasised: false,
                style: null,
              };
            }),
        };

  const tornadoChart = buildTornadoChart(scenario, tornado, fmt, WIDE_LAYOUT);
  // The tornado's table rows: driver, low multiplier, total at low, high multiplier, total at high, swing.
  const drivers = (tornadoChart?.table.rows ?? []).slice(0, 3).map(([driver, lowMultiplier, low, highMultiplier, high, swing], index) => `${index + 1}. ${driver}: ${low} at ${lowMultiplier} to ${high} at ${highMultiplier} (swing ${swing})`);
  const driversNote =
    tornadoChart === null
      ? "No driver moves the cheapest option's total (no tornado run, or every driver is flat)."
      : `Total cash cost of ${scenario.options.find((option) => option.id === tornadoChart.optionId)?.name ?? "the cheapest option"} with one driver at a time moved to its low and high multiplier, everything else at base (${fmt.money(tornadoChart.base.total)}):`;

  const estimate = monteCarlo?.options.find((option) => option.optionId === cheapest?.id);
  const monteCarloFigures: LabelledValue[] =
    monteCarlo === null
      ? [{ label: "Monte Carlo", value: "not run for this scenario" }]
      : [
          ...(estimate === undefined
            ? []
            : [
                { label: `P10–P90 of ${cheapest?.name ?? ""}`, value: `${fmt.money(estimate.p10.toFixed(2))} – ${fmt.money(estimate.p90.toFixed(2))}` },
                { label: "Median (P50)", value: fmt.money(estimate.p50.toFixed(2)) },
              ]),
          {
            label: "Probability self-hosting is cheaper",
            value:
              monteCarlo.probabilitySelfHostingCheaper === null
                ? "not applicable (the scenario does not compare an API with self-hosting)"
                : `${fmt.percent(String(monteCarlo.probabilitySelfHostingCheaper))} of ${fmt.count(String(monteCarlo.draws))} draws`,
          },
          { label: "Draws and seed", value: `${fmt.count(String(monteCarlo.draws))} draws, seed ${monteCarlo.seed} (float64 estimates)` },
        ];

  const keyWarnings = groupWarnings(bundle).map((group) => {
    const names = [...new Set(group.entries.flatMap((entry) => entry.options.map((option) => option.name)))];
    const count = group.entries.length;
    return `${group.title}: ${count} ${count === 1 ? "entry" : "entries"}${names.length > 0 ? ` (${names.join(", ")})` : " (scenario-wide)"}`;
  });

  const answer =
    cheapest === null
      ? `Every option is blocked by the compliance profile over ${horizon}.`
      : headline.runnerUp === null || headline.savingsVsRunnerUp === null
        ? `${cheapest.name} is the only ${withProfile ? "compliant " : ""}option: ${fmt.money(cheapest.cashTotal)} over ${horizon}.`
        : `${cheapest.name} is the cheapest${withProfile ? " compliant" : ""} option: ${fmt.money(cheapest.cashTotal)} over ${horizon}, ${fmt.money(headline.savingsVsRunnerUp)} less than ${headline.runnerUp.name}.`;

  return {
    answer,
    figures,
    alternatives,
    drivers,
    driversNote,
    monteCarlo: monteCarloFigures,
    keyWarnings,
    cumulative: buildCumulativeChart(scenario, fmt, WIDE_LAYOUT),
  };
}

function buildComparisonTable(bundle: ResultBundle, fmt: Formatter): TextTable {
  const rows = buildComparisonRows(bundle, fmt);
  const withProfile = bundle.scenario.compliance !== null;
  return {
    columns: [
      { header: "Option", numeric: false, weight: 2.6 },
      { header: "Kind", numeric: false, weight: 1.3 },
      { header: "Cash TCO", numeric: true, weight: 2 },
      { header: "Accounting TCO", numeric: true, weight: 2 },
      { header: "NPV", numeric: true, weight: 2 },
      { header: "Per 1M tokens", numeric: true, weight: 1.4 },
      ...(withProfile ? [{ header: "Compliance", numeric: false, weight: 1.7 }, { header: "Sovereignty", numeric: true, weight: 1.3 }] : []),
      { header: "Quality", numeric: true, weight: 1.1 },
    ],
    rows: rows.map((row) => ({
      cells: [
        `${row.name}${row.isCheapestCompliant ? " (cheapest)" : ""}`,
        row.kindLabel,
        row.cashTco.text,
        row.accountingTco.text,
        row.npv.text,
        row.costPerMillionTokens.text,
        ...(withProfile ? [row.verdict.text, row.sovereignty.text] : []),
        row.quality.text,
      ],
      emphasised: row.isCheapestCompliant,
      style: row.style,
    })),
  };
}

function buildBreakEvenTable(bundle: ResultBundle, fmt: Formatter): TextTable | null {
  const rows = buildComparisonRows(bundle, fmt);
  if (rows.length < 2) return null;
  return {
    columns: [{ header: "Row breaks even against column", numeric: false, weight: 2.6 }, ...rows.map((row) => ({ header: row.name, numeric: false, weight: 2 }))],
    rows: rows.map((row) => ({
      cells: [row.name, ...rows.map((other) => (other.optionId === row.optionId ? "—" : (row.breakEven.find((cell) => cell.otherId === other.optionId)?.text ?? "—")))],
      emphasised: row.isCheapestCompliant,
      style: row.style,
    })),
  };
}

function buildCatalogueRows(bundle: ResultBundle, fmt: Formatter): { facts: ScenarioFact[]; catalogue: AssumptionView[] } {
  const assumptions = buildAssumptions(bundle, fmt);
  return {
    facts: assumptions.scenarioFacts,
    catalogue: assumptions.rows.map((row) => ({
      field: row.field,
      options: row.options.map((option) => option.name).join(", "),
      value: row.valueText,
      status:
        row.status === "override"
          ? `Override${row.catalogueValueText === null ? "" : ` (catalogue: ${row.catalogueValueText})`}`
          : row.status === "catalogue"
            ? "Catalogue"
            : row.status === "organisation"
              ? "Organisation catalogue"
              : "Unknown catalogue id",
      overridden: row.status === "override",
      entry: row.entry === null ? "—" : `${row.entry.label} (${row.entry.id})`,
      sources: row.source?.citations ?? [],
      asOf: row.source?.asOf ?? "—",
      confidence: row.source ? `${row.source.confidence} confidence${row.source.note ? `; ${row.source.note}` : ""}` : "—",
      stale: row.stale,
      overrideSource: row.overrideSource === null ? null : `${row.overrideSource.source}${row.overrideSource.asOf ? ` (${row.overrideSource.asOf})` : ""}`,
    })),
  };
}

function buildSection(scenarioName: string, revision: ReportRevision, fmt: Formatter): ScenarioSection {
  const bundle = revision.result;
  const { scenario, tornado, monteCarlo } = bundle;
  return {
    frame: buildFrame(scenarioName, revision),
    scenarioName,
    summary: buildSummary(bundle, fmt),
    comparison: buildComparisonTable(bundle, fmt),
    breakEven: buildBreakEvenTable(bundle, fmt),
    charts: {
      breakdown: buildBreakdownChart(scenario, fmt, WIDE_LAYOUT),
      capacity: buildCapacityChart(scenario, fmt, WIDE_LAYOUT),
      tornado: buildTornadoChart(scenario, tornado, fmt, WIDE_LAYOUT),
      monteCarlo: buildMonteCarloChart(scenario, monteCarlo, fmt, WIDE_LAYOUT),
    },
    warnings: groupWarnings(bundle),
    compliance: buildComplianceMatrix(bundle),
    ...buildCatalogueRows(bundle, fmt),
    inputs: listInputRows(revision.inputs, fmt),
  };
}

function buildMethodology(): Methodology {
  const low = new Decimal(1).minus(DEFAULT_TORNADO_LOW).times(100).toFixed();
  const high = new Decimal(DEFAULT_TORNADO_HIGH).minus(1).times(100).toFixed();
  return {
    paragraphs: [
      {
        heading: "Months and rates",
        text: `The model runs month by month over the horizon. A month has ${HOURS_PER_MONTH} hours (8,760 a year divided by 12). Annual rates (discount rate, inflation, growth, price declines) are compounded monthly, never divided by twelve; annual amounts (salaries, licences, overheads) are spread as one twelfth a month. Money is nominal, in the scenario's currency; catalogue figures in US dollars are converted at the exchange rate the scenario states.`,
      },
      {
        heading: "Cash and accounting views",
        text: "The cash view (totals, NPV, cost per token, break-even) counts a purchase in the month it is paid, resale proceeds when hardware is retired, and running costs monthly. The accounting view spreads hardware over its book life (straight-line or declining balance). The two are shown side by side and never added.",
      },
      {
        heading: "Break-even",
        text: "Option A breaks even against option B in the first month from which A's cumulative cash cost stays at or below B's for the rest of the horizon. If it never does, the answer is \"never within the horizon\"; no month beyond the horizon is extrapolated.",
      },
      {
        heading: "Capacity",
        text: "Self-hosted GPUs follow from measured prefill and decode throughput per GPU: GPUs in service = GPUs busy on average × peak factor ÷ target utilisation. Owned hardware is bought in whole nodes, the fewest that cover demand, with N+k spare nodes (below), as cohorts that keep their purchase month's price and efficiency until their refresh; rented GPUs scale with demand each month.",
      },
      // The same convention texts as the methodology page (app/engine/conventions.ts).
      ...MODEL_CONVENTIONS.map((convention) => ({ heading: convention.title, text: `${convention.text} Example: ${convention.example}` })),
      {
        heading: "Compliance and sovereignty",
        text: "With a compliance profile, every option's deployment is checked against the data classes, processing location, regimes and required capabilities; a failed requirement blocks the option, a condition is listed with it. Exposure to a foreign access law follows control, not address: the operator, its ultimate parent and its sub-processors are each checked, and one not declared is a condition to verify, never a pass. Every fact cites a public source with its date and confidence; third-party sources are marked. Sovereignty is scored per objective of the EU Cloud Sovereignty Framework on SEAL levels 0–4, derived from the deployment's facts; an override carries its written justification. The weighted SEAL score is OpenTCO's aggregation, not the framework's.",
      },
      {
        heading: "Sensitivity",
        text: `The tornado moves one driver at a time to its low and high multiplier (by default ${low} % down and ${high} % up) with everything else at base. Monte Carlo draws every driver's multiplier from a triangular distribution (seeded, float64) and reports percentiles of each option's total: estimates, unlike the exact deterministic figures.`,
      },
      {
        heading: "Sources and exactness",
        text: `Every default comes from the dated, sourced catalogue; a value older on the result's date than the limit of its kind (${STALENESS_RULES.map((rule) => `${rule.label.toLowerCase()} ${rule.days} days`).join(", ")}) is flagged as stale. All money is computed with exact decimals and rounded half-even only when shown. The figures in this document are those stored with the revision when it was saved; the fingerprint identifies its inputs.`,
      },
    ],
    glossary: [
      { term: "TCO", definition: "Total cost of ownership: everything an option costs over the horizon." },
      { term: "Cash TCO", definition: "The sum of monthly cash out (purchases, running costs) minus credits (resale, residual value)." },
      { term: "Accounting TCO", definition: "Running costs plus depreciation of hardware over its book life." },
      { term: "NPV", definition: "Net present value of the cash flows at the scenario's discount rate." },
      { term: "Break-even", definition: "The first month from which one option's cumulative cash cost stays at or below another's." },
      { term: "Cost per 1M tokens", definition: "Cash TCO divided by input plus output tokens served, times one million." },
      { term: "Tornado", definition: "One driver moved at a time to show which assumptions move the answer most." },
      { term: "Monte Carlo P10–P90", definition: "The range that 80 % of random draws of the drivers fall in." },
      { term: "SEAL level", definition: "Sovereignty level 0–4 of an objective of the EU Cloud Sovereignty Framework." },
      { term: WEIGHTED_SEAL_SCORE_LABEL, definition: `${WEIGHTED_SEAL_SCORE_NOTE}; shown in the Sovereignty column.` },
      { term: "Override", definition: "A value the scenario sets instead of the catalogue's, with its own stated source." },
      { term: "Fingerprint", definition: "The SHA-256 of the revision's canonical inputs: identical inputs give identical fingerprints." },
      { term: "PUE", definition: "Power usage effectiveness: facility power over IT power." },
    ],
  };
}

function buildCover(settings: ReportSettings, scenarioName: string, revision: ReportRevision, fmt: Formatter): Cover {
  const currency = revision.result.scenario.currency;
  const currencyName = new Intl.DisplayNames([settings.locale], { type: "currency" }).of(currency.code) ?? currency.code;
  return {
    orgName: settings.orgName,
    title: scenarioName,
    subtitle: "Total cost of ownership: API spend against self-hosted inference",
    details: [
      { label: "Revision", value: `${revision.number}${revision.note ? ` · ${revision.note}` : ""}` },
      { label: "Revision date", value: formatDateTime(revision.createdAt, settings.locale) },
      { label: "Prepared by", value: revision.createdByEmail ?? "a former member (account deleted)" },
      { label: "Currency", value: `${currency.code} (${currencyName})` },
      { label: "Results as of", value: formatDate(`${revision.asOf}T00:00:00Z`, settings.locale) },
      { label: "Engine and catalogue", value: `engine ${revision.engineVersion}, catalogue ${revision.catalogueVersion}` },
      { label: "Revision id", value: revision.id },
      { label: "Fingerprint (SHA-256 of the inputs)", value: revision.fingerprint },
      { label: "Number format", value: `${settings.locale}: ${fmt.number("1234567.89")}` },
    ],
    verifyNote: VERIFY_NOTE,
  };
}

/** The PDF of one revision. */
export function buildScenarioReport(source: ScenarioReportSource): ScenarioReport {
  const { revision } = source;
  const fmt = createFormatter(revision.result.scenario.currency.code, source.locale);
  return {
    kind: "scenario",
    info: {
      title: `${source.scenarioName} — revision ${revision.number}`,
      subject: `OpenTCO total cost of ownership report; fingerprint ${revision.fingerprint}`,
      author: source.orgName,
      keywords: `OpenTCO; revision ${revision.id}; fingerprint ${revision.fingerprint}`,
      creationDate: revision.createdAt,
      language: source.locale,
      pageSize: source.pageSize,
    },
    cover: buildCover(source, source.scenarioName, revision, fmt),
    section: buildSection(source.scenarioName, revision, fmt),
    methodology: buildMethodology(),
  };
}

/** The PDF of 2–4 revisions side by side; money differences only between scenarios of one currency. */
export function buildCompareReport(source: CompareReportSource): CompareReport {
  const [base] = source.items;
  if (base === undefined || source.items.length < 2 || source.items.length > 4) throw new RangeError("A comparison needs 2 to 4 scenarios");
  const baseCurrency = base.revision.result.scenario.currency.code;
  const fmt = createFormatter(baseCurrency, source.locale);
  const formatters = source.items.map((item) => createFormatter(item.revision.result.scenario.currency.code, source.locale));
  const labels = source.items.map((item) => `${item.scenarioName} (revision ${item.revision.number})`);
  const headlines = source.items.map((item) => summarizeHeadline(item.revision.result.scenario));
  const baseTotal = headlines[0]?.cheapest?.cashTotal ?? null;
  // The latest revision is the newest document: the comparison dates from it.
  const newest = source.items.map((item) => item.revision.createdAt).sort().at(-1) ?? base.revision.createdAt;

  const overview: TextTable = {
    columns: [
      { header: "Scenario", numeric: false, weight: 3 },
      { header: "Cheapest compliant option", numeric: false, weight: 2.6 },
      { header: "Horizon cash TCO", numeric: true, weight: 2 },
      { header: "Difference vs base", numeric: true, weight: 2 },
      { header: "Savings vs runner-up", numeric: true, weight: 1.8 },
      { header: "Break-even vs runner-up", numeric: false, weight: 2 },
      { header: "Monte Carlo P10–P90", numeric: true, weight: 2.2 },
    ],
    rows: source.items.map((item, index) => {
      const headline = headlines[index] as (typeof headlines)[number];
      const own = formatters[index] as Formatter;
      const cheapest = headline.cheapest;
      const kind = cheapest ? item.revision.result.scenario.options.find((option) => option.id === cheapest.id)?.kind : undefined;
      const estimate = item.revision.result.monteCarlo?.options.find((option) => option.optionId === cheapest?.id);
      const sameCurrency = item.revision.result.scenario.currency.code === baseCurrency;
      return {
        cells: [
          labels[index] as string,
          cheapest === null ? "none (all blocked)" : `${cheapest.name}${kind ? ` · ${KIND_LABELS[kind]}` : ""}`,
          cheapest === null ? "—" : own.money(cheapest.cashTotal),
          index === 0 || cheapest === null || baseTotal === null ? "—" : sameCurrency ? own.moneyDelta(new Decimal(cheapest.cashTotal).minus(baseTotal)) : "other currency",
          headline.savingsVsRunnerUp === null ? "—" : own.money(headline.savingsVsRunnerUp),
          headline.runnerUp === null ? "—" : describeBreakEven(headline.breakEven.month, headline.breakEven.calendarMonth, own),
          estimate === undefined ? "—" : `${own.moneyCompact(estimate.p10.toFixed(2))} – ${own.moneyCompact(estimate.p90.toFixed(2))}`,
        ],
        emphasised: index === 0,
        style: null,
      };
    }),
  };

  const chart = buildCompareCumulativeChart(
    source.items.map((item, index) => ({ scenario: { ...item.revision.result.scenario, name: labels[index] as string } })),
    fmt,
    WIDE_LAYOUT,
  );
  const fingerprints = source.items.map((item) => `r${item.revision.number} ${item.revision.fingerprint.slice(0, 16)}`).join(" · ");
  return {
    kind: "compare",
    info: {
      title: `Comparison: ${source.items.map((item) => item.scenarioName).join(" / ")}`,
      subject: `OpenTCO comparison of ${source.items.length} scenario revisions`,
      author: source.orgName,
      keywords: ["OpenTCO", ...source.items.map((item) => `revision ${item.revision.id}; fingerprint ${item.revision.fingerprint}`)].join("; "),
      creationDate: newest,
      language: source.locale,
      pageSize: source.pageSize,
    },
    frame: {
      header: `Comparison of ${source.items.length} scenarios`,
      revisionLine: `Revisions: ${source.items.map((item) => `r${item.revision.number} ${item.revision.id}`).join(" · ")}`,
      fingerprintLine: `Fingerprints (first 16 hex digits; full ones on the cover): ${fingerprints}`,
    },
    cover: {
      orgName: source.orgName,
      title: `Comparison of ${source.items.length} scenarios`,
      subtitle: "Total cost of ownership: API spend against self-hosted inference",
      details: source.items.flatMap((item, index) => [
        { label: labels[index] as string, value: `${formatDateTime(item.revision.createdAt, source.locale)} · prepared by ${item.revision.createdByEmail ?? "a former member (account deleted)"} · ${item.revision.result.scenario.currency.code}` },
        { label: "Revision id and fingerprint", value: `${item.revision.id} · ${item.revision.fingerprint}` },
      ]),
      verifyNote: VERIFY_NOTE,
    },
    overview,
    overviewNote:
      chart === null
        ? "The scenarios use different currencies: no difference is taken across currencies and no common chart is drawn."
        : `Differences are against the base, ${labels[0]}. Each line of the chart is the scenario's cheapest compliant option.`,
    chart,
    sections: source.items.map((item, index) => buildSection(item.scenarioName, item.revision, formatters[index] as Formatter)),
    methodology: buildMethodology(),
  };
}
