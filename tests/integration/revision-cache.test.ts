/**
 * Saved revisions served from the process's cache (app/cache/revision-cache.server.ts, ADR 018) are
 * what the database holds, only for the organisation they belong to, and a new revision is a new
 * entry rather than a stale one.
 */
import { describe, expect, it } from "vitest";
import { getSavedRevision } from "~/cache/revision-cache.server.ts";
import { getRevision, saveRevision } from "~/models/scenario.server.ts";
import { createTestOrganization } from "../factories/index.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";
const example = readExample("hybrid-overflow-eur");

describe("the saved-revision cache", () => {
  it("hands out the revision the database holds, the same object each time, and only to its organisation", async () => {
    const [org, other] = await Promise.all([createTestOrganization(), createTestOrganization()]);
    const scenarioId = await createTestScenario(org, example);
    const scope = { orgId: org.id, scenarioId };

    const [first, again] = await Promise.all([getSavedRevision({ ...scope, number: 1 }), getSavedRevision({ ...scope, number: 1 })]);
    expect(first).not.toBeNull();
    expect(again).toBe(first);
    expect(await getSavedRevision({ ...scope, number: 1 })).toBe(first);
    expect(first).toEqual(await getRevision({ ...scope, number: 1 }));

    // Another organisation asking for the same scenario and number finds nothing, cached or not.
    expect(await getSavedRevision({ orgId: other.id, scenarioId, number: 1 })).toBeNull();
    expect(await getSavedRevision({ ...scope, number: 2 })).toBeNull();

    const saved = await saveRevision({ ...scope, userId: org.owner.id, baseRevisionNumber: 1, inputs: { ...example, name: "Renamed in revision 2" }, asOf: AS_OF });
    expect(saved).toMatchObject({ ok: true, revisionNumber: 2 });
    const second = await getSavedRevision({ ...scope, number: 2 });
    expect(second).toEqual(await getRevision({ ...scope, number: 2 }));
    expect(second?.inputs).toMatchObject({ name: "Renamed in revision 2" });
    expect(await getSavedRevision({ ...scope, number: 1 })).toBe(first);
  });
});
