import { Decimal } from "./decimal.ts";

/**
 * Presentation only: rounds what a person reads, at the end. Money is rounded half-even to the
 * currency's minor units (JPY 0, USD 2, BHD 3, as Intl reports them); app/reports/format.ts lays the
 * rounded string out for a locale.
 */

const minorUnits = new Map<string, number>();

/** Minor units of an ISO 4217 currency (digits after the decimal point). */
export function getMinorUnits(currency: string): number {
  let digits = minorUnits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnits.set(currency, digits);
  }
  return digits;
}

/** Money value rounded half-even to the currency's minor units, as an exact decimal string. */
export function roundMoney(value: Decimal | string, currency: string): string {
  return new Decimal(value).toDecimalPlaces(getMinorUnits(currency), Decimal.ROUND_HALF_EVEN).toFixed();
}

/** A fraction as a percentage with `digits` decimals (half-even), e.g. "0.1234" → "12.3 %". */
export function formatPercent(value: Decimal | string, digits = 1): string {
  return `${new Decimal(value).times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed(digits)} %`;
}
