import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, OPEX_CATEGORIES, computeScenario, type OptionResult } from "~/engine";
import { computeBreakEvenMonth } from "~/engine/break-even";
import type { CashSummary } from "~/engine/cash";
import { anyScenario } from "./arbitraries.ts";
import { AS_OF, computeCash, parse, same } from "./property-helpers.ts";

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

describe("engine properties over 10,000 random valid scenarios: results", () => {
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

});
