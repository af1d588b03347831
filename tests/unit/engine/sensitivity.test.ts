import { describe, expect, it } from "vitest";
import { Decimal, computeMonteCarlo, computeScenario, computeTornado, parseScenario, type Scenario, type ScenarioInput } from "~/engine";
import { createApiOption, createRentedOption, createScenario } from "../../scenarios/builders.ts";

function parse(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const scenario = parse(createScenario([createApiOption(), createRentedOption()], { horizonMonths: "24" }));

describe("tornado", () => {
  const tornado = computeTornado(scenario);

  it("moves API cost linearly with API prices (±20 % by default) and leaves the rented option alone", () => {
    const bar = tornado.bars.find((item) => item.driver === "api-prices");
    const api = bar?.options.find((item) => item.optionId === "api");
    const base = tornado.base.find((item) => item.optionId === "api")?.total;
    expect(bar?.lowMultiplier.toFixed()).toBe("0.8");
    expect(api?.lowTotal.toFixed()).toBe(base?.times("0.8").toFixed());
    expect(api?.highTotal.toFixed()).toBe(base?.times("1.2").toFixed());
    const rented = bar?.options.find((item) => item.optionId === "rented");
    expect(rented?.lowTotal.eq(rented.highTotal)).toBe(true);
  });

  it("omits drivers that move nothing and sorts bars widest first", () => {
    const drivers = tornado.bars.map((bar) => bar.driver);
    expect(drivers).not.toContain("gpu-price");
    expect(drivers).not.toContain("electricity");
    expect(drivers).not.toContain("growth");
    const swings = tornado.bars.map((bar) => bar.swing.toNumber());
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });

  it("uses the user's range and reports break-even at both ends", () => {
    const custom = computeTornado({ ...scenario, sensitivity: { tornado: [{ driver: "volume", low: new Decimal("0.5"), high: new Decimal(3) }] } });
    const bar = custom.bars.find((item) => item.driver === "volume");
    expect(bar?.lowMultiplier.toFixed()).toBe("0.5");
    expect(bar?.highMultiplier.toFixed()).toBe("3");
    expect(bar?.breakEven).toContainEqual(expect.objectContaining({ optionId: "rented", otherId: "api" }));
  });

  it("agrees with the full result at base", () => {
    const result = computeScenario(scenario, { asOf: "2026-11-25" });
    for (const option of result.options) {
      expect(tornado.base.find((item) => item.optionId === option.id)?.total.toFixed()).toBe(option.totals.cash.toFixed());
    }
  });
});

describe("Monte Carlo (float64 sampling)", () => {
  it("with no ranges, every draw is the deterministic Decimal result to float precision", () => {
    const monteCarlo = computeMonteCarlo(scenario, { draws: 100, ranges: [] });
    const result = computeScenario(scenario, { asOf: "2026-11-25" });
    expect(monteCarlo.sampling).toBe("float64");
    for (const option of result.options) {
      const estimate = monteCarlo.options.find((item) => item.optionId === option.id);
      const exact = option.totals.cash.toNumber();
      expect(Math.abs((estimate?.p10 ?? 0) - exact) / exact).toBeLessThan(1e-12);
      expect(Math.abs((estimate?.p90 ?? 0) - exact) / exact).toBeLessThan(1e-12);
    }
  });

  it("is reproducible for a seed, ordered P10 ≤ P50 ≤ P90, and gives a probability in [0, 1]", () => {
    const ranges = [
      { driver: "volume" as const, min: 0.3, mode: 1, max: 3 },
      { driver: "api-prices" as const, min: 0.5, mode: 1, max: 1.5 },
    ];
    const a = computeMonteCarlo(scenario, { draws: 500, seed: 9, ranges });
    const b = computeMonteCarlo(scenario, { draws: 500, seed: 9, ranges });
    expect(a).toEqual(b);
    for (const option of a.options) expect(option.p10 <= option.p50 && option.p50 <= option.p90).toBe(true);
    expect(a.probabilitySelfHostingCheaper).not.toBeNull();
    expect(a.probabilitySelfHostingCheaper as number).toBeGreaterThanOrEqual(0);
    expect(a.probabilitySelfHostingCheaper as number).toBeLessThanOrEqual(1);
  });

  it("has no self-hosting probability without both kinds of option", () => {
    const apiOnly = parse(createScenario([createApiOption()]));
    expect(computeMonteCarlo(apiOnly, { draws: 100, ranges: [] }).probabilitySelfHostingCheaper).toBeNull();
  });
});
