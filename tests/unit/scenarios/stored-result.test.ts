import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION, ENGINE_VERSION } from "~/engine/index.ts";
import { computeStoredResult } from "~/scenarios/stored-result.ts";
import { parseExample } from "./helpers.ts";

describe("computeStoredResult", () => {
  it("holds the deterministic result, the tornado and, when the scenario asks for it, Monte Carlo, as plain JSON", () => {
    const scenario = parseExample("hybrid-overflow-eur");
    const stored = computeStoredResult(scenario, { asOf: "2026-12-01" });
    expect(stored.scenario.asOf).toBe("2026-12-01");
    expect(stored.scenario.options.map((option) => option.id)).toEqual(scenario.options.map((option) => option.id));
    expect(typeof stored.scenario.options[0]?.totals.cash).toBe("string");
    expect(stored.tornado.bars.length).toBeGreaterThan(0);
    expect(stored.monteCarlo).toMatchObject({ sampling: "float64", draws: scenario.sensitivity.monteCarlo?.draws.toNumber() });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(computeStoredResult(scenario, { asOf: "2026-12-01" })).toEqual(stored);
  });

  it("leaves Monte Carlo out when the scenario sets no ranges", () => {
    expect(computeStoredResult(parseExample("eu-personal-data-compliance"), { asOf: "2026-12-01" }).monteCarlo).toBeNull();
  });
});

describe("engine and catalogue versions", () => {
  it("are a semantic version and '<latest asOf>.<8 hex digits>'", () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
  });
});
