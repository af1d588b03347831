import { describe, expect, it } from "vitest";
import { computeScenario, parseScenario, type ScenarioInput } from "~/engine";
import { createRentedOption, createScenario } from "../../scenarios/builders.ts";

function compute(input: ScenarioInput) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return computeScenario(parsed.scenario, { asOf: "2026-11-25" });
}

type Staffing = { fte: string; loadedCostPerFteYear: string; rampUpMonths: string; loadedCostMultiplier?: string; catalogId?: string };

function staffInMonth1(staffing: Staffing): string | undefined {
  return compute(createScenario([createRentedOption({ staffing })])).options[0]?.monthly[0]?.opex.staff.toFixed();
}

describe("loaded-cost multiplier on staff", () => {
  // Staff per month = FTE × cost per FTE-year × multiplier / 12 (no inflation in month 1).
  it.each([
    ["absent: salary only", { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "0" }, "10000"],
    ["1: the same as absent", { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "0", loadedCostMultiplier: "1" }, "10000"],
    ["1.4 on one FTE", { fte: "1", loadedCostPerFteYear: "120000", rampUpMonths: "0", loadedCostMultiplier: "1.4" }, "14000"],
    ["1.25 on 2 FTE", { fte: "2", loadedCostPerFteYear: "96000", rampUpMonths: "0", loadedCostMultiplier: "1.25" }, "20000"],
  ] as const)("%s", (_label, staffing, expected) => {
    expect(staffInMonth1(staffing)).toBe(expected);
  });

  it("refuses a multiplier below 1 or above 5", () => {
    for (const loadedCostMultiplier of ["0.9", "5.1"]) {
      const parsed = parseScenario(createScenario([createRentedOption({ staffing: { fte: "1", loadedCostPerFteYear: "1", rampUpMonths: "0", loadedCostMultiplier } })]));
      expect(parsed.ok).toBe(false);
    }
  });

  it("lists the multiplier beside a catalogue salary, saying it is salary only by default", () => {
    const staffing = { catalogId: "salary.us-software-developer", fte: "1", loadedCostPerFteYear: "133080", rampUpMonths: "0" };
    const rows = compute(createScenario([createRentedOption({ staffing })])).options[0]?.catalogueValues ?? [];
    const row = rows.find((item) => item.field === "staffing.loadedCostMultiplier");
    expect(row?.value.toFixed()).toBe("1");
    expect(row?.catalogue?.note).toBe("salary only — enter your overhead multiplier");
    const given = compute(createScenario([createRentedOption({ staffing: { ...staffing, loadedCostMultiplier: "1.3" } })])).options[0]?.catalogueValues ?? [];
    expect(given.find((item) => item.field === "staffing.loadedCostMultiplier")?.status).toBe("override");
  });
});
