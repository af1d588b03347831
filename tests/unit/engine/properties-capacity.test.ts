import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalArithmetic } from "~/engine/arithmetic";
import type { Decimal, Scenario, ScenarioInput } from "~/engine";
import { runModel } from "~/engine/model";
import { createScenarioParams } from "~/engine/params";
import { decimalString, ownedOption, rentedOption, workload } from "./arbitraries.ts";
import { parse } from "./property-helpers.ts";

type LeafInput = Extract<ScenarioInput["options"][number], { kind: "owned-gpu" | "rented-gpu" }>;

/**
 * One owned or rented option under a node cap that binds: up to 4 spares, the cap 1–6 nodes above them,
 * hardware getting up to 90 % cheaper per unit of performance a year (so a late node can outperform all
 * the spares), and 24–36 months so that cohorts are retired and bought again.
 */
const cappedOption: fc.Arbitrary<LeafInput> = fc
  .record({
    option: fc.oneof(ownedOption, rentedOption) as fc.Arbitrary<LeafInput>,
    spares: fc.integer({ min: 0, max: 4 }),
    aboveSpares: fc.integer({ min: 1, max: 6 }),
    decline: decimalString(0, 0.9, 2),
  })
  .map(({ option, spares, aboveSpares, decline }) => {
    const capped = { ...option, redundancyNodes: String(spares), maxNodes: String(spares + aboveSpares) };
    return capped.kind === "owned-gpu" ? { ...capped, hardwarePriceDeclinePerYear: decline } : capped;
  });

const cappedScenario: fc.Arbitrary<ScenarioInput> = fc
  .record({ option: cappedOption, workload, horizonMonths: fc.constantFrom("24", "36") })
  .map(({ option, workload: load, horizonMonths }) => ({
    schemaVersion: 1 as const,
    name: "property",
    startMonth: "2027-01",
    horizonMonths,
    currency: { code: "USD", perUsd: "1", asOf: "2026-11-01", source: "test" },
    discountRatePerYear: "0",
    opexInflationPerYear: "0",
    workload: load,
    options: [{ ...option, id: "o0" }],
  }));

function listServedRequests(scenario: Scenario): Decimal[] {
  const run = runModel(decimalArithmetic, createScenarioParams(decimalArithmetic, scenario));
  return run.options[0]?.servedRequests ?? [];
}

describe("engine properties: capacity under a node cap", () => {
  it("allowing one more node never lowers the requests served in any month", () => {
    fc.assert(
      fc.property(cappedScenario, (input) => {
        const scenario = parse(input);
        const option = scenario.options[0] as Extract<Scenario["options"][number], { kind: "owned-gpu" | "rented-gpu" }>;
        const served = listServedRequests(scenario);
        const raised = listServedRequests({ ...scenario, options: [{ ...option, maxNodes: (option.maxNodes as Decimal).plus(1) }] });
        const lower = served.findIndex((requests, m) => (raised[m] as Decimal).lt(requests));
        expect(lower, `month index ${lower}: ${raised[lower]?.toString()} served with one node more, ${served[lower]?.toString()} without`).toBe(-1);
      }),
      { numRuns: 2_000 },
    );
  }, 300_000);
});
