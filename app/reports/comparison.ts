/**
 * The comparison table: one row per option with raw values (exact decimal strings, for CSV and sorting)
 * beside the text a person reads. Sort keys are floats: good enough to order rows, never shown.
 */
import { Decimal, type Verdict } from "../engine/index.ts";
import type { Formatter } from "./format.ts";
import { KIND_LABELS, VERDICT_LABELS } from "./labels.ts";
import { getSeriesStyle, type SeriesStyle } from "./palette.ts";
import { getHighlightedOptionId } from "./selection.ts";
import type { OptionData, ResultBundle } from "./types.ts";

/** A value cell: `raw` is the exact value (decimal string, or null when unknown), `text` what is shown. */
export interface ValueCell {
  raw: string | null;
  text: string;
  /** Sort key; undefined sorts after every known value. */
  sort: number | undefined;
}

export interface BreakEvenCell extends ValueCell {
  otherId: string;
  otherName: string;
  /** 0-based month from which this option stays at or below the other, or null (never within the horizon). */
  month: number | null;
}

export interface ComparisonRow {
  optionId: string;
  name: string;
  kindLabel: string;
  style: SeriesStyle;
  /** The cheapest option that is not blocked (the cheapest overall without a compliance profile). */
  isCheapestCompliant: boolean;
  blocked: boolean;
  /** Money in the scenario currency, over the whole horizon. */
  cashTco: ValueCell;
  accountingTco: ValueCell;
  npv: ValueCell;
  /** Cash total per 1M input+output tokens served. */
  costPerMillionTokens: ValueCell;
  /** One cell per other option, in the scenario's option order. */
  breakEven: BreakEvenCell[];
  verdict: ValueCell & { value: Verdict | null };
  /** OpenTCO's weighted SEAL score (0–4, its aggregation, not the framework's); a hybrid shows its weaker part. */
  sovereignty: ValueCell;
  quality: ValueCell & { benchmark: string | null };
  /** Index points below the best compared model on the same benchmark (0 = best). */
  qualityGap: ValueCell;
}

const NOT_AVAILABLE = "—";

function moneyCell(value: string | null, fmt: Formatter): ValueCell {
  return value === null ? { raw: null, text: NOT_AVAILABLE, sort: undefined } : { raw: value, text: fmt.money(value), sort: Number(value) };
}

function breakEvenCells(option: OptionData, options: readonly OptionData[], fmt: Formatter): BreakEvenCell[] {
  return options
    .filter((other) => other.id !== option.id)
    .map((other) => {
      const entry = option.breakEven.find((item) => item.otherId === other.id);
      const month = entry?.month ?? null;
      const calendarMonth = entry?.calendarMonth ?? null;
      return {
        otherId: other.id,
        otherName: other.name,
        month,
        raw: calendarMonth,
        text: month === null || calendarMonth === null ? "never" : fmt.monthWithCalendar(month, calendarMonth),
        sort: month ?? undefined,
      };
    });
}

function sovereigntyCell(option: OptionData, fmt: Formatter): ValueCell {
  const scores = (option.compliance?.parts ?? []).flatMap((part) => (part.deployment === null ? [] : [new Decimal(part.deployment.sovereignty.weightedScore)]));
  if (scores.length === 0) return { raw: null, text: NOT_AVAILABLE, sort: undefined };
  const weakest = Decimal.min(...scores);
  const note = scores.length > 1 ? " (weaker part)" : "";
  return { raw: weakest.toFixed(), text: `${fmt.decimal(weakest, 2)} of 4${note}`, sort: weakest.toNumber() };
}

/** Rows of the comparison table, in the scenario's option order. */
export function buildComparisonRows(bundle: ResultBundle, fmt: Formatter): ComparisonRow[] {
  const { scenario } = bundle;
  const highlighted = getHighlightedOptionId(scenario);
  const quality = new Map(scenario.qualityGaps.map((row) => [row.optionId, row]));
  return scenario.options.map((option, index) => {
    const verdict = option.compliance?.verdict ?? null;
    const row = quality.get(option.id);
    const score = row?.score ?? null;
    const gap = row?.gapToBest ?? null;
    return {
      optionId: option.id,
      name: option.name,
      kindLabel: KIND_LABELS[option.kind],
      style: getSeriesStyle(index),
      isCheapestCompliant: option.id === highlighted,
      blocked: verdict === "blocked",
      cashTco: moneyCell(option.totals.cash, fmt),
      accountingTco: moneyCell(option.totals.accounting, fmt),
      npv: moneyCell(option.npv, fmt),
      costPerMillionTokens: moneyCell(option.costPerMillionTokens.value, fmt),
      breakEven: breakEvenCells(option, scenario.options, fmt),
      verdict: {
        value: verdict,
        raw: verdict,
        text: verdict === null ? NOT_AVAILABLE : VERDICT_LABELS[verdict],
        sort: verdict === null ? undefined : ["compliant", "compliant-with-conditions", "blocked"].indexOf(verdict),
      },
      sovereignty: sovereigntyCell(option, fmt),
      quality: {
        raw: score,
        text: score === null ? "unknown" : fmt.number(score),
        sort: score === null ? undefined : Number(score),
        benchmark: row?.benchmark ? `${row.benchmark}${row.version ? ` ${row.version}` : ""}` : null,
      },
      qualityGap: {
        raw: gap,
        text: gap === null ? NOT_AVAILABLE : new Decimal(gap).isZero() ? "0 (best)" : fmt.number(gap),
        sort: gap === null ? undefined : Number(gap),
      },
    };
  });
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field a spreadsheet must not run as a formula (CSV injection): a leading =, +, -, @, tab or
 * carriage return is neutralised with an apostrophe. Only for text; numbers are written as they are.
 */
function protectText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The comparison as CSV (RFC 4180, CRLF line ends, header row with units). Money is the exact
 * unrounded decimal in the scenario currency; break-even is the calendar month "YYYY-MM" or "never";
 * unknown values are empty.
 */
export function buildComparisonCsv(bundle: ResultBundle, fmt: Formatter): string {
  const currency = bundle.scenario.currency.code;
  const rows = buildComparisonRows(bundle, fmt);
  const options = bundle.scenario.options;
  const header = [
    "option id",
    "option",
    "kind",
    `cash TCO (${currency})`,
    `accounting TCO (${currency})`,
    `NPV (${currency})`,
    `cost per 1M tokens (${currency})`,
    ...options.map((other) => `break-even vs ${other.name} (first month)`),
    "compliance verdict",
    "sovereignty (OpenTCO weighted SEAL score, 0-4)",
    "quality score",
    "quality benchmark",
    "quality gap (points)",
  ];
  const lines = rows.map((row) => {
    const breakEven = new Map(row.breakEven.map((cell) => [cell.otherId, cell]));
    const text = (value: string | null) => protectText(value ?? "");
    return [
      text(row.optionId),
      text(row.name),
      row.kindLabel,
      row.cashTco.raw ?? "",
      row.accountingTco.raw ?? "",
      row.npv.raw ?? "",
      row.costPerMillionTokens.raw ?? "",
      ...options.map((other) => {
        const cell = breakEven.get(other.id);
        return cell === undefined ? "" : cell.month === null ? "never" : (cell.raw ?? "");
      }),
      row.verdict.value === null ? "" : row.verdict.text,
      row.sovereignty.raw ?? "",
      row.quality.raw ?? "",
      text(row.quality.benchmark),
      row.qualityGap.raw ?? "",
    ];
  });
  return [header.map(protectText), ...lines].map((fields) => fields.map(quoteCsvField).join(",")).join("\r\n") + "\r\n";
}
