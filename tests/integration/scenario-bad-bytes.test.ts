/**
 * A NUL byte inside a scenario document — escaped in the JSON, so the form reader sees none — is a
 * 400 that names where it is, not a 500 from PostgreSQL, whether saved from the editor or imported
 * from a file (issue 10, item 3). So is a bidirectional override in a name, as the rename form refuses it.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import * as scenarioRoute from "~/routes/o.$slug.scenarios.$id._index.tsx";
import * as historyRoute from "~/routes/o.$slug.scenarios.$id.history.tsx";
import * as pdfRoute from "~/routes/o.$slug.scenarios.$id.pdf.ts";
import * as shareRoute from "~/routes/o.$slug.scenarios.$id.share.tsx";
import * as listRoute from "~/routes/o.$slug.scenarios._index.tsx";
import { createTestOrganization, loginAs } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest, TEST_ORIGIN } from "../factories/requests.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const example = readExample("four-options-60-months");
const withNul = JSON.stringify({ ...example, name: "Plan a\u0000b" });

describe("a NUL inside a scenario document", () => {
  it("is refused when saved, naming the field", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const scenarioId = await createTestScenario(org, { ...example, name: "Clean" });
    const params = { slug: org.slug, id: scenarioId };
    const saved = await callAction(scenarioRoute.action, createPostRequest(`/o/${org.slug}/scenarios/${scenarioId}`, { intent: "save", baseRevision: "1", inputs: withNul }, cookie), params);
    expect(saved.status).toBe(400);
    expect(JSON.stringify(saved.body)).toContain("must not contain control or invisible formatting characters (found U+0000)");
    expect(await prisma.scenarioRevision.count({ where: { scenarioId } })).toBe(1);
  });

  it("refuses a right-to-left override in an option's name when saved, naming the option", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const scenarioId = await createTestScenario(org, { ...example, name: "Clean" });
    const options = (example.options as Record<string, unknown>[]).map((option, index) => (index === 1 ? { ...option, name: "GPU\u202Eexe.fdp" } : option));
    const inputs = JSON.stringify({ ...example, name: "Clean", options });
    const saved = await callAction(scenarioRoute.action, createPostRequest(`/o/${org.slug}/scenarios/${scenarioId}`, { intent: "save", baseRevision: "1", inputs }, cookie), { slug: org.slug, id: scenarioId });
    expect(saved.status).toBe(400);
    expect(JSON.stringify(saved.body)).toContain("options.1.name");
    expect(JSON.stringify(saved.body)).toContain("(found U+202E)");
    expect(await prisma.scenarioRevision.count({ where: { scenarioId } })).toBe(1);
  });

  it("is refused when imported from a file", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const form = new FormData();
    form.set("intent", "import");
    form.set("file", new File([withNul], "hostile.json", { type: "application/json" }));
    const request = new Request(new URL(`/o/${org.slug}/scenarios`, TEST_ORIGIN), { method: "POST", headers: { Origin: TEST_ORIGIN, Cookie: cookie }, body: form });
    const imported = await callAction(listRoute.action, request, { slug: org.slug });
    expect(imported.status).toBe(400);
    expect(await prisma.scenario.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("a NUL in the scenario id of the address (issue 13, fuzz finding)", () => {
  it("is the tenant 404 of every scenario route, loader and action, not a database error", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const params = { slug: org.slug, id: "\u0000" };
    const base = `/o/${org.slug}/scenarios/%00`;
    for (const loader of [scenarioRoute.loader, historyRoute.loader, shareRoute.loader, pdfRoute.loader]) {
      expect((await callLoader(loader, createGetRequest(base, cookie), params)).status).toBe(404);
    }
    expect((await callAction(scenarioRoute.action, createPostRequest(base, { intent: "archive" }, cookie), params)).status).toBe(404);
    expect((await callAction(shareRoute.action, createPostRequest(`${base}/share`, { intent: "create" }, cookie), params)).status).toBe(404);
  });
});

describe("a revision number past PostgreSQL's integer", () => {
  it("is refused naming the field and the limit, for restore, recompute and save (found by the 10,000-run fuzz)", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const scenarioId = await createTestScenario(org, { ...example, name: "Clean" });
    const path = `/o/${org.slug}/scenarios/${scenarioId}`;
    const params = { slug: org.slug, id: scenarioId };
    for (const [fields, field] of [
      [{ intent: "restore", revision: "2147483648" }, "Revision"],
      [{ intent: "recompute", revision: "99999999999" }, "Revision"],
      [{ intent: "save", baseRevision: "2147483648", inputs: JSON.stringify(example) }, "Base revision"],
    ] as const) {
      const refused = await callAction(scenarioRoute.action, createPostRequest(path, fields, cookie), params);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(`${field}: must be at most 2147483647`);
    }
    expect(await prisma.scenarioRevision.count({ where: { scenarioId } })).toBe(1);
  });
});
