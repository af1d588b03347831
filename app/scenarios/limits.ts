/**
 * What a scenario document may not be, checked without recursion before anything else reads it
 * (issue 10): nested deeper than any scenario (validation, migration and canonical form all recurse,
 * and a document nested a few thousand levels deep would overflow the stack), or holding a control
 * character in a key or a string (PostgreSQL refuses NUL in JSON, and the rest have no place in a
 * cost model; tab and line breaks pass). Names (every `name` key: the scenario's, its options' and
 * their components') also refuse invisible formatting such as a bidirectional override (U+202E), as the
 * rename form does: a name is what others read in lists, PDFs and share links.
 */
import { findControlCharacter, findHiddenCharacter } from "~/utils/control-characters.ts";

/** Deepest nesting a scenario document may have: objects and arrays inside each other. */
export const MAX_SCENARIO_DEPTH = 64;

/** The message for a document nested deeper than MAX_SCENARIO_DEPTH. */
export const TOO_DEEP_MESSAGE = `nested more than ${MAX_SCENARIO_DEPTH} levels deep (a scenario needs about 8)`;

export type LimitIssue = { path: string; message: string };

/**
 * The first limit `value` breaks, with the path where ("options.2.name"), or null. Without
 * `controlCharacters` only the depth is checked (the CLI prints such text escaped instead).
 */
export function findLimitIssue(value: unknown, { controlCharacters = true, maxDepth = MAX_SCENARIO_DEPTH }: { controlCharacters?: boolean; maxDepth?: number } = {}): LimitIssue | null {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === "string" && controlCharacters) {
      const issue = findStringIssue(next.value, next.path);
      if (issue) return issue;
      continue;
    }
    if (next.value === null || typeof next.value !== "object") continue;
    if (next.depth >= maxDepth) return { path: "", message: TOO_DEEP_MESSAGE };
    for (const [key, child] of Object.entries(next.value)) {
      const path = next.path === "" ? key : `${next.path}.${key}`;
      const inKey = controlCharacters ? findControlCharacter(key) : null;
      if (inKey) return { path: next.path, message: `a key must not contain control characters (found ${inKey})` };
      pending.push({ value: child, depth: next.depth + 1, path });
    }
  }
  return null;
}

function findStringIssue(value: string, path: string): LimitIssue | null {
  if (path === "name" || path.endsWith(".name")) {
    const hidden = findHiddenCharacter(value);
    return hidden ? { path, message: `must not contain control or invisible formatting characters (found ${hidden})` } : null;
  }
  const found = findControlCharacter(value, { allowLineBreaks: true });
  return found ? { path, message: `must not contain control characters (found ${found})` } : null;
}
