import { Decimal } from "./decimal.ts";

/**
 * Presentation only: rounds what a person reads, at the end. Money is rounded half-even to the
 * currency's minor units (JPY 0, USD 2, BHD 3, as Intl reports them) and formatted with Intl.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function getMoneyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Minor units of an ISO 4217 currency (digits after the decimal point). */
export function getMinorUnits(currency: string): number {
  return getMoneyFormat(currency, "en-US").resolvedOptions().maximumFractionDigits ?? 2;
}

/** Money value rounded half-even to the currency's minor units, as an exact decimal string. */
export function roundMoney(value: Decimal | string, currency: string): string {
  return new Decimal(value).toDecimalPlaces(getMinorUnits(currency), Decimal.ROUND_HALF_EVEN).toFixed();
}

/** e.g. formatMoney("1234.565", "USD") → "$1,234.56" (half-even), formatMoney("1234.5", "JPY") → "¥1,234". */
export function formatMoney(value: Decimal | string, currency: string, locale = "en-US"): string {
  // Intl formats a decimal string exactly (no float conversion) once it is rounded.
  return getMoneyFormat(currency, locale).format(roundMoney(value, currency) as unknown as number);
}

/** A fraction as a percentage with `digits` decimals (half-even), e.g. "0.1234" → "12.3 %". */
export function formatPercent(value: Decimal | string, digits = 1): string {
  return `${new Decimal(value).times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed(digits)} %`;
}

/** A large count in compact form, e.g. 38000000000 → "38B" (display only). */
export function formatCount(value: Decimal | string, locale = "en-US"): string {
  const rounded = new Decimal(value).toSignificantDigits(3, Decimal.ROUND_HALF_EVEN).toFixed();
  return new Intl.NumberFormat(locale, { notation: "compact", maximumSignificantDigits: 3 }).format(rounded as unknown as number);
}
