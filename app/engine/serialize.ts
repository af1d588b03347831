import { Decimal } from "./decimal.ts";

/** The JSON shape of an engine value: every Decimal becomes its exact decimal string. */
export type Serialized<T> = T extends Decimal
  ? string
  : T extends readonly (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

/**
 * The one serializer for engine results across the loader boundary (and into JSON files and PDFs):
 * Decimal → exact string (no rounding, no exponent for the magnitudes the engine produces), arrays and
 * plain objects copied, other values as they are. Non-finite numbers are an engine bug and throw.
 */
export function serializeResult<T>(value: T): Serialized<T> {
  return serializeValue(value) as Serialized<T>;
}

function serializeValue(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (Array.isArray(value)) return value.map(serializeValue);
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`cannot serialize the non-finite number ${value}`);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = serializeValue(item);
    return out;
  }
  return value;
}
