/**
 * Three-way merge of scenario inputs, for a save refused because someone else saved first: the
 * revision both editors started from (base), my unsaved edits (mine) and the newer revision (theirs).
 * A field changed on one side only takes that side's value; a field both sides changed differently is
 * a conflict, kept at my value until the user picks theirs. Nobody's edit is dropped silently.
 * Pure JSON in, JSON out: runs in the browser.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type PathSegment = string | number;

export interface MergeConflict {
  /** e.g. "options[1].gpu.unitPrice" */
  path: string;
  segments: PathSegment[];
  /** Absent in that version: undefined. */
  base: Json | undefined;
  mine: Json | undefined;
  theirs: Json | undefined;
}

export interface MergeResult {
  merged: Json | undefined;
  /** Fields only the other editor changed, now taken into `merged`. */
  taken: string[];
  conflicts: MergeConflict[];
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => (typeof segment === "number" ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), "");
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isJsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => isJsonEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && isJsonEqual(a[key], b[key]));
  }
  return false;
}

function mergeAt(base: Json | undefined, mine: Json | undefined, theirs: Json | undefined, segments: PathSegment[], result: Omit<MergeResult, "merged">): Json | undefined {
  if (isJsonEqual(mine, theirs)) return mine;
  // Containers present on all three sides merge field by field, so changes are reported per field.
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const merged: { [key: string]: Json } = {};
    const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)]);
    for (const key of keys) {
      const value = mergeAt(base[key], mine[key], theirs[key], [...segments, key], result);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  // Lists of equal length merge item by item (options keep their positions); otherwise the list is one value.
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs) && base.length === mine.length && mine.length === theirs.length) {
    return mine.map((item, i) => mergeAt(base[i], item, theirs[i], [...segments, i], result) ?? null);
  }
  if (isJsonEqual(base, mine)) {
    result.taken.push(formatPath(segments));
    return theirs;
  }
  if (isJsonEqual(base, theirs)) return mine;
  result.conflicts.push({ path: formatPath(segments), segments, base, mine, theirs });
  return mine;
}

export function mergeInputs(base: Json | undefined, mine: Json | undefined, theirs: Json | undefined): MergeResult {
  const result: Omit<MergeResult, "merged"> = { taken: [], conflicts: [] };
  const merged = mergeAt(base, mine, theirs, [], result);
  return { merged, ...result };
}

/** A copy of `root` with the value at `segments` replaced (undefined removes an object key). */
export function setAtPath(root: Json | undefined, segments: readonly PathSegment[], value: Json | undefined): Json | undefined {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = setAtPath(list[head], rest, value) ?? null;
    return list;
  }
  const object: { [key: string]: Json } = isObject(root) ? { ...root } : {};
  const next = setAtPath(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

/** The merge with the conflicts the user chose to resolve in the other editor's favour. */
export function applyTheirs(merge: MergeResult, theirPaths: ReadonlySet<string>): Json | undefined {
  return merge.conflicts.reduce((merged, conflict) => (theirPaths.has(conflict.path) ? setAtPath(merged, conflict.segments, conflict.theirs) : merged), merge.merged);
}
