import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, type Scenario } from "~/engine";
import { anyScenario } from "./arbitraries.ts";
import { MONEY_KEYS, computeCash, mapDecimals, parse, same } from "./property-helpers.ts";

// A second file so Vitest runs it beside properties.test.ts on the other core.
describe("engine properties over 10,000 random valid scenarios: determinism, scaling, monotonicity", () => {
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
        const hasApi = scenario.options.some((option) => option.kind === "api");
        const hasHosted = scenario.options.some((option) => option.kind === "owned-gpu" || option.kind === "rented-gpu");
        if (hasApi) {
          const busier = computeCash(mapDecimals(scenario, new Set(["requestsPerMonth", "tokensPerMonth"]), (value) => value.times("1.3").plus(1000)) as Scenario);
          scenario.options.forEach((option, i) => {
            if (option.kind === "api") expect((busier[i]?.total as Decimal).gte((base[i] as { total: Decimal }).total)).toBe(true);
          });
        }
        if (!hasHosted) return;
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
