import { decimalArithmetic } from "~/engine/arithmetic";
import { summariseCash } from "~/engine/cash";
import { Decimal, parseScenario, type Scenario } from "~/engine";
import { runModel } from "~/engine/model";
import { createScenarioParams } from "~/engine/params";

export const AS_OF = { asOf: "2026-11-25" };

export function parse(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`generator produced an invalid scenario: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** Cash totals and NPV per option through the model alone (the path the tornado uses). */
export function computeCash(scenario: Scenario) {
  const run = runModel(decimalArithmetic, createScenarioParams(decimalArithmetic, scenario));
  return run.options.map((series) => summariseCash(decimalArithmetic, series, run.discountFactors));
}

/** Rebuilds a parsed scenario with `transform` applied to every Decimal under one of `keys`. */
export function mapDecimals(value: unknown, keys: ReadonlySet<string>, transform: (value: Decimal) => Decimal, key = ""): unknown {
  if (Decimal.isDecimal(value)) return keys.has(key) ? transform(value as Decimal) : value;
  if (Array.isArray(value)) return value.map((item) => mapDecimals(item, keys, transform, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, mapDecimals(item, keys, transform, name)]));
  }
  return value;
}

/** Every money input of the format (scenario currency). */
export const MONEY_KEYS = new Set([
  "inputPricePerMillion",
  "cachedInputPricePerMillion",
  "outputPricePerMillion",
  "amountPerYear",
  "loadedCostPerFteYear",
  "setupCost",
  "unitPrice",
  "baseNodePrice",
  "electricityPricePerKwh",
  "pricePerKwMonth",
  "costPerMonth",
  "softwareLicencePerGpuYear",
  "pricePerGpuHour",
]);

/** Equal to 30 significant digits: Decimal rounds at 40, and sums in another order differ beyond that. */
export const same = (a: Decimal, b: Decimal) => a.toSignificantDigits(30).eq(b.toSignificantDigits(30));
