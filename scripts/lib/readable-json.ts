/**
 * JSON for people and for `jq` alike: indented like JSON.stringify(value, null, 2), except that an
 * object or array whose one-line form fits in `width` columns (at its indentation), and any record
 * (an object holding no array), stays on one line: a month of results is one line rather than forty,
 * like a row of a table. Parses back to the same value.
 */
export function stringifyReadable(value: unknown, width = 120): string {
  return format(value, "", width);
}

function format(value: unknown, indent: string, width: number): string {
  const oneLine = JSON.stringify(value) ?? "null";
  if (value === null || typeof value !== "object" || indent.length + oneLine.length <= width || isRecord(value)) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => inner + format(item, inner, width)).join(",\n")}\n${indent}]`;
  }
  // undefined members are left out, as JSON.stringify does.
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner, width)}`).join(",\n")}\n${indent}}`;
}

/** An object with no array inside it, at any depth. */
function isRecord(value: object): boolean {
  return !Array.isArray(value) && Object.values(value).every((item) => item === null || typeof item !== "object" || isRecord(item));
}
