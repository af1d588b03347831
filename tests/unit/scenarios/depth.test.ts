/** Deeply nested documents are refused before anything recurses into them (issue 10, item 10). */
import { describe, expect, it } from "vitest";
import { isNestedTooDeep, MAX_SCENARIO_DEPTH } from "~/scenarios/depth.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";

/** A scenario of the current format with `levels` arrays inside each other under one key. */
function nested(levels: number): unknown {
  return JSON.parse(`{"schemaVersion":1,"name":"deep","x":${"[".repeat(levels)}${"]".repeat(levels)}}`);
}

describe("nesting depth", () => {
  it("counts objects and arrays inside each other, whatever sits beside them", () => {
    expect(isNestedTooDeep(nested(MAX_SCENARIO_DEPTH - 1))).toBe(false);
    expect(isNestedTooDeep(nested(MAX_SCENARIO_DEPTH))).toBe(true);
    expect(isNestedTooDeep({ a: [1, 2, { b: "c" }], d: null })).toBe(false);
    expect(isNestedTooDeep("text")).toBe(false);
  });

  it("makes a document nested 100,000 levels deep an issue, not a stack overflow", () => {
    const parsed = parseScenarioDocument(nested(100_000));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.message).toMatch(/nested more than 64 levels deep/);
  });
});
