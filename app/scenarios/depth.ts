/**
 * How deep a parsed JSON document nests, measured without recursion (issue 10, item 10): validation,
 * migration and canonical form all recurse into a document, and one nested a few thousand levels deep
 * would overflow the stack. Scenario documents nest about eight levels.
 */

/** Deepest nesting a scenario document may have: objects and arrays inside each other. */
export const MAX_SCENARIO_DEPTH = 64;

/** True when `value` nests objects or arrays more than `maxDepth` levels deep. */
export function isNestedTooDeep(value: unknown, maxDepth = MAX_SCENARIO_DEPTH): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== "object") continue;
    if (next.depth >= maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

/** The message for a document refused by isNestedTooDeep. */
export const TOO_DEEP_MESSAGE = `nested more than ${MAX_SCENARIO_DEPTH} levels deep (a scenario needs about 8)`;
