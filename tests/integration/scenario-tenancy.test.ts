/**
 * Tenant isolation of the scenario pages: another organisation's scenario and revision ids sent under
 * your own organisation's URL get 404 from every loader and every action intent, and the foreign rows
 * stay exactly as they were. A viewer's writes on their own organisation's scenario get the same 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import * as compareRoute from "~/routes/o.$slug.scenarios.compare.tsx";
import * as historyRoute from "~/routes/o.$slug.scenarios.$id.history.tsx";
import * as scenarioRoute from "~/routes/o.$slug.scenarios.$id._index.tsx";
import * as listRoute from "~/routes/o.$slug.scenarios._index.tsx";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const example = readExample("four-options-60-months");

let orgA: TestOrganization;
let orgB: TestOrganization;
let cookieA: string;
let viewerCookie: string;
let scenarioA: string;
let scenarioB: string;


async function snapshot(orgId: string) {
  const [scenarios, revisions] = await Promise.all([
    prisma.scenario.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.scenarioRevision.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { id: true, scenarioId: true, number: true, fingerprint: true, note: true } }),
  ]);
  return { scenarios, revisions };
}

/** Every write the scenario page knows, each aimed at scenario `id` named `name`. */
function writeBodies(name: string): Record<string, string>[] {
  return [
    { intent: "save", baseRevision: "1", inputs: JSON.stringify({ ...example, name: "Taken over" }) },
    { intent: "restore", revision: "1" },
    { intent: "recompute", revision: "1" },
    { intent: "rename", name: "Taken over" },
    { intent: "archive" },
    { intent: "unarchive" },
    { intent: "duplicate" },
    { intent: "delete", confirmName: name },
  ];
}

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "Scenario Org A" }), createTestOrganization({ name: "Scenario Org B" })]);
  [scenarioA, scenarioB] = await Promise.all([createTestScenario(orgA, { ...example, name: "A's scenario" }), createTestScenario(orgB, { ...example, name: "B's scenario" })]);
  const viewer = await createTestMember(orgA, "viewer");
  [cookieA, viewerCookie] = await Promise.all([loginAs(orgA.owner), loginAs(viewer)]);
});

describe("another organisation's scenario ids under your own organisation's URL", () => {
  it("the scenario page, an old revision and the history answer 404", async () => {
    const params = { slug: orgA.slug, id: scenarioB };
    expect((await callLoader(scenarioRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/${scenarioB}`, cookieA), params)).status).toBe(404);
    expect((await callLoader(scenarioRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/${scenarioB}?revision=1`, cookieA), params)).status).toBe(404);
    expect((await callLoader(historyRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/${scenarioB}/history?from=1&to=1`, cookieA), params)).status).toBe(404);
  });

  it("compare answers 404 when any selected scenario is foreign", async () => {
    const url = `/o/${orgA.slug}/scenarios/compare?s=${scenarioA}&s=${scenarioB}`;
    expect((await callLoader(compareRoute.loader, createGetRequest(url, cookieA), { slug: orgA.slug })).status).toBe(404);
    const own = await callLoader(compareRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/compare?s=${scenarioA}&s=${scenarioA}@1`, cookieA), { slug: orgA.slug });
    expect(own.status).toBe(200);
  });

  it("every write intent answers 404 and changes nothing in either organisation", async () => {
    const [beforeA, beforeB] = await Promise.all([snapshot(orgA.id), snapshot(orgB.id)]);
    for (const fields of writeBodies("B's scenario")) {
      const result = await callAction(scenarioRoute.action, createPostRequest(`/o/${orgA.slug}/scenarios/${scenarioB}`, fields, cookieA), { slug: orgA.slug, id: scenarioB });
      expect(result.status, fields.intent).toBe(404);
    }
    expect(await snapshot(orgA.id)).toEqual(beforeA);
    expect(await snapshot(orgB.id)).toEqual(beforeB);
  });

  it("the list's own scenarios never include the other organisation's", async () => {
    const result = await callLoader(listRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios`, cookieA), { slug: orgA.slug });
    const ids = (result.body as { scenarios: { id: string }[] }).scenarios.map((scenario) => scenario.id);
    expect(ids).toContain(scenarioA);
    expect(ids).not.toContain(scenarioB);
  });
});

describe("a viewer", () => {
  it("reads the scenario but every write, and creating one, answers 404 with nothing changed", async () => {
    const read = await callLoader(scenarioRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/${scenarioA}`, viewerCookie), { slug: orgA.slug, id: scenarioA });
    expect(read.status).toBe(200);
    expect((read.body as { canEdit: boolean }).canEdit).toBe(false);
    const before = await snapshot(orgA.id);
    for (const fields of writeBodies("A's scenario")) {
      const result = await callAction(scenarioRoute.action, createPostRequest(`/o/${orgA.slug}/scenarios/${scenarioA}`, fields, viewerCookie), { slug: orgA.slug, id: scenarioA });
      expect(result.status, fields.intent).toBe(404);
    }
    const created = await callAction(listRoute.action, createPostRequest(`/o/${orgA.slug}/scenarios`, { intent: "template", templateId: "blank" }, viewerCookie), { slug: orgA.slug });
    expect(created.status).toBe(404);
    expect(await snapshot(orgA.id)).toEqual(before);
  });
});
