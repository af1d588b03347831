import { createContext, useContext, useMemo } from "react";
import type { Catalogue } from "~/engine/index.ts";
import { formatPath, type JsonObject, type Path } from "~/scenarios/paths.ts";

/** One broken rule, as `parseScenario` reports it: dotted path and the rule's words. */
export interface EditorIssue {
  path: string;
  message: string;
}

export interface EditorContextValue {
  readOnly: boolean;
  /** Puts `next` at `path` of the scenario (undefined removes an optional field). Stable across renders. */
  update: (path: Path, next: unknown) => void;
  /** The latest scenario input (for handlers and for schema lookups along discriminated unions). */
  getScenario: () => unknown;
  /** The scenario currency code, for money units ("EUR/GPU"). */
  currency: string;
  /** Units of the scenario currency per USD, for converting catalogue money. */
  perUsd: unknown;
  /** The catalogue the pickers offer and overrides are judged against: the organisation's (ADR 021). */
  catalogue: Catalogue;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** Issues grouped by dotted path. */
export const IssuesContext = createContext<ReadonlyMap<string, readonly string[]>>(new Map());

/** The leaf option (or hybrid part) the fields below belong to, for catalogue and override state. */
export interface OptionScope {
  path: Path;
  option: JsonObject;
}
export const OptionContext = createContext<OptionScope | null>(null);

export function useEditor(): EditorContextValue {
  const context = useContext(EditorContext);
  if (context === null) throw new Error("useEditor: render inside <ScenarioEditor>");
  return context;
}

/** The messages of the issues whose path is exactly `path`. */
export function useIssuesAt(path: Path): readonly string[] {
  const issues = useContext(IssuesContext);
  return issues.get(formatPath(path)) ?? NO_ISSUES;
}
const NO_ISSUES: readonly string[] = [];

/** How many issues lie at or under `path` (for a collapsed section's "2 problems" badge). */
export function useIssueCountUnder(path: Path): number {
  const issues = useContext(IssuesContext);
  const prefix = formatPath(path);
  return useMemo(() => {
    let count = 0;
    for (const [key, messages] of issues) {
      if (path.length === 0 || key === prefix || key.startsWith(`${prefix}.`)) count += messages.length;
    }
    return count;
  }, [issues, prefix, path.length]);
}

/** Groups issues by path; the same messages in the same order give an equal map key (see ScenarioEditor). */
export function groupIssues(issues: readonly EditorIssue[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const issue of issues) grouped.set(issue.path, [...(grouped.get(issue.path) ?? []), issue.message]);
  return grouped;
}
