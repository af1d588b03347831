/**
 * The cross-tenant tests again, with the models' own organisation filter switched off (ADR 019): in
 * this file the data layer removes `orgId` (and `id` on Organization) from every `where` before a
 * query runs (app/db.server.ts, OPENTCO_TEST_WITHOUT_ORG_FILTER, read only under NODE_ENV=test).
 * What still answers 404 and changes nothing is refused by PostgreSQL's row-level security alone.
 * The check at the end proves the filter really was off: it counts the filters the layer removed.
 */
import { afterAll, expect } from "vitest";
import { droppedOrgFilters } from "~/db.server.ts";

// Read on the data layer's first transaction, which no import below starts.
process.env.OPENTCO_TEST_WITHOUT_ORG_FILTER = "1";

await import("./tenancy.test.ts");
await import("./scenario-tenancy.test.ts");
await import("./scenarios.test.ts");

afterAll(() => {
  // About 200 queries above named the organisation in their where: each ran without it.
  expect(process.env.NODE_ENV).toBe("test");
  expect(droppedOrgFilters.count).toBeGreaterThan(100);
});
