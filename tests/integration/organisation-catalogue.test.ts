/**
 * Issue 11, organisation catalogue (docs/decisions/021-organisation-catalogue.md), against a real
 * PostgreSQL through the real routes and models:
 * - an override is the organisation's alone: another organisation's catalogue loader (the pickers'),
 *   its new scenarios and their results never see it; it is audited and can be removed;
 * - a LiteLLM price file (built here) previews and, on confirmation, applies as a new version;
 * - a malformed file changes nothing and lists each bad row with its line;
 * - a scenario naming an unknown catalogue id is refused naming the id and the field.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getOrganisationCatalogue, getOrganisationLayer, removeCatalogueEntry } from "~/models/organization-catalogue.server.ts";
import { createScenario, duplicateScenario, getRevision, renameScenario, saveRevision } from "~/models/scenario.server.ts";
import * as publicCatalogueRoute from "~/routes/catalog.tsx";
import * as catalogueRoute from "~/routes/o.$slug.catalogue._index.tsx";
import * as entryRoute from "~/routes/o.$slug.catalogue.entry.tsx";
import * as importRoute from "~/routes/o.$slug.catalogue.import.tsx";
import * as scenariosRoute from "~/routes/o.$slug.scenarios._index.tsx";
import * as scenarioRoute from "~/routes/o.$slug.scenarios.$id._index.tsx";
import { prisma } from "../factories/db.ts";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest, TEST_ORIGIN } from "../factories/requests.ts";
import { buildLiteLlmText, chatEntry, defaultLiteLlmEntries } from "../fixtures/litellm.ts";
import { readExample } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";
const H100_NOTE = "negotiated H100 price, MSA 2026-09";
const fourOptions = readExample("four-options-60-months");

type StoredOption = { id: string; catalogueValues: { field: string; status: string; value: string; catalogue: { sources: unknown[]; asOf: string } | null }[]; totals: { cash: string } };

function overrideH100(org: TestOrganization, cookie: string, fields: Record<string, string> = {}) {
  return callAction(
    entryRoute.action,
    createPostRequest(`/o/${org.slug}/catalogue/entry`, { intent: "save", base: "0", id: "gpu.h100-sxm", kind: "gpus", label: "NVIDIA H100 SXM", "value.unitPrice": "30000", "value.powerKw": "0.7", sourceNote: H100_NOTE, asOf: "2026-09-15", ...fields }, cookie),
    { slug: org.slug },
  );
}

/** A scenario made from the "four options" template through the scenarios page, as a person would. */
async function createFromTemplate(org: TestOrganization, cookie: string): Promise<string> {
  const created = await callAction(scenariosRoute.action, createPostRequest(`/o/${org.slug}/scenarios`, { intent: "template", templateId: "four-options" }, cookie), { slug: org.slug });
  expect(created.status, JSON.stringify(created.body)).toBe(302);
  return (created.location ?? "").split("/").at(-1) as string;
}

async function ownedH100(org: TestOrganization, scenarioId: string): Promise<StoredOption> {
  const revision = await getRevision({ orgId: org.id, scenarioId });
  const option = (revision?.result.scenario.options as unknown as StoredOption[]).find((item) => item.id === "owned-h100");
  if (!option) throw new Error("no owned-h100 option");
  return option;
}

/** A multipart upload of `text` as `fileName` to the import page. */
function uploadPriceFile(org: TestOrganization, cookie: string, text: string, fileName: string) {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new File([text], fileName, { type: "application/json" }));
  return callAction(importRoute.action, new Request(new URL(`/o/${org.slug}/catalogue/import`, TEST_ORIGIN), { method: "POST", headers: { Origin: TEST_ORIGIN, Cookie: cookie }, body: form }), { slug: org.slug });
}

let orgA: TestOrganization;
let orgB: TestOrganization;
let adminA: string;
let ownerB: string;

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "Catalogue A" }), createTestOrganization({ name: "Catalogue B" })]);
  adminA = await loginAs(await createTestMember(orgA, "admin"));
  ownerB = await loginAs(orgB.owner);
});

describe("an organisation's override", () => {
  it("is saved as a new version with its note and date, audited, and used by that organisation's new scenarios only", async () => {
    const saved = await overrideH100(orgA, adminA);
    expect(saved.status, JSON.stringify(saved.body)).toBe(302);
    expect(saved.location).toBe(`/o/${orgA.slug}/catalogue?saved=gpu.h100-sxm`);

    const version = await prisma.organizationCatalogueVersion.findFirstOrThrow({ where: { orgId: orgA.id } });
    expect(version).toMatchObject({ number: 1, entries: [{ id: "gpu.h100-sxm", kind: "gpus", values: { unitPrice: "30000", powerKw: "0.7" }, sourceNote: H100_NOTE, asOf: "2026-09-15" }] });
    expect(await prisma.auditEvent.findFirst({ where: { orgId: orgA.id, action: "catalogue.entry_saved" } })).toMatchObject({
      target: "gpu.h100-sxm",
      metadata: { values: { unitPrice: "30000", powerKw: "0.7" }, sourceNote: H100_NOTE, asOf: "2026-09-15", catalogueVersion: 1 },
    });

    // The pickers' catalogue: A sees its override, B the built-in entry.
    expect((await getOrganisationCatalogue({ orgId: orgA.id })).get("gpu.h100-sxm")).toMatchObject({ values: { unitPrice: "30000" }, sources: [{ kind: "note", note: H100_NOTE, asOf: "2026-09-15" }] });
    expect((await getOrganisationCatalogue({ orgId: orgB.id })).get("gpu.h100-sxm")).toMatchObject({ values: { unitPrice: "37500" }, organisation: null });
    expect(await getOrganisationLayer({ orgId: orgB.id })).toEqual({ number: 0, entries: [] });
    const pageB = await callLoader(catalogueRoute.loader, createGetRequest(`/o/${orgB.slug}/catalogue`, ownerB), { slug: orgB.slug });
    expect(JSON.stringify(pageB.body)).not.toContain(H100_NOTE);
    // Nor does the public catalogue, even for A's own admin.
    const pageA = await callLoader(catalogueRoute.loader, createGetRequest(`/o/${orgA.slug}/catalogue`, adminA), { slug: orgA.slug });
    expect(JSON.stringify(pageA.body)).toContain(H100_NOTE);
    for (const cookie of [adminA, undefined]) {
      const publicPage = await callLoader(publicCatalogueRoute.loader, createGetRequest("/catalog", cookie));
      expect(publicPage.status).toBe(200);
      expect(JSON.stringify(publicPage.body)).not.toContain(H100_NOTE);
    }

    // New scenarios: A's owned H100s cost 30,000 each, marked as the organisation's; B's keep 37,500.
    const [scenarioA, scenarioB] = [await createFromTemplate(orgA, adminA), await createFromTemplate(orgB, ownerB)];
    const [ownedA, ownedB] = [await ownedH100(orgA, scenarioA), await ownedH100(orgB, scenarioB)];
    expect(ownedA.catalogueValues.find((used) => used.field === "gpu.unitPrice")).toMatchObject({ status: "organisation", value: "30000", catalogue: { sources: [{ publisher: null, title: H100_NOTE, urls: [], date: "2026-09-15" }], asOf: "2026-09-15" } });
    expect(ownedB.catalogueValues.find((used) => used.field === "gpu.unitPrice")).toMatchObject({ status: "catalogue", value: "37500" });
    expect(Number(ownedA.totals.cash)).toBeLessThan(Number(ownedB.totals.cash));
    // The revision names the catalogue version it used.
    expect((await getRevision({ orgId: orgA.id, scenarioId: scenarioA }))?.catalogueVersion).toMatch(/\+org\.1$/);
    expect((await getRevision({ orgId: orgB.id, scenarioId: scenarioB }))?.catalogueVersion).not.toContain("+org");
    // The scenario page hands the layer to the pickers: B's never carries A's entries.
    const editorB = await callLoader(scenarioRoute.loader, createGetRequest(`/o/${orgB.slug}/scenarios/${scenarioB}`, ownerB), { slug: orgB.slug, id: scenarioB });
    expect((editorB.body as { catalogueLayer: unknown }).catalogueLayer).toEqual({ number: 0, entries: [] });
  });

  it("B cannot remove or reach A's override through its own pages", async () => {
    const before = await prisma.organizationCatalogueVersion.count({ where: { orgId: orgA.id } });
    const removed = await callAction(catalogueRoute.action, createPostRequest(`/o/${orgB.slug}/catalogue`, { intent: "remove", id: "gpu.h100-sxm", base: "0" }, ownerB), { slug: orgB.slug });
    expect(removed.status).toBe(404);
    const foreign = await callAction(catalogueRoute.action, createPostRequest(`/o/${orgA.slug}/catalogue`, { intent: "remove", id: "gpu.h100-sxm", base: "1" }, ownerB), { slug: orgA.slug });
    expect(foreign.status).toBe(404);
    expect(await prisma.organizationCatalogueVersion.count({ where: { orgId: orgA.id } })).toBe(before);
  });

  it("refuses an override without a source note or date, or with a value that is not a decimal string, naming each field", async () => {
    const refused = await overrideH100(orgA, adminA, { sourceNote: " ", asOf: "2026-02-30", "value.unitPrice": "3e4" });
    expect(refused.status).toBe(400);
    expect((refused.body as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      sourceNote: "Source note: required",
      asOf: "As of: must be a date YYYY-MM-DD",
      "value.unitPrice": 'Unit price: must be a decimal string such as "12.5" (no sign, no exponent)',
    });
  });

  it("viewers and editors get 404 on the override, add and import pages and cannot change anything", async () => {
    for (const role of ["viewer", "editor"] as const) {
      const cookie = await loginAs(await createTestMember(orgA, role));
      expect((await callLoader(entryRoute.loader, createGetRequest(`/o/${orgA.slug}/catalogue/entry?id=gpu.h100-sxm`, cookie), { slug: orgA.slug })).status, role).toBe(404);
      expect((await callLoader(importRoute.loader, createGetRequest(`/o/${orgA.slug}/catalogue/import`, cookie), { slug: orgA.slug })).status, role).toBe(404);
      expect((await overrideH100(orgA, cookie)).status, role).toBe(404);
      // Reading the catalogue is everyone's.
      expect((await callLoader(catalogueRoute.loader, createGetRequest(`/o/${orgA.slug}/catalogue`, cookie), { slug: orgA.slug })).status, role).toBe(200);
    }
  });

  it("is removed as a new version, audited, and the built-in entry applies again", async () => {
    const layer = await getOrganisationLayer({ orgId: orgA.id });
    const removed = await callAction(catalogueRoute.action, createPostRequest(`/o/${orgA.slug}/catalogue`, { intent: "remove", id: "gpu.h100-sxm", base: String(layer.number) }, adminA), { slug: orgA.slug });
    expect(removed.status, JSON.stringify(removed.body)).toBe(302);
    const after = await getOrganisationLayer({ orgId: orgA.id });
    expect(after).toEqual({ number: layer.number + 1, entries: [] });
    expect(await prisma.auditEvent.findFirst({ where: { orgId: orgA.id, action: "catalogue.entry_removed" } })).toMatchObject({ target: "gpu.h100-sxm", metadata: { values: { unitPrice: "30000" }, sourceNote: H100_NOTE } });
    // Earlier versions stay as they were.
    expect(await prisma.organizationCatalogueVersion.count({ where: { orgId: orgA.id } })).toBe(after.number);
    expect((await getOrganisationCatalogue({ orgId: orgA.id })).get("gpu.h100-sxm")).toMatchObject({ values: { unitPrice: "37500" }, organisation: null });
    const scenario = await createFromTemplate(orgA, adminA);
    expect((await ownedH100(orgA, scenario)).catalogueValues.find((used) => used.field === "gpu.unitPrice")).toMatchObject({ status: "catalogue", value: "37500" });
  });
});

describe("price import", () => {
  it("previews a LiteLLM file (changed, new, unchanged, missing) and applies it on confirmation as a new version", async () => {
    const org = await createTestOrganization({ name: "Import" });
    const cookie = await loginAs(org.owner);
    const text = buildLiteLlmText([...defaultLiteLlmEntries(), ["mistral/mistral-small-latest", chatEntry("mistral", "1e-07", "3e-07", "1e-08")]]);
    const preview = await uploadPriceFile(org, cookie, text, "model_prices_and_context_window.json");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const body = preview.body as { kind: string; base: number; format: string; preview: { changed: { id: string; field: string; from: string; to: string }[]; added: { id: string }[]; unchanged: number; missing: string[] }; notImported: { line: number; key: string }[]; entryCount: number };
    expect(body).toMatchObject({ kind: "preview", base: 0, format: "litellm", entryCount: 2 });
    expect(body.preview.changed).toEqual([
      expect.objectContaining({ id: "api.anthropic.claude-sonnet-5", field: "inputPricePerMillion", from: "2", to: "3" }),
      expect.objectContaining({ id: "api.anthropic.claude-sonnet-5", field: "cachedInputPricePerMillion", from: "0.2", to: "0.3" }),
      expect.objectContaining({ id: "api.anthropic.claude-sonnet-5", field: "outputPricePerMillion", from: "10", to: "15" }),
    ]);
    expect(body.preview.added.map((added) => added.id)).toEqual(["api.mistral.mistral-small-latest"]);
    expect(body.preview.unchanged).toBe(2);
    expect(body.preview.missing).toContain("api.openai.gpt-5-mini");
    // An id scenarios could never name is listed, with its line, and left out.
    expect(body.notImported).toEqual([expect.objectContaining({ key: "api.openrouter.meta-llama/llama-4-maverick" })]);
    // A preview changes nothing.
    expect(await prisma.organizationCatalogueVersion.count({ where: { orgId: org.id } })).toBe(0);

    const applied = await callAction(importRoute.action, createPostRequest(`/o/${org.slug}/catalogue/import`, { intent: "apply", base: "0", fileName: "model_prices_and_context_window.json", text }, cookie), { slug: org.slug });
    expect(applied.status, JSON.stringify(applied.body)).toBe(302);
    const catalogue = await getOrganisationCatalogue({ orgId: org.id });
    expect(catalogue.version).toMatch(/\+org\.1$/);
    expect(catalogue.get("api.anthropic.claude-sonnet-5")).toMatchObject({
      values: { inputPricePerMillion: "3", cachedInputPricePerMillion: "0.3", outputPricePerMillion: "15", batchDiscount: "0.5" },
      sources: [{ kind: "note", note: "Imported from model_prices_and_context_window.json (litellm)" }],
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(catalogue.get("api.mistral.mistral-small-latest")).toMatchObject({ kind: "apiPrices", values: { inputPricePerMillion: "0.1", cachedInputPricePerMillion: "0.01", outputPricePerMillion: "0.3", batchDiscount: "0" } });
    expect(catalogue.get("api.openai.gpt-5")?.organisation).toBeNull();
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "catalogue.imported" } })).toMatchObject({ metadata: { format: "litellm", changed: 1, added: 1, catalogueVersion: 1 } });

    // Confirming the same preview again is refused: the catalogue moved on since.
    const again = await callAction(importRoute.action, createPostRequest(`/o/${org.slug}/catalogue/import`, { intent: "apply", base: "0", fileName: "model_prices_and_context_window.json", text }, cookie), { slug: org.slug });
    expect(again.status).toBe(409);
    expect(await prisma.organizationCatalogueVersion.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("refuses a malformed file as a whole, listing each bad row with its line, and changes nothing", async () => {
    const org = await createTestOrganization({ name: "Bad import" });
    const cookie = await loginAs(org.owner);
    const text = buildLiteLlmText([
      ["gpt-5", chatEntry("openai", "1.25e-06", "1e-05", "1.25e-07")],
      ["claude-sonnet-5", chatEntry("anthropic", "-3e-06", "1.5e-05")],
      ["gemini/gemini-2.5-flash", chatEntry("gemini", '"abc"', "2.5e-06")],
    ]);
    const lines = text.split("\n");
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    for (const request of [
      () => uploadPriceFile(org, cookie, text, "prices.json"),
      () => callAction(importRoute.action, createPostRequest(`/o/${org.slug}/catalogue/import`, { intent: "apply", base: "0", fileName: "prices.json", text }, cookie), { slug: org.slug }),
    ]) {
      const refused = await request();
      expect(refused.status).toBe(400);
      const problems = (refused.body as { problems: { line: number; key?: string; reason: string }[] }).problems;
      expect(problems.map((problem) => [problem.key, problem.line])).toEqual([
        ["claude-sonnet-5", expect.any(Number)],
        ["gemini/gemini-2.5-flash", expect.any(Number)],
      ]);
      expect(problems[0]?.line).toBeGreaterThanOrEqual(lineOf('"claude-sonnet-5"'));
      expect(problems[1]?.line).toBeGreaterThanOrEqual(lineOf('"gemini/gemini-2.5-flash"'));
      for (const problem of problems) expect(problem.reason.length).toBeGreaterThan(5);
    }
    expect(await prisma.organizationCatalogueVersion.count({ where: { orgId: org.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "catalogue.imported" } })).toBe(0);
  });

  it("names a file by what can be seen of its name: blank or control characters never reach the message (found by the 10,000-run fuzz)", async () => {
    const org = await createTestOrganization({ name: "Odd file names" });
    const cookie = await loginAs(org.owner);
    const blank = await uploadPriceFile(org, cookie, "\u0000", "   \n");
    expect(blank.status).toBe(400);
    expect((blank.body as { formError: string }).formError).toMatch(/^File: unnamed file has 1 bad row \(line 1: /);
    const hidden = await uploadPriceFile(org, cookie, "\u0000", "prices\u202E\u0007\tnov.csv");
    expect((hidden.body as { formError: string; fileName: string }).fileName).toBe("prices nov.csv");
    const apply = await callAction(importRoute.action, createPostRequest(`/o/${org.slug}/catalogue/import`, { intent: "apply", base: "0", fileName: "a\u202Eb.json", text: "{" }, cookie), { slug: org.slug });
    expect((apply.body as { formError: string }).formError).toMatch(/^File: a b\.json has 1 bad row \(line 1: /);
  });
});

describe("catalogue ids", () => {
  it("a scenario naming an unknown catalogue id is refused, naming the id and the field; an organisation's own id is accepted there only", async () => {
    const options = (fourOptions.options as Record<string, unknown>[]).map((option) => (option.id === "rented-h100" ? { ...option, catalogId: "rent.eu-cloud.h100" } : option));
    const inputs = { ...fourOptions, options };
    const refused = await createScenario({ orgId: orgB.id, userId: orgB.owner.id, inputs, asOf: AS_OF });
    expect(refused).toEqual({ ok: false, issues: [{ path: "options.3.catalogId", message: 'names "rent.eu-cloud.h100", which is not an entry of the catalogue' }] });

    const added = await callAction(
      entryRoute.action,
      createPostRequest(`/o/${orgA.slug}/catalogue/entry`, { intent: "save", base: String((await getOrganisationLayer({ orgId: orgA.id })).number), id: "rent.eu-cloud.h100", kind: "gpuRentals", label: "EU cloud H100", "value.pricePerGpuHour": "2.5", "value.gpusPerNode": "8", sourceNote: "quote Q4 2026", asOf: "2026-10-01" }, adminA),
      { slug: orgA.slug },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(302);
    const accepted = await createScenario({ orgId: orgA.id, userId: orgA.owner.id, inputs, asOf: AS_OF });
    expect(accepted.ok).toBe(true);
    // Still unknown to B.
    expect((await createScenario({ orgId: orgB.id, userId: orgB.owner.id, inputs, asOf: AS_OF })).ok).toBe(false);

    // Once A removes its entry, the scenario keeps its stored figures through a rename or a copy, and a
    // save that would compute against the entry is refused, naming it.
    if (!accepted.ok) return;
    const layer = await getOrganisationLayer({ orgId: orgA.id });
    expect((await removeCatalogueEntry({ orgId: orgA.id, userId: orgA.owner.id, entryId: "rent.eu-cloud.h100", base: layer.number }))?.ok).toBe(true);
    const scope = { orgId: orgA.id, userId: orgA.owner.id, scenarioId: accepted.scenarioId };
    expect(await renameScenario({ ...scope, name: "EU cloud plan" })).toMatchObject({ ok: true, revisionNumber: 2 });
    expect(await duplicateScenario(scope)).toMatchObject({ revisionNumber: 1 });
    expect(await saveRevision({ ...scope, baseRevisionNumber: 2, inputs: { ...inputs, name: "EU cloud plan" }, note: "again", asOf: AS_OF })).toEqual({
      ok: false,
      reason: "invalid",
      issues: [{ path: "options.3.catalogId", message: 'names "rent.eu-cloud.h100", which is not an entry of the catalogue' }],
    });
  });
});
