/**
 * Number, money and date formatting for one (currency, locale) pair. Everything a person reads goes
 * through here: money is rounded half-even to the currency's minor units (JPY 0, EUR 2) by the engine's
 * `roundMoney`, then laid out by Intl in the locale's convention (symbol position, grouping, minus sign).
 * Values arrive as exact decimal strings (or Decimal); they are rounded as decimals, never as floats,
 * except in the compact forms, which are for display only.
 */
import { Decimal, getMinorUnits, roundMoney } from "../engine/index.ts";

/** An exact decimal string, a Decimal, or (Monte Carlo estimates only) a float. */
export type DecimalLike = string | Decimal | number;

export interface Formatter {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** BCP 47 locale, e.g. "de-DE". */
  locale: string;
  /** Digits after the decimal point of the currency (JPY 0, EUR 2). */
  minorUnits: number;
  /** Full precision: "$1,234.56", "¥1,235", "-1.234,50 €" (half-even to minor units). */
  money(value: DecimalLike): string;
  /** Three significant digits, locale's compact notation: "$4.84M", "1,19 Mio. €". */
  moneyCompact(value: DecimalLike): string;
  /** A difference with its sign always shown: "+$1,234.56", "-$12.00"; zero has no sign. */
  moneyDelta(value: DecimalLike): string;
  /** A compact difference: "+$1.2M". */
  moneyDeltaCompact(value: DecimalLike): string;
  /** A fraction as a percentage, half-even: 0.1234 → "12.3%" (digits after the point, default 1). */
  percent(fraction: DecimalLike, digits?: number): string;
  /** A whole count with grouping: 10000 → "10,000". */
  count(value: DecimalLike): string;
  /** A large count, compact: 38000000000 → "38B". */
  countCompact(value: DecimalLike): string;
  /** A plain number with grouping and at most `maxDigits` decimals (half-even): "64,662.2", "0.0832". */
  number(value: DecimalLike, maxDigits?: number): string;
  /** A plain decimal with fixed digits, half-even: a score or a SEAL level, e.g. "3.35". */
  decimal(value: DecimalLike, digits: number): string;
  /** "2027-01" → "Jan 2027". */
  month(calendarMonth: string): string;
  /** 0-based month index → "month 14" (texts count months from 1). */
  monthNumber(index: number): string;
  /** "month 14 (Feb 2028)". */
  monthWithCalendar(index: number, calendarMonth: string): string;
}

function toDecimal(value: DecimalLike): Decimal {
  return new Decimal(value);
}

// Intl.NumberFormat formats a decimal string exactly (no float conversion); the cast only satisfies
// TypeScript's lib, whose signature predates string input.
function formatExact(format: Intl.NumberFormat, value: string): string {
  return format.format(value as unknown as number);
}

/** Formatters already built, by currency and locale; the oldest goes first past MAX_FORMATTERS. */
const formatters = new Map<string, Formatter>();
/** Locales come from Accept-Language, so the cache is bounded; a handful is what a server sees. */
const MAX_FORMATTERS = 64;

/**
 * The formatter for money in `currency` and numbers/dates in `locale`. Building one constructs seven
 * Intl formats (~0.5 ms), so each pair is built once and shared: a Formatter never changes.
 */
export function createFormatter(currency: string, locale = "en-US"): Formatter {
  const key = `${currency}\0${locale}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = buildFormatter(currency, locale);
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(currency: string, locale: string): Formatter {
  const minorUnits = getMinorUnits(currency);
  const moneyFormat = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: minorUnits, maximumFractionDigits: minorUnits });
  const moneyDeltaFormat = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: minorUnits, maximumFractionDigits: minorUnits, signDisplay: "exceptZero" });
  const compactOptions = { style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 } as const;
  const compactFormat = new Intl.NumberFormat(locale, compactOptions);
  const compactDeltaFormat = new Intl.NumberFormat(locale, { ...compactOptions, signDisplay: "exceptZero" });
  const countFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const countCompactFormat = new Intl.NumberFormat(locale, { notation: "compact", maximumSignificantDigits: 3 });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const decimalFormats = new Map<number, Intl.NumberFormat>();

  const cached = (cache: Map<number, Intl.NumberFormat>, digits: number, options: Intl.NumberFormatOptions) => {
    let format = cache.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, ...options });
      cache.set(digits, format);
    }
    return format;
  };
  // Three significant digits, half-even, before Intl's compact notation (which would round half-up).
  const significant = (value: DecimalLike) => toDecimal(value).toSignificantDigits(3, Decimal.ROUND_HALF_EVEN).toFixed();
  const month = (calendarMonth: string) => {
    const year = Number(calendarMonth.slice(0, 4));
    const monthIndex = Number(calendarMonth.slice(5, 7)) - 1;
    return monthFormat.format(Date.UTC(year, monthIndex, 1));
  };
  const monthNumber = (index: number) => `month ${index + 1}`;

  return {
    currency,
    locale,
    minorUnits,
    money: (value) => formatExact(moneyFormat, roundMoney(toDecimal(value), currency)),
    moneyCompact: (value) => formatExact(compactFormat, significant(value)),
    moneyDelta: (value) => formatExact(moneyDeltaFormat, roundMoney(toDecimal(value), currency)),
    moneyDeltaCompact: (value) => formatExact(compactDeltaFormat, significant(value)),
    percent: (fraction, digits = 1) =>
      formatExact(cached(percentFormats, digits, { style: "percent" }), toDecimal(fraction).toDecimalPlaces(digits + 2, Decimal.ROUND_HALF_EVEN).toFixed()),
    count: (value) => formatExact(countFormat, toDecimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed()),
    countCompact: (value) => formatExact(countCompactFormat, significant(value)),
    number: (value, maxDigits = 6) =>
      formatExact(cached(numberFormats, maxDigits, { minimumFractionDigits: 0 }), toDecimal(value).toDecimalPlaces(maxDigits, Decimal.ROUND_HALF_EVEN).toFixed()),
    decimal: (value, digits) => formatExact(cached(decimalFormats, digits, {}), toDecimal(value).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed()),
    month,
    monthNumber,
    monthWithCalendar: (index, calendarMonth) => `${monthNumber(index)} (${month(calendarMonth)})`,
  };
}
