import { describe, expect, it } from "vitest";
import { JSON_MAX_DEPTH, JsonSyntaxError, parseJsonWithLines } from "~/catalogue/json-with-lines.ts";

function syntaxError(text: string): { line: number; message: string } {
  try {
    parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

describe("parseJsonWithLines", () => {
  it("keeps every member in order with its line, duplicates included, across LF and CRLF", () => {
    const root = parseJsonWithLines('{\r\n  "a": 1,\r\n\r\n  "b": [true, false, null],\n  "a": "x"\n}');
    expect(root.kind === "object" && root.members.map((member) => [member.key, member.line, member.value.kind])).toEqual([
      ["a", 2, "number"],
      ["b", 4, "array"],
      ["a", 5, "string"],
    ]);
  });

  it("keeps number literals as written and reads Python's non-finite words", () => {
    const root = parseJsonWithLines("[1.25e-06, -0, 10, 0.1, NaN, Infinity, -Infinity]");
    expect(root.kind === "array" && root.items.map((item) => (item.kind === "number" || item.kind === "nonfinite" ? item.literal : item.kind))).toEqual([
      "1.25e-06",
      "-0",
      "10",
      "0.1",
      "NaN",
      "Infinity",
      "-Infinity",
    ]);
  });

  it("decodes escapes, surrogate pairs included", () => {
    const root = parseJsonWithLines(String.raw`"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"`);
    expect(root).toEqual({ kind: "string", line: 1, value: 'a"b\\c/d\n\té😀' });
  });

  it.each([
    ['{"a": 1,}', 1, /expected a quoted key/],
    ['{\n"a"\n1}', 3, /expected ":" after the key "a"/],
    ["[1 2]", 1, /expected "," or "]"/],
    ['"tab\there"', 1, /raw control character U\+0009/],
    [String.raw`"\x41"`, 1, /"\\x" is not a JSON escape/],
    [String.raw`"\u12"`, 1, /four hex digits/],
    ['"open', 1, /not closed/],
    ["01", 1, /after the end of the JSON value/],
    ["{} {}", 1, /after the end/],
    ["\n\n", 3, /expected a value, found the end of the file/],
    ["[.5]", 1, /expected a value/],
  ])("refuses %j at line %i", (text, line, message) => {
    const error = syntaxError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it(`refuses nesting deeper than ${JSON_MAX_DEPTH} levels (no stack overflow on hostile input)`, () => {
    expect(syntaxError("[".repeat(100_000)).message).toMatch(/nested more than 32 levels/);
    expect(() => parseJsonWithLines(`${"[".repeat(JSON_MAX_DEPTH)}${"]".repeat(JSON_MAX_DEPTH)}`)).not.toThrow();
  });
});
