/**
 * What a hostile or broken client sends, as fast-check arbitraries: wrong types written as text,
 * NaN, Infinity, huge numbers, control and invisible characters, prototype keys, huge strings,
 * deep nesting, and scenario documents with any of these at any place. Values may name a thing of
 * the world (`{ ref }`, tests/fuzz/world.ts), resolved when the request is sent.
 */
import fc from "fast-check";
import type { RefName } from "./world.ts";

export type Ref = { ref: RefName };
/** Text, a reference into the world, or pieces joined ("<id>@3"). */
export type Value = string | Ref | Value[];

export const ref = (name: RefName): Ref => ({ ref: name });

/** Numbers as a form carries them: text, some of it only number-shaped. */
export const numberText = fc.constantFrom(
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1e400",
  "5e-324",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "0",
  "-0",
  "-1",
  "0.5",
  "1.5",
  "1e3",
  "0x10",
  "0b11",
  "1_000",
  " 7 ",
  "+3",
  "\u0663",
  "\uff11",
  "",
);

/** NUL, other C0 and C1 controls, bidirectional overrides and isolates, line separators, the BOM, a lone surrogate. */
export const controlCharacter = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\u001b[2J",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u200b",
  "\u200e",
  "\u202e",
  "\u2028",
  "\u2029",
  "\u2066",
  "\ufeff",
  "\ud800",
  "\r",
  "\n",
  "\t",
);

/**
 * Any UTF-16 text, lone surrogates included. One instance for every use: fast-check builds a reverse
 * map of all of Unicode for each `fc.string({ unit: "binary" })` it constructs (a second each).
 */
export const binaryText = fc.string({ unit: "binary", maxLength: 200 });

export const withControlCharacter = fc.tuple(fc.string({ maxLength: 6 }), controlCharacter, fc.string({ maxLength: 6 })).map(([before, control, after]) => `${before}${control}${after}`);

export const prototypeKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "then");

const LONG_UNITS = fc.constantFrom("a", "\u00e9", "\u{1F600}", "<", "%", "0");

/** Long text: past every field's length rule, and (70,000 × 1–4 bytes) past the 64 KiB form limit. */
export const hugeText = fc.tuple(fc.constantFrom(300, 5_000, 70_000), LONG_UNITS).map(([size, unit]) => unit.repeat(size));

/**
 * Long text for the address: Node's HTTP server answers 431 to a request head over 16 KiB before
 * any app sees it, so longer ones would only test what no client can send (1,000 emoji encode to 12 KB).
 */
export const longUrlText = fc.tuple(fc.constantFrom(300, 1_000), LONG_UNITS).map(([size, unit]) => unit.repeat(size));

export const DEEP_ARRAY = `${"[".repeat(2500)}${"]".repeat(2500)}`;
export const DEEP_OBJECT = `${'{"a":'.repeat(2500)}1${"}".repeat(2500)}`;

/** JSON-looking text in a plain field. */
export const jsonText = fc.constantFrom("{}", "[]", "null", "true", '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', DEEP_ARRAY);

function malformed(long: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: numberText },
    { weight: 4, arbitrary: withControlCharacter },
    { weight: 2, arbitrary: prototypeKey },
    { weight: 1, arbitrary: long },
    { weight: 1, arbitrary: jsonText },
    { weight: 3, arbitrary: binaryText },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "   \n") },
  );
}

/** Any single value a form field should never accept. */
export const malformedText = malformed(hugeText);
/** The same for a piece of the address (a path segment, a query value). */
export const malformedUrlText = malformed(longUrlText);

/** A field that is usually right (`valid`) and otherwise anything. */
export function field(valid: fc.Arbitrary<Value>, validWeight = 3): fc.Arbitrary<Value> {
  return fc.oneof({ weight: validWeight, arbitrary: valid }, { weight: 2, arbitrary: malformedText });
}

/** Ids of this tenant, of the foreign one, and things shaped like ids. */
export function idLike(own: RefName[], foreign: RefName[], anything: fc.Arbitrary<string> = malformedText): fc.Arbitrary<Value> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...own).map(ref) },
    { weight: 3, arbitrary: fc.constantFrom(...foreign).map(ref) },
    { weight: 1, arbitrary: fc.constantFrom("c00000000000000000000000", "0".repeat(64), "f".repeat(64), "x".repeat(65), "%00", "..%2F..", "*", "' OR '1'='1") },
    { weight: 2, arbitrary: anything },
  );
}

// ————— Scenario documents —————

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in `value`: objects' keys and arrays' indexes, depth first. */
function listPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((child, index) => [index, child]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => listPaths(child, [...prefix, key]))];
}

/** Raw JSON text put into a document where JSON.stringify cannot write it (NaN, nesting, duplicate or prototype keys). */
const RAW_JSON = fc.constantFrom(
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-1e400",
  "123456789012345678901234567890",
  "-0",
  "01",
  "0x10",
  "undefined",
  "'single'",
  DEEP_ARRAY,
  DEEP_OBJECT,
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":1,"a":2}',
);

/** Values of the wrong type or range for any place of a scenario. */
const WRONG_JSON: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 2 ** 31, [], {}, [null], { __proto__: null }),
  fc.constantFrom<Json>("NaN", "Infinity", "-Infinity", "1e308", "1e-400", "-1", "0", "", " ", "9".repeat(400), "0.".padEnd(402, "0") + "1"),
  withControlCharacter,
  prototypeKey,
  hugeText,
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Values a decimal field accepts at the edges: zero, tiny, huge, many digits. */
const EDGE_DECIMAL = fc.constantFrom("0", "0.000000000000000001", "1e-9", "999999999999", "1e12", "0.5", "1", "100", "3.14159265358979323846264338327950288");

type Mutation =
  | { kind: "replace"; at: number; value: Json }
  | { kind: "edge"; at: number; value: string }
  | { kind: "raw"; at: number; text: string }
  | { kind: "delete"; at: number }
  | { kind: "add-key"; at: number; key: string; value: Json };

function mutationArbitrary(pathCount: number): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: pathCount - 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("replace" as const), at, value: WRONG_JSON }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("edge" as const), at, value: EDGE_DECIMAL }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("raw" as const), at, text: RAW_JSON }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("add-key" as const), at, key: fc.oneof(prototypeKey, withControlCharacter, fc.string({ maxLength: 8 })), value: WRONG_JSON }) },
  );
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

function parentOf(document: Json, path: Path): { parent: Json[] | { [key: string]: Json }; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = document;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<string | number, Json>)[key] ?? null;
  }
  const key = path[path.length - 1] as string | number;
  return node !== null && typeof node === "object" ? { parent: node, key } : null;
}

/** `document` with the mutations applied, as the JSON text a client would send. */
function applyMutations(base: Json, paths: Path[], mutations: Mutation[]): string {
  const document = clone(base);
  const raws: string[] = [];
  let root: Json = document;
  for (const mutation of mutations) {
    const path = paths[mutation.at] ?? [];
    const place = parentOf(root, path);
    const set = (value: Json) => {
      if (place) (place.parent as Record<string | number, Json>)[place.key] = value;
      else root = value;
    };
    switch (mutation.kind) {
      case "replace":
        set(mutation.value);
        break;
      case "edge":
        set(mutation.value);
        break;
      case "raw":
        raws.push(mutation.text);
        set(`\u0001RAW${raws.length - 1}\u0001`);
        break;
      case "delete":
        if (place && Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1);
        else if (place) delete (place.parent as Record<string, Json>)[place.key];
        break;
      case "add-key": {
        const target = path.reduce<Json>((node, key) => (node !== null && typeof node === "object" ? ((node as Record<string | number, Json>)[key] ?? null) : null), root);
        // defineProperty: a "__proto__" key becomes an own key, as JSON.parse would make it.
        if (target !== null && typeof target === "object" && !Array.isArray(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  // JSON.stringify escapes U+0001, so the placeholder survives only as its escaped form.
  return JSON.stringify(root).replace(/"\\u0001RAW(\d+)\\u0001"/g, (_, index: string) => raws[Number(index)] ?? "null");
}

/**
 * Scenario documents as JSON text: the base scenario with 0–3 mutations (0: a valid save, which
 * succeeds), random JSON, text that is not JSON, and a document past the 512 KiB limit.
 */
export function scenarioDocumentText(base: Record<string, unknown>): fc.Arbitrary<string> {
  const document = base as Json;
  const paths = listPaths(document);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(document)) },
    { weight: 16, arbitrary: fc.array(mutationArbitrary(paths.length), { minLength: 1, maxLength: 3 }).map((mutations) => applyMutations(document, paths, mutations)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.oneof(RAW_JSON, binaryText, fc.constantFrom("", "{", '{"name":', "\ufeff{}")) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ ...base, options: Array.from({ length: 120 }, () => (base.options as Json[])[0]), padding: "x".repeat(530_000) })) },
  );
}
