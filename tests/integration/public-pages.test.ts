/**
 * The public pages through the production server (ADR 018): signed out, /catalog and /methodology
 * are public answers the server keeps (server/public-cache.ts) and serves again with each response's
 * own nonce and an ETag; signed in they name the viewer and stay out of every cache.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { requestFrom, startProductionServer, type ProductionServer, type RawResponse } from "../factories/production-server.ts";

const CLIENT = "127.0.0.41";
let server: ProductionServer;
let org: TestOrganization;
let cookie: string;

beforeAll(async () => {
  org = await createTestOrganization({ name: "Public Pages Org" });
  cookie = await loginAs(org.owner);
  // One process: every request meets the same cache.
  server = await startProductionServer({ WEB_CONCURRENCY: "1" });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return requestFrom(server, CLIENT, path, { headers });
}

/** The CSP nonce of an answer, and whether every inline script of its page carries exactly that one. */
function nonceOf(answer: RawResponse): { nonce: string | undefined; scriptsCarryIt: boolean } {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
  const scripts = [...answer.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? "");
  return { nonce, scriptsCarryIt: scripts.length > 0 && scripts.every((attributes) => attributes.includes(`nonce="${nonce}"`)) };
}

/** The page with its nonces blanked: what must be the same from one answer to the next. */
const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

describe.each(["/catalog", "/methodology"])("%s", (path) => {
  it("signed out: public for a minute to shared caches, revalidated by browsers, the same page with a new nonce each time", async () => {
    const first = await get(path);
    const second = await get(path);
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(answer.headers["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=60");
      expect(answer.headers.vary).toMatch(/Cookie/);
      expect(nonceOf(answer).scriptsCarryIt).toBe(true);
    }
    expect(nonceOf(second).nonce).not.toBe(nonceOf(first).nonce);
    expect(withoutNonces(second.body)).toBe(withoutNonces(first.body));
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.body).toContain('href="/login"');
  });

  it("signed out with the page's ETag: 304 with no body and no Content-Security-Policy", async () => {
    const etag = (await get(path)).headers.etag ?? "";
    expect(etag).toMatch(/^W\//);
    const again = await get(path, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers["content-security-policy"]).toBeUndefined();
  });

  it("signed in: names the viewer, no-store, no ETag, even after signed-out answers were kept", async () => {
    await get(path);
    const answer = await get(path, { Cookie: cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers.etag).toBeUndefined();
    // React separates the text from the name with a comment.
    expect(answer.body.replaceAll("<!-- -->", "")).toContain(`Back to ${org.name}`);
    expect(nonceOf(answer).scriptsCarryIt).toBe(true);
  });
});
