/**
 * The share-link token never reaches the server's output (ADR 011, "The token stays out of logs"):
 * the production build served exactly as `npm start` serves it (SERVER_NODE_ARGS: remix-serve with
 * the request-log redaction preload), asked for a link in every form a browser sends it, then its
 * whole stdout and stderr searched for the token. Also checks the headers on the wire.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScenario } from "~/models/scenario.server.ts";
import { createShareLink, revokeShareLink } from "~/models/share-link.server.ts";
import { buildIfStale, SERVER_NODE_ARGS } from "../../scripts/lib/app.ts";
import { portAnswers, sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { createTestOrganization, type TestOrganization } from "../factories/index.ts";

const example = JSON.parse(readFileSync(new URL("../../public/examples/hybrid-overflow-eur.json", import.meta.url), "utf8")) as Record<string, unknown>;

let server: ChildProcessWithoutNullStreams;
let output = "";
let baseUrl: string;
let org: TestOrganization;
let linkId: string;
let token: string;
// A documentation-range address of its own (TRUST_PROXY=1), so earlier runs' requests never throttle this one.
const address = `198.51.100.${randomInt(1, 255)}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function get(path: string): Promise<Response> {
  return fetch(new URL(path, baseUrl), { redirect: "manual", headers: { "X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 Firefox/133.0" } });
}

beforeAll(async () => {
  await buildIfStale();
  org = await createTestOrganization({ name: "Log Test Org" });
  const created = await createScenario({ orgId: org.id, userId: org.owner.id, inputs: { ...example, name: "Logged scenario" }, asOf: "2026-12-01" });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const link = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId: created.scenarioId, label: "log test", revisionNumber: 1, followLatest: false, expiresInDays: 1, allowPdf: false });
  if (!link) throw new Error("link not created");
  ({ token, linkId } = link);

  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), TRUST_PROXY: "1" },
  });
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !(await portAnswers(port)); waited += 100) {
    if (waited > 60_000 || server.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await sleep(100);
  }
}, 240_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  // remix-serve closes its listener on SIGTERM, but the database pool keeps the process alive.
  await Promise.race([exited, sleep(2000)]);
  if (server.exitCode === null) server.kill("SIGKILL");
});

describe("the production server", () => {
  it("serves the link with noindex, no-referrer and no-store, and the same headers on the 404", async () => {
    const page = await get(`/s/${token}`);
    expect(page.status, output).toBe(200);
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
      for (const path of [`/s/${token}`, `/s/${token}/anything`]) await fetch(new URL(path, baseUrl), { method, redirect: "manual", headers: { "X-Forwarded-For": address, Origin: baseUrl } });
    }
    const dataRequest = await get(`/s/${token}.data`);
    expect(dataRequest.status).toBe(200);
    expect(dataRequest.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
    await revokeShareLink({ orgId: org.id, userId: org.owner.id, linkId });
    expect((await get(`/s/${token}`)).status).toBe(404);
    // morgan writes its line when the response ends; give the last one a moment.
    await sleep(200);

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
