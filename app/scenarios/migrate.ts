import type { ScenarioIssue } from "~/engine/index.ts";

/**
 * Scenario format upgrades: every stored revision and exported file, of any format version, loads.
 * A document of version n goes through UPGRADES[n], UPGRADES[n + 1], … until it reaches
 * CURRENT_SCHEMA_VERSION; validation (parseScenario) happens after, on the latest format only.
 *
 * To introduce format 2: change the engine schema to `schemaVersion: z.literal(2)`, add
 * `1: upgradeV1ToV2` below (a pure function of the v1 document returning a v2 document, which sets
 * `schemaVersion: 2`), raise CURRENT_SCHEMA_VERSION, and add tests/fixtures/scenarios/v2.json.
 */

/** A scenario document as parsed JSON: an object of unknown fields. */
export type ScenarioDocument = Record<string, unknown>;

/** Turns a document of version n into one of version n + 1. Pure; never throws on a well-formed n. */
export type ScenarioUpgrade = (document: ScenarioDocument) => ScenarioDocument;

export type MigrateResult = { ok: true; scenario: ScenarioDocument; fromVersion: number } | { ok: false; issues: ScenarioIssue[] };

/** The format the engine reads (ScenarioSchema's schemaVersion literal). */
export const CURRENT_SCHEMA_VERSION = 1;

/** Upgrade from the key's version to the next. Empty while format 1 is the only one. */
const UPGRADES: Readonly<Record<number, ScenarioUpgrade>> = {};

/**
 * Builds a migrator for a chain: `upgrades[n]` maps version n to n + 1, for every n from the oldest
 * supported version up to `currentVersion - 1`. Exported so the chain mechanism is testable with
 * more than one version before format 2 exists.
 */
export function createScenarioMigrator({ currentVersion, upgrades }: { currentVersion: number; upgrades: Readonly<Record<number, ScenarioUpgrade>> }): (json: unknown) => MigrateResult {
  let oldestVersion = currentVersion;
  while (upgrades[oldestVersion - 1] !== undefined) oldestVersion--;
  const supported = oldestVersion === currentVersion ? `${currentVersion}` : `${oldestVersion} to ${currentVersion}`;
  const fail = (message: string): MigrateResult => ({ ok: false, issues: [{ path: "schemaVersion", message }] });

  return (json) => {
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      return { ok: false, issues: [{ path: "(root)", message: "must be a JSON object (a scenario document)" }] };
    }
    const version = (json as ScenarioDocument).schemaVersion;
    if (version === undefined) return fail(`is required: without it the format is unknown (this version of OpenTCO reads formats ${supported})`);
    if (typeof version !== "number" || !Number.isInteger(version)) return fail(`must be a whole number (this version of OpenTCO reads formats ${supported})`);
    if (version > currentVersion) return fail(`is ${version}, newer than this version of OpenTCO reads (${supported}): update OpenTCO to open it`);
    if (version < oldestVersion) return fail(`is ${version}, which is not a known format (this version of OpenTCO reads formats ${supported})`);
    let document = json as ScenarioDocument;
    for (let from = version; from < currentVersion; from++) {
      document = (upgrades[from] as ScenarioUpgrade)(document);
    }
    return { ok: true, scenario: document, fromVersion: version };
  };
}

/**
 * Brings a scenario document of any known format to the current one. It does not validate the
 * fields: pass `scenario` to parseScenario. Issues name `schemaVersion` (or the root) and the rule.
 */
export const migrateScenario: (json: unknown) => MigrateResult = createScenarioMigrator({ currentVersion: CURRENT_SCHEMA_VERSION, upgrades: UPGRADES });
