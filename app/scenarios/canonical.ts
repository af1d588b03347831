import { Decimal, type Scenario, type Serialized } from "~/engine/index.ts";

/**
 * The canonical form of scenario inputs, as stored in a revision and hashed into its fingerprint:
 * the parsed scenario (defaults applied, unknown fields refused) with every Decimal as its shortest
 * exact string ("12.50", 12.5 and "12.5" all become "12.5"; −0 becomes "0") and absent optional
 * fields left out. Identical inputs therefore give identical JSON, whatever their key order or
 * number spelling. It parses back to the same Scenario.
 */
export type CanonicalScenario = Serialized<Scenario>;

function canonicalizeValue(value: unknown): unknown {
  if (Decimal.isDecimal(value)) {
    const decimal = value as Decimal;
    return decimal.isZero() ? "0" : decimal.toFixed();
  }
  if (Array.isArray(value)) return value.map(canonicalizeValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonicalizeValue(item);
    }
    return out;
  }
  return value;
}

/** The canonical form of a parsed scenario (see CanonicalScenario). */
export function canonicalizeScenario(scenario: Scenario): CanonicalScenario {
  return canonicalizeValue(scenario) as CanonicalScenario;
}

/**
 * JSON text with object keys sorted by UTF-16 code unit at every level and no whitespace: the bytes
 * a fingerprint is taken of. It sorts itself rather than trusting key order, because Postgres jsonb
 * returns keys in its own order.
 */
export function stringifyCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : stringifyCanonicalJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stringifyCanonicalJson((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
