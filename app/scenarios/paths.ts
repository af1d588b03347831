/**
 * Immutable updates of the scenario input (plain JSON) by field path. Paths are arrays of object keys
 * and array indices; their dotted form ("options.2.gpu.unitPrice") is the path format of the engine's
 * `parseScenario` issues, so a field and its issues meet on the same string.
 */
export type Path = readonly (string | number)[];

/** A plain JSON object. */
export type JsonObject = { [key: string]: unknown };

/** The dotted form of a path, as `parseScenario` reports it ("(root)" for the empty path). */
export function formatPath(path: Path): string {
  return path.length === 0 ? "(root)" : path.join(".");
}

/** The DOM id of the control (or group) editing `path`; stable across renders and unique per path. */
export function getFieldId(path: Path): string {
  return `sf-${path.length === 0 ? "root" : path.join("-")}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function getAtPath(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isJsonObject(current) && typeof key === "string") current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * A copy of `root` with `next` at `path`; only the objects and arrays along the path are copied, so
 * untouched branches keep their identity (memoised sections skip re-rendering). `undefined` removes
 * an object key (an optional field left empty). Missing objects along the path are created.
 */
export function setAtPath<T>(root: T, path: Path, next: unknown): T {
  return setStep(root, path, 0, next) as T;
}

function setStep(current: unknown, path: Path, depth: number, next: unknown): unknown {
  if (depth === path.length) return next;
  const key = path[depth] as string | number;
  if (typeof key === "number") {
    const array = Array.isArray(current) ? [...current] : [];
    array[key] = setStep(array[key], path, depth + 1, next);
    return array;
  }
  const object: JsonObject = isJsonObject(current) ? { ...current } : {};
  const value = setStep(object[key], path, depth + 1, next);
  if (value === undefined) delete object[key];
  else object[key] = value;
  return object;
}

/** A copy of the array without the item at `index`. */
export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** A copy of the array with the item at `from` moved to `to` (both clamped to the array). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  if (item === undefined) return copy;
  copy.splice(target, 0, item);
  return copy;
}

/** A copy of the array with `item` inserted after `index`. */
export function insertAfter<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index + 1), item, ...items.slice(index + 1)];
}
