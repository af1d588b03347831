import { describe, expect, it } from "vitest";
import { computeScenario, computeTornado, parseScenario, serializeResult } from "~/engine";
import { roundResultBundle, type ResultBundle } from "~/reports";
import { stringifyReadable } from "../../../scripts/lib/readable-json.ts";
import { createApiOption, createOwnedOption, createScenario } from "../../scenarios/builders.ts";

function bundleFor(currency: { code: string; perUsd: string }): ResultBundle {
  const parsed = parseScenario(createScenario([createApiOption(), createOwnedOption()], { currency: { ...currency, asOf: "2026-11-01", source: "test" } }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { scenario: serializeResult(computeScenario(parsed.scenario, { asOf: "2026-11-25" })), tornado: serializeResult(computeTornado(parsed.scenario)), monteCarlo: null };
}

describe("roundResultBundle: computed figures rounded for reading, inputs as entered", () => {
  it("rounds money half-even to the currency's minor units (JPY none, EUR two)", () => {
    for (const [code, digits] of [["JPY", 0], ["EUR", 2]] as const) {
      const exact = bundleFor({ code, perUsd: "150.5" });
      const rounded = roundResultBundle(exact);
      const money = digits === 0 ? /^-?\d+$/ : /^-?\d+\.\d{2}$/;
      rounded.scenario.options.forEach((option, o) => {
        const exactOption = exact.scenario.options[o];
        expect(option.totals.cash).toMatch(money);
        expect(Math.abs(Number(option.totals.cash) - Number(exactOption?.totals.cash))).toBeLessThanOrEqual(digits === 0 ? 0.5 : 0.005);
        expect(option.monthly.every((month) => money.test(month.cumulativeCash) && /^\d+$/.test(month.servedRequests))).toBe(true);
        // Echoed inputs keep their own digits.
        expect(option.catalogueValues).toEqual(exactOption?.catalogueValues);
      });
      expect(rounded.scenario.currency).toEqual(exact.scenario.currency);
      expect(rounded.tornado?.bars.every((bar) => money.test(bar.swing))).toBe(true);
    }
  });

  it("leaves the exact bundle untouched", () => {
    const exact = bundleFor({ code: "EUR", perUsd: "0.92" });
    const copy = structuredClone(exact);
    roundResultBundle(exact);
    expect(exact).toEqual(copy);
  });
});

describe("stringifyReadable", () => {
  it("parses back to the same value, with records on one line and wide arrays broken", () => {
    const value = { name: "x", months: [{ index: 0, opex: { api: "1.00" } }, { index: 1, opex: { api: "2.00" } }], empty: [], nothing: null, skipped: undefined };
    const text = stringifyReadable(value, 40);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text.split("\n")).toContain('    {"index":0,"opex":{"api":"1.00"}},');
  });
});
