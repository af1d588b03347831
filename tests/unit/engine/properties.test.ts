import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalArithmetic } from "~/engine/arithmetic";
import { summariseCash, type CashSummary } from "~/engine/cash";
import { Decimal, OPEX_CATEGORIES, computeBreakEvenMonth, computeScenario, parseScenario, type OptionResult, type Scenario } from "~/engine";
import { runModel } from "~/engine/model";
import { createScenarioParams } from "~/engine/params";
import { anyScenario } from "./arbitraries.ts";

const AS_OF = { asOf: "2026-11-25" };

function parse(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`generator produced an invalid scenario: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** Cash totals and NPV per option through the model alone (the path the tornado uses). */
function computeCash(scenario: Scenario) {
  const run = runModel(decimalArithmetic, createScenarioParams(decimalArithmetic, scenario));
  return run.options.map((series) => summariseCash(decimalArithmetic, series, run.discountFactors));
}

/** Rebuilds a parsed scenario with `transform` applied to every Decimal under one of `keys`. */
function mapDecimals(value: unknown, keys: ReadonlySet<string>, transform: (value: Decimal) => Decimal, key = ""): unknown {
  if (Decimal.isDecimal(value)) return keys.has(key) ? transform(value as Decimal) : value;
  if (Array.isArray(value)) return value.map((item) => mapDecimals(item, keys, transform, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, mapDecimals(item, keys, transform, name)]));
  }
  return value;
}

/** Every money input of the format (scenario currency). */
const MONEY_KEYS = new Set([
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

const SIGNIFICANT = 30;
const same = (a: Decimal, b: Decimal) => a.toSignificantDigits(SIGNIFICANT).eq(b.toSignificantDigits(SIGNIFICANT));

function expectFiniteEverywhere(value: unknown, path = "result"): void {
  if (Decimal.isDecimal(value)) {
    if (!(value as Decimal).isFinite()) throw new Error(`${path} is ${String(value)}`);
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => expectFiniteEverywhere(item, `${path}.${index}`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) expectFiniteEverywhere(item, `${path}.${key}`);
  }
}

function expectTotalsAreSums(option: OptionResult, zeroDiscount: boolean): void {
  const sum = (pick: (month: OptionResult["monthly"][number]) => Decimal) => option.monthly.reduce((total, month) => total.plus(pick(month)), new Decimal(0));
  const { totals } = option;
  expect(totals.cash.eq(sum((month) => month.cash))).toBe(true);
  expect(totals.accounting.eq(sum((month) => month.accounting))).toBe(true);
  expect(totals.capex.eq(sum((month) => month.capex))).toBe(true);
  expect(totals.depreciation.eq(sum((month) => month.depreciation))).toBe(true);
  expect(totals.opex.eq(sum((month) => month.opexTotal))).toBe(true);
  for (const category of OPEX_CATEGORIES) expect(same(totals.opexByCategory[category], sum((month) => month.opex[category]))).toBe(true);
  const byCategory = OPEX_CATEGORIES.reduce((total, category) => total.plus(totals.opexByCategory[category]), new Decimal(0));
  expect(same(byCategory, totals.opex)).toBe(true);
  expect(same(totals.cash, totals.capex.minus(totals.resaleCredit).minus(totals.residualCredit).plus(totals.opex))).toBe(true);
  expect(same(totals.accounting, totals.opex.plus(totals.depreciation).plus(totals.disposalLoss))).toBe(true);
  expect(option.monthly.at(-1)?.cumulativeCash.eq(totals.cash)).toBe(true);
  if (zeroDiscount) expect(option.npv.eq(totals.cash)).toBe(true);
}

describe("engine properties over 10,000 random valid scenarios", () => {
  it("results are finite, totals are the sums of their lines, NPV = sum at r = 0, option order does not matter", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const scenario = parse(input);
        const result = computeScenario(scenario, AS_OF);
        expectFiniteEverywhere(result);
        const zeroDiscount = scenario.discountRatePerYear.isZero();
        for (const option of result.options) expectTotalsAreSums(option, zeroDiscount);
        // Option order does not change results: the model run in reverse order gives every option the
        // same monthly cash, NPV, capacity events and break-evens.
        const reversedOrder = [...scenario.options].reverse();
        const reversed = computeCash({ ...scenario, options: reversedOrder });
        result.options.forEach((option, i) => {
          const twin = reversed[scenario.options.length - 1 - i] as CashSummary<Decimal>;
          expect(same(twin.total, option.totals.cash) && same(twin.npv, option.npv)).toBe(true);
          expect(twin.cumulative.every((cumulative, m) => same(cumulative, option.monthly[m]?.cumulativeCash as Decimal))).toBe(true);
          for (const entry of option.breakEven) {
            const other = reversed[reversedOrder.findIndex((item) => item.id === entry.otherId)] as CashSummary<Decimal>;
            expect(computeBreakEvenMonth(twin.cumulative, other.cumulative)).toBe(entry.month);
          }
        });
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);

  it("same input gives the same output; prices × k give costs × k; more tokens never lower API cost; a dearer GPU never lowers self-hosting cost", () => {
    fc.assert(
      fc.property(anyScenario, fc.constantFrom("0.5", "2", "3", "1.25", "10"), (input, k) => {
        const scenario = parse(input);
        const base = computeCash(scenario);
        // Same input → same output.
        const again = computeCash(scenario);
        base.forEach((summary, i) => expect(again[i]?.cumulative.every((value, m) => value.eq(summary.cumulative[m] as Decimal))).toBe(true));
        const factor = new Decimal(k);
        const scaled = computeCash(mapDecimals(scenario, MONEY_KEYS, (value) => value.times(factor)) as Scenario);
        base.forEach((summary, i) => {
          expect(same(scaled[i]?.total as Decimal, summary.total.times(factor))).toBe(true);
          expect(same(scaled[i]?.npv as Decimal, summary.npv.times(factor))).toBe(true);
        });
        const busier = computeCash(mapDecimals(scenario, new Set(["requestsPerMonth", "tokensPerMonth"]), (value) => value.times("1.3").plus(1000)) as Scenario);
        scenario.options.forEach((option, i) => {
          if (option.kind === "api") expect((busier[i]?.total as Decimal).gte((base[i] as { total: Decimal }).total)).toBe(true);
        });
        const dearer = computeCash(mapDecimals(scenario, new Set(["unitPrice", "pricePerGpuHour"]), (value) => value.times("1.2").plus(1)) as Scenario);
        scenario.options.forEach((option, i) => {
          if (option.kind === "owned-gpu" || option.kind === "rented-gpu") {
            expect((dearer[i]?.total as Decimal).gte((base[i] as { total: Decimal }).total)).toBe(true);
          }
        });
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);
});
