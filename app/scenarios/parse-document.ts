import { parseScenario, type Catalogue, type Scenario, type ScenarioIssue } from "~/engine/index.ts";
import { canonicalizeScenario, type CanonicalScenario } from "./canonical.ts";
import { findLimitIssue } from "./limits.ts";
import { migrateScenario } from "./migrate.ts";

export type ParseDocumentResult =
  | { ok: true; scenario: Scenario; canonical: CanonicalScenario; fromVersion: number }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * A scenario document of any known format (a stored revision, an imported file, the editor's
 * state) → upgraded, validated, and in canonical form. Issues have parseScenario's path and
 * message format ("options.2.gpu.unitPrice", "must be at least 0 …"). A document nested deeper than
 * any scenario, or with a control character in it, is refused before anything reads it (limits.ts).
 * Catalogue ids must name entries of `catalogue` (the organisation's; the built-in one when absent;
 * null: not judged, see parseScenario).
 */
export function parseScenarioDocument(json: unknown, catalogue?: Catalogue | null): ParseDocumentResult {
  const limitIssue = findLimitIssue(json);
  if (limitIssue) return { ok: false, issues: [limitIssue] };
  const migrated = migrateScenario(json);
  if (!migrated.ok) return migrated;
  const parsed = parseScenario(migrated.scenario, catalogue);
  if (!parsed.ok) return parsed;
  return { ok: true, scenario: parsed.scenario, canonical: canonicalizeScenario(parsed.scenario), fromVersion: migrated.fromVersion };
}
