/**
 * The PDF routes against a real database and the real worker thread: the bytes of a saved revision,
 * read back with pdftotext/pdfinfo, carry that revision's stored figures in the organisation's locale
 * and paper, every catalogue value with its source, and a fingerprint the verify page traces back to
 * the revision (and to "superseded" once a newer one is saved). Foreign ids, links without PDFs and
 * viewers' access behave as the rest of the app.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { getRevision, saveRevision } from "~/models/scenario.server.ts";
import { createShareLink } from "~/models/share-link.server.ts";
import { buildAssumptions, buildComparisonRows, createFormatter } from "~/reports/index.ts";
import { getPdfQueue } from "~/reports/pdf/queue.server.ts";
import * as comparePdfRoute from "~/routes/o.$slug.scenarios.compare.pdf.ts";
import * as scenarioPdfRoute from "~/routes/o.$slug.scenarios.$id.pdf.ts";
import * as verifyRoute from "~/routes/o.$slug.verify.tsx";
import * as sharedPdfRoute from "~/routes/s.$token.pdf.ts";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callLoader, createGetRequest } from "../factories/requests.ts";
import { normalise } from "../unit/pdf/fixtures.ts";
import { readPdf } from "../unit/pdf/pdf-text.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";
// The first render in a fresh worker compiles the renderer through tsx: allow for it on two cores.
const PDF_TIMEOUT = 90_000;

const example = readExample("hybrid-overflow-eur");


/** Calls a PDF loader and returns its response as the browser gets it (bytes kept binary). */
async function fetchPdf(route: { loader: (args: LoaderFunctionArgs) => unknown }, path: string, cookie: string | undefined, params: Record<string, string>) {
  const response = (await route.loader({ request: createGetRequest(path, cookie), params, context: {} })) as Response;
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

let org: TestOrganization;
let cookie: string;
let scenarioId: string;

beforeAll(async () => {
  org = await createTestOrganization({ name: "Procurement Test Org" });
  cookie = await loginAs(org.owner);
  scenarioId = await createTestScenario(org, { ...example, name: "EU assistant for the committee" });
});

afterAll(async () => {
  await getPdfQueue().close();
});

describe("scenario PDF", () => {
  it(
    "carries the stored revision's figures and sources, the same bytes twice, and a fingerprint that verifies",
    async () => {
      const path = `/o/${org.slug}/scenarios/${scenarioId}/pdf?revision=1`;
      const params = { slug: org.slug, id: scenarioId };
      const first = await fetchPdf(scenarioPdfRoute, path, cookie, params);
      expect(first.response.status).toBe(200);
      expect(first.response.headers.get("Content-Type")).toBe("application/pdf");
      expect(first.response.headers.get("Content-Disposition")).toContain("EU assistant for the committee - revision 1.pdf");

      const revision = await getRevision({ orgId: org.id, scenarioId, number: 1 });
      if (!revision) throw new Error("revision 1 missing");
      const pdf = readPdf(first.bytes);
      const text = normalise(pdf.text);
      const fmt = createFormatter(revision.result.scenario.currency.code, "en-US");
      for (const row of buildComparisonRows(revision.result, fmt)) {
        for (const cell of [row.cashTco, row.accountingTco, row.npv]) expect(text).toContain(normalise(cell.text));
      }
      for (const row of buildAssumptions(revision.result, fmt).rows) {
        expect(text).toContain(normalise(`${row.field} = ${row.valueText}`));
        for (const citation of row.source?.citations ?? []) expect(text).toContain(normalise(citation.title));
      }
      expect(pdf.info.CreationDate).toBe(`${revision.createdAt.slice(0, 19)}Z`);
      expect(pdf.info["Page size"]).toContain("(A4)");
      expect(pdf.pages.every((page) => page.includes(revision.fingerprint))).toBe(true);

      const second = await fetchPdf(scenarioPdfRoute, path, cookie, params);
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

      // The fingerprint as printed in the footer leads back to revision 1.
      const printed = /Fingerprint \(SHA-256 of the inputs\): ([0-9a-f]{64})/.exec(pdf.pages[1] ?? "")?.[1];
      expect(printed).toBe(revision.fingerprint);
      const verified = await callLoader(verifyRoute.loader, createGetRequest(`/o/${org.slug}/verify?fingerprint=${printed}`, cookie), { slug: org.slug });
      expect(verified.body).toMatchObject({ error: null, matches: [{ scenarioId, revisionNumber: 1, superseded: false }] });

      // A newer revision supersedes the printed one.
      const saved = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: { ...example, name: "EU assistant for the committee", horizonMonths: "36" }, note: null, asOf: AS_OF });
      expect(saved).toMatchObject({ ok: true, revisionNumber: 2 });
      const after = await callLoader(verifyRoute.loader, createGetRequest(`/o/${org.slug}/verify?fingerprint=${printed?.toUpperCase()}`, cookie), { slug: org.slug });
      expect(after.body).toMatchObject({ matches: [{ revisionNumber: 1, superseded: true, latestRevisionNumber: 2 }] });
    },
    PDF_TIMEOUT,
  );

  it("verify answers a fingerprint that matches nothing, and explains a malformed one", async () => {
    const none = await callLoader(verifyRoute.loader, createGetRequest(`/o/${org.slug}/verify?fingerprint=${"0".repeat(64)}`, cookie), { slug: org.slug });
    expect(none.body).toMatchObject({ error: null, matches: [] });
    const malformed = await callLoader(verifyRoute.loader, createGetRequest(`/o/${org.slug}/verify?fingerprint=abc`, cookie), { slug: org.slug });
    expect((malformed.body as { error: string }).error).toContain("64 hexadecimal digits");
  });

  it(
    "follows the organisation's page size and locale",
    async () => {
      await prisma.organization.update({ where: { id: org.id }, data: { pdfPageSize: "LETTER", locale: "de-DE" } });
      try {
        const { response, bytes } = await fetchPdf(scenarioPdfRoute, `/o/${org.slug}/scenarios/${scenarioId}/pdf`, cookie, { slug: org.slug, id: scenarioId });
        expect(response.status).toBe(200);
        const pdf = readPdf(bytes);
        expect(pdf.info["Page size"]).toContain("(letter)");
        const revision = await getRevision({ orgId: org.id, scenarioId });
        if (!revision) throw new Error("latest revision missing");
        const text = normalise(pdf.text);
        for (const row of buildComparisonRows(revision.result, createFormatter("EUR", "de-DE"))) expect(text).toContain(normalise(row.cashTco.text));
      } finally {
        await prisma.organization.update({ where: { id: org.id }, data: { pdfPageSize: "A4", locale: "en-US" } });
      }
    },
    PDF_TIMEOUT,
  );

  it("is open to viewers, and a 404 for another organisation's scenario or an unknown revision", async () => {
    const viewer = await createTestMember(org, "viewer");
    const viewerCookie = await loginAs(viewer);
    const viewed = await fetchPdf(scenarioPdfRoute, `/o/${org.slug}/scenarios/${scenarioId}/pdf?revision=1`, viewerCookie, { slug: org.slug, id: scenarioId });
    expect(viewed.response.status).toBe(200);

    const other = await createTestOrganization({ name: "Other Org" });
    const otherCookie = await loginAs(other.owner);
    const foreign = await callLoader(scenarioPdfRoute.loader, createGetRequest(`/o/${other.slug}/scenarios/${scenarioId}/pdf`, otherCookie), { slug: other.slug, id: scenarioId });
    expect(foreign.status).toBe(404);
    const missing = await callLoader(scenarioPdfRoute.loader, createGetRequest(`/o/${org.slug}/scenarios/${scenarioId}/pdf?revision=99`, cookie), { slug: org.slug, id: scenarioId });
    expect(missing.status).toBe(404);
    const verifyElsewhere = await callLoader(verifyRoute.loader, createGetRequest(`/o/${other.slug}/verify?fingerprint=${(await getRevision({ orgId: org.id, scenarioId }))?.fingerprint}`, otherCookie), { slug: other.slug });
    expect(verifyElsewhere.body).toMatchObject({ matches: [] });
  }, PDF_TIMEOUT);
});

describe("comparison PDF", () => {
  it(
    "puts 2 scenarios side by side at the chosen revisions; a foreign id is a 404",
    async () => {
      const otherId = await createTestScenario(org, { ...example, name: "Second scenario" });
      const path = `/o/${org.slug}/scenarios/compare/pdf?s=${scenarioId}@1&s=${otherId}`;
      const { response, bytes } = await fetchPdf(comparePdfRoute, path, cookie, { slug: org.slug });
      expect(response.status).toBe(200);
      const text = normalise(readPdf(bytes).text);
      for (const [id, number] of [
        [scenarioId, 1],
        [otherId, 1],
      ] as const) {
        const revision = await getRevision({ orgId: org.id, scenarioId: id, number });
        expect(text).toContain(revision?.fingerprint);
      }
      expect(text).toContain("Second scenario (revision 1)");

      const other = await createTestOrganization({ name: "Foreign Org" });
      const foreignId = await createTestScenario(other, { ...example, name: "Not yours" });
      const foreign = await callLoader(comparePdfRoute.loader, createGetRequest(`/o/${org.slug}/scenarios/compare/pdf?s=${scenarioId}&s=${foreignId}`, cookie), { slug: org.slug });
      expect(foreign.status).toBe(404);
      const single = await callLoader(comparePdfRoute.loader, createGetRequest(`/o/${org.slug}/scenarios/compare/pdf?s=${scenarioId}`, cookie), { slug: org.slug });
      expect(single.status).toBe(400);
    },
    PDF_TIMEOUT,
  );
});

describe("shared PDF", () => {
  it(
    "answers the PDF when the link allows it, without the author's address, and a 404 when it does not",
    async () => {
      const allowed = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "Committee", revisionNumber: 1, followLatest: false, expiresInDays: 7, allowPdf: true });
      const refused = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "No PDF", revisionNumber: 1, followLatest: false, expiresInDays: 7, allowPdf: false });
      if (!allowed || !refused) throw new Error("share links not created");

      const { response, bytes } = await fetchPdf(sharedPdfRoute, `/s/${allowed.token}/pdf`, undefined, { token: allowed.token });
      expect(response.status).toBe(200);
      expect(response.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
      const text = normalise(readPdf(bytes).text);
      const revision = await getRevision({ orgId: org.id, scenarioId, number: 1 });
      expect(text).toContain(revision?.fingerprint);
      expect(text).not.toContain(org.owner.email);

      const noPdf = await callLoader(sharedPdfRoute.loader, createGetRequest(`/s/${refused.token}/pdf`), { token: refused.token });
      expect(noPdf.status).toBe(404);
      const dead = await callLoader(sharedPdfRoute.loader, createGetRequest(`/s/${"x".repeat(43)}/pdf`), { token: "x".repeat(43) });
      expect(dead.status).toBe(404);
    },
    PDF_TIMEOUT,
  );
});
