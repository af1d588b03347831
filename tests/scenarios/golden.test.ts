import { describe, expect, it } from "vitest";
import { computeScenario, parseScenario, type OptionResult, type ScenarioInput, type ScenarioResult } from "~/engine";
import { createApiOption, createOwnedOption, createRentedOption, createScenario } from "./builders.ts";

function compute(input: ScenarioInput): ScenarioResult {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return computeScenario(parsed.scenario, { asOf: "2026-11-25" });
}

function option(result: ScenarioResult, id: string): OptionResult {
  const found = result.options.find((item) => item.id === id);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}

describe("golden: API pricing", () => {
  it("prices cached, batch and residency exactly", () => {
    // Per request: 800 uncached × 2 + 200 cached × 0.2 + 500 output × 10 = 6,640 per 1M → 0.00664;
    // batch: half the traffic at 50 % off → × 0.75 = 0.00498; residency +10 % → 0.005478.
    // 1,000,000 requests → 5,478 a month; 12 months → 65,736. Tokens: 1.5e9 a month → 1.8e10.
    // Cost per 1M tokens: 65,736 / 18,000 = 3.652.
    const result = compute(
      createScenario(
        [createApiOption({ inputPricePerMillion: "2", cachedInputPricePerMillion: "0.2", outputPricePerMillion: "10", batchDiscount: "0.5", residencyPremium: "0.1" })],
        {
          workload: {
            volume: { kind: "requests", requestsPerMonth: "1000000" },
            inputTokensPerRequest: "1000",
            outputTokensPerRequest: "500",
            cachedInputShare: "0.2",
            growth: { rate: "0", per: "month" },
            peakToAverage: "1",
            batchEligibleShare: "0.5",
          },
        },
      ),
    );
    const api = option(result, "api");
    expect(api.monthly[0]?.cash.toFixed()).toBe("5478");
    expect(api.totals.cash.toFixed()).toBe("65736");
    expect(api.totals.accounting.toFixed()).toBe("65736");
    expect(api.npv.toFixed()).toBe("65736");
    expect(api.totals.inputTokens.plus(api.totals.outputTokens).toFixed()).toBe("18000000000");
    expect(api.costPerMillionTokens.value?.toFixed()).toBe("3.652");
  });

  it("tokens per month mode divides by tokens per request", () => {
    // 1,650,000,000 tokens / (1000 + 100) = 1,500,000 requests × (1000 × 1 + 100 × 10) / 1e6 = 3,000 a month.
    const result = compute(
      createScenario([createApiOption()], {
        workload: {
          volume: { kind: "tokens", tokensPerMonth: "1650000000" },
          inputTokensPerRequest: "1000",
          outputTokensPerRequest: "100",
          cachedInputShare: "0",
          growth: { rate: "0", per: "month" },
          peakToAverage: "1",
          batchEligibleShare: "0",
        },
      }),
    );
    expect(option(result, "api").monthly[0]?.cash.toFixed()).toBe("3000");
  });
});

describe("golden: rented GPUs", () => {
  it("plans whole instances with N+1 and adds staff, licences and setup", () => {
    // 1 GPU busy on average × peak 1 / utilisation 0.5 = 2 reference GPUs → 1 instance of 4 GPUs + 1 spare
    // = 8 GPUs × 730 h × 2 = 11,680; staff 120,000 / 12 = 10,000; licences 1,200 / 12 × 8 = 800.
    // 12 × 22,480 = 269,760, plus setup 5,000 = 274,760. Utilisation: 1 busy / 8 in service = 0.125.
    const result = compute(createScenario([createRentedOption()]));
    const rented = option(result, "rented");
    expect(rented.monthly[0]?.opex["gpu-rental"].toFixed()).toBe("11680");
    expect(rented.monthly[0]?.opex.staff.toFixed()).toBe("10000");
    expect(rented.monthly[0]?.opex.licences.toFixed()).toBe("800");
    expect(rented.monthly[0]?.cash.toFixed()).toBe("27480");
    expect(rented.totals.cash.toFixed()).toBe("274760");
    expect(rented.monthly[5]?.gpusInService).toBe(8);
    expect(rented.monthly[5]?.utilisation.toFixed()).toBe("0.125");
    expect(rented.capacityEvents.map((event) => event.text)).toEqual(["rent 2 nodes (8 GPUs) in month 1 (2027-01)"]);
  });

  it("ramps staff up linearly", () => {
    // 3-month ramp: 1/3, 2/3, then full 10,000 a month.
    const result = compute(createScenario([createRentedOption({ staffing: { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "3" } })]));
    const staff = option(result, "rented").monthly.slice(0, 4).map((month) => month.opex.staff.toDecimalPlaces(6).toFixed());
    expect(staff).toEqual(["3333.333333", "6666.666667", "10000", "10000"]);
  });
});

describe("golden: owned GPUs, cash vs accounting, break-even", () => {
  // Owned: one node (1 GPU at 10,000 + 2,000 chassis) bought in month 1 = 12,000 capex.
  // Opex a month: power 1 kW × PUE 1.5 × 730 h × 0.1 = 109.5; colocation 1 kW × 100 = 100;
  // maintenance 12 % × 12,000 / 12 = 120 → 329.5; 12 months → 3,954.
  // Cash view: 12,000 capex − residual 9,000 (value after 12 of 36 months: 12,000 × (1 − 0.75 × 12/36))
  // + 3,954 = 6,954. Accounting view: 3,954 + straight-line depreciation to the 25 % resale value over
  // 12 months (750 a month) = 12,954. Capex is in the cash view only, depreciation in the accounting only.
  // API: 1,314,000 × (1000 × 1 + 100 × 10) / 1e6 = 2,628 a month.
  // Owned cumulative 12,000 + 329.5 k vs API 2,628 k (k = months elapsed): owned ≤ API from k = 6
  // (13,977 ≤ 15,768; at k = 5, 13,647.5 > 13,140), so break-even is month index 5, and stays
  // below until the end (6,954 ≤ 31,536). The API never stays below the owned option.
  const result = compute(createScenario([createOwnedOption(), createApiOption()]));
  const owned = option(result, "owned");
  const api = option(result, "api");

  it("computes the cash and the accounting view without counting hardware twice", () => {
    expect(owned.monthly[0]?.capex.toFixed()).toBe("12000");
    expect(owned.monthly[0]?.opexTotal.toFixed()).toBe("329.5");
    expect(owned.monthly[0]?.cash.toFixed()).toBe("12329.5");
    expect(owned.monthly[11]?.residualCredit.toFixed()).toBe("9000");
    expect(owned.monthly[11]?.cash.toFixed()).toBe("-8670.5");
    expect(owned.totals.cash.toFixed()).toBe("6954");
    expect(owned.totals.depreciation.toFixed()).toBe("9000");
    expect(owned.monthly[0]?.accounting.toFixed()).toBe("1079.5");
    expect(owned.totals.accounting.toFixed()).toBe("12954");
  });

  it("finds the hand-checked break-even months", () => {
    expect(owned.breakEven).toEqual([{ otherId: "api", month: 5, calendarMonth: "2027-06" }]);
    expect(api.breakEven).toEqual([{ otherId: "owned", month: null, calendarMonth: null }]);
    expect(api.totals.cash.toFixed()).toBe("31536");
  });

  it("drops the residual credit when switched off", () => {
    const off = compute(createScenario([createOwnedOption()], { creditResidualValue: false }));
    expect(option(off, "owned").totals.cash.toFixed()).toBe("15954");
  });

  it("sells a cohort at refresh and re-buys", () => {
    // Refresh after 6 months: month index 6 sells the node for 25 % = 3,000 and buys a new one (12,000).
    // Book value at sale: 12,000 − 750 × 6 = 7,500 → loss on disposal 4,500 in the accounting view.
    const refreshed = option(compute(createScenario([createOwnedOption({ refreshCycleMonths: "12", depreciation: { method: "straight-line", usefulLifeMonths: "12" } })])), "owned");
    expect(refreshed.capacityEvents).toHaveLength(1);
    const short = option(
      compute(
        createScenario([createOwnedOption({ refreshCycleMonths: "12", depreciation: { method: "straight-line", usefulLifeMonths: "24" } })], {
          horizonMonths: "24",
        }),
      ),
      "owned",
    );
    // Life 24 months: 9,000 / 24 = 375 a month; sold at month index 12 with book value 12,000 − 375 × 12 = 7,500.
    expect(short.monthly[12]?.resaleCredit.toFixed()).toBe("3000");
    expect(short.monthly[12]?.capex.toFixed()).toBe("12000");
    expect(short.monthly[12]?.disposalLoss.toFixed()).toBe("4500");
    expect(short.capacityEvents.map((event) => event.action)).toEqual(["buy", "retire", "buy"]);
  });
});

describe("golden: hybrid", () => {
  it("splits traffic by share between two options", () => {
    // 30 % on an API at 2,628 × 2 a month (prices doubled), 70 % on one at 2,628: 1,576.8 + 1,839.6 = 3,416.4.
    const result = compute(
      createScenario([
        {
          kind: "hybrid",
          id: "hybrid",
          name: "Hybrid",
          mode: "share",
          primaryShare: "0.3",
          primary: createApiOption({ id: "dear", inputPricePerMillion: "2", cachedInputPricePerMillion: "0.2", outputPricePerMillion: "20" }),
          secondary: createApiOption({ id: "cheap" }),
        },
      ]),
    );
    expect(option(result, "hybrid").monthly[0]?.cash.toFixed()).toBe("3416.4");
  });

  it("sends overflow above maxNodes to the secondary", () => {
    // 5,256,000 requests keep 4 GPUs busy → 8 reference GPUs at 50 % utilisation; maxNodes 1 (4 GPUs, no
    // spare) serves 4/8 = half; the other 2,628,000 overflow to the API: × 0.002 = 5,256 a month. The
    // instance costs 4 × 730 × 2 = 5,840. The served share is a ratio of repeating decimals (1/657,000
    // per request), so it is exact to the engine's 40 digits, and compared at 20 decimal places.
    const result = compute(
      createScenario(
        [
          {
            kind: "hybrid",
            id: "hybrid",
            name: "Hybrid",
            mode: "overflow",
            primary: createRentedOption({ redundancyNodes: "0", maxNodes: "1", staffing: { fte: "0", loadedCostPerFteYear: "0", rampUpMonths: "0" }, setupCost: "0", softwareLicencePerGpuYear: "0" }),
            secondary: createApiOption(),
          },
        ],
        {
          workload: {
            volume: { kind: "requests", requestsPerMonth: "5256000" },
            inputTokensPerRequest: "1000",
            outputTokensPerRequest: "100",
            cachedInputShare: "0",
            growth: { rate: "0", per: "year" },
            peakToAverage: "1",
            batchEligibleShare: "0",
          },
        },
      ),
    );
    const hybrid = option(result, "hybrid");
    expect(hybrid.monthly[0]?.opex.api.toDecimalPlaces(20).toFixed()).toBe("5256");
    expect(hybrid.monthly[0]?.opex["gpu-rental"].toFixed()).toBe("5840");
    expect(hybrid.monthly[0]?.servedRequests.toDecimalPlaces(20).toFixed()).toBe("5256000");
    expect(hybrid.warnings.map((warning) => warning.code)).not.toContain("capacity-shortfall");
  });
});

describe("golden: growth, inflation and discounting compound monthly", () => {
  it("grows 12 %/yr as (1.12)^(1/12) a month and discounts by (1 + r)^(m/12)", () => {
    const result = compute(
      createScenario([createApiOption()], {
        discountRatePerYear: "0.1",
        horizonMonths: "24",
        workload: {
          volume: { kind: "requests", requestsPerMonth: "1000000" },
          inputTokensPerRequest: "1000",
          outputTokensPerRequest: "100",
          cachedInputShare: "0",
          growth: { rate: "0.12", per: "year" },
          peakToAverage: "1",
          batchEligibleShare: "0",
        },
      }),
    );
    const api = option(result, "api");
    // Month index 12 is exactly one year on: 1,000,000 × 1.12 requests × 0.002 = 2,240.
    expect(api.monthly[12]?.demandRequests.toDecimalPlaces(20).toFixed()).toBe("1120000");
    expect(api.monthly[12]?.cash.toDecimalPlaces(20).toFixed()).toBe("2240");
  });
});
