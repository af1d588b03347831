import { parseScenario, type Scenario, type ScenarioIssue } from "~/engine/index.ts";
import { canonicalizeScenario, type CanonicalScenario } from "./canonical.ts";
import { isNestedTooDeep, TOO_DEEP_MESSAGE } from "./depth.ts";
import { migrateScenario } from "./migrate.ts";

export type ParseDocumentResult =
  | { ok: true; scenario: Scenario; canonical: CanonicalScenario; fromVersion: number }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * A scenario document of any known format (a stored revision, an imported file, the editor's
 * state) → upgraded, validated, and in canonical form. Issues have parseScenario's path and
 * message format ("options.2.gpu.unitPrice", "must be at least 0 …"). A document nested deeper than
 * any scenario is refused before anything recurses into it.
 */
export function parseScenarioDocument(json: unknown): ParseDocumentResult {
  if (isNestedTooDeep(json)) return { ok: false, issues: [{ path: "", message: TOO_DEEP_MESSAGE }] };
  const migrated = migrateScenario(json);
  if (!migrated.ok) return migrated;
  const parsed = parseScenario(migrated.scenario);
  if (!parsed.ok) return parsed;
  return { ok: true, scenario: parsed.scenario, canonical: canonicalizeScenario(parsed.scenario), fromVersion: migrated.fromVersion };
}
