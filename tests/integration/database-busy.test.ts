/**
 * Overload is a 503, not a 500 (issue 13): a transaction that runs past DATABASE_TRANSACTION_TIMEOUT_MS
 * is rolled back and its request answers 503 with Retry-After and a sentence saying the database is
 * busy. Provoked on the production server by holding the scenario's row lock behind the app's back
 * while a rename waits for it; the same happens to a transaction that waits too long for a pooled
 * connection (both are Prisma's P2028).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { createTestOrganization, loginAs } from "../factories/index.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const example = readExample("four-options-60-months");
const TIMEOUT_MS = 1_000;

let server: ProductionServer;

beforeAll(async () => {
  server = await startProductionServer({ WEB_CONCURRENCY: "1", DATABASE_TRANSACTION_TIMEOUT_MS: String(TIMEOUT_MS) });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

/** Holds the scenario's row lock in a transaction of the owner's client until `release()`; resolves once it is held. */
async function holdRowLock(scenarioId: string): Promise<{ release(): Promise<void> }> {
  let held!: () => void;
  let release!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Scenario" WHERE id = ${scenarioId} FOR UPDATE`;
      held();
      await released;
    },
    { timeout: 120_000 },
  );
  await isHeld;
  return {
    async release() {
      release();
      await done;
    },
  };
}

/** Resolves once some connection of this database waits for a row lock: the rename has reached it. */
async function untilSomeoneWaitsForALock(): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const [row] = await prisma.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Scenario"%'`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no request came to wait for the row lock within 60 s");
}

describe("a transaction past its timeout", () => {
  it("answers 503 with Retry-After and says the database is busy, on a page and to a fetcher; nothing is written", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const scenarioId = await createTestScenario(org, { ...example, name: "Before" });
    const path = `/o/${org.slug}/scenarios/${scenarioId}`;

    for (const url of [path, `${path}.data`]) {
      const lock = await holdRowLock(scenarioId);
      const answering = fetch(new URL(url, server.baseUrl), {
        method: "POST",
        headers: { Origin: server.baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "rename", name: "After" }),
        redirect: "manual",
      });
      // The rename's transaction waits for the lock past its timeout, then finds itself rolled back.
      await untilSomeoneWaitsForALock();
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
      await lock.release();
      const answer = await answering;
      expect(answer.status, url).toBe(503);
      expect(answer.headers.get("Retry-After"), url).toBe("5");
      expect(await answer.text(), url).toContain("The database is too busy to finish this request right now. Try again in a few seconds.");
    }
    const scenario = await prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { name: true, latestRevisionNumber: true } });
    expect(scenario).toEqual({ name: "Before", latestRevisionNumber: 1 });
    expect(server.output()).not.toMatch(/Unexpected Server Error/);
  });
});
