import { describe, expect, it } from "vitest";
import { decimalArithmetic } from "~/engine/arithmetic";
import { runModel } from "~/engine/model";
import { createScenarioParams } from "~/engine/params";
import { computeScenario, MODEL_CONVENTIONS, parseScenario, type Decimal, type ModelConvention, type OptionResult, type Scenario, type ScenarioInput } from "~/engine";
import { createApiOption, createOwnedOption, createRentedOption, createScenario } from "./builders.ts";

function parse(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

function computeOption(input: ScenarioInput): OptionResult {
  return computeScenario(parse(input), { asOf: "2026-11-25" }).options[0] as OptionResult;
}

/** A figure as the examples write it: en-US grouping, `minimumPlaces` to `places` decimals (half-even). */
function written(value: Decimal, places = 2, minimumPlaces = 0): string {
  const format = new Intl.NumberFormat("en-US", { minimumFractionDigits: minimumPlaces, maximumFractionDigits: places });
  return format.format(value.toDecimalPlaces(places).toFixed() as unknown as number);
}

/** Asserts that the example states each figure, as computed by the engine, in this order. */
function expectStated(convention: ModelConvention, figures: string[]): void {
  let from = 0;
  for (const figure of figures) {
    const at = convention.example.indexOf(figure, from);
    expect(at, `"${figure}" after position ${from} in: ${convention.example}`).toBeGreaterThanOrEqual(0);
    from = at + figure.length;
  }
}

const gpuSecond = { prefillTokensPerSecondPerGpu: "1000", decodeTokensPerSecondPerGpu: "1000", concurrency: "16" };

/** Each convention's example, recomputed. Months: text month n is index n − 1. */
const CHECKS: Record<ModelConvention["id"], (convention: ModelConvention) => void> = {
  spares: (convention) => {
    // The capped-purchase scenario of the golden tests: 4 nodes of performance 1 from month 1, one of
    // performance 2^(10/12) bought in month 11 under maxNodes 5 with N+3.
    const scenario = parse(
      createScenario([createOwnedOption({ throughput: gpuSecond, redundancyNodes: "3", maxNodes: "5", hardwarePriceDeclinePerYear: "0.5", refreshCycleMonths: "120" })], {
        horizonMonths: "24",
        workload: { volume: { kind: "requests", requestsPerMonth: "1314000" }, inputTokensPerRequest: "1000", outputTokensPerRequest: "0", cachedInputShare: "0", growth: { rate: "1.5", per: "year" }, peakToAverage: "1", batchEligibleShare: "0" },
      }),
    );
    const series = runModel(decimalArithmetic, createScenarioParams(decimalArithmetic, scenario)).options[0];
    const inService = series?.capacityReferenceGpus?.[23] as Decimal;
    const newNode = inService.minus(4);
    // In shortfall, served requests = usable reference GPUs × 2,628,000 (one GPU-second per request).
    const usable = (series?.servedRequests[23] as Decimal).div(2_628_000);
    expect(series?.events.map((event) => event.nodes)).toEqual([4, 1]);
    expectStated(convention, ["N+3", "four nodes of performance 1", written(newNode), written(inService), written(inService.minus(usable)), `${written(usable)} GPUs`]);
  },
  "opex-inflation": (convention) => {
    const staff = computeOption(createScenario([createRentedOption({ setupCost: "0", softwareLicencePerGpuYear: "0" })], { horizonMonths: "24", opexInflationPerYear: "0.12" }));
    const api = computeOption(createScenario([createApiOption()], { horizonMonths: "24", opexInflationPerYear: "0.12" }));
    expect(staff.monthly[12]?.opex["gpu-rental"].eq(staff.monthly[0]?.opex["gpu-rental"] as Decimal)).toBe(true);
    expectStated(convention, [
      "12 %",
      written(staff.monthly[0]?.opex.staff as Decimal),
      written(staff.monthly[12]?.opex.staff as Decimal),
      written(api.monthly[0]?.opex.api as Decimal),
      written(api.monthly[12]?.opex.api as Decimal),
    ]);
  },
  "staff-ramp-up": (convention) => {
    const rented = computeOption(createScenario([createRentedOption({ staffing: { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "3" } })]));
    const staff = rented.monthly.map((month) => month.opex.staff);
    expect(staff[3]?.eq(staff[2] as Decimal)).toBe(true);
    expectStated(convention, ["3-month", written(staff[11] as Decimal), ...staff.slice(0, 3).map((amount) => written(amount))]);
  },
  "resale-month": (convention) => {
    const owned = computeOption(createScenario([createOwnedOption({ refreshCycleMonths: "12" })], { horizonMonths: "24" }));
    expect(owned.monthly.findIndex((month) => !month.resaleCredit.isZero())).toBe(12);
    expect(owned.capacityEvents.map((event) => [event.action, event.month])).toEqual([["buy", 0], ["retire", 12], ["buy", 12]]);
    expectStated(convention, ["month 1", written(owned.monthly[0]?.capex as Decimal), "12-month", "25 %", "months 1 to 12", written(owned.monthly[12]?.resaleCredit as Decimal), "month 13"]);
  },
  "declining-balance": (convention) => {
    const owned = computeOption(createScenario([createOwnedOption({ depreciation: { method: "declining-balance", usefulLifeMonths: "12", decliningRatePerYear: "0.4" } })]));
    const depreciation = owned.monthly.map((month) => month.depreciation);
    const book = owned.totals.capex.minus(owned.totals.depreciation);
    expectStated(convention, [written(owned.totals.capex), "12-month", "25 %", "40 %", written(depreciation[0] as Decimal), written(depreciation[11] as Decimal), written(book)]);
  },
  "rented-idle": (convention) => {
    const busy = computeOption(createScenario([createRentedOption()]));
    const idle = computeOption(createScenario([createRentedOption()], { workload: { ...createScenario([]).workload, volume: { kind: "requests", requestsPerMonth: "0" } } }));
    expect(idle.monthly.every((month) => month.gpusInService === 0 && month.opex["gpu-rental"].isZero())).toBe(true);
    // 1 GPU busy ÷ utilisation 0.5 = 2 GPUs needed: 1 instance of 4 GPUs + 1 spare.
    const gpus = busy.monthly[0]?.gpusInService as number;
    expectStated(convention, ["N+1", "4-GPU", "2 GPUs", `${gpus / 4} instances (${gpus} GPUs)`, "rents none"]);
  },
  "long-context": (convention) => {
    const tier = (aboveInputTokens: string) =>
      createApiOption({ longContext: { aboveInputTokens, tokenShare: "0.2", inputPricePerMillion: "2", cachedInputPricePerMillion: "0.2", outputPricePerMillion: "20" } });
    const standard = computeOption(createScenario([createApiOption()])).monthly[0]?.opex.api as Decimal;
    const low = computeOption(createScenario([tier("1")])).monthly[0]?.opex.api as Decimal;
    const high = computeOption(createScenario([tier("100000000")])).monthly[0]?.opex.api as Decimal;
    expect(low.eq(high)).toBe(true);
    expectStated(convention, ["20 %", "twice", written(standard), written(low, 2, 2)]);
  },
  currency: (convention) => {
    const owned = computeOption(
      createScenario([createOwnedOption({ gpu: { catalogId: "gpu.h100-sxm", name: "NVIDIA H100 SXM", unitPrice: "30000", powerKw: "0.7" }, server: { name: "server", gpusPerNode: "1", baseNodePrice: "0", baseNodePowerKw: "0" } })], {
        currency: { code: "EUR", perUsd: "0.92", asOf: "2026-11-01", source: "test" },
      }),
    );
    const price = owned.catalogueValues.find((used) => used.field === "gpu.unitPrice");
    expect(price?.status).toBe("override");
    expectStated(convention, ["EUR", "0.92", written(owned.monthly[0]?.capex as Decimal), "37,500 USD", written(price?.catalogue?.value as Decimal)]);
  },
};

describe("the conventions the methodology page and the PDF state", () => {
  it("each has a check, and no check is left without its convention", () => {
    expect(MODEL_CONVENTIONS.map((convention) => convention.id).sort()).toEqual(Object.keys(CHECKS).sort());
  });

  for (const convention of MODEL_CONVENTIONS) {
    it(`${convention.title}: the example's figures are the engine's`, () => CHECKS[convention.id](convention));
  }
});
