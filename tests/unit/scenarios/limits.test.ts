/** Scenario documents are refused before anything reads them when they break a limit (issue 10). */
import { describe, expect, it } from "vitest";
import { findLimitIssue, MAX_SCENARIO_DEPTH } from "~/scenarios/limits.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";

/** A scenario of the current format with `levels` arrays inside each other under one key. */
function nested(levels: number): unknown {
  return JSON.parse(`{"schemaVersion":1,"name":"deep","x":${"[".repeat(levels)}${"]".repeat(levels)}}`);
}

describe("scenario document limits", () => {
  it("counts objects and arrays inside each other, whatever sits beside them", () => {
    expect(findLimitIssue(nested(MAX_SCENARIO_DEPTH - 1))).toBeNull();
    expect(findLimitIssue(nested(MAX_SCENARIO_DEPTH))?.message).toMatch(/nested more than 64 levels deep/);
    expect(findLimitIssue({ a: [1, 2, { b: "c" }], d: null })).toBeNull();
  });

  it("makes a document nested 100,000 levels deep an issue, not a stack overflow", () => {
    const parsed = parseScenarioDocument(nested(100_000));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.message).toMatch(/nested more than 64 levels deep/);
  });

  it("refuses NUL and other control characters in any string or key, naming where; line breaks pass", () => {
    const parsed = parseScenarioDocument({ schemaVersion: 1, name: "ok", options: [{ name: "a\u0000b" }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toEqual([{ path: "options.0.name", message: "must not contain control or invisible formatting characters (found U+0000)" }]);
    expect(findLimitIssue({ notes: "a\u0000b" })).toEqual({ path: "notes", message: "must not contain control characters (found U+0000)" });
    expect(findLimitIssue({ notes: "line one\nline two\ttabbed" })).toBeNull();
    expect(findLimitIssue({ "bad\u001bkey": 1 })?.message).toMatch(/key must not contain control characters/);
    expect(findLimitIssue({ name: "a\u0000b" }, { controlCharacters: false })).toBeNull();
  });

  it("refuses a bidirectional override or other invisible formatting in any name, as the rename form does", () => {
    for (const [document, path] of [
      [{ schemaVersion: 1, name: "Invoice\u202Efdp.exe" }, "name"],
      [{ schemaVersion: 1, name: "ok", options: [{ name: "API\u200Bx" }] }, "options.0.name"],
      [{ schemaVersion: 1, name: "ok", options: [{ components: [{ name: "\u2066part" }] }] }, "options.0.components.0.name"],
    ] as const) {
      expect(findLimitIssue(document)).toEqual({ path, message: expect.stringMatching(/must not contain control or invisible formatting characters \(found U\+/) });
    }
    // Right-to-left text itself is a name like any other; only the invisible controls are refused.
    expect(findLimitIssue({ name: "تكلفة" })).toBeNull();
    // Free text (notes, sources) keeps what the rules for names do not cover.
    expect(findLimitIssue({ notes: "marks \u200F inside a note" })).toBeNull();
  });
});
