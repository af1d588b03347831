import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getScenarioJsonSchema, parseScenario } from "~/engine";
import { createApiOption, createOwnedOption, createScenario } from "../../scenarios/builders.ts";

function issuesOf(input: unknown) {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error("expected the input to be rejected");
  return parsed.issues;
}

function withWorkload(field: string, value: unknown) {
  const scenario = createScenario([createApiOption()]);
  return { ...scenario, workload: { ...scenario.workload, [field]: value } };
}

describe("parseScenario: bad input gets the field's path and the rule, never a crash or a clamp", () => {
  it.each([
    ["NaN as a number", withWorkload("peakToAverage", Number.NaN), "workload.peakToAverage", "or a finite number"],
    ["Infinity", withWorkload("peakToAverage", Number.POSITIVE_INFINITY), "workload.peakToAverage", "or a finite number"],
    ["NaN as a string", withWorkload("peakToAverage", "NaN"), "workload.peakToAverage", "decimal string"],
    ["1e308", withWorkload("inputTokensPerRequest", 1e308), "workload.inputTokensPerRequest", "at most 10000000"],
    ["an exponent string", withWorkload("inputTokensPerRequest", "1e3"), "workload.inputTokensPerRequest", "no exponent"],
    // A finite number whose exact decimal needs more places than a stored string may hold (found by the fuzz).
    ["5e-300 as a number", withWorkload("cachedInputShare", 5e-300), "workload.cachedInputShare", "at most 30 digits after the decimal point"],
    ["a negative share", withWorkload("cachedInputShare", "-0.1"), "workload.cachedInputShare", "at least 0"],
    ["a share above 1", withWorkload("batchEligibleShare", "1.5"), "workload.batchEligibleShare", "at most 1"],
    ["a word", withWorkload("peakToAverage", "high"), "workload.peakToAverage", "decimal string"],
    ["a boolean", withWorkload("peakToAverage", true), "workload.peakToAverage", "decimal string"],
    ["a missing field", withWorkload("peakToAverage", undefined), "workload.peakToAverage", "is required"],
    ["an unknown field", { ...createScenario([createApiOption()]), colour: "red" }, "colour", "is not a known field"],
    ["a fractional month count", { ...createScenario([createApiOption()]), horizonMonths: "12.5" }, "horizonMonths", "whole number"],
    ["a horizon too long", { ...createScenario([createApiOption()]), horizonMonths: "121" }, "horizonMonths", "at most 120"],
    ["a bad start month", { ...createScenario([createApiOption()]), startMonth: "2027-13" }, "startMonth", "YYYY-MM"],
    ["a wrong schema version", { ...createScenario([createApiOption()]), schemaVersion: 2 }, "schemaVersion", ""],
    ["no options", createScenario([]), "options", "at least one option"],
    ["a zero API price (never priced at 0)", createScenario([createApiOption({ outputPricePerMillion: "0" })]), "options.0.outputPricePerMillion", "greater than 0"],
    ["a zero GPU price", createScenario([createOwnedOption({ gpu: { name: "g", unitPrice: "0", powerKw: "1" } })]), "options.0.gpu.unitPrice", "greater than 0"],
    ["duplicate option ids", createScenario([createApiOption(), createApiOption()]), "options.1.id", "unique"],
    ["USD at a rate other than 1", { ...createScenario([createApiOption()]), currency: { code: "USD", perUsd: "0.9", asOf: "2026-11-01", source: "x" } }, "currency.perUsd", "must be 1"],
    ["cached price above input price", createScenario([createApiOption({ cachedInputPricePerMillion: "2" })]), "options.0.cachedInputPricePerMillion", "must not exceed"],
    [
      "declining balance without a rate",
      createScenario([createOwnedOption({ depreciation: { method: "declining-balance", usefulLifeMonths: "36" } })]),
      "options.0.depreciation.decliningRatePerYear",
      "is required",
    ],
    ["runaway growth", withWorkload("growth", { rate: "3", per: "month" }), "workload.growth.rate", "must not grow demand"],
  ])("rejects %s", (_name, input, path, rule) => {
    const issues = issuesOf(input);
    const issue = issues.find((item) => item.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toContain(rule);
  });

  it("rejects __proto__ and constructor keys explicitly, with the other problems", () => {
    const input = JSON.parse('{"schemaVersion":1,"__proto__":{"polluted":true},"workload":{"constructor":1}}');
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "__proto__", message: 'key "__proto__" is not allowed' });
    expect(issues).toContainEqual({ path: "workload.constructor", message: 'key "constructor" is not allowed' });
    expect(issues.some((issue) => issue.path === "name")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([null, undefined, 42, "scenario", [], [1, 2]])("rejects %j as a whole without throwing", (input) => {
    expect(issuesOf(input).length).toBeGreaterThan(0);
  });

  it("names what is expected in our words, not the validation library's", () => {
    const scenario = createScenario([createApiOption()]);
    const [option] = scenario.options as Record<string, unknown>[];
    const issues = issuesOf({ ...scenario, schemaVersion: 2, options: [{ ...option, kind: "apix" }], workload: { ...scenario.workload, growth: { rate: "0.1", per: "week" } } });
    expect(issues).toContainEqual({ path: "schemaVersion", message: "must be 1" });
    expect(issues).toContainEqual({ path: "options.0.kind", message: "must be one of api, owned-gpu, rented-gpu, hybrid" });
    expect(issues).toContainEqual({ path: "workload.growth.per", message: "must be one of month, year" });
    for (const issue of issues) expect(issue.message).not.toMatch(/Invalid|expected/);
  });

  it("lists every bad field, not just the first", () => {
    const scenario = createScenario([createApiOption({ inputPricePerMillion: "-1", batchDiscount: "2" })]);
    const paths = issuesOf({ ...scenario, horizonMonths: "6" }).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["horizonMonths", "options.0.inputPricePerMillion", "options.0.batchDiscount"]));
  });

  it("accepts decimal strings and finite numbers alike, converting both exactly", () => {
    const fromString = parseScenario(createScenario([createApiOption({ inputPricePerMillion: "0.1" })]));
    const fromNumber = parseScenario(createScenario([createApiOption({ inputPricePerMillion: 0.1 })]));
    expect(fromString.ok && fromNumber.ok).toBe(true);
    if (fromString.ok && fromNumber.ok) {
      const price = (scenario: typeof fromString.scenario) => (scenario.options[0]?.kind === "api" ? scenario.options[0].inputPricePerMillion.toFixed() : "");
      expect(price(fromString.scenario)).toBe("0.1");
      expect(price(fromNumber.scenario)).toBe("0.1");
    }
  });
});

describe("example scenarios and the JSON Schema", () => {
  const directory = new URL("../../../public/examples/", import.meta.url);
  it.each(readdirSync(directory).filter((name) => name.endsWith(".json")))("%s is valid", (name) => {
    const parsed = parseScenario(JSON.parse(readFileSync(new URL(name, directory), "utf8")));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it("generates a JSON Schema that requires schemaVersion and forbids unknown fields", () => {
    const schema = getScenarioJsonSchema();
    expect(schema.$id).toBe("/schema/scenario.v1.json");
    expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "startMonth", "options"]));
    expect(schema.additionalProperties).toBe(false);
  });
});
