/**
 * Field-by-field differences between two scenario documents (canonical inputs of two revisions,
 * or a revision and the editor's state), for the history page and the save-conflict message.
 */

/** One changed field. `before`/`after` are the values as text; null where the field is absent. */
export interface InputChange {
  /** e.g. "workload.volume.requestsPerMonth", "options[1].gpu.unitPrice" (index in `after`, or in `before` when removed). */
  path: string;
  before: string | null;
  after: string | null;
}

type Json = unknown;
type JsonObject = Record<string, Json>;

/** Array items that carry one of these string fields are matched by it instead of by position. */
const MATCH_KEYS = ["id", "driver"] as const;

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function joinKey(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** How an item of a keyed array is described when it is added or removed as a whole. */
function describeItem(item: JsonObject, key: string): string {
  const id = String(item[key]);
  return typeof item.name === "string" ? `${item.name} (${id})` : id;
}

function describe(value: Json): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The field every item has as a unique string, or null when items must be matched by position. */
function findMatchKey(...arrays: Json[][]): string | null {
  return (
    MATCH_KEYS.find((key) =>
      arrays.every((items) => {
        const values = items.map((item) => (isObject(item) ? item[key] : undefined));
        return values.every((value) => typeof value === "string") && new Set(values).size === values.length;
      }),
    ) ?? null
  );
}

function diffArrays(path: string, before: Json[], after: Json[], out: InputChange[]): void {
  const key = before.length + after.length > 0 ? findMatchKey(before, after) : null;
  if (key === null) {
    if (before.every((item) => !isObject(item) && !Array.isArray(item)) && after.every((item) => !isObject(item) && !Array.isArray(item))) {
      // A list of plain values (regimes, data classes, …) reads best as one value.
      if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before: JSON.stringify(before), after: JSON.stringify(after) });
      return;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffValues(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  const beforeByKey = new Map(before.map((item, index) => [(item as JsonObject)[key] as string, { item: item as JsonObject, index }]));
  const afterKeys = new Set<string>();
  after.forEach((item, index) => {
    const itemKey = (item as JsonObject)[key] as string;
    afterKeys.add(itemKey);
    const match = beforeByKey.get(itemKey);
    if (match === undefined) out.push({ path: `${path}[${index}]`, before: null, after: describeItem(item as JsonObject, key) });
    else diffValues(`${path}[${index}]`, match.item, item, out);
  });
  for (const [itemKey, { item, index }] of beforeByKey) {
    if (!afterKeys.has(itemKey)) out.push({ path: `${path}[${index}]`, before: describeItem(item, key), after: null });
  }
}

function diffValues(path: string, before: Json, after: Json, out: InputChange[]): void {
  if (isObject(before) || isObject(after)) {
    if ((before !== undefined && !isObject(before)) || (after !== undefined && !isObject(after))) {
      out.push({ path, before: describe(before), after: describe(after) });
      return;
    }
    const a = (before ?? {}) as JsonObject;
    const b = (after ?? {}) as JsonObject;
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) diffValues(joinKey(path, key), a[key], b[key], out);
    return;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    if ((before !== undefined && !Array.isArray(before)) || (after !== undefined && !Array.isArray(after))) {
      out.push({ path, before: describe(before), after: describe(after) });
      return;
    }
    diffArrays(path, (before ?? []) as Json[], (after ?? []) as Json[], out);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before: describe(before), after: describe(after) });
}

/**
 * Every field whose value differs between `before` and `after`, in key order. Objects are compared
 * field by field (a field present on one side only is a change with null on the other); arrays of
 * items with a unique `id` (options) or `driver` (sensitivity ranges) are matched by it, so
 * reordering is not a change and an added or removed option is one change named "Name (id)"; other
 * arrays of objects by position; arrays of plain values as one value (JSON text). Compare canonical
 * inputs (decimals as normalised strings), or "12.5" and "12.50" differ.
 */
export function diffInputs(before: unknown, after: unknown): InputChange[] {
  const out: InputChange[] = [];
  diffValues("", before, after, out);
  return out;
}
