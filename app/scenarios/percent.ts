/**
 * Percent entry. People type percents ("12.5" in a field marked %); the scenario stores the fraction
 * ("0.125"), as the engine's format requires. The conversion moves the decimal point by two places on
 * the string itself, so it is exact for every decimal the format accepts (up to 30 + 30 digits) and
 * never goes through a binary float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `value` × 10^places as a canonical decimal string (no exponent, no superfluous zeros), or null. */
export function shiftDecimalPoint(value: string, places: number): string | null {
  const match = DECIMAL.exec(value.trim());
  if (match === null) return null;
  const [, sign = "", whole = "", fraction = ""] = match;
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const decimals = digits.slice(point).replace(/0+$/, "");
  const result = decimals === "" ? integer : `${integer}.${decimals}`;
  return /^0(\.0*)?$/.test(result) ? "0" : `${sign}${result}`;
}

/** "0.125" → "12.5"; a value that is not a decimal string comes back unchanged (it is shown as typed). */
export function fractionToPercent(fraction: unknown): string {
  if (typeof fraction === "number") return shiftDecimalPoint(String(fraction), 2) ?? String(fraction);
  if (typeof fraction !== "string") return "";
  return shiftDecimalPoint(fraction, 2) ?? fraction;
}

/**
 * "12.5" → "0.125". Text that is not a number yet ("12.", "", "abc") is kept as typed, so the engine's
 * validation names the rule it breaks instead of the editor silently dropping it. A "%" sign typed
 * along is accepted.
 */
export function percentToFraction(percent: string): string {
  const cleaned = percent.trim().replace(/\s*%$/, "");
  return shiftDecimalPoint(cleaned, -2) ?? percent;
}
