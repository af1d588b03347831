import { describe, expect, it } from "vitest";
import { computeScenario, Decimal, parseScenario, type Option, type OptionResult, type ScenarioInput, type ScenarioResult } from "~/engine";
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

describe("golden: capacity under a node cap", () => {
  // Prefill and decode at 1,000 tokens/s per GPU, 1,000 input and no output tokens: a request takes
  // 1 GPU-second, so one reference GPU serves 2,628,000 requests a month at utilisation 1, peak factor 1.
  const throughput = { prefillTokensPerSecondPerGpu: "1000", decodeTokensPerSecondPerGpu: "1000", concurrency: "16" };
  const workload = (requestsPerMonth: string, growthPerYear: string) => ({
    volume: { kind: "requests" as const, requestsPerMonth },
    inputTokensPerRequest: "1000",
    outputTokensPerRequest: "0",
    cachedInputShare: "0",
    growth: { rate: growthPerYear, per: "year" as const },
    peakToAverage: "1",
    batchEligibleShare: "0",
  });

  describe("a capped purchase smaller than the spare count adds capacity (issue 15, bug 1)", () => {
    // N+3, at most 5 nodes of 1 GPU; performance per node doubles a year (price decline 0.5): a node
    // bought in month index m performs 2^(m/12). Demand 1,314,000 × 2.5^(m/12) requests needs
    // 0.5 × 2.5^(m/12) reference GPUs.
    // Month index 0: 0.5 GPU needed; the fewest nodes that serve it are 1 + 3 spares = 4 (48,000).
    //   Usable: 4 − 3 = 1, enough while 2.5^(m/12) ≤ 2, i.e. through month index 9 (0.994).
    // Month index 10: 0.5 × 2.5^(10/12) = 1.0730 needed; the cap leaves room for one node, of
    //   performance 2^(10/12) = 1.7818 (12,000). The spares are the 3 most capable nodes, the new one and
    //   two old ones: usable = (4 + 1.7818) − (1.7818 + 1 + 1) = 2, which serves all demand.
    //   (Sizing the 3 spares at the newest node, 4 + 1.7818 − 3 × 1.7818 = 0.436, served 40.7 %, and
    //   not buying at all would have served 1 / 1.0730 = 93.2 %.)
    // Usable 2 serves all through month index 18 (1.976 needed); from month index 19 (2.133) it serves
    //   2 × 2,628,000 = 5,256,000 requests a month: a shortfall in months 20–24 (indexes 19–23).
    const scenario = (maxNodes: string) =>
      createScenario(
        [createOwnedOption({ throughput, redundancyNodes: "3", maxNodes, hardwarePriceDeclinePerYear: "0.5", refreshCycleMonths: "120" })],
        { horizonMonths: "24", workload: workload("1314000", "1.5") },
      );
    const owned = option(compute(scenario("5")), "owned");

    it("buys 4 nodes, then the one node the cap allows", () => {
      expect(owned.capacityEvents.map((event) => event.text)).toEqual(["buy 4 nodes (4 GPUs) in month 1 (2027-01)", "buy 1 node (1 GPU) in month 11 (2027-11)"]);
      expect(owned.monthly[10]?.capex.toFixed()).toBe("12000");
      expect(owned.totals.capex.toFixed()).toBe("60000");
    });

    it("serves all demand once the node is bought, and 2 usable GPUs' worth from month 20", () => {
      const month10 = owned.monthly[10];
      expect(month10?.demandRequests.toDecimalPlaces(3).toFixed()).toBe("2819759.309");
      expect(month10?.servedRequests.eq(month10.demandRequests)).toBe(true);
      // Busy 1.0730 of 4 + 1.7818 reference GPUs in service.
      expect(month10?.utilisation.toDecimalPlaces(6).toFixed()).toBe("0.185577");
      expect(owned.monthly[18]?.servedRequests.eq(owned.monthly[18].demandRequests)).toBe(true);
      expect(owned.monthly.slice(19).map((month) => month.servedRequests.toDecimalPlaces(20).toFixed())).toEqual(Array(5).fill("5256000"));
      expect(owned.warnings.find((warning) => warning.code === "capacity-shortfall")).toMatchObject({ month: 19, message: expect.stringContaining("from month 20 (2028-08) in 5 month(s)") });
    });

    it("serves no less than with one node fewer allowed, which stays at 1 usable GPU (2,628,000 requests)", () => {
      const capped = option(compute(scenario("4")), "owned");
      expect(capped.capacityEvents).toHaveLength(1);
      expect(capped.monthly[10]?.servedRequests.toDecimalPlaces(20).toFixed()).toBe("2628000");
      owned.monthly.forEach((month, m) => expect(month.servedRequests.gte(capped.monthly[m]?.servedRequests as Decimal)).toBe(true));
    });
  });

  describe("an option whose nodes would all be spares (issue 15, bug 2)", () => {
    // 8 GPUs a node, N+5, 1,000 requests a month, no growth; nodes 29 % cheaper per unit of performance a
    // year, refreshed every 12 months.
    const owned8 = (maxNodes: string) =>
      createOwnedOption({
        throughput,
        server: { name: "server", gpusPerNode: "8", baseNodePrice: "2000", baseNodePowerKw: "0" },
        redundancyNodes: "5",
        maxNodes,
        hardwarePriceDeclinePerYear: "0.29",
        refreshCycleMonths: "12",
      });
    const scenario = (options: ScenarioInput["options"]) => createScenario(options, { horizonMonths: "24", workload: workload("1000", "0") });

    it("is refused, naming maxNodes and redundancyNodes, for owned and rented GPUs and hybrid parts", () => {
      const refusal = (path: string) => ({ path, message: "must be above redundancyNodes (5): with 5 spare nodes held back, a cap of 5 nodes leaves none to serve demand" });
      expect(parseScenario(scenario([owned8("5")]))).toEqual({ ok: false, issues: [refusal("options.0.maxNodes")] });
      expect(parseScenario(scenario([createRentedOption({ redundancyNodes: "5", maxNodes: "5" })]))).toEqual({ ok: false, issues: [refusal("options.0.maxNodes")] });
      const hybrid = { kind: "hybrid" as const, id: "hybrid", name: "Hybrid", mode: "overflow" as const, primary: owned8("5"), secondary: createRentedOption({ redundancyNodes: "5", maxNodes: "3" }) };
      const issues = parseScenario(scenario([hybrid]));
      expect(issues).toEqual({ ok: false, issues: [refusal("options.0.primary.maxNodes"), { path: "options.0.secondary.maxNodes", message: "must be above redundancyNodes (5): with 5 spare nodes held back, a cap of 3 nodes leaves none to serve demand" }] });
    });

    it("serves exactly nothing if the engine is handed one anyway: no phantom tokens", () => {
      // Month index 0 buys the 5 nodes the cap allows, all spares: usable capacity is exactly 0 (the sum of
      // no node), so nothing is served; month index 12 sells them and buys 5 again, still all spares.
      const parsed = parseScenario(scenario([owned8("6")]));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const valid = parsed.scenario.options[0] as Extract<Option, { kind: "owned-gpu" }>;
      const result = computeScenario({ ...parsed.scenario, options: [{ ...valid, maxNodes: new Decimal(5) }] }, { asOf: "2026-11-25" });
      const owned = option(result, "owned");
      expect(owned.monthly.every((month) => month.servedRequests.isZero() && month.gpusInService === 40)).toBe(true);
      expect(owned.costPerMillionTokens.value).toBeNull();
      expect(owned.warnings.map((warning) => warning.code)).toEqual(expect.arrayContaining(["capacity-shortfall", "no-tokens-served"]));
    });

    it("with one node above the spares, serves every request on that node", () => {
      // Month index 0: 1 + 5 spares = 6 nodes × (8 × 10,000 + 2,000) = 492,000; month index 12 sells them
      // for 25 % (123,000) and buys 6 again. The one usable node (8 GPUs) far exceeds 1,000 GPU-seconds.
      const owned = option(compute(scenario([owned8("6")])), "owned");
      expect(owned.capacityEvents.map((event) => event.text)).toEqual([
        "buy 6 nodes (48 GPUs) in month 1 (2027-01)",
        "retire and sell 6 nodes (48 GPUs) in month 13 (2028-01)",
        "buy 6 nodes (48 GPUs) in month 13 (2028-01)",
      ]);
      expect([owned.monthly[0]?.capex.toFixed(), owned.monthly[12]?.capex.toFixed(), owned.monthly[12]?.resaleCredit.toFixed()]).toEqual(["492000", "492000", "123000"]);
      expect(owned.monthly.every((month) => month.servedRequests.toFixed() === "1000")).toBe(true);
      expect(owned.warnings.map((warning) => warning.code)).not.toContain("capacity-shortfall");
    });
  });
});
