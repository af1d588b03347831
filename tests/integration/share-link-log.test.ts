/**
 * The share-link token never reaches the server's output (ADR 011, "The token stays out of logs"):
 * the production build served exactly as `npm start` serves it (SERVER_NODE_ARGS: the app's own server
 * and its redacting request log, ADR 014), asked for a link in every form a browser sends it, then its
 * whole stdout and stderr searched for the token. Also checks the headers on the wire.
 */
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink, revokeShareLink } from "~/models/share-link.server.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { createTestOrganization, type TestOrganization } from "../factories/index.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const example = readExample("hybrid-overflow-eur");

let server: ProductionServer;
let org: TestOrganization;
let linkId: string;
let token: string;
// A documentation-range address of its own (TRUST_PROXY=1: the server reads it from X-Forwarded-For),
// so earlier runs' requests never throttle this one.
const address = `198.51.100.${randomInt(1, 255)}`;

function get(path: string): Promise<Response> {
  return fetch(new URL(path, server.baseUrl), { redirect: "manual", headers: { "X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 Firefox/133.0" } });
}

beforeAll(async () => {
  org = await createTestOrganization({ name: "Log Test Org" });
  const scenarioId = await createTestScenario(org, { ...example, name: "Logged scenario" });
  const link = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "log test", revisionNumber: 1, followLatest: false, expiresInDays: 1, allowPdf: false });
  if (!link) throw new Error("link not created");
  ({ token, linkId } = link);

  server = await startProductionServer({ TRUST_PROXY: "1" });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe("the production server", () => {
  it("serves the link with noindex, no-referrer and no-store, and the same headers on the 404", async () => {
    const page = await get(`/s/${token}`);
    expect(page.status, server.output()).toBe(200);
    const html = await page.text();
    expect(html).toContain("Logged scenario");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const unknown = await get(`/s/${randomBytes(32).toString("base64url")}`);
    expect(unknown.status).toBe(404);
    for (const response of [page, unknown]) {
      expect(response.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
      expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    }
  });

  it("never writes the token to its output, whatever form the request takes", async () => {
    const encoded = encodeURIComponent(`/s/${token}`);
    const requests = [`/s/${token}.data`, `/__manifest?p=${encoded}&version=x`, `/login?redirectTo=${encoded}`, `/s/${token}/pdf`];
    for (const path of requests) await get(path);
    // Methods a page route has no answer for would make Remix log an error naming the URL.
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const path of [`/s/${token}`, `/s/${token}/anything`]) await fetch(new URL(path, server.baseUrl), { method, redirect: "manual", headers: { "X-Forwarded-For": address, Origin: server.baseUrl } });
    }
    const dataRequest = await get(`/s/${token}.data`);
    expect(dataRequest.status).toBe(200);
    expect(dataRequest.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
    await revokeShareLink({ orgId: org.id, userId: org.owner.id, linkId });
    expect((await get(`/s/${token}`)).status).toBe(404);
    // morgan writes its line when the response ends; give the last one a moment.
    await sleep(200);

    const output = server.output();
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(0, 16));
    // The requests were logged, redacted: the log is on, and the redaction is what hides the token.
    expect(output).toContain("GET /s/<redacted> 200");
    expect(output).toContain("GET /s/<redacted> 404");
    expect(output).toContain("GET /s/<redacted>.data 200");
    expect(output).toContain(`redirectTo=%2Fs%2F<redacted>`);
    expect(output).toContain(`p=%2Fs%2F<redacted>`);
  });
});
