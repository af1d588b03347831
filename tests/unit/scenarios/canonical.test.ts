import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalizeScenario, stringifyCanonicalJson } from "~/scenarios/canonical.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";
import { anyScenario } from "../engine/arbitraries.ts";
import { EXAMPLE_NAMES, readExample } from "./helpers.ts";

function fingerprint(document: unknown): string {
  const parsed = parseScenarioDocument(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return createHash("sha256").update(stringifyCanonicalJson(parsed.canonical)).digest("hex");
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
  return value;
}

/** The same JSON with every decimal string written as a JSON number or with trailing zeros. */
function respellDecimals(value: unknown, asNumber: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => respellDecimals(item, asNumber));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, respellDecimals(item, asNumber)]));
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return asNumber ? Number(value) : value.includes(".") ? `${value}00` : `${value}.0`;
  return value;
}

describe("canonical scenario inputs", () => {
  it.each(EXAMPLE_NAMES)("%s: key order and decimal spelling do not change the fingerprint", (name) => {
    const example = readExample(name);
    const expected = fingerprint(example);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(reverseKeys(example))).toBe(expected);
    expect(fingerprint(respellDecimals(example, false))).toBe(expected);
  });

  it("holds over generated scenarios: reversed keys and trailing zeros give the same canonical JSON", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const text = stringifyCanonicalJson((parseScenarioDocument(input) as { canonical: unknown }).canonical);
        expect(stringifyCanonicalJson((parseScenarioDocument(reverseKeys(respellDecimals(input, false))) as { canonical: unknown }).canonical)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it("applies defaults and normalises numbers, so what the user omitted and what they spelled out agree", () => {
    const example = readExample("four-options-60-months");
    const { creditResidualValue: _credit, ...withoutDefault } = example;
    expect(fingerprint(withoutDefault)).toBe(fingerprint({ ...example, creditResidualValue: true }));
    const parsed = parseScenarioDocument({ ...example, discountRatePerYear: 0.08, opexInflationPerYear: "0.0300" });
    expect(parsed.ok && parsed.canonical.discountRatePerYear).toBe("0.08");
    expect(parsed.ok && parsed.canonical.opexInflationPerYear).toBe("0.03");
    expect(parsed.ok && parsed.canonical.creditResidualValue).toBe(true);
    const negativeZero = parseScenarioDocument({ ...example, opexInflationPerYear: "-0" });
    expect(negativeZero.ok && negativeZero.canonical.opexInflationPerYear).toBe("0");
  });

  it("parses back to itself", () => {
    for (const name of EXAMPLE_NAMES) {
      const first = parseScenarioDocument(readExample(name));
      if (!first.ok) throw new Error(name);
      const second = parseScenarioDocument(first.canonical);
      expect(second.ok && second.canonical).toEqual(first.canonical);
      expect(second.ok && canonicalizeScenario(second.scenario)).toEqual(first.canonical);
    }
  });

  it("stringifyCanonicalJson sorts keys at every level, whatever the insertion order, and drops undefined", () => {
    expect(stringifyCanonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: "x" }, "10": 0, "9": 0, u: undefined })).toBe('{"10":0,"9":0,"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}');
  });
});
