/**
 * Saved revisions, kept decoded in this process (docs/decisions/018-load-and-scaling-out.md). A
 * revision never changes once written (ADR 007): revision n of a scenario is the same row for as
 * long as the scenario exists, so reading it again from the database, moving its compressed result
 * over the wire, inflating and parsing it (~25 ms for a 60-month, 4-option scenario) is wasted work.
 *
 * - The key is (organisation, scenario, number): an entry is only ever found with the organisation
 *   it was read for, exactly like the organisation-scoped query it stands for. Callers first check
 *   that the scenario exists (getScenario), so a deleted scenario's revisions are not served.
 * - What is not the revision's own can change: its author's email (a user's row). The app has no way
 *   to change an email or delete a user, so it only goes stale through an edit in the database;
 *   entries are dropped after MAX_AGE_MS to bound that.
 * - At most MAX_BYTES per process, counted as JSON (a decoded revision takes about as much heap as
 *   its JSON: 0.32 MB for 0.28 MB of JSON, measured), least recently used out first (app/cache/lru.ts).
 */
import { getRevision, type RevisionDetail } from "~/models/scenario.server.ts";
import { createCache } from "./lru.ts";

const MAX_BYTES = 32 * 1024 * 1024;
const MAX_AGE_MS = 15 * 60 * 1000;

const revisions = createCache<RevisionDetail>({ maxBytes: MAX_BYTES, maxAgeMs: MAX_AGE_MS, sizeOf: (revision) => JSON.stringify(revision).length });

/** Revision `number` of the scenario, as getRevision returns it (shared: read-only), or null when there is none. */
export function getSavedRevision({ orgId, scenarioId, number }: { orgId: string; scenarioId: string; number: number }): Promise<RevisionDetail | null> {
  return revisions.get(`${orgId}/${scenarioId}/${number}`, () => getRevision({ orgId, scenarioId, number }));
}
