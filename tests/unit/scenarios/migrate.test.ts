import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "~/engine/index.ts";
import { createScenarioMigrator, CURRENT_SCHEMA_VERSION, migrateScenario, type ScenarioDocument } from "~/scenarios/migrate.ts";

const FIXTURES = new URL("../../fixtures/scenarios/", import.meta.url);
const fixtureFiles = readdirSync(FIXTURES).filter((file) => /^v\d+\.json$/.test(file));
const readFixture = (file: string): unknown => JSON.parse(readFileSync(new URL(file, FIXTURES), "utf8"));

describe("migrateScenario", () => {
  it("has a fixture for every format version up to the current one", () => {
    expect(fixtureFiles.map((file) => Number(file.slice(1, -5))).sort((a, b) => a - b)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtureFiles)("loads %s into the current format, valid for the engine", (file) => {
    const migrated = migrateScenario(readFixture(file));
    expect(migrated).toMatchObject({ ok: true, fromVersion: Number(file.slice(1, -5)) });
    if (!migrated.ok) return;
    expect(migrated.scenario.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(parseScenario(migrated.scenario)).toMatchObject({ ok: true });
  });

  it("names schemaVersion and the rule when the version is missing, malformed, unknown or newer", () => {
    const v1 = readFixture("v1.json") as ScenarioDocument;
    const { schemaVersion: _removed, ...unversioned } = v1;
    const cases: [unknown, RegExp][] = [
      [unversioned, /^is required: without it the format is unknown \(this version of OpenTCO reads formats 1\)$/],
      [{ ...v1, schemaVersion: "1" }, /^must be a whole number/],
      [{ ...v1, schemaVersion: 1.5 }, /^must be a whole number/],
      [{ ...v1, schemaVersion: 0 }, /^is 0, which is not a known format/],
      [{ ...v1, schemaVersion: 2 }, /^is 2, newer than this version of OpenTCO reads \(1\): update OpenTCO to open it$/],
    ];
    for (const [document, message] of cases) {
      const result = migrateScenario(document);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.path).toBe("schemaVersion");
      expect(result.issues[0]?.message).toMatch(message);
    }
  });

  it("refuses anything but a JSON object at the root", () => {
    for (const document of [null, [], "scenario", 1]) {
      expect(migrateScenario(document)).toEqual({ ok: false, issues: [{ path: "(root)", message: "must be a JSON object (a scenario document)" }] });
    }
  });
});

describe("createScenarioMigrator: the upgrade chain", () => {
  // A made-up history: v2 renamed `title` to `name`, v3 added `tags`.
  const migrate = createScenarioMigrator({
    currentVersion: 3,
    upgrades: {
      1: ({ title, ...rest }) => ({ ...rest, name: title, schemaVersion: 2 }),
      2: (document) => ({ ...document, tags: [], schemaVersion: 3 }),
    },
  });

  it("runs every step from the document's version, in order", () => {
    expect(migrate({ schemaVersion: 1, title: "A" })).toEqual({ ok: true, fromVersion: 1, scenario: { schemaVersion: 3, name: "A", tags: [] } });
    expect(migrate({ schemaVersion: 2, name: "B" })).toEqual({ ok: true, fromVersion: 2, scenario: { schemaVersion: 3, name: "B", tags: [] } });
    expect(migrate({ schemaVersion: 3, name: "C", tags: ["x"] })).toEqual({ ok: true, fromVersion: 3, scenario: { schemaVersion: 3, name: "C", tags: ["x"] } });
  });

  it("does not modify the document it was given", () => {
    const document = { schemaVersion: 1, title: "A" };
    migrate(document);
    expect(document).toEqual({ schemaVersion: 1, title: "A" });
  });

  it("states the supported range in its messages", () => {
    expect(migrate({ schemaVersion: 4 })).toMatchObject({ ok: false, issues: [{ path: "schemaVersion", message: "is 4, newer than this version of OpenTCO reads (1 to 3): update OpenTCO to open it" }] });
    expect(migrate({})).toMatchObject({ ok: false, issues: [{ path: "schemaVersion", message: expect.stringContaining("formats 1 to 3") }] });
  });
});
