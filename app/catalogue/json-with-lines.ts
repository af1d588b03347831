/**
 * A strict JSON reader (RFC 8259) that keeps what `JSON.parse` throws away and a price import needs:
 * the line each value starts on (so a bad row is reported where the admin can find it), every member
 * of an object in order, duplicates included (`JSON.parse` keeps the last one silently), and each
 * number's literal text (so "1.25e-06" becomes an exact Decimal, never a float64).
 *
 * `NaN`, `Infinity` and `-Infinity` are not JSON, but Python's `json.dump` writes them; they are read as
 * `nonfinite` values so that the caller can refuse them per field instead of failing the whole file
 * with a syntax error.
 */

export type JsonNode =
  | { kind: "object"; line: number; members: JsonMember[] }
  | { kind: "array"; line: number; items: JsonNode[] }
  | { kind: "string"; line: number; value: string }
  | { kind: "number"; line: number; literal: string }
  | { kind: "nonfinite"; line: number; literal: "NaN" | "Infinity" | "-Infinity" }
  | { kind: "boolean"; line: number; value: boolean }
  | { kind: "null"; line: number };

export interface JsonMember {
  key: string;
  /** The line of the member's key. */
  line: number;
  value: JsonNode;
}

/** A syntax error with the 1-based line it was found on. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Nesting deeper than this is refused: price files are three levels deep, and recursion must stay bounded. */
export const JSON_MAX_DEPTH = 32;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NONFINITE = /(?:NaN|-?Infinity)/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Parses `text` (one JSON value, whitespace around it allowed); throws JsonSyntaxError. */
export function parseJsonWithLines(text: string): JsonNode {
  let position = 0;
  let line = 1;

  function fail(message: string): never {
    throw new JsonSyntaxError(line, message);
  }

  function skipWhitespace(): void {
    for (;;) {
      const character = text[position];
      if (character === "\n") line += 1;
      else if (character !== " " && character !== "\t" && character !== "\r") return;
      position += 1;
    }
  }

  function describeHere(): string {
    return position >= text.length ? "the end of the file" : JSON.stringify(text.slice(position, position + 12));
  }

  function readString(): string {
    // The caller stands on the opening quote.
    position += 1;
    let value = "";
    let start = position;
    for (;;) {
      if (position >= text.length) fail("a string is not closed");
      const code = text.charCodeAt(position);
      if (code === 0x22) {
        value += text.slice(start, position);
        position += 1;
        return value;
      }
      if (code < 0x20) fail(`a string holds the raw control character U+${code.toString(16).toUpperCase().padStart(4, "0")} (write it as an escape)`);
      if (code === 0x5c) {
        value += text.slice(start, position);
        const escape = text[position + 1] ?? "";
        if (escape === "u") {
          const hex = text.slice(position + 2, position + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(`"\\u" must be followed by four hex digits`);
          value += String.fromCharCode(parseInt(hex, 16));
          position += 6;
        } else if (escape in ESCAPES) {
          value += ESCAPES[escape];
          position += 2;
        } else {
          fail(`"\\${escape}" is not a JSON escape`);
        }
        start = position;
        continue;
      }
      position += 1;
    }
  }

  function readValue(depth: number): JsonNode {
    if (depth > JSON_MAX_DEPTH) fail(`values are nested more than ${JSON_MAX_DEPTH} levels deep`);
    skipWhitespace();
    const startLine = line;
    const character = text[position];
    if (character === "{") {
      position += 1;
      const members: JsonMember[] = [];
      skipWhitespace();
      if (text[position] === "}") {
        position += 1;
        return { kind: "object", line: startLine, members };
      }
      for (;;) {
        skipWhitespace();
        if (text[position] !== '"') fail(`expected a quoted key, found ${describeHere()}`);
        const keyLine = line;
        const key = readString();
        skipWhitespace();
        if (text[position] !== ":") fail(`expected ":" after the key "${key}", found ${describeHere()}`);
        position += 1;
        members.push({ key, line: keyLine, value: readValue(depth + 1) });
        skipWhitespace();
        if (text[position] === ",") {
          position += 1;
          continue;
        }
        if (text[position] === "}") {
          position += 1;
          return { kind: "object", line: startLine, members };
        }
        fail(`expected "," or "}" in an object, found ${describeHere()}`);
      }
    }
    if (character === "[") {
      position += 1;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[position] === "]") {
        position += 1;
        return { kind: "array", line: startLine, items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipWhitespace();
        if (text[position] === ",") {
          position += 1;
          continue;
        }
        if (text[position] === "]") {
          position += 1;
          return { kind: "array", line: startLine, items };
        }
        fail(`expected "," or "]" in an array, found ${describeHere()}`);
      }
    }
    if (character === '"') return { kind: "string", line: startLine, value: readString() };
    if (character === "t" && text.startsWith("true", position)) {
      position += 4;
      return { kind: "boolean", line: startLine, value: true };
    }
    if (character === "f" && text.startsWith("false", position)) {
      position += 5;
      return { kind: "boolean", line: startLine, value: false };
    }
    if (character === "n" && text.startsWith("null", position)) {
      position += 4;
      return { kind: "null", line: startLine };
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(text);
    if (number) {
      position += number[0].length;
      return { kind: "number", line: startLine, literal: number[0] };
    }
    NONFINITE.lastIndex = position;
    const nonfinite = NONFINITE.exec(text);
    if (nonfinite) {
      position += nonfinite[0].length;
      return { kind: "nonfinite", line: startLine, literal: nonfinite[0] as "NaN" | "Infinity" | "-Infinity" };
    }
    return fail(`expected a value, found ${describeHere()}`);
  }

  const root = readValue(0);
  skipWhitespace();
  if (position < text.length) fail(`unexpected ${describeHere()} after the end of the JSON value`);
  return root;
}
